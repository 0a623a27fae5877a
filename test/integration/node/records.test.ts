import { defineCustomForm } from '../../simulator/model/customForms';
import { record, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;

describe('Create', () => {
	test('typed field rows become typed values, custom fields included', async () => {
		const form = defineCustomForm(store(), {
			name: 'Launch details',
			objCode: 'PROJ',
			fields: [
				{ name: 'Region' },
				{ name: 'Channels', displayType: 'MULT', options: ['Web', 'Print'] },
				{ name: 'Approved' },
			],
		});
		const [created] = await fixture.output(
			record('create', {
				inputMode: 'fields',
				fieldValues: {
					field: [
						{ name: 'name', valueType: 'string', stringValue: 'Website Relaunch' },
						{ name: 'priority', valueType: 'number', numberValue: 3 },
						{
							name: 'plannedCompletionDate',
							valueType: 'dateTime',
							dateTimeValue: '2026-12-31T17:00:00.000Z',
						},
						{ name: 'description', valueType: 'null' },
						{ name: 'DE:Region', valueType: 'string', stringValue: 'EMEA' },
						{ name: 'DE:Channels', valueType: 'json', jsonValue: '["Web","Print"]' },
						{ name: 'DE:Approved', valueType: 'boolean', booleanValue: true },
					],
				},
				options: { fields: 'DE:Region,DE:Channels', customForms: [form.ID] },
			}),
		);
		expect(created).toMatchObject({
			name: 'Website Relaunch',
			objCode: 'PROJ',
			priority: 3,
			'DE:Region': 'EMEA',
			'DE:Channels': ['Web', 'Print'],
		});
		const stored = store().get('PROJ', String(created.ID));
		expect(stored).toMatchObject({
			priority: 3,
			plannedCompletionDate: '2026-12-31T17:00:00.000Z',
			description: null,
		});
		expect(stored?.parameterValues).toEqual({
			'DE:Region': 'EMEA',
			'DE:Channels': ['Web', 'Print'],
			'DE:Approved': true,
		});
	});

	test('one JSON object, for each input item, paired with its item', async () => {
		const result = await fixture.run(
			record('create', {
				objectType: 'TASK',
				inputMode: 'json',
				fieldsJson: '={{ JSON.stringify({ name: $json.title, projectID: $json.projectID }) }}',
			}),
			['A', 'B', 'C'].map((title) => ({ title, projectID: projectId })),
		);
		expect(result.error).toBeUndefined();
		expect(result.json.map(({ name }) => name)).toEqual(['A', 'B', 'C']);
		expect(result.items?.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(
			store()
				.all('TASK')
				.filter((task) => task.projectID === projectId),
		).toHaveLength(3);
	});

	let projectId = '';
	beforeEach(() => {
		projectId = fixture.simulator.insert('PROJ', { name: 'Host project' }).ID;
	});

	test.each([
		[
			'an empty field name',
			{ fieldValues: { field: [{ name: '', stringValue: 'x' }] } },
			/Field 1: Field Name is empty/,
		],
		[
			'a field set twice',
			{
				fieldValues: {
					field: [
						{ name: 'name', stringValue: 'a' },
						{ name: 'name', stringValue: 'b' },
					],
				},
			},
			/Field 2 \(name\): the field is set twice/,
		],
		[
			'a number that is not one',
			{ fieldValues: { field: [{ name: 'priority', valueType: 'number', numberValue: 'high' }] } },
			/Field 1 \(priority\): "high" is not a number/,
		],
		[
			'a date that is not one',
			{
				fieldValues: {
					field: [{ name: 'plannedStartDate', valueType: 'dateTime', dateTimeValue: 'soon' }],
				},
			},
			/"soon" is not a date/,
		],
		[
			'invalid JSON in a row',
			{ fieldValues: { field: [{ name: 'DE:List', valueType: 'json', jsonValue: '[1,' }] } },
			/the value is not valid JSON/,
		],
		[
			'invalid JSON object',
			{ inputMode: 'json', fieldsJson: '{"name": ' },
			/Fields \(JSON\) is not valid JSON/,
		],
		[
			'a JSON list instead of an object',
			{ inputMode: 'json', fieldsJson: '[{"name":"x"}]' },
			/must be one JSON object/,
		],
	])('%s is refused before anything is sent', async (_name, parameters, message) => {
		fixture.simulator.resetCounters();
		const result = await fixture.run(record('create', { inputMode: 'fields', ...parameters }));
		expect(result.error?.message).toMatch(message);
		expect(fixture.apiCalls()).toEqual([]);
		expect(store().count('PROJ')).toBe(1);
	});

	test("Workfront's refusal names the field and suggests the right one", async () => {
		const result = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x","plannedCompletionDat":"2026-01-01"}',
			}),
		);
		expect(result.error?.message).toBe(
			'Workfront: APIModel V21_0 does not support field plannedCompletionDat (Project)',
		);
		expect(result.error?.description).toMatch(/InvalidParameterException \(HTTP 422\)/);
		expect(result.error?.description).toMatch(/Did you mean "plannedCompletionDate"/);
		expect(result.error?.httpCode).toBe('422');
	});

	test("an invalid enum value gives Workfront's message", async () => {
		const result = await fixture.run(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"x","status":"ZZZ"}' }),
		);
		expect(result.error?.message).toBe(
			"Workfront: Invalid custom enum value(s) for field 'Status': ['ZZZ']",
		);
	});
});

describe('Get', () => {
	test('default fields, then *, references, collections and custom fields', async () => {
		const { users, projects } = fixture.simulator.seed({ projects: 1, tasksPerProject: 3 });
		const project = projects[0];
		project.parameterValues['DE:Region'] = 'APAC';
		const [plain] = await fixture.output(record('get', { id: project.ID }));
		expect(Object.keys(plain)).toEqual(expect.arrayContaining(['ID', 'name', 'objCode', 'status']));
		expect(plain).not.toHaveProperty('budget');

		const [full] = await fixture.output(
			record('get', {
				id: project.ID,
				options: { fields: '*, owner:name, tasks:name, DE:Region' },
			}),
		);
		expect(full).toMatchObject({ budget: project.budget, 'DE:Region': 'APAC' });
		expect(full.owner).toEqual({
			ID: project.ownerID,
			objCode: 'USER',
			name: users.find((user) => user.ID === project.ownerID)?.name,
		});
		expect((full.tasks as Array<{ name: string }>).map(({ name }) => name)).toEqual([
			'Kickoff',
			'Requirements',
			'Design',
		]);
		expect(String(full.plannedStartDate)).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}:\d{3}[+-]\d{4}$/,
		);
	});

	test('an ID that does not exist: 404 with a hint; continue on fail keeps the other items', async () => {
		const real = fixture.simulator.insert('PROJ', { name: 'Real' });
		const result = await fixture.run(
			record('get', { id: '={{ $json.id }}' }),
			[{ id: real.ID }, { id: 'ffffffffffffffffffffffffffffffff' }, { id: real.ID }],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ ID: real.ID });
		expect(result.json[1]).toMatchObject({
			error: expect.stringMatching(/was not found/),
			httpCode: '404',
		});
		expect(String(result.json[1].description)).toMatch(/Check the ID/);
		expect(result.json[2]).toMatchObject({ ID: real.ID });
		expect(result.items?.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('without continue on fail, the error names the item', async () => {
		const real = fixture.simulator.insert('PROJ', { name: 'Real' });
		const result = await fixture.run(record('get', { id: '={{ $json.id }}' }), [
			{ id: real.ID },
			{ id: 'not an id!' },
		]);
		expect(result.error?.message).toMatch(/Record: "not an id!" is not a Workfront ID/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	test('an ID that comes out empty', async () => {
		const result = await fixture.run(record('get', { id: '={{ $json.missing ?? "" }}' }));
		expect(result.error?.message).toBe('Record is empty');
	});
});

describe('Update and Delete', () => {
	test('Update sends only the given fields', async () => {
		const project = fixture.simulator.insert('PROJ', {
			name: 'Before',
			priority: 1,
			status: 'CUR',
		});
		const [updated] = await fixture.output(
			record('update', {
				id: project.ID,
				inputMode: 'fields',
				fieldValues: { field: [{ name: 'priority', valueType: 'number', numberValue: 4 }] },
			}),
		);
		expect(updated).toMatchObject({ ID: project.ID, priority: 4, name: 'Before', status: 'CUR' });
		const request = fixture.simulator.log.find(({ effectiveMethod }) => effectiveMethod === 'PUT');
		expect(request?.path).toMatch(new RegExp(`/proj/${project.ID}$`, 'i'));
	});

	test('Update with no fields is refused', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Before' });
		const result = await fixture.run(record('update', { id: project.ID, fieldValues: {} }));
		expect(result.error?.message).toBe('Nothing to update: no fields are given');
	});

	test('Delete refuses dependants without Force, and removes them with it', async () => {
		const { projects } = fixture.simulator.seed({ projects: 1, tasksPerProject: 2 });
		const id = projects[0].ID;
		const refused = await fixture.run(record('delete', { id }));
		expect(refused.error?.message).toMatch(/still has \d+ dependent object/);
		expect(store().get('PROJ', id)).toBeDefined();

		const [deleted] = await fixture.output(record('delete', { id, force: true }));
		expect(deleted).toEqual({ deleted: true, ID: id, objCode: 'PROJ' });
		expect(store().get('PROJ', id)).toBeUndefined();
		expect(
			store()
				.all('TASK')
				.filter((task) => task.projectID === id),
		).toEqual([]);
		expect(fixture.simulator.log.at(-1)?.query).toBe('force=true');
	});
});

describe('Count and Report', () => {
	test('Count uses the same filters as Get Many', async () => {
		for (const status of ['CUR', 'CUR', 'PLN'])
			fixture.simulator.insert('PROJ', { name: status, status });
		const [answer] = await fixture.output(
			record('count', {
				filters: { filter: [{ field: 'status', operator: 'equals', value: 'CUR' }] },
			}),
		);
		expect(answer).toEqual({ count: 2, objCode: 'PROJ' });
	});

	test('Report: one item per group with readable keys, and the total last', async () => {
		const first = fixture.simulator.insert('PROJ', { name: 'First' });
		const second = fixture.simulator.insert('PROJ', { name: 'Second' });
		for (const [project, hours] of [
			[first, 5],
			[first, 10],
			[second, 2],
		] as const) {
			fixture.simulator.insert('HOUR', { projectID: project.ID, hours });
		}
		const output = await fixture.output(
			record('report', {
				objectType: 'HOUR',
				groupBy: { field: [{ field: 'project:name' }] },
				aggregates: {
					aggregate: [
						{ function: 'sum', field: 'hours' },
						{ function: 'count', field: 'ID' },
					],
				},
				options: { rollup: true },
			}),
		);
		expect(output).toEqual([
			{ 'project:name': 'First', sum_hours: 15, count_ID: 2 },
			{ 'project:name': 'Second', sum_hours: 2, count_ID: 1 },
			{ total: true, sum_hours: 17, count_ID: 3 },
		]);
	});

	test('Report with filters and an average', async () => {
		for (const [status, priority] of [
			['CUR', 1],
			['CUR', 3],
			['PLN', 4],
		] as const)
			fixture.simulator.insert('PROJ', { name: 'p', status, priority });
		const output = await fixture.output(
			record('report', {
				groupBy: { field: [{ field: 'status' }] },
				aggregates: { aggregate: [{ function: 'avg', field: 'priority' }] },
				filters: { filter: [{ field: 'priority', operator: 'greaterThan', value: '0' }] },
			}),
		);
		expect(output).toEqual([
			{ status: 'CUR', avg_priority: 2 },
			{ status: 'PLN', avg_priority: 4 },
		]);
	});

	test('Report without aggregates is refused', async () => {
		const result = await fixture.run(record('report', { aggregates: {} }));
		expect(result.error?.message).toBe('Add at least one aggregate');
	});
});

describe('Other object types', () => {
	test('any object code typed in works with every operation', async () => {
		const template = fixture.simulator.insert('TMPL', { name: 'T' });
		const created = await fixture.output({
			resource: 'record',
			operation: 'create',
			objectType: '__other',
			objectCode: 'ttsk',
			inputMode: 'json',
			fieldsJson: JSON.stringify({ name: 'Template task', templateID: template.ID }),
		});
		expect(created[0]).toMatchObject({ objCode: 'TTSK', name: 'Template task' });
		const result = await fixture.run({
			resource: 'record',
			operation: 'get',
			objectType: '__other',
			objectCode: 'not a code',
			id: 'x',
		});
		expect(result.error?.message).toBe('Object Code "not a code" is not a Workfront object code');
	});

	test("an unknown object code gives Workfront's message", async () => {
		const result = await fixture.run({
			resource: 'record',
			operation: 'getMany',
			objectType: '__other',
			objectCode: 'NOPE',
			returnAll: true,
		});
		expect(result.error?.message).toBe('Workfront: Unknown object type: NOPE');
	});
});
