import type { IDataObject, INode, INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { editorIssues, type OptionsLoader } from '../../harness/editorIssues';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { MAPPER_REFERENCE_LIST } from '../../../nodes/shared/core/limits';
import { referenceChoices } from '../../../nodes/shared/workfront/referenceChoices';
import { defineCustomForm } from '../../simulator/model/customForms';
import { record, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;
let formId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.seed({ projects: 2, tasksPerProject: 1, issuesPerProject: 0, hoursPerTask: 0 });
	formId = String(
		fixture.simulator.state.store.all('CTGY').find(({ name }) => name === 'Campaign Details')?.ID,
	);
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const workfront = new Workfront();

const loader: OptionsLoader = async (property, path, parameters) => {
	const method = String(property.typeOptions?.loadOptionsMethod);
	const load = workfrontMethods.loadOptions[method as keyof typeof workfrontMethods.loadOptions];
	return await load.call(editorContext(fixture.helper, parameters, `parameters.${path}`));
};

/**
 * The node's parameters as the editor keeps them after the user picked fields in Map Each Field:
 * the columns loaded through n8n-core (getColumns, as the editor calls it), those not filled in
 * marked removed, the values as typed, and for Update the column to match on.
 */
async function mapped(
	operation: 'create' | 'update',
	objectType: string,
	value: IDataObject,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const base = { resource: 'record', operation, objectType, inputMode: 'mapper' };
	const { fields } = await workfrontMethods.resourceMapping.getColumns.call(
		editorContext(fixture.helper, base as INodeParameters, 'parameters.columns'),
	);
	const schema: ResourceMapperField[] = fields.map((field) => ({
		...field,
		removed: !(field.id in value) && !field.required && !field.defaultMatch,
	}));
	return {
		...base,
		columns: {
			mappingMode: 'defineBelow',
			value,
			matchingColumns: operation === 'update' ? ['ID'] : [],
			schema,
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		...extra,
	};
}

const asNode = (parameters: IDataObject): INode => ({
	id: 'mapper',
	name: 'Workfront',
	type: 'n8n-nodes-workfront.workfront',
	typeVersion: 1,
	position: [0, 0],
	parameters: parameters as INodeParameters,
});

describe('Update with Map Each Field', () => {
	test('asks only for the ID to match on, and changes only the fields mapped', async () => {
		const task = store().all('TASK')[0];
		const parameters = await mapped('update', 'TASK', { ID: '={{ $json.ID }}', status: 'INP' });
		const columns = (parameters.columns as { schema: ResourceMapperField[] }).schema;
		expect(columns.find(({ id }) => id === 'name')?.required).toBe(false);
		expect(columns.find(({ id }) => id === 'projectID')?.required).toBe(false);
		expect(columns[0]).toMatchObject({ id: 'ID', canBeUsedToMatch: true, defaultMatch: true });

		// What made n8n refuse to run the workflow: name and projectID required on Update.
		expect(await editorIssues(workfront, asNode(parameters), loader)).toEqual([]);

		const [updated] = await fixture.output(parameters, [{ ID: task.ID }]);
		expect(updated).toMatchObject({ ID: task.ID, status: 'INP', name: task.name });
		const request = fixture.simulator.log.find(({ effectiveMethod }) => effectiveMethod === 'PUT');
		expect(request?.path).toMatch(new RegExp(`/task/${String(task.ID)}$`, 'i'));
	});

	test('a number column added but left empty leaves the field as it is', async () => {
		const project = store().insert('PROJ', { name: 'Keep', priority: 3, status: 'PLN' });
		// What the editor stores for an added, untouched text column: ''. (Its number input stored
		// 0, which would have set priority to 0; number columns are therefore text columns.)
		const parameters = await mapped('update', 'PROJ', {
			ID: project.ID,
			status: 'CUR',
			priority: '',
		});
		const columns = (parameters.columns as { schema: ResourceMapperField[] }).schema;
		expect(columns.find(({ id }) => id === 'priority')?.type).toBe('string');
		await fixture.output(parameters);
		expect(store().get('PROJ', project.ID)).toMatchObject({ status: 'CUR', priority: 3 });
		const [typed] = await fixture.output(
			await mapped('update', 'PROJ', { ID: project.ID, priority: '0' }),
		);
		expect(typed.priority).toBe(0);
	});

	test('Create still requires what Workfront requires', async () => {
		const parameters = await mapped('create', 'TASK', { status: 'NEW' });
		const issues = await editorIssues(workfront, asNode(parameters), loader);
		expect(issues.map(({ path }) => path).sort()).toEqual(['columns.name', 'columns.projectID']);
	});

	test('an empty ID is refused, naming the field to fill', async () => {
		const parameters = await mapped('update', 'TASK', {
			ID: '={{ $json.nothing }}',
			status: 'INP',
		});
		const result = await fixture.run(parameters, [{ ID: 'x' }]);
		expect(result.error?.message).toBe('ID (the field to match on) is empty');
		expect(String(result.error?.description)).toMatch(/ID field/);
	});

	test("mapping automatically updates the record named by each item's ID", async () => {
		const task = store().all('TASK')[0];
		const [updated] = await fixture.output(
			{
				...record('update', { objectType: 'TASK', inputMode: 'mapper' }),
				columns: { mappingMode: 'autoMapInputData', value: null },
			},
			[{ ID: task.ID, priority: 4 }],
		);
		expect(updated).toMatchObject({ ID: task.ID, priority: 4 });
	});
});

describe('every column type reaches Workfront as its type', () => {
	test('a list and a number typed as text; columns left empty are not sent', async () => {
		const parameters = await mapped(
			'create',
			'PROJ',
			{
				name: 'Typed',
				'DE:Channels': '["Web", "Email"]',
				'DE:Expected Leads': '1200',
				'DE:Region': 'APAC',
				// Added in the panel but left empty: not sent (the editor keeps null, or '' in a text column).
				'DE:Launch Date': null,
				priority: '',
			},
			{ options: { customForms: [formId] } },
		);
		expect(await editorIssues(workfront, asNode(parameters), loader)).toEqual([]);
		const [created] = await fixture.output(parameters);
		const saved = store().get('PROJ', String(created.ID));
		expect(saved?.parameterValues).toEqual({
			'DE:Channels': ['Web', 'Email'],
			'DE:Expected Leads': 1200,
			'DE:Region': 'APAC',
		});
	});

	test('a workflow written by hand (no columns stored) is typed from Workfront; a bad list is refused clearly', async () => {
		const byHand = (value: IDataObject) => ({
			...record('create', { inputMode: 'mapper' }),
			columns: { mappingMode: 'defineBelow', value },
		});
		const [created] = await fixture.output(
			byHand({ name: 'Commas', 'DE:Channels': 'Web, Print', 'DE:Expected Leads': '7' }),
		);
		expect(store().get('PROJ', String(created.ID))?.parameterValues).toMatchObject({
			'DE:Channels': ['Web', 'Print'],
			'DE:Expected Leads': 7,
		});
		const broken = await fixture.run(byHand({ name: 'Broken', 'DE:Channels': '["Web"' }));
		expect(broken.error?.message).toBe(
			'Fields: Marketing Channels (custom field on Campaign Details) (DE:Channels): ["Web" is not a list',
		);
		expect(String(broken.error?.description)).toMatch(/\["Web", "Email"\]/);
		const notANumber = await fixture.run(byHand({ name: 'Broken', 'DE:Expected Leads': 'lots' }));
		expect(notANumber.error?.message).toMatch(/Expected Leads.*"lots" is not a number/);
	});
});

test("enumerations show Workfront's labels with their codes", async () => {
	const { fields } = await workfrontMethods.resourceMapping.getColumns.call(
		editorContext(
			fixture.helper,
			{ resource: 'record', operation: 'create', objectType: 'PROJ' },
			'parameters.columns',
		),
	);
	const status = fields.find(({ id }) => id === 'status');
	expect(status?.options).toEqual(
		expect.arrayContaining([
			{ name: 'Current (CUR)', value: 'CUR' },
			{ name: 'On Hold (ONH)', value: 'ONH' },
		]),
	);
});

describe('custom fields whose form is not attached', () => {
	test('Create attaches the form of the custom fields mapped', async () => {
		const [created] = await fixture.output(
			await mapped('create', 'PROJ', { name: 'Auto form', 'DE:Expected Leads': 50 }),
		);
		expect(store().get('PROJ', String(created.ID))).toMatchObject({
			categoryID: formId,
			parameterValues: { 'DE:Expected Leads': 50 },
		});
	});

	test('turned off, the error names the options to use as the panel names them', async () => {
		const result = await fixture.run(
			await mapped(
				'create',
				'PROJ',
				{ name: 'No form', 'DE:Expected Leads': 50 },
				{ options: { attachForms: false } },
			),
		);
		expect(result.error?.message).toBe(
			"Custom field 'Expected Leads' (DE:Expected Leads) is on the form 'Campaign Details', which is not attached",
		);
		expect(String(result.error?.description)).toContain(
			'Options > Custom Form Names or IDs, or turn on Options > Attach Forms of Custom Fields',
		);
		expect(fixture.apiCalls().filter((call) => call.startsWith('POST'))).toEqual([]);
	});

	test("Update reads the record's forms and adds the one the custom field needs", async () => {
		const project = store().insert('PROJ', { name: 'Plain' });
		const [updated] = await fixture.output(
			await mapped('update', 'PROJ', { ID: project.ID, 'DE:Region': 'EMEA' }),
		);
		expect(updated.ID).toBe(project.ID);
		expect(store().get('PROJ', project.ID)).toMatchObject({
			objectCategories: [formId],
			parameterValues: { 'DE:Region': 'EMEA' },
		});
		expect(fixture.apiCalls()).toEqual(
			expect.arrayContaining([expect.stringMatching(/^GET proj\/\w+$/i)]),
		);
	});
});

describe('reference columns list records by name (issue 22 #2)', () => {
	const columnsFor = async (
		objectType: string,
		operation: 'create' | 'update' = 'create',
		value: IDataObject = {},
	) =>
		(
			await workfrontMethods.resourceMapping.getColumns.call(
				editorContext(
					fixture.helper,
					{
						resource: 'record',
						operation,
						objectType,
						inputMode: 'mapper',
						columns: { mappingMode: 'defineBelow', value },
					} as INodeParameters,
					'parameters.columns',
				),
			)
		).fields;
	// Record searches; the custom forms' lookup (ctgy/search by catObjCode) is another matter.
	const searches = () =>
		fixture.simulator.log
			.filter(({ path, query }) => path.endsWith('/search') && !query.includes('catObjCode'))
			.map(({ path }) => path.replace(/^\/attask\/api\/v[\d.]+\//, '').toLowerCase());

	test("a task's project, parent task and assignee are lists of names with the ID as value", async () => {
		const columns = await columnsFor('TASK');
		const project = store().all('PROJ')[0];
		const projectColumn = columns.find(({ id }) => id === 'projectID');
		expect(projectColumn).toMatchObject({ type: 'options', required: true });
		expect(projectColumn?.options).toContainEqual({ name: project.name, value: project.ID });
		expect(columns.find(({ id }) => id === 'parentID')?.type).toBe('options');
		const assignee = columns.find(({ id }) => id === 'assignedToID');
		expect(assignee?.options?.map(({ value }) => value)).toEqual(
			expect.arrayContaining(
				store()
					.all('USER')
					.map(({ ID }) => ID),
			),
		);
		// A project's own references too: owner, portfolio, program, company, template.
		const projectColumns = await columnsFor('PROJ');
		for (const id of ['ownerID', 'portfolioID', 'programID', 'companyID', 'templateID'])
			expect([id, projectColumns.find((column) => column.id === id)?.type]).toEqual([
				id,
				'options',
			]);
	});

	test('one bounded search per referenced object type, never one per column', async () => {
		fixture.simulator.log.length = 0;
		await columnsFor('TASK');
		// TASK references PROJ (projectID), TASK (parentID), USER (assignedToID) and CTGY (categoryID).
		const calls = searches();
		expect(calls.sort()).toEqual(['ctgy/search', 'proj/search', 'task/search', 'user/search']);
		for (const { query } of fixture.simulator.log.filter(
			({ path, query: sent }) => path.endsWith('/search') && !sent.includes('catObjCode'),
		))
			expect(new URLSearchParams(query).get('$$LIMIT')).toBe('201');
	});

	test('more records than the bound: the first 200 by name, and the column says so', async () => {
		for (let index = 0; index < 205; index += 1)
			store().insert('PROJ', { name: `Bulk ${String(index).padStart(3, '0')}` });
		const column = (await columnsFor('TASK')).find(({ id }) => id === 'projectID');
		expect(column?.options).toHaveLength(200);
		expect(column?.displayName).toMatch(/first 200 by name; map others by expression/);
	});

	test('an object type that cannot be searched falls back to a text column; the others still list', async () => {
		fixture.simulator.state.faults.push({
			times: 10,
			status: 403,
			path: /\/user\/search/i,
			body: { error: { class: 'SecurityException', message: 'No access' } },
		});
		const columns = await columnsFor('TASK');
		expect(columns.find(({ id }) => id === 'assignedToID')?.type).toBe('string');
		expect(columns.find(({ id }) => id === 'projectID')?.type).toBe('options');
	});

	test('IDs outside the list still work: an expression, and an ID typed earlier', async () => {
		for (let index = 0; index < 205; index += 1)
			store().insert('PROJ', { name: `Bulk ${String(index).padStart(3, '0')}` });
		// Sorted last by name, so beyond the first 200.
		const outside = store().insert('PROJ', { name: 'zzz Last project' });
		const columns = await columnsFor('TASK', 'create', { projectID: outside.ID });
		const projectColumn = columns.find(({ id }) => id === 'projectID');
		expect(projectColumn?.options?.slice(0, 200).map(({ value }) => value)).not.toContain(
			outside.ID,
		);
		// The ID already mapped stays a choice, so the editor does not flag it.
		expect(projectColumn?.options).toContainEqual({
			name: `${outside.ID} (not in the list)`,
			value: outside.ID,
		});
		const byId = await mapped('create', 'TASK', { name: 'Typed ID', projectID: outside.ID });
		const schema = (byId.columns as { schema: ResourceMapperField[] }).schema;
		(byId.columns as { schema: ResourceMapperField[] }).schema = schema.map((column) =>
			column.id === 'projectID' ? { ...column, options: projectColumn?.options } : column,
		);
		expect(await editorIssues(workfront, asNode(byId), loader)).toEqual([]);
		const [typed] = await fixture.output(byId);
		expect(store().get('TASK', String(typed.ID))?.projectID).toBe(outside.ID);

		const byExpression = await mapped('create', 'TASK', {
			name: 'Mapped ID',
			projectID: '={{ $json.projectId }}',
		});
		expect(await editorIssues(workfront, asNode(byExpression), loader)).toEqual([]);
		const [fromItem] = await fixture.output(byExpression, [{ projectId: outside.ID }]);
		expect(store().get('TASK', String(fromItem.ID))?.projectID).toBe(outside.ID);
	});

	test('at most 8 object types are searched, 3 at a time, required ones first; a failed one is left out', async () => {
		const types = ['CMPY', 'TEAMOB', 'PORT', 'PRGM', 'TMPL', 'TTSK', 'DOCU', 'NOTE', 'OPTASK'];
		const wanted = [...types, 'PROJ', 'USER', 'EXPNS'].map((objCode) => ({
			objCode,
			// Required, so searched first; its search fails below.
			required: objCode === 'EXPNS',
		}));
		fixture.simulator.state.faults.push({
			times: 5,
			status: 422,
			path: /\/expns\/search/i,
			body: { error: { class: 'APIException', message: 'No name field' } },
		});
		fixture.simulator.log.length = 0;
		const peak = fixture.simulator.state.peakConcurrency;
		const choices = await referenceChoices(
			editorContext(fixture.helper, { objectType: 'TASK' }, 'parameters.columns'),
			wanted,
		);
		const searched = searches();
		expect(searched).toHaveLength(MAPPER_REFERENCE_LIST.types);
		expect(searched).toEqual(
			expect.arrayContaining(['expns/search', 'proj/search', 'user/search', 'optask/search']),
		);
		expect(choices.has('EXPNS')).toBe(false);
		expect(choices.get('PROJ')?.options.length).toBeGreaterThan(0);
		expect(fixture.simulator.state.peakConcurrency).toBeLessThanOrEqual(
			Math.max(peak, MAPPER_REFERENCE_LIST.concurrency),
		);
	});

	test('at run time no record is searched: the mapped ID is sent as it is', async () => {
		const project = store().all('PROJ')[1];
		const parameters = await mapped('create', 'TASK', { name: 'Run', projectID: project.ID });
		fixture.simulator.log.length = 0;
		await fixture.output(parameters);
		expect(searches()).toEqual([]);
	});
});

describe('which custom fields are lists (issue 22 #14)', () => {
	const defineField = (name: string, displayType: string) =>
		defineCustomForm(store(), {
			name: `Form of ${name}`,
			objCode: 'PROJ',
			fields: [{ name, displayType, options: ['alpha', 'beta'] }],
		});
	const typeOf = async (name: string) =>
		(
			await workfrontMethods.resourceMapping.getColumns.call(
				editorContext(
					fixture.helper,
					{ resource: 'record', operation: 'create', objectType: 'PROJ' },
					'parameters.columns',
				),
			)
		).fields.find(({ id }) => id === `DE:${name}`)?.type;

	test("Adobe's display-type codes, in any letter case; an unknown code is text", async () => {
		const cases: Array<[string, string]> = [
			['CHCK', 'array'],
			['MULT', 'array'],
			['MULTEXTRNL', 'array'],
			['MULTINTRNL', 'array'],
			['mult', 'array'],
			['Chck', 'array'],
			['SLCT', 'options'],
			['RDIO', 'options'],
			['slct', 'options'],
			['TYAH', 'string'],
			['A_FUTURE_CODE', 'string'],
			// The spellings this package once invented are no Workfront's.
			['MULTISELECT', 'string'],
			['DROPDOWN', 'string'],
		];
		cases.forEach(([displayType], index) => defineField(`Field ${index}`, displayType));
		const found = [];
		for (const [index, [displayType]] of cases.entries())
			found.push([displayType, await typeOf(`Field ${index}`)]);
		expect(found).toEqual(cases);
	});

	test('a field the metadata declares a list reaches Workfront as a list, whatever its display type', async () => {
		defineField('Tags', 'A_FUTURE_MULTI_CODE');
		fixture.simulator.state.declaredFields.set('PROJ', {
			'DE:Tags': { label: 'Tags', fieldType: 'string[]' },
		});
		expect(await typeOf('Tags')).toBe('array');
		// Mapped as the issue reports it: the text of a list.
		const [created] = await fixture.output({
			...record('create', { inputMode: 'mapper' }),
			columns: {
				mappingMode: 'defineBelow',
				value: { name: 'Tagged', 'DE:Tags': '["alpha","beta"]' },
			},
		});
		expect(store().get('PROJ', String(created.ID))?.parameterValues).toMatchObject({
			'DE:Tags': ['alpha', 'beta'],
		});
		// No second column for the declared field.
		const { fields } = await workfrontMethods.resourceMapping.getColumns.call(
			editorContext(
				fixture.helper,
				{ resource: 'record', operation: 'create', objectType: 'PROJ' },
				'parameters.columns',
			),
		);
		expect(fields.filter(({ id }) => id === 'DE:Tags')).toHaveLength(1);
	});
});
