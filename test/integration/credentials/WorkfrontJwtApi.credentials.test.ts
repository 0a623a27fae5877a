import type { IHttpRequestOptions } from 'n8n-workflow';

import { WorkfrontJwtApi } from '../../../credentials/WorkfrontJwtApi.credentials';
import { InMemoryCredentialsHelper } from '../../harness/credentialsHelper';
import { createExecuteContext } from '../../harness/executeContext';
import { pressTest } from '../../harness/credentialsTester';
import type { WorkfrontSimulator } from '../../simulator';
import { verifyRs256 } from '../../simulator/jwtVerify';
import { HostileFront } from '../../support/hostileFront';
import { fixture, rsaPair } from '../../support/keys';
import { expectNoSecrets, pemFragments } from '../../support/secrets';
import {
	CLIENT_SECRET,
	CUSTOMER_ID,
	USER_ID,
	credentialsFor,
	startWorkfront,
} from '../../support/workfrontAccount';

const credentialType = new WorkfrontJwtApi();
const CREDENTIAL_ID = 'cred-1';

let simulator: WorkfrontSimulator;
let helper: InMemoryCredentialsHelper;

beforeEach(async () => {
	const started = await startWorkfront();
	simulator = started.simulator;
	helper = new InMemoryCredentialsHelper({ workfrontJwtApi: credentialType });
	helper.set(CREDENTIAL_ID, started.credentials);
});

afterEach(async () => {
	await simulator.close();
});

function allSecrets(): string[] {
	const stored = helper.get(CREDENTIAL_ID);
	return [
		CLIENT_SECRET,
		...pemFragments(String(stored.privateKey)),
		...simulator.state.exchangeRequests.map(({ jwt }) => jwt),
		...simulator.state.exchangeRequests.map(({ jwt }) => jwt.split('.')[2]),
		String(stored.accessToken ?? '') || undefined,
	].filter((value): value is string => Boolean(value));
}

async function pressTestOnCredential() {
	return await pressTest(helper, credentialType, CREDENTIAL_ID);
}

function update(changes: Record<string, unknown>) {
	helper.set(CREDENTIAL_ID, { ...helper.get(CREDENTIAL_ID), ...changes } as never);
}

describe('the Workfront JWT API credential against the simulator', () => {
	test('Test exchanges a token, then reads the user of User ID with it', async () => {
		const result = await pressTestOnCredential();
		// n8n's own words for a passing request test (CredentialsTester).
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(simulator.counters.exchanges).toBe(1);
		expect(simulator.log.map(({ path }) => path)).toEqual([
			'/integrations/oauth2/api/v1/jwt/exchange',
			`/attask/api/v21.0/user/${USER_ID}`,
		]);
		expect(helper.get(CREDENTIAL_ID).accessTokenFor).toMatch(/^[0-9a-f]{64}$/);
		expectNoSecrets(result, allSecrets());
	});

	test('Test with a stored token issued for these fields checks it (GET session) and does not exchange', async () => {
		await pressTestOnCredential();
		const result = await pressTestOnCredential();
		expect(result.status).toBe('OK');
		expect(simulator.counters.exchanges).toBe(1);
		expect(simulator.log.map(({ path }) => path).slice(2)).toEqual([
			'/attask/api/v21.0/session',
			`/attask/api/v21.0/user/${USER_ID}`,
		]);
	});

	test.each([
		// n8n's words for these statuses (NodeApiError); an exchange that fails has the credential's own.
		[404, 1, /could not be found/],
		[403, 1, /Forbidden/],
		// A 401 makes n8n ask for a new token and try once more; refused again, the test fails.
		[401, 2, /Authorization failed/],
	])('Test fails on an answer of HTTP %i after the exchange', async (status, times, message) => {
		simulator.failNext(times, status, { path: /\/user\// });
		const result = await pressTestOnCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expectNoSecrets(result, allSecrets());
	});

	test('Test has a deadline for its whole answer: a server that never answers its read ends it with an error', async () => {
		const front = await HostileFront.start(simulator.origin);
		try {
			update({ url: front.origin, requestTimeout: 1 });
			// The exchange and the session check pass; the user read is taken and never answered.
			front.takeOver((request) => /\/user\//.test(request.url ?? ''));
			const result = await pressTestOnCredential();
			expect(result.status).toBe('Error');
			expect(front.takenOver.filter((request) => request.includes('/user/'))).toHaveLength(1);
			expectNoSecrets(result, allSecrets());
		} finally {
			await front.close();
		}
	});

	test('a user who may only use the credential presses Test with another host: nothing is sent, nothing saved', async () => {
		const before = helper.get(CREDENTIAL_ID);
		// n8n merges the stored secrets into the values the user sent (CredentialsController), and
		// saves what preAuthentication returned with them: the host is refused before either.
		update({ url: 'https://collector.evil.example' });
		const result = await pressTestOnCredential();
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/"collector\.evil\.example" is not a Workfront host/,
			) as string,
		});
		expect(simulator.counters.exchangeAttempts).toBe(0);
		expect(helper.preAuthenticationRuns.length).toBeLessThanOrEqual(1);
		expect(helper.get(CREDENTIAL_ID).accessToken).toBe(before.accessToken);
		expectNoSecrets(result, allSecrets());
	});

	test('a token issued for other field values is never sent: an edited User ID gets its own token', async () => {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const read = async () =>
			await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
				url: '/attask/api/v21.0/proj/count',
			});
		await read();
		const first = String(helper.get(CREDENTIAL_ID).accessToken);
		const otherUser = 'user0000000000000000000000000002';
		simulator.registerApplication({
			...simulator.state.applications.find(String(helper.get(CREDENTIAL_ID).clientId))!.app,
			keys: [
				{ userId: USER_ID, pem: rsaPair().publicPem },
				{ userId: otherUser, pem: rsaPair().publicPem },
			],
		});
		update({ userId: otherUser });
		await read();
		const second = String(helper.get(CREDENTIAL_ID).accessToken);
		expect(second).not.toBe(first);
		expect(simulator.counters.exchanges).toBe(2);
		// After the edit the old token went nowhere: the request was sent without one (Workfront
		// refused it, nothing done), then with a token issued for the new User ID.
		expect(simulator.log.map(({ path, status }) => `${status} ${path}`)).toEqual([
			'200 /integrations/oauth2/api/v1/jwt/exchange',
			'200 /attask/api/v21.0/proj/count',
			'401 /attask/api/v21.0/proj/count',
			'200 /integrations/oauth2/api/v1/jwt/exchange',
			'200 /attask/api/v21.0/proj/count',
		]);
		const lastJwt = String(simulator.state.exchangeRequests.at(-1)?.jwt);
		const claims = JSON.parse(Buffer.from(lastJwt.split('.')[1], 'base64url').toString()) as {
			sub: string;
		};
		expect(claims.sub).toBe(otherUser);
	});

	test('Test always exchanges: a stored, valid token does not hide a wrong Client Secret', async () => {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
			url: '/attask/api/v21.0/proj/count',
		});
		expect(helper.get(CREDENTIAL_ID).accessToken).toMatch(/^[0-9a-f]{32}$/);
		update({ clientSecret: 'a-wrong-secret' });
		const result = await pressTestOnCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept the Client ID or Client Secret/);
		expect(simulator.counters.exchangeAttempts).toBe(2);
		expectNoSecrets(result, [...allSecrets(), 'a-wrong-secret']);
	});

	test('the exchanged JWT carries iss, sub, iat and exp and verifies with the registered key', async () => {
		await pressTestOnCredential();
		const [{ jwt }] = simulator.state.exchangeRequests;
		const check = verifyRs256(jwt, [rsaPair().publicKey]);
		expect(check.ok).toBe(true);
		const claims = (check as { claims: Record<string, number | string> }).claims;
		expect(claims).toMatchObject({ iss: CUSTOMER_ID, sub: USER_ID });
		expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
	});

	test('a node request reuses the stored token, and the token goes in the sessionID header only', async () => {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const seen: IHttpRequestOptions[] = [];
		const first = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'workfrontJwtApi',
			{
				url: '/attask/api/v21.0/proj/count',
				json: true,
			},
		)) as { data: { count: number } };
		expect(first.data.count).toBe(0);
		const options: IHttpRequestOptions = { url: `${simulator.origin}/attask/api/v21.0/proj/count` };
		seen.push(await credentialType.authenticate(helper.get(CREDENTIAL_ID), options));
		expect(seen[0].headers).toEqual({ sessionID: helper.get(CREDENTIAL_ID).accessToken });
		await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
			url: '/attask/api/v21.0/proj/count',
		});
		expect(simulator.counters.exchanges).toBe(1);
	});

	test('an expired token leads to exactly one new exchange and the request succeeds', async () => {
		simulator.setTokenTtl(1);
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const call = async () =>
			await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
				url: '/attask/api/v21.0/proj/count',
				json: true,
			});
		await call();
		const firstToken = helper.get(CREDENTIAL_ID).accessToken;
		simulator.setTokenTtl(3600);
		simulator.state.sessions.expireAll();
		const answer = (await call()) as { data: { count: number } };
		expect(answer.data.count).toBe(0);
		expect(simulator.counters.exchanges).toBe(2);
		expect(helper.get(CREDENTIAL_ID).accessToken).not.toBe(firstToken);
		expect(helper.preAuthenticationRuns.map(({ expired }) => expired)).toEqual([false, true]);
	});

	test('a revoked token is replaced the same way', async () => {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const call = async () =>
			await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
				url: '/attask/api/v21.0/proj/count',
			});
		await call();
		simulator.revokeAllTokens();
		await call();
		await call();
		expect(simulator.counters.exchanges).toBe(2);
		// The refused request, and the check that the token handed back by n8n is really refused
		// (n8n asks for a new token after any failure of the HTTP Request node, a 404 too).
		expect(simulator.counters.rejectedUnauthenticated).toBe(2);
	});

	test('an X.509 certificate uploaded to Workfront works with its private key', async () => {
		simulator.registerApplication({
			clientId: 'cert-client',
			clientSecret: CLIENT_SECRET,
			customerId: CUSTOMER_ID,
			keys: [{ userId: USER_ID, pem: fixture('certificate_pub.crt') }],
		});
		update({ clientId: 'cert-client', privateKey: fixture('private.key') });
		await expect(pressTestOnCredential()).resolves.toMatchObject({ status: 'OK' });
	});

	test('a PKCS#1 key pasted with literal \\n escapes works end to end', async () => {
		update({ privateKey: rsaPair().pkcs1.trim().replace(/\n/g, '\\n') });
		await expect(pressTestOnCredential()).resolves.toMatchObject({ status: 'OK' });
	});

	test('a host pasted without https and with a path is accepted on loopback', async () => {
		update({
			url: `${simulator.origin.replace('http://', '')}/some/page?x=1`.replace(/^/, 'http://'),
		});
		await expect(pressTestOnCredential()).resolves.toMatchObject({ status: 'OK' });
	});

	test('authenticate refuses to send the token to another host', async () => {
		await pressTestOnCredential();
		await expect(
			credentialType.authenticate(helper.get(CREDENTIAL_ID), {
				url: 'https://example.com/attask/api/v21.0/proj/count',
			}),
		).rejects.toThrow(
			/only sends its token to http:\/\/127\.0\.0\.1:\d+, but this request goes to https:\/\/example\.com/,
		);
	});
});

describe('each way the exchange can fail has its own message, and none reveals a secret', () => {
	const cases: Array<[string, () => void, RegExp]> = [
		[
			'wrong client secret',
			() => update({ clientSecret: 'not-the-secret-123' }),
			/Client ID or Client Secret/,
		],
		['wrong client ID', () => update({ clientId: 'someone-else' }), /Client ID or Client Secret/],
		[
			'a private key that does not match the uploaded public key',
			() => update({ privateKey: rsaPair(2048, 1).pkcs8 }),
			/rejected the JWT signature.*does not belong to this Private Key/,
		],
		[
			'wrong customer ID',
			() => update({ customerId: 'cust-other' }),
			/did not accept the Customer ID/,
		],
		['wrong user ID', () => update({ userId: 'user-other' }), /did not accept the User ID/],
		[
			"n8n's clock far behind Workfront's",
			() => simulator.setClockOffset(60 * 60 * 1000),
			/expired or not yet valid.*clock/,
		],
		[
			'a web page instead of JSON',
			() =>
				simulator.failNext(2, 200, {
					raw: '<!DOCTYPE html><html><body>Sign in</body></html>',
					headers: { 'content-type': 'text/html' },
				}),
			/web page instead of JSON.*Check Workfront URL/,
		],
		[
			'JSON without a token',
			() => simulator.failNext(2, 200, { body: { token_type: 'sessionID' } }),
			/without an access token/,
		],
		[
			'an endpoint that does not exist',
			() => simulator.failNext(2, 404, { raw: 'Not Found' }),
			/web page instead of JSON|no Workfront JWT exchange/,
		],
		[
			"a failure on Workfront's side",
			() => simulator.failNext(2, 503, { body: { message: 'maintenance' } }),
			/problem on its side.*HTTP 503/,
		],
		['nothing listening', () => update({ url: 'http://127.0.0.1:9' }), /could not be reached/],
		['an empty private key', () => update({ privateKey: '' }), /Private Key: it is empty/],
		[
			'a certificate in the key field',
			() => update({ privateKey: fixture('certificate_pub.crt') }),
			/certificate/,
		],
		[
			'plain http to a remote host',
			() => update({ url: 'http://acme.my.workfront.com' }),
			/unencrypted/,
		],
		[
			'a JWT lifetime out of bounds',
			() => update({ jwtLifetime: 7200 }),
			/JWT Lifetime must be .* from 30 to 900/,
		],
		['an empty customer ID', () => update({ customerId: '  ' }), /Customer ID is empty/],
	];

	test.each(cases)('%s', async (_name, arrange, expected) => {
		arrange();
		const result = await pressTestOnCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(expected);
		expectNoSecrets(result, allSecrets());

		const context = createExecuteContext(helper, CREDENTIAL_ID);
		update({ accessToken: '' });
		const thrown = await context.helpers.httpRequestWithAuthentication
			.call(context, 'workfrontJwtApi', { url: '/attask/api/v21.0/proj/count' })
			.then(
				() => undefined,
				(error: unknown) => error,
			);
		expect(thrown).toBeDefined();
		expect((thrown as Error).message).toMatch(expected);
		expectNoSecrets(thrown, allSecrets());
	});

	test('a 404 page is reported as the wrong host', async () => {
		simulator.failNext(1, 404, { body: { message: 'no route' } });
		const result = await pressTestOnCredential();
		expect(result.message).toMatch(/has no Workfront JWT exchange endpoint.*HTTP 404/);
	});

	test('a timeout names the host and the network', async () => {
		simulator.failNext(1, 200, { delayMs: 2000, body: {} });
		const hook = credentialType.preAuthentication;
		const { httpRequest } = await import(
			'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions'
		);
		const impatient = async (options: IHttpRequestOptions) =>
			await httpRequest({ ...options, timeout: 200 });
		const error = await hook
			.call({ helpers: { httpRequest: impatient } }, helper.get(CREDENTIAL_ID))
			.then(
				() => undefined,
				(caught: unknown) => caught,
			);
		expect((error as Error).message).toMatch(
			/did not answer in time when n8n asked it for an access token/,
		);
		expectNoSecrets(error, allSecrets());
	});
});

/** What the credential stores beside a token: which field values it was issued for. */
const ISSUED_FOR = expect.stringMatching(/^[0-9a-f]{64}$/) as unknown as string;

describe('the exchange tolerates the answers Workfront might give', () => {
	test.each([
		[
			'the documented shape',
			{ token_type: 'sessionID', access_token: 'tok-a-0001', expires_in: 3600 },
		],
		['sessionID', { sessionID: 'tok-a-0001' }],
		['camelCase', { accessToken: 'tok-a-0001' }],
		['wrapped in data', { data: { access_token: 'tok-a-0001' } }],
	])('%s', async (_name, body) => {
		simulator.failNext(1, 200, { body, path: /jwt\/exchange$/ });
		const output = await credentialType.preAuthentication.call(
			{
				helpers: {
					httpRequest: (
						await import(
							'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions'
						)
					).httpRequest,
				},
			},
			helper.get(CREDENTIAL_ID),
		);
		expect(output).toEqual({ accessToken: 'tok-a-0001', accessTokenFor: ISSUED_FOR });
	});

	test('JSON sent as text/plain', async () => {
		simulator.failNext(1, 200, {
			raw: JSON.stringify({ access_token: 'tok-b-0002' }),
			headers: { 'content-type': 'text/plain' },
			path: /jwt\/exchange$/,
		});
		const { httpRequest } = await import(
			'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions'
		);
		const output = await credentialType.preAuthentication.call(
			{ helpers: { httpRequest } },
			helper.get(CREDENTIAL_ID),
		);
		expect(output).toEqual({ accessToken: 'tok-b-0002', accessTokenFor: ISSUED_FOR });
	});
});

test('credentialsFor builds data the simulator accepts', async () => {
	const data = credentialsFor(simulator, rsaPair().pkcs8);
	expect(data.url).toBe(simulator.origin);
});
