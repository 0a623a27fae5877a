import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { planningWorkflow, type PlanningDemoIds } from '../../../scripts/lib/demoWorkflows';
import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import type { PlanningField } from '../../../nodes/shared/core/planning';
import { planningColumns } from '../../../nodes/shared/workfront/planningFields';
import { editorIssues, type OptionsLoader } from '../../harness/editorIssues';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import type { PlanningSeed } from '../../simulator';
import { planningFixture } from '../../support/planning';
import { WorkfrontFixture } from '../../support/workfrontNode';

/** The demo's Planning sample, as the demo builds it: it opens without a parameter error and works. */
let fixture: WorkfrontFixture;
let seed: PlanningSeed;
let ids: PlanningDemoIds;
beforeAll(async () => {
	({ fixture, seed } = await planningFixture(8));
	ids = {
		workspaceId: seed.workspace.id,
		recordTypeId: seed.campaigns.id,
		fields: {
			name: seed.fields.name.id,
			status: seed.fields.status.id,
			budget: seed.fields.budget.id,
			launch: seed.fields.launch.id,
			channels: seed.fields.channels.id,
		},
		columns: planningColumns(
			fixture.simulator.planning.fieldsOf(seed.campaigns.id) as unknown as PlanningField[],
		) as unknown as IDataObject[],
	};
});
afterAll(async () => await fixture.close());

const loader: OptionsLoader = async (property: INodeProperties, path, parameters) => {
	const method = String(property.typeOptions?.loadOptionsMethod);
	const load = workfrontMethods.loadOptions[method as keyof typeof workfrontMethods.loadOptions];
	return await load.call(
		editorContext(fixture.helper, parameters, `parameters.${path}`, 'serverToServer'),
	);
};

const nodes = () =>
	(planningWorkflow(ids).nodes as INode[]).filter(({ type }) => type.endsWith('.workfront'));

test.each(['Active campaigns', 'Plan follow-ups'])(
	'%s opens without a parameter error',
	async (name) => {
		const node = nodes().find((candidate) => candidate.name === name) as INode;
		expect(node.credentials).toEqual({
			workfrontServerToServerApi: {
				id: 'wfDemoImsCred001',
				name: 'Workfront Planning (Adobe IMS)',
			},
		});
		expect(await editorIssues(new Workfront(), node, loader)).toEqual([]);
	},
);

test('it finds the active campaigns and plans one follow-up for each, in one bulk request', async () => {
	const [search, create] = nodes();
	const active = await fixture.output(search.parameters as IDataObject);
	expect(active.length).toBeGreaterThan(1);
	const created = await fixture.output(create.parameters as IDataObject, active);
	expect(created.map((record) => (record.data as IDataObject)[seed.fields.name.id])).toEqual(
		active.map(
			(record) => `${String((record.data as IDataObject)[seed.fields.name.id])} follow-up`,
		),
	);
	expect(fixture.simulator.planning.requests.at(-1)?.path).toBe(
		`/v2/record-types/${seed.campaigns.id}/records/bulk`,
	);
});
