import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { editorIssues } from '../../harness/editorIssues';

import type { PlanningSeed } from '../../simulator';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { planningFixture, planningLocator } from '../../support/planning';
import { WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

const editor = (parameters: INodeParameters, path = 'parameters.recordType') =>
	editorContext(
		fixture.helper,
		{ resource: 'planningRecord', operation: 'create', ...parameters },
		path,
		'serverToServer',
	);
const { listSearch, loadOptions, resourceMapping } = workfrontMethods;

describe('Planning pickers: workspace, then its record types, searched by name', () => {
	test('workspaces by name, a page at a time through the cursor', async () => {
		for (let index = 0; index < 60; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Sales ${index}` });
		const first = await listSearch.searchPlanningWorkspaces.call(
			editor({}, 'parameters.workspace'),
		);
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Marketing', value: seed.workspace.id });
		const next = await listSearch.searchPlanningWorkspaces.call(
			editor({}, 'parameters.workspace'),
			'sales 5',
			first.paginationToken as string,
		);
		expect(next.results.map(({ name }) => name)).toEqual([
			'Sales 50',
			'Sales 51',
			'Sales 52',
			'Sales 53',
			'Sales 54',
			'Sales 55',
			'Sales 56',
			'Sales 57',
			'Sales 58',
			'Sales 59',
		]);
		expect(next.paginationToken).toBeUndefined();
	});

	test("the chosen workspace's record types, by name", async () => {
		const found = await listSearch.searchPlanningRecordTypes.call(
			editor({ workspace: planningLocator(seed.workspace.id) }),
			'camp',
		);
		expect(found.results).toEqual([{ name: 'Campaigns', value: seed.campaigns.id }]);
	});

	test('without a workspace the record type list says what to do', async () => {
		await expect(listSearch.searchPlanningRecordTypes.call(editor({}))).rejects.toThrow(
			'Workspace is empty',
		);
	});

	test("the record type's fields for filters and sorts, computed ones marked", async () => {
		const options = await loadOptions.getPlanningFields.call(
			editor({ recordType: planningLocator(seed.campaigns.id) }, 'parameters.filterConditions'),
		);
		expect(options.find(({ value }) => value === seed.fields.costPerLead.id)?.name).toBe(
			'Cost per Lead (formula, computed)',
		);
		expect(options.find(({ value }) => value === seed.fields.budget.id)).toEqual({
			name: 'Budget (currency)',
			value: seed.fields.budget.id,
			description: 'Alias: budget',
		});
	});

	test('the mapper: one typed column per field, select options, computed fields read-only', async () => {
		const { fields } = await resourceMapping.getPlanningColumns.call(
			editor({ recordType: planningLocator(seed.campaigns.id) }, 'parameters.dataColumns'),
		);
		const column = (id: string) => fields.find((field) => field.id === id);
		expect(column(seed.fields.status.id)).toMatchObject({
			displayName: 'Status (single select)',
			type: 'options',
			options: [
				{ name: 'Planned', value: 'planned' },
				{ name: 'Active', value: 'active' },
				{ name: 'Done', value: 'done' },
			],
		});
		expect(column(seed.fields.launch.id)?.type).toBe('dateTime');
		expect(column(seed.fields.team.id)).toMatchObject({
			displayName: 'Team (people)',
			type: 'array',
		});
		expect(column(seed.fields.personas.id)).toMatchObject({
			type: 'array',
			displayName: 'Personas (reference)',
		});
		expect(column(seed.fields.costPerLead.id)).toMatchObject({ readOnly: true, removed: true });
		expect(column(seed.fields.segment.id)).toMatchObject({ readOnly: true, removed: true });
	});
});

describe('Planning nodes open in the editor without a parameter error', () => {
	const loader = async (property: INodeProperties, path: string, parameters: INodeParameters) => {
		const method = String(property.typeOptions?.loadOptionsMethod) as keyof typeof loadOptions;
		return await loadOptions[method].call(editor(parameters, `parameters.${path}`));
	};
	const node = (parameters: INodeParameters): INode => ({
		id: 'p',
		name: 'Planning',
		type: 'n8n-nodes-workfront.workfront',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'serverToServer', ...parameters },
	});

	test('Update with the mapper (no column to match on: the record is in Record ID)', async () => {
		const { fields } = await resourceMapping.getPlanningColumns.call(
			editor({ recordType: planningLocator(seed.campaigns.id) }, 'parameters.dataColumns'),
		);
		const update = node({
			resource: 'planningRecord',
			operation: 'update',
			recordType: planningLocator(seed.campaigns.id),
			recordId: '={{ $json.id }}',
			dataColumns: {
				mappingMode: 'defineBelow',
				value: { [seed.fields.status.id]: 'done' },
				matchingColumns: [],
				schema: fields,
			},
		} as unknown as INodeParameters);
		expect(await editorIssues(new Workfront(), update, loader)).toEqual([]);
	});

	test('the check sees a select value that is not an option', async () => {
		const { fields } = await resourceMapping.getPlanningColumns.call(
			editor({ recordType: planningLocator(seed.campaigns.id) }, 'parameters.dataColumns'),
		);
		const create = node({
			resource: 'planningRecord',
			operation: 'create',
			recordType: planningLocator(seed.campaigns.id),
			dataColumns: {
				mappingMode: 'defineBelow',
				value: { [seed.fields.status.id]: 'Someday' },
				matchingColumns: [],
				schema: fields,
			},
		} as unknown as INodeParameters);
		expect((await editorIssues(new Workfront(), create, loader)).map(({ path }) => path)).toEqual([
			`dataColumns.${seed.fields.status.id}`,
		]);
	});
});
