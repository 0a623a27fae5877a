import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	fieldValuesOf,
	getFilterValueOptions,
	searchFilterValues,
	searchReferencedRecords,
} from '../../../../../nodes/shared/methods/fieldValues';
import { editorContext } from '../../../../harness/loadOptions';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * The values a field takes, called directly in n8n-core's editor context against the simulator.
 * The lists as a user meets them in a filter row or a field row, and the runs with what was
 * picked, are in test/integration/node/editorLists.test.ts; here, what each field resolves to.
 */
const fixture = freshFixturePerTest();
const context = (
	parameters: IDataObject = record('getMany', { objectType: 'TASK' }),
	path?: string,
) => editorContext(fixture().helper, parameters as INodeParameters, path);
const sent = () => fixture().simulator.log.filter(({ path }) => path.startsWith('/attask/'));

describe('fieldValuesOf', () => {
	test("a field with Workfront's values: its options, labelled with the code", async () => {
		const values = await fieldValuesOf(context(), 'TASK', 'status');
		expect(values.kind).toBe('options');
		if (values.kind === 'options')
			expect(values.options).toContainEqual({ name: 'New (NEW)', value: 'NEW' });
	});

	test.each([
		['projectID', 'PROJ'],
		['project:ID', 'PROJ'],
		['assignedToID', 'USER'],
		[' parent:ID ', 'TASK'],
	])('%p holds a record of %s', async (field, objCode) => {
		expect(await fieldValuesOf(context(), 'TASK', field)).toEqual({ kind: 'records', objCode });
	});

	test("a referenced object's field is that object's field", async () => {
		const values = await fieldValuesOf(context(), 'TASK', 'project:status');
		expect(values.kind).toBe('options');
		if (values.kind === 'options')
			expect(values.options).toContainEqual({ name: 'Current (CUR)', value: 'CUR' });
		expect(await fieldValuesOf(context(), 'TASK', 'project:ownerID')).toEqual({
			kind: 'records',
			objCode: 'USER',
		});
	});

	test.each(['name', 'plannedStartDate', 'nothing', 'nothing:ID', 'owner'])(
		'%p takes any value',
		async (field) => {
			expect(await fieldValuesOf(context(), 'TASK', field)).toEqual({ kind: 'free' });
		},
	);

	test('a path through more than four references takes any value', async () => {
		expect(
			await fieldValuesOf(context(), 'TASK', 'parent:parent:parent:parent:parent:status'),
		).toEqual({ kind: 'free' });
		expect(
			(await fieldValuesOf(context(), 'TASK', 'parent:parent:parent:parent:status')).kind,
		).toBe('options');
	});

	test('a custom field: its options when it is a list of them, else any value', async () => {
		defineCustomForm(fixture().simulator.state.store, {
			name: 'Form',
			objCode: 'TASK',
			fields: [
				{ name: 'Region', options: ['EMEA', 'APAC'] },
				{ name: 'Tags', displayType: 'chck', options: ['a', 'b'] },
				{ name: 'Typeahead', displayType: 'TYAH', options: ['x'] },
				{ name: 'Notes' },
			],
		});
		expect(await fieldValuesOf(context(), 'TASK', 'DE:Region')).toEqual({
			kind: 'options',
			options: [
				{ name: 'EMEA', value: 'EMEA' },
				{ name: 'APAC', value: 'APAC' },
			],
		});
		expect((await fieldValuesOf(context(), 'TASK', 'DE:Tags')).kind).toBe('options');
		expect(await fieldValuesOf(context(), 'TASK', 'DE:Typeahead')).toEqual({ kind: 'free' });
		expect(await fieldValuesOf(context(), 'TASK', 'DE:Notes')).toEqual({ kind: 'free' });
		expect(await fieldValuesOf(context(), 'TASK', 'DE:Unknown')).toEqual({ kind: 'free' });
	});
});

describe('the lists of a row', () => {
	const row = (field: string) =>
		record('getMany', { objectType: 'TASK', returnAll: true, filters: { filter: [{ field }] } });
	const rowContext = (field: string) => context(row(field), 'parameters.filters.filter[0].value');

	test('Value: the options matching what is typed, by label or code, and the text as typed', async () => {
		const { results } = await searchFilterValues.call(rowContext('status'), 'compl');
		expect(results).toEqual([
			{ name: 'Complete (CPL)', value: 'CPL' },
			{ name: 'compl (as typed)', value: 'compl' },
		]);
	});

	test('Value: a code typed exactly is not offered twice', async () => {
		const { results } = await searchFilterValues.call(rowContext('status'), 'CPL');
		expect(results).toEqual([{ name: 'Complete (CPL)', value: 'CPL' }]);
	});

	test('Value: a row without a field offers what is typed, and asks Workfront nothing', async () => {
		expect(await searchFilterValues.call(rowContext(''), 'x')).toEqual({
			results: [{ name: 'x (as typed)', value: 'x' }],
		});
		expect(await searchFilterValues.call(rowContext(''))).toEqual({ results: [] });
		expect(sent()).toHaveLength(0);
	});

	test('In List: the options; a reference’s first records; nothing for a free field or no field', async () => {
		const project = fixture().simulator.insert('PROJ', { name: 'Launch' });
		expect(await getFilterValueOptions.call(rowContext('status'))).toContainEqual({
			name: 'New (NEW)',
			value: 'NEW',
		});
		expect(await getFilterValueOptions.call(rowContext('projectID'))).toEqual([
			{ name: 'Launch', value: project.ID },
		]);
		expect(await getFilterValueOptions.call(rowContext('name'))).toEqual([]);
		const before = sent().length;
		expect(await getFilterValueOptions.call(rowContext(''))).toEqual([]);
		expect(sent()).toHaveLength(before);
	});
});

describe("a field row's Record list", () => {
	const fieldRow = (name: string) =>
		context(
			record('create', {
				objectType: 'TASK',
				inputMode: 'fields',
				fieldValues: { field: [{ name, valueType: 'record' }] },
			}),
			'parameters.fieldValues.field[0].recordValue',
		);

	test('the records of the type the field references', async () => {
		const user = fixture().simulator.insert('USER', { name: 'Ann' });
		const { results } = await searchReferencedRecords.call(fieldRow('assignedToID'));
		expect(results.map(({ value }) => value)).toContain(user.ID);
	});

	test.each([
		['', 'Enter the Field Name first, e.g. projectID'],
		['name', 'name is not a reference field of TASK, so there is no list of records for it'],
	])('field %p: the error says what to enter', async (name, message) => {
		await expect(searchReferencedRecords.call(fieldRow(name))).rejects.toThrow(message);
	});
});
