import type { INode, INodeProperties } from 'n8n-workflow';

import { demoWorkflows } from '../../../scripts/lib/demoWorkflows';
import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { editorIssues, type OptionsLoader } from '../../harness/editorIssues';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeAll(async () => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.seed({ projects: 3, tasksPerProject: 2, issuesPerProject: 1, hoursPerTask: 1 });
});

afterAll(async () => fixture.close());

/** Options of a picker, loaded as the editor loads them: through n8n-core, from the simulator. */
const loader: OptionsLoader = async (property: INodeProperties, path, parameters) => {
	const method = String(property.typeOptions?.loadOptionsMethod);
	const load = workfrontMethods.loadOptions[method as keyof typeof workfrontMethods.loadOptions];
	if (!load) throw new Error(`No loadOptions method ${method}`);
	return await load.call(editorContext(fixture.helper, parameters, `parameters.${path}`));
};

const workfront = new Workfront();

function sampleWorkflows() {
	const { store } = fixture.simulator.state;
	return demoWorkflows({
		campaignFormId: String(store.all('CTGY').find(({ name }) => name === 'Campaign Details')?.ID),
		briefDocumentId: String(store.all('DOCU')[0]?.ID),
	});
}

const workfrontNodes = (workflow: Record<string, unknown>) =>
	(workflow.nodes as INode[]).filter(({ type }) => type === 'n8n-nodes-workfront.workfront');

describe("the demo's sample workflows open in the editor without a parameter error", () => {
	test('the check finds what the editor flags', async () => {
		// The values the demo used to ship: a comma-separated string in a multi-select and a plain
		// string in a record locator. The editor shows both as errors.
		const broken: INode = {
			id: 'broken',
			name: 'Broken',
			type: 'n8n-nodes-workfront.workfront',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'record',
				operation: 'get',
				objectType: 'PROJ',
				id: 'abc',
				options: { fields: 'tasks:name, owner:name' },
			},
		};
		const issues = await editorIssues(workfront, broken, loader);
		expect(issues.map(({ path }) => path).sort()).toEqual(['id', 'options.fields']);
		expect(issues.find(({ path }) => path === 'options.fields')?.message).toMatch(/not supported/);
	});

	const names = demoWorkflows({ campaignFormId: 'x', briefDocumentId: 'y' }).flatMap((workflow) =>
		workfrontNodes(workflow).map(({ name }) => [String(workflow.name), name]),
	);
	test.each(names)('%s: %s', async (workflowName, nodeName) => {
		const workflow = sampleWorkflows().find(({ name }) => name === workflowName);
		const node = workfrontNodes(workflow ?? {}).find(({ name }) => name === nodeName);
		expect(node).toBeDefined();
		// The samples are what a new user gets: version 2.
		expect(node?.typeVersion).toBe(2);
		expect(await editorIssues(workfront, node as INode, loader)).toEqual([]);
	});
});

describe("the demo's reports find the sample data whatever today is", () => {
	test.each([
		'Weekly hours by project',
		'Overdue tasks report',
		'Open tasks due in the next two weeks',
	])(
		'%s: every Workfront node of it returns something on data seeded around today',
		async (workflowName) => {
			const today = await WorkfrontFixture.start();
			try {
				// As the demo seeds it: dated around the day it runs.
				today.simulator.seed({
					projects: 6,
					tasksPerProject: 4,
					issuesPerProject: 1,
					hoursPerTask: 2,
					today: Date.now(),
				});
				const { store } = today.simulator.state;
				const workflow = demoWorkflows({
					campaignFormId: String(
						store.all('CTGY').find(({ name }) => name === 'Campaign Details')?.ID,
					),
					briefDocumentId: String(store.all('DOCU')[0]?.ID),
				}).find(({ name }) => name === workflowName) as unknown as Record<string, unknown>;
				expect(workflow).toBeDefined();
				for (const node of workfrontNodes(workflow)) {
					const items = await today.output(node.parameters as never, undefined, {
						typeVersion: node.typeVersion,
					});
					// The node's name in the failure: which of the workflow's nodes came back empty.
					expect([node.name, items.length > 0]).toEqual([node.name, true]);
				}
			} finally {
				await today.close();
			}
		},
	);
});
