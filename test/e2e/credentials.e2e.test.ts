import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, packPackage } from '../../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS } from '../../scripts/lib/n8nRuntime';
import { N8nServer } from '../../scripts/lib/n8nServer';
import { chain, nodeOutput, workfrontNode, type CredentialRef } from '../../scripts/lib/workflows';
import type { WorkfrontSimulator } from '../simulator';
import { OtherOrigin } from '../support/otherOrigin';
import {
	IMS_CLIENT_SECRET,
	LOGIN_USER_ID,
	TECHNICAL_ACCOUNT_ID,
	WEB_CLIENT_ID,
	WEB_CLIENT_SECRET,
	serverToServerCredentials,
	startWorkfront,
} from '../support/workfrontAccount';

/**
 * Adobe's other doors in real n8n, installed as users install the package: the OAuth
 * Server-to-Server credential (Adobe IMS) and the user-login credential (Workfront's OAuth2 Web
 * Application through n8n's own OAuth2 machinery: "Connect my account", then renewals), on n8n 1.x
 * (Node.js 20) and 2.x (Node.js 24).
 */
jest.setTimeout(30 * 60 * 1000);

const SERVER_TO_SERVER: CredentialRef = {
	type: 'workfrontServerToServerApi',
	id: 'wfE2eImsCred0001',
	name: 'Workfront (Adobe IMS)',
};
const USER_LOGIN: CredentialRef = {
	type: 'workfrontOAuth2Api',
	id: 'wfE2eOAuthCred01',
	name: 'Workfront (user login)',
};

let tarball: string;

beforeAll(async () => {
	tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
});

describe.each(N8N_VERSIONS)('n8n $n8n on Node.js $node', (version) => {
	let n8n: N8nInstance;
	let simulator: WorkfrontSimulator;
	const printed: string[] = [];

	async function run(workflow: IDataObject): Promise<Record<string, unknown>> {
		await n8n.importWorkflow(workflow);
		const result = await n8n.execute(String(workflow.id));
		printed.push(result.stdout, result.stderr);
		if (result.code !== 0 || !result.run)
			throw new Error(`n8n execute failed (${result.code}):\n${result.stdout.slice(-3000)}`);
		return result.run;
	}

	/** Create, then search: each as the user the credential stands for. */
	const roundTrip = (id: string, credential: CredentialRef, authentication: string) =>
		chain(id, id, [
			workfrontNode(
				'Create',
				{
					authentication,
					resource: 'record',
					operation: 'create',
					objectType: 'PROJ',
					inputMode: 'json',
					fieldsJson: `{"name":"${id}"}`,
				},
				credential,
			),
			workfrontNode(
				'Search',
				{
					authentication,
					resource: 'record',
					operation: 'getMany',
					objectType: 'PROJ',
					filters: { filter: [{ field: 'name', operator: 'equals', value: id }] },
					options: { fields: 'name,enteredByID' },
				},
				credential,
			),
		]);

	beforeAll(async () => {
		const runtime = await ensureN8n(version, (line) => process.stderr.write(`${line}\n`));
		n8n = await N8nInstance.create(runtime, tarball);
		simulator = (await startWorkfront()).simulator;
		const s2s = { ...serverToServerCredentials(simulator) };
		delete s2s.accessToken;
		await n8n.importCredentials([
			{ ...SERVER_TO_SERVER, data: s2s },
			{
				...USER_LOGIN,
				data: {
					url: simulator.origin,
					apiVersion: 'v21.0',
					clientId: WEB_CLIENT_ID,
					clientSecret: WEB_CLIENT_SECRET,
				},
			},
		]);
	});

	afterAll(async () => simulator?.close());

	test('Server-to-Server: the node acts as the technical account; the token is kept and reused', async () => {
		const first = await run(roundTrip('wfImsRoundTrip1', SERVER_TO_SERVER, 'serverToServer'));
		expect(nodeOutput(first, 'Search')).toEqual([
			expect.objectContaining({ name: 'wfImsRoundTrip1', enteredByID: TECHNICAL_ACCOUNT_ID }),
		]);
		await run(roundTrip('wfImsRoundTrip2', SERVER_TO_SERVER, 'serverToServer'));
		// One IMS token for both runs: n8n stored it with the credential.
		expect(simulator.counters.imsTokens).toBe(1);
		const stored = (await n8n.exportCredentials()).find(({ id }) => id === SERVER_TO_SERVER.id);
		expect(simulator.state.sessions.issued).toContain(stored?.data.accessToken);
	});

	test("Server-to-Server: Test through n8n's REST API, passing and naming a wrong field", async () => {
		const server = await N8nServer.start(n8n);
		try {
			await server.loginAsOwner();
			const data = { ...serverToServerCredentials(simulator) };
			const test = async (changes: IDataObject) =>
				(
					await server.rest<{ data: { status: string; message: string } }>(
						'POST',
						'credentials/test',
						{ credentials: { ...SERVER_TO_SERVER, data: { ...data, ...changes } } },
					)
				).body.data;
			expect(await test({})).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect((await test({ scopes: 'openid, not.a.scope' })).message).toMatch(
				/did not accept the Scopes/,
			);
			expect((await test({ imsOrgId: 'FFFF0000FFFF0000FFFF0000@AdobeOrg' })).message).toMatch(
				/did not accept the IMS Organization ID/,
			);
			printed.push(server.output.text);
		} finally {
			await server.stop();
		}
	});

	test('user login: "Connect my account" through n8n\'s OAuth2 callback, then the node acts as that user', async () => {
		const server = await N8nServer.start(n8n);
		try {
			await server.loginAsOwner();
			// The Workfront application lists n8n's callback as a Redirect URL, as an admin sets it up.
			simulator.registerWebApplication({
				clientId: WEB_CLIENT_ID,
				clientSecret: WEB_CLIENT_SECRET,
				redirectUris: [`${server.url}/rest/oauth2-credential/callback`],
				userId: LOGIN_USER_ID,
				customerId: 'cust0000000000000000000000000001',
				rotateRefreshTokens: true,
			});
			const page = await server.connectOAuth2(USER_LOGIN.id);
			printed.push(server.output.text, page);
			expect(simulator.counters.userLoginTokens).toBe(1);
		} finally {
			await server.stop();
		}
		const result = await run(roundTrip('wfLoginRoundTrip', USER_LOGIN, 'oAuth2'));
		expect(nodeOutput(result, 'Search')).toEqual([
			expect.objectContaining({ name: 'wfLoginRoundTrip', enteredByID: LOGIN_USER_ID }),
		]);
	});

	test('user login: a revoked token is renewed through n8n and the run succeeds, twice (rotation)', async () => {
		for (const round of [1, 2]) {
			simulator.revokeAllTokens();
			const before = simulator.counters.userLoginTokens;
			const result = await run(roundTrip(`wfLoginRenew${round}`, USER_LOGIN, 'oAuth2'));
			expect(nodeOutput(result, 'Search')).toHaveLength(1);
			expect(simulator.counters.userLoginTokens).toBe(before + 1);
		}
	});

	test("user login: n8n's HTTP Request node refuses the credential, so its token goes nowhere else", async () => {
		const other = await OtherOrigin.start();
		try {
			const workflow = chain('wfLoginHttpNode', 'HTTP Request with user login', []);
			workflow.nodes = [
				...(workflow.nodes as IDataObject[]),
				{
					id: 'wfLoginHttpNode-1',
					name: 'Elsewhere',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [220, 0],
					parameters: {
						url: `${other.origin}/collect`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'workfrontOAuth2Api',
						options: {},
					},
					credentials: { workfrontOAuth2Api: { id: USER_LOGIN.id, name: USER_LOGIN.name } },
				},
			];
			workflow.connections = { Start: { main: [[{ node: 'Elsewhere', type: 'main', index: 0 }]] } };
			await n8n.importWorkflow(workflow);
			const result = await n8n.execute('wfLoginHttpNode');
			printed.push(result.stdout, result.stderr);
			expect(`${result.stdout}${result.stderr}`).toMatch(
				/configured to prevent use within an HTTP Request/,
			);
			expect(other.seen).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('no secret appears in anything n8n printed', () => {
		const secrets = [
			IMS_CLIENT_SECRET,
			WEB_CLIENT_SECRET,
			...simulator.state.sessions.issued,
			...simulator.state.userLogins.issuedRefreshTokens,
		];
		const everything = printed.join('\n');
		expect(everything.length).toBeGreaterThan(1000);
		for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
	});
});
