import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	fieldListWithCustomFieldNames,
	withCustomFieldNames,
	withFormsOfCustomFields,
} from '../../../../../nodes/shared/workfront/customFields';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * Custom fields by label, and the forms they need, called directly against the simulator. Writes
 * through the node (Create and Update attaching forms) are in test/integration/node/metadata.test.ts
 * and mapper.test.ts; here, what each function makes of its input, and what it asks Workfront.
 */
const fixture = freshFixturePerTest();
const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
const formReads = () =>
	fixture().simulator.log.filter(({ path }) => /\/ctgy\/search$/i.test(path)).length;

let marketing: string;
let finance: string;
beforeEach(() => {
	const store = fixture().simulator.state.store;
	marketing = String(
		defineCustomForm(store, {
			name: 'Marketing',
			objCode: 'PROJ',
			fields: [{ name: 'Region', label: 'Campaign Region' }],
		}).ID,
	);
	finance = String(
		defineCustomForm(store, { name: 'Finance', objCode: 'PROJ', fields: [{ name: 'Cost Center' }] })
			.ID,
	);
});

describe('labels and bare names become DE: names', () => {
	test('field values: a label or a bare name (any case) is renamed; other keys stay', async () => {
		expect(
			await withCustomFieldNames(context(), 'PROJ', {
				'Campaign Region': 'EMEA',
				'cost center': 'CC-1',
				name: 'Launch',
				'DE:Region': 'kept',
				'Not A Field': 1,
			}),
		).toEqual({
			'DE:Region': 'kept',
			'DE:Cost Center': 'CC-1',
			name: 'Launch',
			'Not A Field': 1,
		});
	});

	test("Workfront's own names, paths, ID, * and DE: names ask nothing of Workfront", async () => {
		const values = { name: 'a', 'owner:name': 'b', ID: 'c', '*': 'd', 'DE:Region': 'e' };
		expect(await withCustomFieldNames(context(), 'PROJ', values)).toBe(values);
		expect(
			await fieldListWithCustomFieldNames(context(), 'PROJ', ['name', 'tasks:name', '*', 'ID']),
		).toEqual(['name', 'tasks:name', '*', 'ID']);
		expect(formReads()).toBe(0);
	});

	test('Fields to Return: labels renamed in place, order kept', async () => {
		expect(
			await fieldListWithCustomFieldNames(context(), 'PROJ', [
				'name',
				'Campaign Region',
				'Unknown Label',
			]),
		).toEqual(['name', 'DE:Region', 'Unknown Label']);
	});
});

describe('the forms a record needs for its custom fields', () => {
	const create = (values: IDataObject, attach = true) =>
		withFormsOfCustomFields(context(), 0, 'PROJ', values, { attach });

	test('no custom field: the values as they are, nothing asked', async () => {
		const values = { name: 'Launch' };
		expect(await create(values)).toBe(values);
		expect(formReads()).toBe(0);
	});

	test('Create: the form of each custom field is attached, once', async () => {
		expect(await create({ name: 'Launch', 'DE:Region': 'EMEA', 'DE:Cost Center': 'CC' })).toEqual({
			name: 'Launch',
			'DE:Region': 'EMEA',
			'DE:Cost Center': 'CC',
			objectCategories: [
				{ categoryID: marketing, categoryOrder: 0 },
				{ categoryID: finance, categoryOrder: 1 },
			],
		});
	});

	test('Create with a form chosen: kept first, and only the missing one is added', async () => {
		expect(
			await create({
				'DE:Region': 'EMEA',
				'DE:Cost Center': 'CC',
				objectCategories: [{ categoryID: finance }],
			}),
		).toMatchObject({
			objectCategories: [
				{ categoryID: finance, categoryOrder: 0 },
				{ categoryID: marketing, categoryOrder: 1 },
			],
		});
	});

	test('an unknown custom field needs no form (Workfront will say what is wrong)', async () => {
		const values = { 'DE:Nothing': 'x' };
		expect(await create(values)).toBe(values);
	});

	test('turned off, a Create that would be refused fails naming the form and the options', async () => {
		const error = await create({ 'DE:Region': 'EMEA' }, false).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			"Custom field 'Campaign Region' (DE:Region) is on the form 'Marketing', which is not attached",
		);
		expect((error as NodeOperationError).description).toBe(
			"Workfront accepts a custom field only when a form that has it is attached. Choose 'Marketing' in Options > Custom Form Names or IDs, or turn on Options > Attach Forms of Custom Fields.",
		);
	});

	test("Update reads the record's forms first (objectCategories replaces them), in one read, then adds the missing one", async () => {
		const project = fixture().simulator.insert('PROJ', { name: 'Launch' });
		const attached = await withFormsOfCustomFields(
			context(),
			0,
			'PROJ',
			{ 'DE:Cost Center': 'CC', objectCategories: undefined },
			{ attach: true, recordId: String(project.ID) },
		);
		expect(attached.objectCategories).toEqual([{ categoryID: finance, categoryOrder: 0 }]);
		const reads = fixture().simulator.log.filter(({ path }) =>
			path.endsWith(`/PROJ/${String(project.ID)}`),
		);
		expect(reads).toHaveLength(1);
		expect(new URLSearchParams(reads[0].query).get('fields')).toBe('objectCategories');
	});

	test('Update with attaching turned off: the values as they are, nothing asked', async () => {
		const values = { 'DE:Region': 'EMEA' };
		expect(
			await withFormsOfCustomFields(context(), 0, 'PROJ', values, { attach: false, recordId: 'x' }),
		).toBe(values);
		expect(fixture().simulator.log.filter(({ path }) => path.startsWith('/attask/'))).toHaveLength(
			0,
		);
	});
});
