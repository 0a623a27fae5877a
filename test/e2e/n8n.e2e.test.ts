import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, packPackage } from '../../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS, type N8nRuntime } from '../../scripts/lib/n8nRuntime';
import { N8nServer } from '../../scripts/lib/n8nServer';
import type { WorkfrontSimulator } from '../simulator';
import { OtherOrigin } from '../support/otherOrigin';
import { pemFragments } from '../support/secrets';
import { CLIENT_SECRET, startWorkfront } from '../support/workfrontAccount';
import { chain, CREDENTIAL, nodeOutput, workfrontNode } from '../../scripts/lib/workflows';

/**
 * The built package inside real n8n: installed the way users install it, a credential imported,
 * workflows imported and run with `n8n execute`, the credential tested through n8n's REST API, on
 * n8n 1.x (Node.js 20) and 2.x (Node.js 24). The first run installs n8n into a cache (minutes).
 */
jest.setTimeout(30 * 60 * 1000);

let tarball: string;

/** n8n may finish activating a trigger after answering the REST call; wait for it (at most 20 s). */
async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (!condition() && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 200));
}

beforeAll(async () => {
	tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
});

describe.each(N8N_VERSIONS)('n8n $n8n on Node.js $node', (version) => {
	let runtime: N8nRuntime;
	let n8n: N8nInstance;
	let simulator: WorkfrontSimulator;
	let credentials: IDataObject;
	const outputs: string[] = [];
	let lastOutput = '';

	/** A node's output items; when there are none, what n8n printed, to see why. */
	function output(run: Record<string, unknown> | undefined, nodeName: string): IDataObject[] {
		const items = nodeOutput(run, nodeName);
		if (items.length === 0)
			throw new Error(`${nodeName} output nothing. n8n printed:\n${lastOutput.slice(-4000)}`);
		return items;
	}

	async function run(workflow: IDataObject) {
		await n8n.importWorkflow(workflow);
		const result = await n8n.execute(String(workflow.id));
		outputs.push(result.stdout, result.stderr);
		if (result.code !== 0 || !result.run) {
			throw new Error(
				`n8n execute failed (${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
			);
		}
		lastOutput = result.stdout;
		return result.run;
	}

	const store = () => simulator.state.store;
	const projects = (prefix: string) =>
		store()
			.all('PROJ')
			.filter(({ name }) => String(name).startsWith(prefix));

	beforeAll(async () => {
		runtime = await ensureN8n(version, (line) => process.stderr.write(`${line}\n`));
		n8n = await N8nInstance.create(runtime, tarball);
		const started = await startWorkfront();
		simulator = started.simulator;
		credentials = { ...started.credentials };
		delete credentials.accessToken;
		await n8n.importCredentials([{ ...CREDENTIAL, type: 'workfrontJwtApi', data: credentials }]);
	});

	afterAll(async () => {
		await simulator?.close();
	});

	test('installed from the packed tarball with --omit=dev, the package comes alone', () => {
		expect(n8n.installedPackages()).toEqual(['n8n-nodes-workfront']);
	});

	test('create, update, get, search and delete a project', async () => {
		const result = await run(
			chain('wfCrud', 'CRUD', [
				workfrontNode('Create', {
					resource: 'record',
					operation: 'create',
					objectType: 'PROJ',
					inputMode: 'json',
					fieldsJson: '{"name":"E2E Project","status":"PLN"}',
				}),
				workfrontNode('Update', {
					resource: 'record',
					operation: 'update',
					objectType: 'PROJ',
					id: '={{ $json.ID }}',
					inputMode: 'json',
					fieldsJson: '{"status":"CUR"}',
				}),
				workfrontNode('Get', {
					resource: 'record',
					operation: 'get',
					objectType: 'PROJ',
					id: '={{ $json.ID }}',
					options: { fields: '*' },
				}),
				workfrontNode('Search', {
					resource: 'record',
					operation: 'getMany',
					objectType: 'PROJ',
					returnAll: true,
					filters: { filter: [{ field: 'name', operator: 'equals', value: 'E2E Project' }] },
				}),
				workfrontNode('Delete', {
					resource: 'record',
					operation: 'delete',
					objectType: 'PROJ',
					id: '={{ $json.ID }}',
				}),
			]),
		);
		const [created] = output(result, 'Create');
		expect(created).toMatchObject({ name: 'E2E Project', status: 'PLN', objCode: 'PROJ' });
		expect(output(result, 'Update')[0]).toMatchObject({ ID: created.ID, status: 'CUR' });
		expect(output(result, 'Get')[0]).toMatchObject({ ID: created.ID, budget: 0 });
		expect(output(result, 'Search').map(({ ID }) => ID)).toEqual([created.ID]);
		expect(output(result, 'Delete')).toEqual([{ deleted: true, ID: created.ID, objCode: 'PROJ' }]);
		expect(store().get('PROJ', String(created.ID))).toBeUndefined();
	});

	test('Return All beyond 2,000 records', async () => {
		for (let index = 0; index < 4500; index += 1)
			simulator.insert('TASK', { name: `Bulk task ${index}` });
		const result = await run(
			chain('wfReturnAll', 'Return All', [
				workfrontNode('Tasks', {
					resource: 'record',
					operation: 'getMany',
					objectType: 'TASK',
					returnAll: true,
				}),
			]),
		);
		const tasks = output(result, 'Tasks');
		expect(tasks).toHaveLength(4500);
		expect(new Set(tasks.map(({ ID }) => ID)).size).toBe(4500);
	});

	test('download a document, upload it to another project, download it again', async () => {
		const source = simulator.insert('PROJ', { name: 'Docs source' });
		const target = simulator.insert('PROJ', { name: 'Docs target' });
		const bytes = randomBytes(300 * 1024);
		const original = simulator.addDocument('PROJ', source.ID, 'artwork.png', bytes, 'image/png');
		const result = await run(
			chain('wfDocuments', 'Documents', [
				workfrontNode('Download', {
					resource: 'document',
					operation: 'download',
					documentId: original.ID,
				}),
				workfrontNode('Upload', {
					resource: 'document',
					operation: 'upload',
					objectType: 'PROJ',
					objectId: target.ID,
					binaryPropertyName: 'data',
				}),
				workfrontNode('Download again', {
					resource: 'document',
					operation: 'download',
					documentId: '={{ $json.ID }}',
				}),
			]),
		);
		const [uploaded] = output(result, 'Upload');
		expect(uploaded).toMatchObject({ objCode: 'DOCU', name: 'artwork.png', objID: target.ID });
		expect(simulator.documentBytes(String(uploaded.ID))?.equals(bytes)).toBe(true);
		expect(output(result, 'Download again')[0]).toMatchObject({
			currentVersion: expect.objectContaining({
				fileName: 'artwork.png',
				docSize: bytes.length,
				fileType: 'image/png',
			}),
		});
	});

	test('a token revoked mid-run: exactly one extra exchange, every item done', async () => {
		for (let index = 0; index < 20; index += 1)
			simulator.insert('PROJ', { name: `Revoke ${index}` });
		const before = simulator.counters.exchanges;
		simulator.injectFault({
			times: 1,
			skip: 5,
			method: 'PUT',
			path: /\/proj\/[0-9a-f]{32}$/i,
			sideEffect: (state) => state.sessions.revokeAll(),
		});
		await run(
			chain('wfRevoke', 'Revoked token', [
				workfrontNode('Find', {
					resource: 'record',
					operation: 'getMany',
					objectType: 'PROJ',
					returnAll: true,
					filters: { filter: [{ field: 'name', operator: 'contains', value: 'Revoke' }] },
				}),
				workfrontNode('Update', {
					resource: 'record',
					operation: 'update',
					objectType: 'PROJ',
					id: '={{ $json.ID }}',
					inputMode: 'json',
					fieldsJson: '{"priority":3}',
					options: { batchSize: 1 },
				}),
			]),
		);
		expect(simulator.counters.exchanges - before).toBe(1);
		expect(projects('Revoke').map(({ priority }) => priority)).toEqual(Array(20).fill(3));
	});

	test('a burst of 429s: everything created once', async () => {
		simulator.failNext(4, 429, {
			body: { error: { message: 'Too many concurrent API requests' } },
			method: 'POST',
			path: /\/proj$/i,
		});
		await run(
			chain('wfBurst', '429 burst', [
				workfrontNode('Find', {
					resource: 'record',
					operation: 'getMany',
					objectType: 'PROJ',
					returnAll: false,
					limit: 10,
					filters: { filter: [{ field: 'name', operator: 'contains', value: 'Revoke' }] },
				}),
				workfrontNode('Create', {
					resource: 'record',
					operation: 'create',
					objectType: 'PROJ',
					inputMode: 'json',
					fieldsJson: '={{ JSON.stringify({ name: "Burst " + $json.name }) }}',
					options: { batchSize: 3 },
				}),
			]),
		);
		const burst = projects('Burst ').map(({ name }) => name);
		expect(burst).toHaveLength(10);
		expect(new Set(burst).size).toBe(10);
		expect(simulator.log.filter(({ status }) => status === 429)).toHaveLength(4);
	});

	test('the HTTP Request node with Workfront JWT API as its predefined credential', async () => {
		const result = await run(
			chain('wfHttpRequest', 'HTTP Request', [
				{
					name: 'Count',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					credentials: true,
					parameters: {
						url: `${simulator.origin}/attask/api/v21.0/proj/count`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'workfrontJwtApi',
						options: {},
					},
				},
			]),
		);
		expect(output(result, 'Count')[0]).toEqual({ data: { count: store().count('PROJ') } });
	});

	describe('the token goes to the Workfront origin only (another local server must see nothing)', () => {
		let other: OtherOrigin;
		beforeAll(async () => {
			other = await OtherOrigin.start();
		});
		afterAll(async () => other.close());

		/** Runs a workflow that is expected to fail, and answers what n8n printed. */
		async function runFailing(workflow: IDataObject): Promise<string> {
			await n8n.importWorkflow(workflow);
			const result = await n8n.execute(String(workflow.id));
			outputs.push(result.stdout, result.stderr);
			return `${result.stdout}\n${result.stderr}`;
		}

		const httpRequest = (id: string, url: string) =>
			chain(id, 'HTTP Request elsewhere', [
				{
					name: 'Elsewhere',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					credentials: true,
					parameters: {
						url,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'workfrontJwtApi',
						options: {},
					},
				},
			]);

		test('the HTTP Request node with a URL on another host is refused before sending', async () => {
			const printed = await runFailing(
				httpRequest('wfElsewhere', `${other.origin}/attask/api/v21.0/session`),
			);
			expect(printed).toMatch(/only sends its token to/);
			expect(other.seen).toEqual([]);
		});

		test('the HTTP Request node does not follow a redirect from Workfront to another host', async () => {
			simulator.failNext(1, 302, {
				path: /\/proj\/count$/i,
				headers: { location: `${other.origin}/steal` },
			});
			await runFailing(
				httpRequest('wfRedirected', `${simulator.origin}/attask/api/v21.0/proj/count`),
			);
			expect(other.seen).toEqual([]);
		});

		test('the Workfront node does not follow a 307 to another host, and says so', async () => {
			simulator.failNext(1, 307, {
				path: /\/proj\/count$/i,
				headers: { location: `${other.origin}/steal` },
			});
			const printed = await runFailing(
				chain('wfNodeRedirected', 'Workfront redirected', [
					workfrontNode('Count', { resource: 'record', operation: 'count', objectType: 'PROJ' }),
				]),
			);
			expect(printed).toMatch(/another host; it was not followed/);
			expect(other.seen).toEqual([]);
		});
	});

	test('the token is stored with the credential and reused across runs', async () => {
		const [stored] = await n8n.exportCredentials();
		expect(simulator.state.sessions.issued).toContain(stored.data.accessToken);
		// n8n keeps what preAuthentication returned beside the token: the fields it was issued for.
		expect(stored.data.accessTokenFor).toMatch(/^[0-9a-f]{64}$/);
	});

	test("Test on the credential, through n8n's REST API", async () => {
		const server = await N8nServer.start(n8n);
		try {
			await server.loginAsOwner();
			const good = await server.rest<{ data: { status: string; message: string } }>(
				'POST',
				'credentials/test',
				{
					credentials: { ...CREDENTIAL, type: 'workfrontJwtApi', data: credentials },
				},
			);
			expect(good.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(simulator.log.at(-1)?.path).toMatch(/\/attask\/api\/v\d+\.0\/user\//);
			// With a valid token stored (and what it was issued for), a wrong Client Secret must
			// still fail: a token issued for other field values is no token.
			const [stored] = await n8n.exportCredentials();
			const withToken = await server.rest<{ data: { status: string; message: string } }>(
				'POST',
				'credentials/test',
				{
					credentials: {
						...CREDENTIAL,
						type: 'workfrontJwtApi',
						data: {
							...credentials,
							accessToken: stored.data.accessToken,
							accessTokenFor: stored.data.accessTokenFor,
							clientSecret: 'not-the-client-secret',
						},
					},
				},
			);
			expect(simulator.state.sessions.issued).toContain(stored.data.accessToken);
			expect(withToken.body.data.status).toBe('Error');
			const bad = await server.rest<{ data: { status: string; message: string } }>(
				'POST',
				'credentials/test',
				{
					credentials: {
						...CREDENTIAL,
						type: 'workfrontJwtApi',
						data: { ...credentials, clientSecret: 'not-the-client-secret' },
					},
				},
			);
			expect(bad.body.data.status).toBe('Error');
			expect(bad.body.data.message).toMatch(/did not accept the Client ID or Client Secret/);
			outputs.push(server.output.text, JSON.stringify(good.body), JSON.stringify(bad.body));
		} finally {
			await server.stop();
		}
	});

	test('the Workfront Trigger: activation subscribes with a filter group, a change it passes starts the workflow, deactivation unsubscribes', async () => {
		const workflow = chain('wfTrigger', 'Trigger', []);
		workflow.nodes = [
			{
				id: 'wfTrigger-0',
				name: 'Workfront Trigger',
				type: 'n8n-nodes-workfront.workfrontTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a1b2c3d4-0000-4000-8000-00000000e2e1',
				parameters: {
					objectType: 'PROJ',
					events: ['CREATE'],
					// A group as the panel saves it (a fixedCollection inside a fixedCollection).
					filterGroups: {
						group: [
							{
								connector: 'OR',
								filters: {
									filter: [
										{ fieldName: 'name', comparison: 'contains', fieldValue: 'Triggered' },
										{ fieldName: 'priority', comparison: 'eq', fieldValue: '4' },
									],
								},
							},
						],
					},
					options: { ignoreOwnEvents: false },
				},
				credentials: { workfrontJwtApi: CREDENTIAL },
			},
		];
		workflow.connections = {};
		await n8n.importWorkflow(workflow);
		const server = await N8nServer.start(n8n);
		try {
			await server.loginAsOwner();
			await server.activateWorkflow('wfTrigger');
			await until(() => simulator.state.events.subscriptions.size === 1);
			const subscriptions = [...simulator.state.events.subscriptions.values()];
			expect(subscriptions.map(({ objCode, eventType }) => `${eventType} ${objCode}`)).toEqual([
				'CREATE PROJ',
			]);
			expect(subscriptions[0].url).toBe(
				`${server.url}/webhook/a1b2c3d4-0000-4000-8000-00000000e2e1/webhook`,
			);
			// n8n resolved the nested parameters; the node sent the group as Adobe describes it.
			expect(subscriptions[0].filters).toEqual([
				{
					type: 'group',
					connector: 'OR',
					filters: [
						{
							fieldName: 'name',
							comparison: 'contains',
							fieldValue: 'Triggered',
							state: 'newState',
						},
						{ fieldName: 'priority', comparison: 'eq', fieldValue: '4', state: 'newState' },
					],
				},
			]);

			const create = async (name: string) =>
				await fetch(`${simulator.origin}/attask/api/v21.0/proj`, {
					method: 'POST',
					headers: {
						sessionID: simulator.state.sessions.issued.at(-1) ?? '',
						'content-type': 'application/json',
					},
					body: JSON.stringify({ name }),
				});
			// Passes neither filter of the group: Workfront sends nothing.
			expect((await create('Quiet project')).status).toBe(200);
			const created = await create('Triggered from Workfront');
			expect(created.status).toBe(200);
			await simulator.state.events.settle();
			expect(simulator.state.events.deliveries.map(({ status }) => status)).toEqual([200]);
			const executions = await server.waitForExecutions('wfTrigger', 1);
			expect(executions[0]).toMatchObject({ status: 'success' });

			const forged = await fetch(subscriptions[0].url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			expect(forged.status).toBe(401);

			await server.deactivateWorkflow('wfTrigger');
			await until(() => simulator.state.events.subscriptions.size === 0);
			expect(simulator.state.events.subscriptions.size).toBe(0);
		} finally {
			outputs.push(server.output.text);
			await server.stop();
		}
	});

	test('no secret appears in anything n8n printed', () => {
		const secrets = [
			CLIENT_SECRET,
			...pemFragments(String(credentials.privateKey)),
			...simulator.state.sessions.issued,
			...simulator.state.exchangeRequests.map(({ jwt }) => jwt),
		];
		const everything = outputs.join('\n');
		expect(everything.length).toBeGreaterThan(1000);
		for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
	});
});
