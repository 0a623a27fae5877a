import {
	isV2Only,
	OBJECT_TYPE_OPTIONS,
	SUBSCRIBABLE_TYPES,
} from '../../../../nodes/WorkfrontTrigger/objectTypes';

// Which object types Adobe lists is checked against Adobe's table in
// test/conformance/eventSubscriptions.test.ts; here, what the module makes of its list.

describe('version 2 only', () => {
	test.each(['approval', 'RECORD', 'WORKSPACE', 'STAFFP'])('%s is', (objCode) => {
		expect(isV2Only(objCode)).toBe(true);
	});

	test.each(['PROJ', 'TASK', 'OPTASK', 'USER'])('%s is not', (objCode) => {
		expect(isV2Only(objCode)).toBe(false);
	});

	test('objCodes are matched as Workfront writes them, and unknown ones are not', () => {
		expect(isV2Only('APPROVAL')).toBe(false);
		expect(isV2Only('record')).toBe(false);
		expect(isV2Only('NOPE')).toBe(false);
		expect(isV2Only('')).toBe(false);
	});
});

describe('the Object Type options', () => {
	test('one per subscribable type, in the same order, valued by objCode', () => {
		expect(OBJECT_TYPE_OPTIONS.map(({ name, value }) => [name, value])).toEqual(
			SUBSCRIBABLE_TYPES.map(({ name, objCode }) => [name, objCode]),
		);
		expect(new Set(OBJECT_TYPE_OPTIONS.map(({ value }) => value)).size).toBe(
			OBJECT_TYPE_OPTIONS.length,
		);
	});

	test('the description says the objCode, Planning, and version 2 only, as each applies', () => {
		const description = (value: string) =>
			OBJECT_TYPE_OPTIONS.find((option) => option.value === value)?.description;
		expect(description('PROJ')).toBe('objCode PROJ');
		expect(description('approval')).toBe('objCode approval; event subscriptions version 2 only');
		expect(description('RECORD')).toBe(
			'objCode RECORD; Workfront Planning; event subscriptions version 2 only',
		);
		expect(description('STAFFP')).toBe('objCode STAFFP; event subscriptions version 2 only');
	});
});
