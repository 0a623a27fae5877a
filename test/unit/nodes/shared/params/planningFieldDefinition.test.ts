import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { PLANNING_FIELD_TYPES } from '../../../../../nodes/shared/core/planning';
import { readFieldDefinition } from '../../../../../nodes/shared/params/planningFieldDefinition';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

/**
 * Planning Field > Create's new field as Adobe's FieldDto, read from the panel as n8n resolves
 * it. The request it becomes and Planning's answer (a select, a currency, a name already taken):
 * test/integration/nodes/Workfront/actions/planningField/create.operation.test.ts.
 */

const ALL_OPTIONS: IDataObject = {
	description: 'Why',
	selectOptions: 'Planned, Active',
	precision: 2,
	allowNegatives: false,
	currency: ' eur ',
	multipleUsersAllowed: true,
	referencedRecordTypeId: ' Rt2 ',
	multiple: false,
	formula: '{F1} * 2',
	isHtmlNative: true,
};

/** What each type sends of ALL_OPTIONS, besides its name, type and description. */
const BY_TYPE: Array<[string, IDataObject]> = [
	['TEXT', {}],
	['SINGLE_SELECT', { options: [{ displayName: 'Planned' }, { displayName: 'Active' }] }],
	['MULTI_SELECT', { options: [{ displayName: 'Planned' }, { displayName: 'Active' }] }],
	['NUMBER', { numberOptions: { precision: 2, allowNegatives: false } }],
	['PERCENTAGE', { numberOptions: { precision: 2, allowNegatives: false } }],
	['CURRENCY', { numberOptions: { precision: 2, allowNegatives: false, currency: 'EUR' } }],
	['USER', { userOptions: { multipleUsersAllowed: true } }],
	['REFERENCE', { referenceOptions: { recordTypeId: 'Rt2', multiple: false } }],
	['FORMULA', { formulaOptions: { formula: '{F1} * 2' } }],
	['PARAGRAPH', { isHtmlNative: true }],
	['DATE', {}],
	['CHECKBOX', {}],
];

function definition(parameters: IDataObject, input?: IDataObject[], itemIndex = 0): IDataObject {
	const context = workfrontExecuteContext({
		parameters: {
			resource: 'planningField',
			operation: 'create',
			recordType: { __rl: true, mode: 'id', value: 'Rt1' },
			...parameters,
		},
		input,
	});
	return readFieldDefinition(context, itemIndex);
}

function failure(parameters: IDataObject): NodeOperationError {
	try {
		definition(parameters);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('the parameters were accepted');
}

describe('readFieldDefinition', () => {
	test('the name trimmed and the type; Text by default; nothing else unless given', () => {
		expect(definition({ displayName: '  Budget ' })).toEqual({
			displayName: 'Budget',
			type: 'TEXT',
		});
	});

	// With the type from an expression n8n cannot tell which options the panel shows, and hands
	// over every one given: the type alone decides what is sent.
	test.each(BY_TYPE)('%s from an expression: only its own settings', (type, settings) => {
		expect(
			definition({
				displayName: 'F',
				fieldType: `={{ "${type}" }}`,
				fieldOptions: ALL_OPTIONS,
			}),
		).toEqual({ displayName: 'F', type, description: 'Why', ...settings });
	});

	test('the table above has every Planning field type', () => {
		expect(BY_TYPE.map(([type]) => type).sort()).toEqual([...PLANNING_FIELD_TYPES].sort());
	});

	test('a select without choices sends no options; blanks between commas are dropped', () => {
		expect(
			definition({
				displayName: 'S',
				fieldType: 'SINGLE_SELECT',
				fieldOptions: { selectOptions: ' , ' },
			}),
		).toEqual({ displayName: 'S', type: 'SINGLE_SELECT' });
		expect(
			definition({
				displayName: 'S',
				fieldType: 'MULTI_SELECT',
				fieldOptions: { selectOptions: 'a,,b' },
			}).options,
		).toEqual([{ displayName: 'a' }, { displayName: 'b' }]);
	});

	test('Additional Settings (JSON) is merged last: it wins over the panel', () => {
		expect(
			definition({
				displayName: 'Spend',
				fieldType: 'CURRENCY',
				fieldOptions: {
					currency: 'usd',
					json: '{"numberOptions": {"currency": "JPY"}, "dateOptions": {"dateFormat": "iso"}}',
				},
			}),
		).toEqual({
			displayName: 'Spend',
			type: 'CURRENCY',
			numberOptions: { currency: 'JPY' },
			dateOptions: { dateFormat: 'iso' },
		});
	});

	test('Additional Settings empty or blank adds nothing', () => {
		for (const json of ['', '  ', '{}'])
			expect(definition({ displayName: 'T', fieldOptions: { json } })).toEqual({
				displayName: 'T',
				type: 'TEXT',
			});
	});

	// An expression may give a number where the panel types text: it is read as text (Planning
	// then judges it), not a TypeError ("options.currency.trim is not a function") naming no field.
	test('a currency or a record type ID given as a number by an expression is read as text', () => {
		expect(
			definition({
				displayName: 'C',
				fieldType: 'CURRENCY',
				fieldOptions: { currency: '={{ 978 }}' },
			}).numberOptions,
		).toEqual({ currency: '978' });
		expect(
			definition({
				displayName: 'R',
				fieldType: 'REFERENCE',
				fieldOptions: { referencedRecordTypeId: '={{ 12 }}' },
			}).referenceOptions,
		).toEqual({ recordTypeId: '12' });
	});

	test('each item its own name, from its expression', () => {
		const input = [{ name: 'A' }, { name: 'B' }];
		expect(definition({ displayName: '={{ $json.name }}' }, input, 1).displayName).toBe('B');
	});
});

describe('what is refused before anything is sent, naming the field', () => {
	test('an empty Display Name', () => {
		const error = failure({ displayName: '   ' });
		expect(error.message).toBe('Display Name is empty');
		expect(error.description).toBe('Enter the name of the new field, e.g. Budget.');
		expect(error.context.itemIndex).toBe(0);
	});

	test('a type that is not one of Planning’s, from an expression', () => {
		const error = failure({ displayName: 'X', fieldType: '={{ "text" }}' });
		expect(error.message).toBe('Type: "text" is not a Planning field type');
		expect(error.description).toBe(`Use one of ${PLANNING_FIELD_TYPES.join(', ')}.`);
	});

	test.each(['{"numberOptions": ', '[{"a": 1}]', '"text"', '3'])(
		'Additional Settings (JSON) that is not one object: %s',
		(json) => {
			const error = failure({ displayName: 'X', fieldOptions: { json } });
			expect(error.message).toBe(
				'Field Options: Additional Settings (JSON) must be one JSON object',
			);
			expect(error.description).toMatch(/^Enter an object of FieldDto keys/);
		},
	);
});
