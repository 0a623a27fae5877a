import type { WorkfrontSimulator } from '../simulator';
import { signAssertion } from '../../credentials/jwt/signAssertion';
import { rsaPair } from '../support/keys';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	CUSTOMER_ID,
	USER_ID,
	startWorkfront,
} from '../support/workfrontAccount';

let simulator: WorkfrontSimulator;
let token: string;

async function exchange(jwt: string, secret = CLIENT_SECRET) {
	const response = await fetch(`${simulator.origin}/integrations/oauth2/api/v1/jwt/exchange`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: secret, jwt_token: jwt }),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function jwtFor(
	overrides: Partial<{ customerId: string; userId: string; now: number }> = {},
) {
	return await signAssertion(rsaPair().privateKey, {
		customerId: CUSTOMER_ID,
		userId: USER_ID,
		lifetimeSeconds: 120,
		...overrides,
	});
}

beforeEach(async () => {
	simulator = (await startWorkfront()).simulator;
	const answer = await exchange(await jwtFor());
	token = String(answer.body.access_token);
});

afterEach(async () => simulator.close());

describe('the simulator as a Workfront peer', () => {
	test('the exchange answers the documented token shape', async () => {
		const answer = await exchange(await jwtFor());
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ token_type: 'sessionID', expires_in: 3600, wid: USER_ID });
		expect(answer.body.access_token).toMatch(/^[0-9a-f]{32}$/);
	});

	test('it refuses a JWT whose signature was tampered with', async () => {
		const [header, payload] = (await jwtFor()).split('.');
		const forged = `${header}.${payload}.${Buffer.from('x'.repeat(256)).toString('base64url')}`;
		expect(await exchange(forged)).toMatchObject({
			status: 401,
			body: { message: expect.stringMatching(/signature/) },
		});
	});

	test('it refuses a JWT that expired', async () => {
		const jwt = await jwtFor({ now: Math.floor(Date.now() / 1000) - 3600 });
		expect(await exchange(jwt)).toMatchObject({ status: 401, body: { message: 'JWT is expired' } });
	});

	test('it refuses a missing form field with 400', async () => {
		const response = await fetch(`${simulator.origin}/integrations/oauth2/api/v1/jwt/exchange`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'client_id=x',
		});
		expect(response.status).toBe(400);
	});

	test('the sessionID header authenticates', async () => {
		const response = await fetch(`${simulator.origin}/attask/api/v21.0/session`, {
			headers: { sessionID: token },
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({
			data: { userID: USER_ID, customerID: CUSTOMER_ID },
		});
	});

	test.each([
		['Authorization: Bearer', { authorization: `Bearer ${'TOKEN'}` }, ''],
		['a sessionID query parameter', {}, '?sessionID=TOKEN'],
		['no credentials at all', {}, ''],
	])('%s does not authenticate', async (_name, headers, query) => {
		const resolvedHeaders = Object.fromEntries(
			Object.entries(headers).map(([key, value]) => [key, String(value).replace('TOKEN', token)]),
		);
		const response = await fetch(
			`${simulator.origin}/attask/api/v21.0/session${query.replace('TOKEN', token)}`,
			{
				headers: resolvedHeaders,
			},
		);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			error: expect.objectContaining({
				class: 'com.attask.common.AuthenticationException',
				message: 'You are not currently logged in.',
			}),
		});
	});

	test('an expired or revoked token is refused', async () => {
		simulator.revokeAllTokens();
		const response = await fetch(`${simulator.origin}/attask/api/v21.0/session`, {
			headers: { sessionID: token },
		});
		expect(response.status).toBe(401);
	});

	test('retired API versions answer 410; current and unversioned paths work', async () => {
		const get = async (path: string) =>
			(await fetch(`${simulator.origin}${path}`, { headers: { sessionID: token } })).status;
		expect(await get('/attask/api/v14.0/session')).toBe(410);
		expect(await get('/attask/api/v15.0/session')).toBe(200);
		expect(await get('/attask/api/v22.0/session')).toBe(200);
		expect(await get('/attask/api/session')).toBe(200);
	});

	test('failNext answers the next N matching requests with the given status, then recovers', async () => {
		simulator.failNext(2, 503, { body: { error: { message: 'down' } }, path: /session$/ });
		const statuses = [];
		for (let index = 0; index < 3; index += 1) {
			statuses.push(
				(
					await fetch(`${simulator.origin}/attask/api/v21.0/session`, {
						headers: { sessionID: token },
					})
				).status,
			);
		}
		expect(statuses).toEqual([503, 503, 200]);
	});

	test('the request log and counters record every request', async () => {
		simulator.resetCounters();
		await fetch(`${simulator.origin}/attask/api/v21.0/session?method=GET`, {
			headers: { sessionID: token },
		});
		expect(simulator.counters.requests).toBe(1);
		expect(simulator.log).toEqual([
			expect.objectContaining({
				method: 'GET',
				effectiveMethod: 'GET',
				path: '/attask/api/v21.0/session',
				status: 200,
			}),
		]);
	});
});
