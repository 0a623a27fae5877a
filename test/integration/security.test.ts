import { performance } from 'node:perf_hooks';

import { WorkfrontJwtApi } from '../../credentials/WorkfrontJwtApi.credentials';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { pressTest } from '../harness/credentialsTester';
import { PollTriggerHarness, WebhookTriggerHarness } from '../harness/triggerHarness';
import { testFiles } from '../harness/binaryRegistry';
import { updateCredential, useHostileSetup } from '../support/hostileSetup';
import type { OtherOrigin } from '../support/otherOrigin';
import { expectNoSecrets } from '../support/secrets';
import { CUSTOMER_ID, USER_ID } from '../support/workfrontAccount';
import { record, secretsOf, type WorkfrontFixture } from '../support/workfrontNode';
import { rsaPair } from '../support/keys';

/**
 * The credential's promise, tried as an attacker would: its token goes to the configured Workfront
 * origin and nowhere else, nothing is sent after a redirect to another origin, and no secret comes
 * back out through an error or an output item, whatever the server answering says. A second local
 * server (another port: another origin) records everything it receives; each case checks that it
 * received no credential at all and that the user got a clear error.
 */
let fixture: WorkfrontFixture;
let other: OtherOrigin;
useHostileSetup((setup) => ({ fixture, other } = setup));

/** Nothing of the credential reached the other origin; the error and the output hold no secret. */
function expectContained(result?: { error?: unknown; json?: unknown; run?: unknown }) {
	expect(other.credentialsSeen(secretsOf(fixture))).toEqual([]);
	expect(other.seen.filter(({ headers }) => headers.sessionid !== undefined)).toEqual([]);
	if (result) {
		const secrets = secretsOf(fixture);
		expectNoSecrets(result.error, secrets);
		expectNoSecrets(result.json, secrets);
		expectNoSecrets(result.run, secrets);
	}
}

function redirectNext(status: number, path: RegExp, location = `${other.origin}/steal`) {
	fixture.simulator.failNext(1, status, { path, headers: { location } });
}

const REDIRECTS = [301, 302, 303, 307, 308];

describe('a redirect to another origin is never followed with the token', () => {
	const cases: Array<[string, RegExp, () => Promise<{ error?: unknown; json?: unknown }>]> = [
		['Get', /\/proj\/[^/]+$/i, async () => await fixture.run(record('get', { id: seedProject() }))],
		[
			'Create (bulk)',
			/\/proj$/i,
			async () =>
				await fixture.run(record('create', { inputMode: 'json', fieldsJson: '{"name":"A"}' }), [
					{},
					{},
				]),
		],
		[
			'Get Many, page 2 of Return All',
			/\/proj\/search$/i,
			async () => {
				for (let index = 0; index < 2100; index += 1)
					fixture.simulator.insert('PROJ', { name: `P${index}` });
				// The first page is let through; the redirect answers the second.
				fixture.simulator.state.faults[0].skip = 1;
				return await fixture.run(record('getMany', { returnAll: true }));
			},
		],
		[
			'Custom API Call (POST with a body)',
			/\/proj$/i,
			async () =>
				await fixture.run({
					resource: 'customApiCall',
					operation: 'call',
					method: 'POST',
					path: 'proj',
					body: '{"name":"Via custom call"}',
				}),
		],
		[
			'Download',
			/\/internal\/document\/download$/,
			async () => {
				const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
				const document = fixture.simulator.addDocument(
					'PROJ',
					String(project.ID),
					'a.txt',
					Buffer.from('abc'),
				);
				return await fixture.run({
					resource: 'document',
					operation: 'download',
					documentId: document.ID,
				});
			},
		],
		[
			'Upload',
			/\/upload$/i,
			async () => {
				const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
				const key = 'security-upload';
				testFiles.set(key, Buffer.from('file body'));
				return await fixture.run(
					{
						resource: 'document',
						operation: 'upload',
						objectType: 'PROJ',
						objectId: project.ID,
						binaryPropertyName: 'data',
					},
					[{ $binary: { data: { key, fileName: 'up.txt', mimeType: 'text/plain' } } }],
				);
			},
		],
	];

	describe.each(REDIRECTS)('HTTP %i', (status) => {
		test.each(cases)('%s', async (_name, path, run) => {
			redirectNext(status, path);
			const result = await run();
			expect(String((result.error as Error)?.message)).toMatch(
				new RegExp(
					`redirect \\(HTTP ${status}\\) to ${other.origin.replace(/\./g, '\\.')}, another host; it was not followed`,
				),
			);
			expect(other.seen).toEqual([]);
			expectContained(result);
		});
	});

	test('a same-origin redirect of a read is followed', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Moved' });
		redirectNext(
			302,
			/\/proj\/[^/]+$/i,
			`${fixture.simulator.origin}/attask/api/v21.0/proj/${String(project.ID)}`,
		);
		const [output] = await fixture.output(record('get', { id: project.ID }));
		expect(output.name).toBe('Moved');
	});

	test('a same-origin 302 on a change is not followed (it would become a read)', async () => {
		redirectNext(302, /\/proj$/i, `${fixture.simulator.origin}/attask/api/v21.0/proj`);
		const result = await fixture.run(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"A"}' }),
		);
		expect(result.error?.message).toMatch(
			/answered this change with a redirect \(HTTP 302\); it was not followed/,
		);
		expect(fixture.simulator.state.store.count('PROJ')).toBe(0);
	});

	test.each(REDIRECTS)(
		'the token exchange never follows a redirect (HTTP %i; a 307 would re-post the secret)',
		async (status) => {
			fixture.simulator.failNext(1, status, {
				path: /jwt\/exchange$/,
				headers: { location: `${other.origin}/exchange?copy=1` },
			});
			const result = await fixture.run(record('get', { id: '0123456789abcdef0123456789abcdef' }));
			expect(result.error?.message).toMatch(
				new RegExp(
					`answered the token exchange with a redirect \\(HTTP ${status}\\) to ${other.origin.replace(/\./g, '\\.')}`,
				),
			);
			expect(other.seen).toEqual([]);
			expectContained(result);
		},
	);

	test("the credential's Test request does not follow a redirect", async () => {
		redirectNext(307, /\/user\//);
		const result = await pressTest(fixture.helper, new WorkfrontJwtApi(), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(other.seen).toEqual([]);
		expectContained({ error: result });
	});

	test('trigger activation and deactivation do not follow a redirect', async () => {
		const trigger = await WebhookTriggerHarness.start(fixture.helper, {
			objectType: 'PROJ',
			events: ['CREATE', 'UPDATE'],
		} as never);
		try {
			redirectNext(307, /subscriptions$/);
			await expect(trigger.activate()).rejects.toThrow(/another host; it was not followed/);
			await trigger.activate();
			redirectNext(307, /subscriptions\/[^/]+$/);
			await expect(trigger.deactivate()).rejects.toThrow(/could not be deleted/);
			expect(other.seen).toEqual([]);
			expectContained();
		} finally {
			await trigger.close();
		}
	});

	test('a poll does not follow a redirect', async () => {
		const poll = PollTriggerHarness.create(fixture.helper, {
			objectType: 'PROJ',
			event: 'created',
		} as never);
		redirectNext(302, /\/search$/);
		await expect(poll.poll('manual')).rejects.toThrow(/another host; it was not followed/);
		expectContained();
	});
});

function seedProject(): string {
	return String(fixture.simulator.insert('PROJ', { name: 'Seed' }).ID);
}

describe('the HTTP Request node with this credential (as n8n-core runs it)', () => {
	const httpRequest = async (url: string, method = 'GET', body = '') =>
		await fixture.run({ method, url, body }, undefined, { type: 'test.httpRequestLike' });

	test.each([
		['another port', () => `${other.origin}/attask/api/v21.0/session`],
		[
			'a look-alike host in the user part',
			() => `${fixture.simulator.origin}@127.0.0.2:${other.origin.split(':')[2]}/x`,
		],
		['a protocol-relative URL', () => `//127.0.0.1:${other.origin.split(':')[2]}/x`],
	])('a URL on %s is refused before anything is sent', async (_name, url) => {
		const result = await httpRequest(url());
		expect(result.error?.message).toMatch(/only sends its token to .*Nothing was sent|Invalid URL/);
		expect(other.seen).toEqual([]);
		expectContained(result);
	});

	test('a URL on the Workfront origin works', async () => {
		const result = await httpRequest(`${fixture.simulator.origin}/attask/api/v21.0/proj/count`);
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toHaveProperty('data');
	});

	test.each(REDIRECTS)('a %i from Workfront to another origin is not followed', async (status) => {
		redirectNext(status, /\/proj\/search$/);
		const result = await httpRequest(
			`${fixture.simulator.origin}/attask/api/v21.0/proj/search`,
			'POST',
			'{"x":1}',
		);
		expect(result.error).toBeDefined();
		expect(other.seen).toEqual([]);
		expectContained(result);
	});
});

describe('whatever the server quotes back stays out of errors and outputs', () => {
	test('an API error quoting the whole request (token included) is redacted', async () => {
		fixture.simulator.failNext(1, 500, { echo: true, path: /\/proj\/search$/i } as never);
		const result = await fixture.run(record('getMany', { returnAll: false, limit: 5 }));
		expect(result.error?.message).toMatch(/^Workfront: Echo: /);
		expect(result.error?.message).toContain('[redacted]');
		expectContained(result);
	});

	test('a Custom API Call answer quoting the request is redacted in the output item', async () => {
		fixture.simulator.failNext(1, 200, { echo: true, path: /\/session$/ } as never);
		const result = await fixture.run(
			{ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'session' },
			undefined,
			{ continueOnFail: true },
		);
		expectContained(result);
	});

	test('an exchange error quoting a secret with encoding-sensitive characters is redacted in every encoding', async () => {
		const secret = "s3cr~t!'()* +/=&é%x";
		const pair = rsaPair();
		fixture.simulator.registerApplication({
			clientId: 'odd-secret-app',
			clientSecret: secret,
			customerId: CUSTOMER_ID,
			keys: [{ userId: USER_ID, pem: pair.publicPem }],
		});
		updateCredential(fixture, {
			clientId: 'odd-secret-app',
			clientSecret: secret,
			privateKey: pair.pkcs8,
			accessToken: '',
		});
		fixture.simulator.failNext(1, 400, { echo: true, path: /jwt\/exchange$/ } as never);
		const result = await fixture.run(record('get', { id: '0123456789abcdef0123456789abcdef' }));
		const message = String(result.error?.message);
		expect(message).toContain('[redacted]');
		for (const form of [
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ s: secret }).toString().slice(2),
			JSON.stringify(secret).slice(1, -1),
		]) {
			expect(message).not.toContain(form);
		}
		const jwt = fixture.simulator.state.exchangeRequests.at(-1)?.jwt ?? '';
		expectNoSecrets(result.error, [secret, ...secretsOf(fixture), jwt.split('.')[2]]);
	});

	test('a Custom API Call answer quoting the token it sent loses it, even when another exchange stored a new one meanwhile', async () => {
		await fixture.output(record('getMany', { limit: 1 }));
		const used = String(fixture.helper.get(CREDENTIAL_ID).accessToken);
		fixture.simulator.injectFault({
			times: 1,
			status: 200,
			path: /\/work\/myWork$/,
			body: { data: { note: `your session is ${used}`, upper: used.toUpperCase() } },
			// Another execution re-exchanges while this call is in flight.
			sideEffect: () => updateCredential(fixture, { accessToken: 'a-newer-token-from-elsewhere' }),
		});
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'work/myWork',
		});
		expect(result.error).toBeUndefined();
		expect(JSON.stringify(result.json).toLowerCase()).not.toContain(used.toLowerCase());
		expect(JSON.stringify(result.json)).toContain('[redacted]');
	});

	test.each([
		['session'],
		['SESSION'],
		['Session?fields=*'],
		['user?action=getApiKey&method=PUT'],
		['user/getApiKey'],
		['USER/GENERATEAPIKEY'],
		['login?username=a&password=b'],
		['batch?uri=%2Fsession'],
		['%73ession'],
		['proj;x/..;y/session'],
		['/attask/api-internal/session'],
		['/attask/api-unsupported/user/clearApiKey'],
	])('Custom API Call %s is refused: it would reveal a session or a credential', async (path) => {
		await fixture.output(record('getMany', { limit: 1 }));
		const before = fixture.simulator.log.length;
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path,
		});
		expect(result.error?.message ?? '').toMatch(/(not used for this request|may not contain)/);
		expect(
			fixture.simulator.log.slice(before).filter(({ path: p }) => p.startsWith('/attask')),
		).toEqual([]);
		expectNoSecrets(result, secretsOf(fixture));
	});
});

describe('Custom API Call paths stay below the API', () => {
	test.each([
		['..%2f..%2fsession'],
		['%2e%2e/%2e%2e/internal/x'],
		['%252e%252e/x'],
		['proj\\..\\..\\x'],
		['proj/./search'],
		['.%2E/x'],
	])('%s is refused and nothing is sent', async (path) => {
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path,
		});
		expect(result.error?.message).toMatch(/may not contain "\." or "\.\." segments/);
		expect(fixture.apiCalls()).toEqual([]);
	});

	test('# is refused instead of silently dropping the Query Parameters', async () => {
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'proj/search#x',
			queryParameters: { parameter: [{ name: 'name', value: 'x' }] },
		});
		expect(result.error?.message).toMatch(/contains #/);
		expect(result.error?.description).toMatch(/%23/);
		expect(fixture.apiCalls()).toEqual([]);
	});

	test('/attask/api-unsupported/ paths are sent there, not rewritten onto the versioned API', async () => {
		await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: '/attask/api-unsupported/proj/count',
		});
		expect(fixture.simulator.log.map(({ path }) => path)).toContain(
			'/attask/api-unsupported/proj/count',
		);
	});
});

describe('trigger deliveries must be what was subscribed', () => {
	test('the right token is not enough: wrong event, object type, subscription or body shape start nothing', async () => {
		const trigger = await WebhookTriggerHarness.start(fixture.helper, {
			objectType: 'PROJ',
			events: ['CREATE'],
		} as never);
		try {
			await trigger.activate();
			const [subscription] = [...fixture.simulator.state.events.subscriptions.values()];
			const send = async (body: unknown) =>
				await fetch(String(subscription.url), {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						authorization: `Bearer ${subscription.authToken}`,
					},
					body: JSON.stringify(body),
				});
			const valid = {
				eventType: 'CREATE',
				subscriptionId: subscription.id,
				newState: { objCode: 'PROJ', ID: 'p1' },
				oldState: {},
			};
			const bad: unknown[] = [
				{ ...valid, eventType: 'DELETE' },
				{ ...valid, newState: { objCode: 'TASK', ID: 't1' } },
				{ ...valid, subscriptionId: 'someone-elses' },
				[valid],
				'CREATE',
			];
			for (const body of bad) {
				const response = await send(body);
				expect([response.status, body]).toEqual([422, body]);
			}
			expect(trigger.received.filter(({ started }) => started)).toEqual([]);
			const response = await send(valid);
			expect(response.status).toBe(200);
			expect(trigger.received.filter(({ started }) => started)).toHaveLength(1);
		} finally {
			await trigger.deactivate().catch(() => undefined);
			await trigger.close();
		}
	});
});

describe('hostile private keys are refused quickly with the usual messages', () => {
	const megabyte = 1024 * 1024;
	test.each([
		['1 MB of quotes', '"'.repeat(megabyte), /a few thousand/],
		['1 MB of BEGIN lines', '-----BEGIN A-----\n'.repeat(megabyte / 18), /a few thousand/],
		['60 KB of quotes', '"'.repeat(60_000), /not a private key/],
		['60 KB of BEGIN lines without END', '-----BEGIN A-----'.repeat(3500), /not a private key/],
		[
			'a BEGIN PRIVATE KEY without END',
			`-----BEGIN PRIVATE KEY-----\n${'A'.repeat(50_000)}`,
			/cut off/,
		],
	])('%s', async (_name, key, message) => {
		updateCredential(fixture, { privateKey: key, accessToken: '' });
		const started = performance.now();
		const result = await fixture.run(record('get', { id: '0123456789abcdef0123456789abcdef' }));
		// Reported, not asserted: timing belongs in bench/ (npm run bench measures these inputs).
		process.stdout.write(`${_name}: ${Math.round(performance.now() - started)} ms\n`);
		expect(result.error?.message).toMatch(message);
		expect(fixture.simulator.counters.exchangeAttempts).toBe(0);
	});
});
