import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	getCustomForms,
	getFields,
	getObjectTypes,
	getReturnFields,
} from '../../../../../nodes/shared/methods/loadOptions';
import { OBJECT_TYPES, OTHER_OBJECT_TYPE } from '../../../../../nodes/shared/core/objectTypes';
import { editorContext } from '../../../../harness/loadOptions';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * The option lists every Workfront node offers, called directly in n8n-core's editor context
 * against the simulator. How the panel shows them is in test/integration/node/metadata.test.ts;
 * here, each list's entries, order and fallback.
 */
const fixture = freshFixturePerTest();
const context = (parameters: IDataObject = record('get', { objectType: 'PROJ' })) =>
	editorContext(fixture().helper, parameters as INodeParameters);

describe('object types', () => {
	test("this Workfront's object types by label, then Other", async () => {
		const options = await getObjectTypes.call(context());
		const names = options.slice(0, -1).map(({ name }) => name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(options).toContainEqual({
			name: 'Project',
			value: 'PROJ',
			description: 'Project (PROJ)',
		});
		expect(options.at(-1)?.value).toBe(OTHER_OBJECT_TYPE);
	});

	test.each([
		['metadata cannot be read', { status: 500 }],
		['metadata lists no object', { status: 200, body: { data: { objects: {} } } }],
	])('%s: the built-in list, then Other', async (_, fault) => {
		fixture().simulator.injectFault({ times: 1, path: /\/metadata$/, ...fault });
		const options = await getObjectTypes.call(context());
		expect(options.map(({ value }) => value)).toEqual([
			...OBJECT_TYPES.map(({ objCode }) => objCode),
			OTHER_OBJECT_TYPE,
		]);
	});
});

describe('fields', () => {
	beforeEach(() => {
		defineCustomForm(fixture().simulator.state.store, {
			name: 'Marketing',
			objCode: 'PROJ',
			fields: [{ name: 'Region', label: 'Campaign Region' }],
		});
	});

	test("the object's own fields, each reference's name and ID, then the custom fields", async () => {
		const options = await getFields.call(context());
		expect(options).toContainEqual({ name: 'Name (name)', value: 'name' });
		expect(options).toContainEqual({ name: 'owner: Name', value: 'owner:name' });
		expect(options).toContainEqual({ name: 'owner: ID', value: 'owner:ID' });
		expect(options.at(-1)).toEqual({
			name: 'Campaign Region (Custom Field DE:Region)',
			value: 'DE:Region',
		});
	});

	test('custom forms that cannot be read leave the other fields', async () => {
		fixture().simulator.injectFault({ times: 1, path: /\/ctgy\/search$/i, status: 500 });
		const options = await getFields.call(context());
		expect(options).toContainEqual({ name: 'Name (name)', value: 'name' });
		expect(options.some(({ value }) => String(value).startsWith('DE:'))).toBe(false);
	});

	test('Fields to Return: All Fields first, then the fields, then the collections by name', async () => {
		const options = await getReturnFields.call(context());
		expect(options[0]).toEqual({ name: 'All Fields (*)', value: '*' });
		expect(options).toContainEqual({ name: 'tasks (Collection): Name', value: 'tasks:name' });
		expect(options.findIndex(({ value }) => value === 'DE:Region')).toBeLessThan(
			options.findIndex(({ value }) => value === 'tasks:name'),
		);
	});

	test("the chosen object type's, not another's", async () => {
		const options = await getFields.call(context(record('get', { objectType: 'TASK' })));
		expect(options).toContainEqual({ name: 'project: ID', value: 'project:ID' });
		expect(options.some(({ value }) => value === 'DE:Region')).toBe(false);
	});
});

test('custom forms of the chosen object type, by name with their IDs', async () => {
	const form = defineCustomForm(fixture().simulator.state.store, {
		name: 'Marketing',
		objCode: 'PROJ',
		fields: [{ name: 'Region' }],
	});
	defineCustomForm(fixture().simulator.state.store, { name: 'Tasks', objCode: 'TASK', fields: [] });
	expect(await getCustomForms.call(context())).toEqual([{ name: 'Marketing', value: form.ID }]);
});
