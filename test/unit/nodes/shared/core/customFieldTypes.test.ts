import {
	isDateDataType,
	isListFieldType,
	isMultiValueDisplay,
	isNumberDataType,
	isOneOfOptionsDisplay,
} from '../../../../../nodes/shared/core/customFieldTypes';

describe("a custom field's display type (Adobe's codes, any letter case)", () => {
	test.each(['CHCK', 'MULT', 'MULTEXTRNL', 'MULTINTRNL', 'chck', ' Mult ', 'multIntrnl'])(
		'%p holds a list of values',
		(code) => {
			expect(isMultiValueDisplay(code)).toBe(true);
			expect(isOneOfOptionsDisplay(code)).toBe(false);
		},
	);

	test.each(['SLCT', 'RDIO', 'slct', ' rdio'])('%p holds one of its options', (code) => {
		expect(isOneOfOptionsDisplay(code)).toBe(true);
		expect(isMultiValueDisplay(code)).toBe(false);
	});

	test.each([
		'TEXT',
		'TYAH',
		'RICH',
		'EXTRNL',
		'INTRNL',
		'',
		'SOMETHING_NEW',
		// Spellings in none of Adobe's sources, once tested for: not accepted.
		'CHECKBOX',
		'MULTISELECT',
		'DROPDOWN',
		'RADIO',
	])('%p is text: neither a list nor one of options', (code) => {
		expect(isMultiValueDisplay(code)).toBe(false);
		expect(isOneOfOptionsDisplay(code)).toBe(false);
	});
});

describe("a field type of Workfront's metadata", () => {
	test.each([
		['string[]', true],
		[' int[] ', true],
		['string', false],
		['Task', false],
		['[]string', false],
		['', false],
	])('%p is a list: %p', (type, list) => {
		expect(isListFieldType(type)).toBe(list);
	});
});

describe("a custom field's data type", () => {
	test.each([
		['NMBR', true],
		['CURC', true],
		['nmbr', true],
		[' curc ', true],
		['TEXT', false],
		['DATE', false],
		['NUMBER', false],
	])('%p is a number: %p', (type, number) => {
		expect(isNumberDataType(type)).toBe(number);
	});

	test.each([
		['DATE', true],
		['date', true],
		['DTTM', false],
		['TEXT', false],
	])('%p is a date: %p', (type, date) => {
		expect(isDateDataType(type)).toBe(date);
	});
});
