import type { INodeParameters } from 'n8n-workflow';

import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { specFor } from '../../simulator/model/schema';
import { record, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;
let formId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.seed({
		projects: 60,
		tasksPerProject: 1,
		issuesPerProject: 0,
		hoursPerTask: 0,
	});
	formId = String(
		fixture.simulator.state.store.all('CTGY').find(({ name }) => name === 'Campaign Details')?.ID,
	);
});

afterEach(async () => fixture.close());

const editor = (parameters: INodeParameters) =>
	editorContext(fixture.helper, { resource: 'record', operation: 'create', ...parameters });
const store = () => fixture.simulator.state.store;

describe('pickers from Workfront metadata', () => {
	test('object types come from /metadata, with the built-in list when it cannot be read', async () => {
		const types = await workfrontMethods.loadOptions.getObjectTypes.call(editor({}));
		expect(types).toEqual(
			expect.arrayContaining([
				{ name: 'Custom Field', value: 'PARAM', description: 'Parameter (PARAM)' },
			]),
		);
		expect(types.at(-1)?.value).toBe('__other');

		fixture.simulator.failNext(6, 500, {
			body: { error: { message: 'metadata is down' } },
			path: /\/metadata$/,
		});
		const fallback = await workfrontMethods.loadOptions.getObjectTypes.call(editor({}));
		expect(fallback.map(({ value }) => value)).toEqual(
			expect.arrayContaining(['PROJ', 'TASK', 'OPTASK', 'EXPNS', 'CTGY', '__other']),
		);
	});

	test("fields: the object's own, its references and the custom fields of its forms", async () => {
		const fields = await workfrontMethods.loadOptions.getFields.call(
			editor({ objectType: 'PROJ' }),
		);
		const values = fields.map(({ value }) => value);
		expect(values).toEqual(
			expect.arrayContaining([
				'status',
				'plannedCompletionDate',
				'owner:name',
				'portfolio:ID',
				'DE:Region',
				'DE:Expected Leads',
			]),
		);
		expect(fields.find(({ value }) => value === 'DE:Region')?.name).toBe(
			'Campaign Region (Custom Field DE:Region)',
		);
		const returnFields = await workfrontMethods.loadOptions.getReturnFields.call(
			editor({ objectType: 'PROJ' }),
		);
		expect(returnFields.map(({ value }) => value)).toEqual(
			expect.arrayContaining(['*', 'tasks:name', 'DE:Channels']),
		);
		const taskFields = (
			await workfrontMethods.loadOptions.getFields.call(editor({ objectType: 'TASK' }))
		).map(({ value }) => value);
		expect(taskFields).toContain('project:name');
		expect(taskFields.some((value) => String(value).startsWith('DE:'))).toBe(false);
	});

	test('custom forms of the chosen object type', async () => {
		expect(
			await workfrontMethods.loadOptions.getCustomForms.call(editor({ objectType: 'PROJ' })),
		).toEqual([{ name: 'Campaign Details', value: formId }]);
		expect(
			(
				await workfrontMethods.loadOptions.getCustomForms.call(editor({ objectType: 'OPTASK' }))
			).map(({ name }) => name),
		).toEqual(['Request Intake']);
	});

	test.each(['TASK', 'PROJ'])(
		'every %s comes once over the pages, each token text as n8n requires',
		async (objectType) => {
			const seen: string[] = [];
			let token: string | undefined;
			let pages = 0;
			do {
				const page = await workfrontMethods.listSearch.searchRecords.call(
					editor({ objectType }),
					undefined,
					token,
				);
				pages += 1;
				seen.push(...page.results.map(({ value }) => String(value)));
				expect(['string', 'undefined']).toContain(typeof page.paginationToken);
				token = page.paginationToken as string | undefined;
			} while (token !== undefined && pages < 100);
			const all = fixture.simulator.state.store.all(objectType).map(({ ID }) => String(ID));
			expect(all.length).toBeGreaterThan(50);
			expect([...seen].sort()).toEqual([...all].sort());
		},
	);

	test('record search by name, paged, with links into Workfront', async () => {
		const first = await workfrontMethods.listSearch.searchRecords.call(
			editor({ objectType: 'PROJ' }),
		);
		expect(first.results).toHaveLength(50);
		// n8n's editor API accepts only text here (ResourceLocatorRequestDto); a number broke every
		// list with a second page ("Expected string, received number").
		expect(first.paginationToken).toBe('50');
		const second = await workfrontMethods.listSearch.searchRecords.call(
			editor({ objectType: 'PROJ' }),
			undefined,
			'50',
		);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		const found = await workfrontMethods.listSearch.searchRecords.call(
			editor({ objectType: 'PROJ' }),
			'campaign 1',
		);
		expect(found.results.length).toBeGreaterThan(0);
		expect(found.results.every(({ name }) => /campaign 1/i.test(name))).toBe(true);
		expect(found.results[0].url).toBe(
			`${fixture.simulator.origin}/project/${found.results[0].value}/overview`,
		);
		const users = await workfrontMethods.listSearch.searchUsers.call(editor({}), 'ada');
		expect(users.results.map(({ name }) => name)).toEqual(expect.arrayContaining(['Ada Lovelace']));
	});
});

describe('the resource mapper', () => {
	test("columns match the simulator's metadata: types, allowed values, required fields, custom fields", async () => {
		const { fields } = await workfrontMethods.resourceMapping.getColumns.call(
			editor({ objectType: 'PROJ' }),
		);
		const spec = specFor('PROJ');
		const writable = Object.entries(spec.fields).filter(
			([name, field]) =>
				!field.readOnly &&
				![
					'ID',
					'objCode',
					'entryDate',
					'lastUpdateDate',
					'enteredByID',
					'lastUpdatedByID',
				].includes(name),
		);
		expect(
			fields
				.filter(({ id }) => !id.startsWith('DE:'))
				.map(({ id }) => id)
				.sort(),
		).toEqual(writable.map(([name]) => name).sort());
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.name).toMatchObject({ required: true, type: 'string' });
		// Number columns are text in the editor (its number input would store 0 for an untouched
		// column), labelled as numbers and sent as numbers.
		expect(byId.priority).toMatchObject({
			required: false,
			type: 'string',
			displayName: 'Priority (priority, a number)',
		});
		expect(byId.plannedStartDate).toMatchObject({ type: 'dateTime' });
		expect(byId.status).toMatchObject({ type: 'options' });
		expect(byId.status.options?.map(({ value }) => value)).toEqual(spec.fields.status.enumValues);
		expect(byId['DE:Region']).toMatchObject({
			type: 'options',
			displayName: 'Campaign Region (custom field on Campaign Details)',
		});
		expect(byId['DE:Region'].options?.map(({ value }) => value)).toEqual([
			'EMEA',
			'Americas',
			'APAC',
		]);
		expect(byId['DE:Channels']).toMatchObject({ type: 'array' });
		expect(byId['DE:Expected Leads']).toMatchObject({
			type: 'string',
			displayName: 'Expected Leads (custom field on Campaign Details, a number)',
		});
		expect(byId['DE:Launch Date']).toMatchObject({ type: 'dateTime' });
	});

	test('Create with mapped fields and a custom form', async () => {
		const [created] = await fixture.output(
			record('create', {
				inputMode: 'mapper',
				columns: {
					mappingMode: 'defineBelow',
					value: {
						name: 'Mapped',
						status: 'CUR',
						'DE:Region': 'APAC',
						'DE:Expected Leads': 1200,
						priority: null,
					},
				},
				options: { customForms: [formId], fields: ['DE:Region', 'objectCategories'] },
			}),
		);
		expect(created).toMatchObject({
			name: 'Mapped',
			status: 'CUR',
			'DE:Region': 'APAC',
			objectCategories: [expect.objectContaining({ categoryID: formId, name: 'Campaign Details' })],
		});
		expect(store().get('PROJ', String(created.ID))?.parameterValues).toEqual({
			'DE:Region': 'APAC',
			'DE:Expected Leads': 1200,
		});
	});

	test("Map automatically sends the input item's keys", async () => {
		const [created] = await fixture.output(
			record('create', {
				inputMode: 'mapper',
				columns: { mappingMode: 'autoMapInputData', value: null },
				ignoreFields: 'source',
			}),
			[{ name: 'From item', priority: 3, source: 'sheet' }],
		);
		expect(created).toMatchObject({ name: 'From item', priority: 3 });
	});
});

describe('custom forms and custom fields by label', () => {
	test('fields by label are written as DE: fields, and read back by label', async () => {
		const [created] = await fixture.output(
			record('create', {
				inputMode: 'json',
				fieldsJson: JSON.stringify({
					name: 'By label',
					'Campaign Region': 'EMEA',
					'Marketing Channels': ['Web', 'Print'],
				}),
				options: { customForms: [formId], fields: 'Campaign Region, Marketing Channels' },
			}),
		);
		expect(created).toMatchObject({ 'DE:Region': 'EMEA', 'DE:Channels': ['Web', 'Print'] });
		const [read] = await fixture.output(
			record('get', { id: String(created.ID), options: { fields: ['Campaign Region'] } }),
		);
		expect(read['DE:Region']).toBe('EMEA');
	});

	test('an unknown form, a field not on the attached forms and a value of the wrong type are refused clearly', async () => {
		const unknownForm = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x"}',
				options: { customForms: ['ffffffffffffffffffffffffffffffff'] },
			}),
		);
		expect(unknownForm.error?.message).toBe(
			'Workfront: Custom form ffffffffffffffffffffffffffffffff does not exist',
		);

		const issueForm = String(
			store()
				.all('CTGY')
				.find(({ name }) => name === 'Request Intake')?.ID,
		);
		const wrongObject = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x"}',
				options: { customForms: [issueForm] },
			}),
		);
		expect(wrongObject.error?.message).toBe(
			"Workfront: Custom form 'Request Intake' is for OPTASK and cannot be attached to a Project",
		);

		// With the form not attached and Attach Forms of Custom Fields off, Workfront would refuse.
		const notOnForm = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x","DE:Region":"EMEA"}',
				options: { attachForms: false },
			}),
		);
		expect(notOnForm.error?.message).toBe(
			"Custom field 'Campaign Region' (DE:Region) is on the form 'Campaign Details', which is not attached",
		);

		const wrongType = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x","DE:Expected Leads":"lots"}',
				options: { customForms: [formId] },
			}),
		);
		expect(wrongType.error?.message).toBe(
			'Workfront: Invalid value "lots" for custom field \'Expected Leads\': expected a number',
		);

		const notAnOption = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"x","Campaign Region":"Mars"}',
				options: { customForms: [formId] },
			}),
		);
		expect(notAnOption.error?.message).toMatch(
			/Invalid value "Mars" for custom field 'Campaign Region': expected one of \["EMEA","Americas","APAC"\]/,
		);
	});

	test('Update attaches forms and sets their fields', async () => {
		const project = store().insert('PROJ', { name: 'Plain' });
		await fixture.output(
			record('update', {
				id: project.ID,
				inputMode: 'json',
				fieldsJson: '{"DE:Region":"Americas"}',
				options: { customForms: [formId] },
			}),
		);
		expect(store().get('PROJ', project.ID)).toMatchObject({
			categoryID: formId,
			parameterValues: { 'DE:Region': 'Americas' },
		});
	});
});

describe('record locators', () => {
	test('by URL pasted from Workfront, and a URL without an ID', async () => {
		const project = store().all('PROJ')[0];
		const [byUrl] = await fixture.output(
			record('get', {
				id: {
					__rl: true,
					mode: 'url',
					value: `https://acme.my.workfront.com/project/${project.ID}/overview?tab=x`,
				},
			}),
		);
		expect(byUrl.ID).toBe(project.ID);
		const [fromList] = await fixture.output(
			record('get', { id: { __rl: true, mode: 'list', value: project.ID } }),
		);
		expect(fromList.ID).toBe(project.ID);
		const bad = await fixture.run(
			record('get', {
				id: { __rl: true, mode: 'url', value: 'https://acme.my.workfront.com/home' },
			}),
		);
		expect(bad.error?.message).toBe(
			'Record: the URL "https://acme.my.workfront.com/home" does not contain a Workfront ID',
		);
	});
});
