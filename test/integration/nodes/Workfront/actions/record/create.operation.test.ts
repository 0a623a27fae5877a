import { defineCustomForm } from '../../../../../simulator/model/customForms';
import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

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
