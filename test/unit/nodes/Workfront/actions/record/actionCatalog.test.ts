import {
	ACTION_CATALOG,
	argumentParameter,
	builtInFor,
	CUSTOM_ACTION,
	findAction,
} from '../../../../../../nodes/Workfront/actions/record/actionCatalog';

// The declared types are checked against Adobe's OpenAPI description in
// test/conformance/adobeApi.test.ts; here, the catalog's own rules.

describe('finding an action', () => {
	test('by its value; Other and unknown names are not in the catalog', () => {
		expect(findAction('markDone')?.name).toBeDefined();
		expect(findAction(CUSTOM_ACTION)).toBeUndefined();
		expect(findAction('approveApproval')).toBeUndefined();
		expect(findAction('')).toBeUndefined();
	});

	test("the built-in fields apply only on the object types they match; Copy's on every type", () => {
		expect(builtInFor('markDone', 'TASK')?.value).toBe('markDone');
		expect(builtInFor('markDone', 'PROJ')).toBeUndefined();
		expect(builtInFor('convertToTask', 'OPTASK')?.value).toBe('convertToTask');
		expect(builtInFor('convertToTask', 'TASK')).toBeUndefined();
		expect(builtInFor('copy', 'ANYTHING')?.kind).toBe('copy');
		expect(builtInFor('nothing', 'TASK')).toBeUndefined();
	});

	test('object codes are compared as written (the object type parameter holds upper case)', () => {
		expect(builtInFor('markDone', 'task')).toBeUndefined();
	});
});

describe('parameter names carry the action', () => {
	test('two actions with an argument of the same name get two parameters', () => {
		expect(argumentParameter('assign', 'objID')).toBe('assign_objID');
		expect(argumentParameter('share', 'objID')).not.toBe(argumentParameter('assign', 'objID'));
	});

	test('no two parameters of the catalog share a name', () => {
		const names = ACTION_CATALOG.flatMap((action) =>
			action.arguments.map((argument) => argumentParameter(action.value, argument.name)),
		);
		expect(new Set(names).size).toBe(names.length);
	});
});

describe('the catalog as data', () => {
	test('values are unique, valid action names, and never the value of Other', () => {
		const values = ACTION_CATALOG.map(({ value }) => value);
		expect(new Set(values).size).toBe(values.length);
		for (const value of values) expect(value).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
		expect(values).not.toContain(CUSTOM_ACTION);
	});

	test('only Copy is a create; every other entry is an action', () => {
		expect(ACTION_CATALOG.filter(({ kind }) => kind === 'copy').map(({ value }) => value)).toEqual([
			'copy',
		]);
	});

	test('each kind of argument is declared as Workfront types it', () => {
		for (const { arguments: args } of ACTION_CATALOG) {
			for (const argument of args) {
				if (argument.boolean) expect(argument.declaredType).toBe('boolean');
				if (argument.list) expect(argument.declaredType).toBe('string[]');
				if (argument.lookup) expect(argument.declaredType).toBe('string');
				// An option list offers values, and its default is one of them.
				if (argument.options && argument.default !== undefined)
					expect(argument.options.map(({ value }) => value)).toContain(argument.default);
			}
		}
	});
});
