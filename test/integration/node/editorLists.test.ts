import type { IDataObject, INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { WorkfrontPollTrigger } from '../../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { editorIssues, type OptionsLoader } from '../../harness/editorIssues';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { record, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.seed({ projects: 3, tasksPerProject: 2, issuesPerProject: 0, hoursPerTask: 0 });
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const workfront = new Workfront();
const { listSearch, loadOptions } = workfrontMethods;

const loader: OptionsLoader = async (property, path, parameters) => {
	const method = String(property.typeOptions?.loadOptionsMethod);
	const load = loadOptions[method as keyof typeof loadOptions];
	return await load.call(editorContext(fixture.helper, parameters, `parameters.${path}`));
};

const asNode = (parameters: IDataObject, typeVersion: number): INode => ({
	id: 'lists',
	name: 'Workfront',
	type: 'n8n-nodes-workfront.workfront',
	typeVersion,
	position: [0, 0],
	parameters: parameters as INodeParameters,
});

const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

/** A Get Many of tasks with one filter row, as the editor keeps it. */
const filtered = (row: IDataObject, objectType = 'TASK') =>
	record('getMany', { objectType, returnAll: true, filters: { filter: [row] } });

/** The filter row's Value list, as the editor asks for it: the row's path, the node's parameters. */
async function valueList(row: IDataObject, filter?: string, token?: string, objectType = 'TASK') {
	return await listSearch.searchFilterValues.call(
		editorContext(
			fixture.helper,
			filtered(row, objectType) as INodeParameters,
			'parameters.filters.filter[0].value',
		),
		filter,
		token,
	);
}

describe('filter rows offer the values of their field (issue 22 #3)', () => {
	test("a task's Status lists the task statuses with their labels, not a project's", async () => {
		const { results } = await valueList({ field: 'status', operator: 'equals' });
		expect(results.map(({ name, value }) => [name, value])).toEqual([
			['New (NEW)', 'NEW'],
			['In Progress (INP)', 'INP'],
			['Complete (CPL)', 'CPL'],
		]);
		const searched = await valueList({ field: 'status', operator: 'equals' }, 'progr');
		expect(searched.results.map(({ value }) => value)).toEqual(['INP', 'progr']);
	});

	test('In List ticks the same values; a custom dropdown its options; a text field none', async () => {
		const options = async (field: string, objectType = 'TASK') =>
			(
				await loadOptions.getFilterValueOptions.call(
					editorContext(
						fixture.helper,
						filtered({ field, operator: 'in' }, objectType) as INodeParameters,
						'parameters.filters.filter[0].values',
					),
				)
			).map(({ value }) => value);
		expect(await options('status')).toEqual(['NEW', 'INP', 'CPL']);
		expect(await options('DE:Region', 'PROJ')).toEqual(['EMEA', 'Americas', 'APAC']);
		expect(await options('project:status')).toContain('CUR');
		expect(await options('projectID')).toEqual(
			expect.arrayContaining(
				store()
					.all('PROJ')
					.map(({ ID }) => ID),
			),
		);
		expect(await options('name')).toEqual([]);
	});

	test('a reference field lists its records by name, page after page (the token is text)', async () => {
		for (let index = 0; index < 60; index += 1) store().insert('PROJ', { name: `More ${index}` });
		const first = await valueList({ field: 'projectID', operator: 'equals' });
		expect(first.results).toHaveLength(50);
		expect(typeof first.paginationToken).toBe('string');
		const second = await valueList(
			{ field: 'projectID', operator: 'equals' },
			undefined,
			first.paginationToken as string,
		);
		expect(second.results.length).toBe(store().all('PROJ').length - 50);
		const ids = new Set([...first.results, ...second.results].map(({ value }) => value));
		expect(ids.size).toBe(store().all('PROJ').length);
	});

	test('a text field offers what is typed, so any value can still be picked', async () => {
		const { results } = await valueList({ field: 'name', operator: 'contains' }, 'Launch');
		expect(results).toEqual([{ name: 'Launch (as typed)', value: 'Launch' }]);
	});

	test('version 2 rows run: a value from the list, values ticked, and one no longer listed', async () => {
		const tasks = store().all('TASK');
		for (const task of tasks) store().update(task, { status: 'NEW' });
		store().update(tasks[0], { status: 'INP' });
		store().update(tasks[1], { name: 'One of a kind' });
		const parameters = filtered({
			field: 'status',
			operator: 'in',
			values: ['INP', 'CPL', 'GONE'],
		});
		expect(await editorIssues(workfront, asNode(parameters, 2), loader)).toEqual([]);
		const found = await fixture.output(parameters, undefined, { typeVersion: 2 });
		expect(found.map(({ ID }) => ID)).toEqual([tasks[0].ID]);
		const equals = filtered({ field: 'status', operator: 'equals', value: locator('INP') });
		expect(await editorIssues(workfront, asNode(equals, 2), loader)).toEqual([]);
		expect(
			(await fixture.output(equals, undefined, { typeVersion: 2 })).map(({ ID }) => ID),
		).toEqual([tasks[0].ID]);
		const typed = filtered({
			field: 'name',
			operator: 'equals',
			value: locator(String(tasks[1].name), 'value'),
		});
		expect(
			(await fixture.output(typed, undefined, { typeVersion: 2 })).map(({ ID }) => ID),
		).toEqual([tasks[1].ID]);
	});

	test('saved version 1 workflows keep their text values: not flagged, and they run', async () => {
		const tasks = store().all('TASK');
		for (const task of tasks) store().update(task, { status: 'NEW' });
		store().update(tasks[0], { status: 'INP' });
		for (const row of [
			{ field: 'status', operator: 'in', values: 'INP, CPL' },
			{ field: 'status', operator: 'equals', value: 'INP' },
			{ field: 'status', operator: 'in', values: '["INP"]' },
		]) {
			const parameters = filtered(row);
			expect(await editorIssues(workfront, asNode(parameters, 1), loader)).toEqual([]);
			const found = await fixture.output(parameters, undefined, { typeVersion: 1 });
			expect([row, found.map(({ ID }) => ID)]).toEqual([row, [tasks[0].ID]]);
		}
	});

	test('no filter shows the project codes as the example for every object type', () => {
		const rows = (properties: INodeProperties[]): INodeProperties[] =>
			properties.flatMap((property) => [
				property,
				...rows(
					((property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>)
						.flatMap((option) => option.values ?? ('type' in option ? [option] : []))
						.filter((option): option is INodeProperties => 'name' in option),
				),
			]);
		for (const node of [workfront, new WorkfrontPollTrigger()])
			for (const property of rows(node.description.properties))
				expect([property.name, property.placeholder]).not.toEqual([property.name, 'e.g. CUR, PLN']);
	});

	test('the Poll Trigger offers the same lists', () => {
		const methods = new WorkfrontPollTrigger().methods;
		expect(typeof methods.listSearch.searchFilterValues).toBe('function');
		expect(typeof methods.loadOptions.getFilterValueOptions).toBe('function');
	});
});

describe('typed field rows pick a reference from a list of records (issue 22 #2)', () => {
	const rowsOf = (name: string, extra: IDataObject = {}) =>
		record('create', {
			objectType: 'TASK',
			inputMode: 'fields',
			fieldValues: {
				field: [
					{ name: 'name', valueType: 'string', stringValue: 'Picked' },
					{ name, valueType: 'record', recordValue: locator(''), ...extra },
				],
			},
		});
	const recordList = async (name: string, filter?: string, token?: string) =>
		await listSearch.searchReferencedRecords.call(
			editorContext(
				fixture.helper,
				rowsOf(name) as INodeParameters,
				'parameters.fieldValues.field[1].recordValue',
			),
			filter,
			token,
		);

	test("the row's field decides the list: projectID lists projects, assignedToID users", async () => {
		const projects = await recordList('projectID');
		expect(projects.results.map(({ value }) => value).sort()).toEqual(
			store()
				.all('PROJ')
				.map(({ ID }) => ID)
				.sort(),
		);
		const users = await recordList('assignedToID', 'API');
		expect(users.results.map(({ name }) => name)).toEqual(['API User']);
	});

	test('more than one page of records, read with the text token n8n sends back', async () => {
		for (let index = 0; index < 70; index += 1) store().insert('PROJ', { name: `Page ${index}` });
		const first = await recordList('projectID');
		expect(first.results).toHaveLength(50);
		const second = await recordList('projectID', undefined, String(first.paginationToken));
		expect(first.results.length + second.results.length).toBe(store().all('PROJ').length);
	});

	test('a field that is no reference says so, naming the field', async () => {
		await expect(recordList('name')).rejects.toThrow(
			'name is not a reference field of TASK, so there is no list of records for it',
		);
	});

	test('the record picked is sent as the field; a bad one is refused naming the row', async () => {
		const project = store().all('PROJ')[2];
		const parameters = rowsOf('projectID', { recordValue: locator(String(project.ID)) });
		expect(await editorIssues(workfront, asNode(parameters, 2), loader)).toEqual([]);
		const [created] = await fixture.output(parameters, undefined, { typeVersion: 2 });
		expect(store().get('TASK', String(created.ID))?.projectID).toBe(project.ID);
		const bad = await fixture.run(rowsOf('projectID', { recordValue: locator('abc', 'id') }));
		expect(bad.error?.message).toBe('Field 2 (projectID): Record: "abc" is not a Workfront ID');
	});
});
