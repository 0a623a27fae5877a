import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, packPackage } from '../../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS } from '../../scripts/lib/n8nRuntime';
import { chain, nodeOutput, workfrontNode, type CredentialRef } from '../../scripts/lib/workflows';
import type { PlanningSeed, WorkfrontSimulator } from '../simulator';
import { serverToServerCredentials, startWorkfront } from '../support/workfrontAccount';

/**
 * Workfront Planning in real n8n, installed as users install the package, with the Adobe Workfront
 * OAuth Server-to-Server credential (the one Adobe documents for Planning): three records created
 * in one bulk request, found by a filter, updated in one bulk PATCH and deleted in one bulk
 * DELETE, on n8n 1.x (Node.js 20) and 2.x (Node.js 24).
 */
jest.setTimeout(30 * 60 * 1000);

const SERVER_TO_SERVER: CredentialRef = {
	type: 'workfrontServerToServerApi',
	id: 'wfE2ePlanning001',
	name: 'Workfront Planning (Adobe IMS)',
};

let tarball: string;

beforeAll(async () => {
	tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
});

describe.each(N8N_VERSIONS)('n8n $n8n on Node.js $node', (version) => {
	let n8n: N8nInstance;
	let simulator: WorkfrontSimulator;
	let seed: PlanningSeed;

	beforeAll(async () => {
		const runtime = await ensureN8n(version, (line) => process.stderr.write(`${line}\n`));
		n8n = await N8nInstance.create(runtime, tarball);
		simulator = (await startWorkfront()).simulator;
		seed = simulator.seedPlanning({ campaigns: 0 });
		const data = { ...serverToServerCredentials(simulator) };
		delete data.accessToken;
		await n8n.importCredentials([{ ...SERVER_TO_SERVER, data }]);
	});

	afterAll(async () => simulator?.close());

	test('create three in bulk, search with a filter, update and delete them in bulk', async () => {
		const recordType = { __rl: true, mode: 'id', value: seed.campaigns.id };
		const planning = (name: string, parameters: IDataObject) =>
			workfrontNode(
				name,
				{ authentication: 'serverToServer', resource: 'planningRecord', recordType, ...parameters },
				SERVER_TO_SERVER,
			);
		const name = seed.fields.name.id;
		const workflow = chain('wfPlanningE2e01', 'Planning round trip', [
			{
				name: 'Three Campaigns',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						"return ['Spring', 'Summer', 'Autumn'].map((season) => ({ json: { title: season + ' launch', budget: 1000 } }));",
				},
			},
			planning('Create', {
				operation: 'create',
				inputMode: 'json',
				dataJson: `={{ JSON.stringify({ "${name}": $json.title, "${seed.fields.budget.id}": $json.budget }) }}`,
			}),
			// Once for the three created items.
			{
				...planning('Search', {
					operation: 'search',
					returnAll: true,
					filterConditions: {
						condition: [{ field: name, condition: 'CONTAINS', value: 'launch' }],
					},
					sort: { field: [{ field: name, direction: 'asc' }] },
				}),
				executeOnce: true,
			},
			planning('Update', {
				operation: 'update',
				recordId: '={{ $json.id }}',
				inputMode: 'json',
				dataJson: JSON.stringify({ [seed.fields.status.id]: 'active' }),
			}),
			planning('Delete', { operation: 'delete', recordId: '={{ $json.id }}' }),
		]);
		await n8n.importWorkflow(workflow);
		const result = await n8n.execute('wfPlanningE2e01');
		if (result.code !== 0 || !result.run)
			throw new Error(`n8n execute failed (${result.code}):\n${result.stdout.slice(-3000)}`);
		const found = nodeOutput(result.run, 'Search');
		expect(found.map((record) => (record.data as IDataObject)[name])).toEqual([
			'Autumn launch',
			'Spring launch',
			'Summer launch',
		]);
		expect(
			nodeOutput(result.run, 'Update').map(
				(record) => (record.data as IDataObject)[seed.fields.status.id],
			),
		).toEqual(['active', 'active', 'active']);
		expect(nodeOutput(result.run, 'Delete')).toEqual(
			found.map(({ id }) => ({ deleted: true, id })),
		);
		expect(
			simulator.planning.requests.map(
				({ method, path }) => `${method} ${path.replace(seed.campaigns.id, '{rt}')}`,
			),
		).toEqual([
			'POST /v2/record-types/{rt}/records/bulk',
			'POST /v2/record-types/{rt}/records/search',
			'PATCH /v2/record-types/{rt}/records/bulk',
			'DELETE /v2/record-types/{rt}/records/bulk',
		]);
		// Each with the IMS token, the organization and the client ID, and never a session ID.
		expect(
			simulator.planning.requests.every(
				({ headers }) =>
					headers.authorization && headers.orgId && headers.apiKey && !headers.sessionId,
			),
		).toBe(true);
		expect(simulator.planning.recordsOf(seed.campaigns.id)).toEqual([]);
		// Nothing printed carries the IMS token.
		for (const token of simulator.state.sessions.issued)
			expect(result.stdout + result.stderr).not.toContain(token);
	});
});
