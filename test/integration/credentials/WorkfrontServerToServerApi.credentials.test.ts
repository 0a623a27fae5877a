import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontServerToServerApi } from '../../../credentials/WorkfrontServerToServerApi.credentials';
import { forgetSessions } from '../../../nodes/shared/transport/authSession';
import { InMemoryCredentialsHelper } from '../../harness/credentialsHelper';
import { createExecuteContext } from '../../harness/executeContext';
import { pressTest as pressCredentialTest } from '../../harness/credentialsTester';
import type { WorkfrontSimulator } from '../../simulator';
import { HostileFront } from '../../support/hostileFront';
import { OtherOrigin } from '../../support/otherOrigin';
import { expectNoSecrets } from '../../support/secrets';
import {
	IMS_CLIENT_SECRET,
	IMS_ORG_ID,
	TECHNICAL_ACCOUNT_ID,
	startWorkfront,
} from '../../support/workfrontAccount';

/**
 * The Adobe Workfront OAuth Server-to-Server credential: Adobe IMS issues the token (on its own
 * origin), Workfront takes it as Bearer with the organization header. Every guarantee of the JWT
 * credential holds here too: the client secret goes to IMS only, the token to Workfront only,
 * nothing follows a redirect, every call has a deadline, one token request serves every caller,
 * and no error shows a secret.
 */
const type = new WorkfrontServerToServerApi();
const ID = 'ims-cred';

let simulator: WorkfrontSimulator;
let helper: InMemoryCredentialsHelper;

beforeEach(async () => {
	const started = await startWorkfront({}, 'serverToServer');
	simulator = started.simulator;
	helper = new InMemoryCredentialsHelper({ workfrontServerToServerApi: type });
	helper.set(ID, started.credentials);
});

afterEach(async () => simulator.close());

const update = (changes: ICredentialDataDecryptedObject) =>
	helper.set(ID, { ...helper.get(ID), ...changes });

/** Every secret: the client secret and each token IMS issued. */
const secrets = () => [IMS_CLIENT_SECRET, ...simulator.state.sessions.issued];

const pressTest = async () => await pressCredentialTest(helper, type, ID);

/** A request of a node through n8n-core with this credential (as the HTTP Request node sends one). */
async function nodeRequest(url: string) {
	const context = createExecuteContext(helper, ID, 'workfrontServerToServerApi');
	return await context.helpers.httpRequestWithAuthentication
		.call(context, 'workfrontServerToServerApi', { url, returnFullResponse: true })
		.then(
			(answer: unknown) => ({ ok: true as const, answer }),
			(error: unknown) => ({ ok: false as const, error: error as Error }),
		);
}

describe('Test', () => {
	test('asks IMS for a token, has Workfront check it, then reads the technical account', async () => {
		const result = await pressTest();
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(simulator.counters.imsTokens).toBe(1);
		expect(simulator.log.map(({ path }) => path)).toEqual([
			'/ims/token/v3',
			'/attask/api/v21.0/session',
			'/attask/api/v21.0/user/search',
		]);
		expect(helper.get(ID).accessTokenFor).toMatch(/^[0-9a-f]{64}$/);
		expectNoSecrets(result, secrets());
	});

	test('a stored token issued for these fields is checked, not replaced', async () => {
		await pressTest();
		const result = await pressTest();
		expect(result.status).toBe('OK');
		expect(simulator.counters.imsTokenRequests).toBe(1);
	});

	test.each<[string, ICredentialDataDecryptedObject, RegExp, string | undefined]>([
		[
			'a wrong client secret',
			{ clientSecret: 'not-the-secret' },
			/did not accept the Client ID or Client Secret/,
			'invalid_client',
		],
		[
			'a wrong client ID',
			{ clientId: 'someone-else' },
			/did not accept the Client ID or Client Secret/,
			'invalid_client',
		],
		[
			'a scope the credential does not have',
			{ scopes: 'openid, workfront.admin' },
			/did not accept the Scopes/,
			'invalid_scope',
		],
		[
			'a wrong organization',
			{ imsOrgId: 'FFFF0000FFFF0000FFFF0000@AdobeOrg' },
			/did not accept the IMS Organization ID/,
			undefined,
		],
		['no organization', { imsOrgId: '  ' }, /IMS Organization ID is empty/, undefined],
		[
			'"undefined" as organization',
			{ imsOrgId: 'undefined' },
			/is not an organization ID/,
			undefined,
		],
		['no scopes', { scopes: ' , ' }, /Scopes is empty/, undefined],
	])('%s has its own message, naming the field', async (_name, changes, message) => {
		update(changes);
		const result = await pressTest();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expectNoSecrets(result, secrets());
		const direct = await nodeRequest(`${simulator.origin}/attask/api/v21.0/proj/count`);
		expect(direct.ok).toBe(false);
		if (!direct.ok) {
			expect(direct.error.message).toMatch(message);
			expectNoSecrets(direct.error, secrets());
		}
	});

	test('a user who may only use the credential sets another IMS host: the secret is sent nowhere', async () => {
		const other = await OtherOrigin.start();
		try {
			// n8n lets such a user press Test with values of their own, and merges the stored secret in.
			update({ imsUrl: 'https://ims.evil.example' });
			const result = await pressTest();
			expect(result.message).toMatch(/IMS URL must be https:\/\/ims-na1\.adobelogin\.com/);
			update({ imsUrl: other.origin.replace('127.0.0.1', 'localhost.evil.example') });
			expect((await pressTest()).status).toBe('Error');
			expect(simulator.counters.imsTokenRequests).toBe(0);
			expect(other.seen).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('a user who may only use the credential sets another Workfront host: nothing is sent', async () => {
		update({ url: 'https://collector.evil.example' });
		const result = await pressTest();
		expect(result.message).toMatch(/"collector\.evil\.example" is not a Workfront host/);
		expect(simulator.counters.imsTokenRequests).toBe(0);
	});
});

describe('IMS answering as it should not', () => {
	let front: HostileFront;
	beforeEach(async () => {
		front = await HostileFront.start(simulator.imsOrigin);
		update({ imsUrl: front.origin, requestTimeout: 1 });
	});
	afterEach(async () => front.close());

	test('a redirect is not followed: the secret goes nowhere else', async () => {
		const other = await OtherOrigin.start();
		try {
			front.takeOver((_request, response) => {
				response.writeHead(307, { location: `${other.origin}/ims/token/v3` });
				response.end();
				return true;
			});
			const result = await pressTest();
			expect(result.message).toMatch(/redirect \(HTTP 307\).*not followed/);
			expect(other.seen).toEqual([]);
			expectNoSecrets(result, secrets());
		} finally {
			await other.close();
		}
	});

	test('an IMS that never answers ends in an error within the deadline', async () => {
		front.takeOver(() => true);
		const result = await pressTest();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Adobe IMS .* did not answer in time/);
		expect(front.takenOver).toHaveLength(1);
	});

	test('an error that quotes the request back shows no secret', async () => {
		front.takeOver((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const quoted = Buffer.concat(chunks).toString('utf8');
				response.writeHead(400, { 'content-type': 'application/json' });
				response.end(
					JSON.stringify({ error: 'invalid_request', error_description: `bad: ${quoted}` }),
				);
			});
			return true;
		});
		const result = await pressTest();
		expect(result.message).toMatch(/refused the token request as incomplete/);
		expectNoSecrets(result, secrets());
	});

	test('a failing IMS is asked once for a whole run of items, not once per item', async () => {
		front.takeOver((_request, response) => {
			response.writeHead(503, { 'content-type': 'application/json' });
			response.end('{"error":"temporarily_unavailable"}');
			return true;
		});
		const results = await Promise.all(
			Array.from(
				{ length: 8 },
				async () => await nodeRequest(`${simulator.origin}/attask/api/v21.0/proj/count`),
			),
		);
		expect(results.every(({ ok }) => !ok)).toBe(true);
		expect(front.takenOver).toHaveLength(1);
	});
});

describe('the token', () => {
	test('goes to the Workfront origin only, as Bearer with the organization header', async () => {
		const other = await OtherOrigin.start();
		try {
			const refused = await nodeRequest(`${other.origin}/attask/api/v21.0/proj/search`);
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.error.message).toMatch(/only sends its token to/);
			const accepted = await nodeRequest(
				`${simulator.origin}/attask/api/v21.0/user/search?ID=$$USER.ID`,
			);
			expect(accepted.ok).toBe(true);
			expect(JSON.stringify(accepted.ok && accepted.answer)).toContain(TECHNICAL_ACCOUNT_ID);
			expect(other.credentialsSeen(secrets())).toEqual([]);
			expect(other.seen).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('is one for every concurrent caller: one IMS request for many requests', async () => {
		const results = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await nodeRequest(`${simulator.origin}/attask/api/v21.0/proj/count`),
			),
		);
		expect(results.every(({ ok }) => ok)).toBe(true);
		expect(simulator.counters.imsTokenRequests).toBe(1);
	});

	test('issued for other field values is never sent: an edited client gets its own token', async () => {
		await pressTest();
		const first = String(helper.get(ID).accessToken);
		forgetSessions();
		simulator.registerImsClient({
			clientId: 'second-client',
			clientSecret: IMS_CLIENT_SECRET,
			scopes: ['openid'],
			orgId: IMS_ORG_ID,
			technicalAccountId: 'tech0000000000000000000000000002',
			customerId: 'cust0000000000000000000000000001',
		});
		update({ clientId: 'second-client', scopes: 'openid' });
		const answer = await nodeRequest(
			`${simulator.origin}/attask/api/v21.0/user/search?ID=$$USER.ID`,
		);
		expect(answer.ok).toBe(true);
		expect(JSON.stringify(answer.ok && answer.answer)).toContain(
			'tech0000000000000000000000000002',
		);
		expect(helper.get(ID).accessToken).not.toBe(first);
	});

	test('the Event Subscription API is refused to it, as to every other caller', async () => {
		const answer = await nodeRequest(
			`${simulator.origin}/attask/eventsubscription/api/v1/subscriptions/list`,
		);
		expect(answer.ok).toBe(false);
		if (!answer.ok) expect(answer.error.message).toMatch(/Event Subscription API/);
	});
});
