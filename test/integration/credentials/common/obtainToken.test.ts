// One exchange gate for every caller of the credential, the HTTP Request node included: one
// attempt at a time, waiters released when the exchange ends, a failure held, a refused user
// bounded, a refused token never handed back, a failed write never sent again by n8n's refresh,
// and a deadline for the whole answer of the session check. Run through n8n-core (its
// requestWithAuthentication, as n8n's HTTP Request node calls it) against the simulator.
import type { IDataObject } from 'n8n-workflow';

import { testFiles } from '../../../harness/binaryRegistry';
import { CREDENTIAL_ID } from '../../../harness/runWorkflow';
import { HostileFront } from '../../../support/hostileFront';
import { updateCredential } from '../../../support/hostileSetup';
import { record, freshFixturePerTest } from '../../../support/workfrontNode';

const fixture = freshFixturePerTest();

const api = (path: string) => `${fixture().simulator.origin}/attask/api/v21.0/${path}`;
const httpRequest = async (parameters: IDataObject, items = 1) =>
	await fixture().run(
		{ continue: true, ...parameters },
		Array.from({ length: items }, () => ({})),
		{ type: 'test.httpRequestLike' },
	);
/** Exchange requests that reached the token endpoint, answered or refused (faults included). */
const exchanges = () =>
	fixture().simulator.log.filter(({ path }) => path.endsWith('/jwt/exchange')).length;
const storedToken = () => String(fixture().helper.get(CREDENTIAL_ID).accessToken ?? '');

describe('the HTTP Request node goes through the same gate as the Workfront nodes', () => {
	test('10 items with the token endpoint answering 503: one exchange, the failure held for the rest', async () => {
		updateCredential(fixture(), { accessToken: '' });
		fixture().simulator.failNext(100, 503, { path: /jwt\/exchange$/ });
		const result = await httpRequest({ url: api('proj/search') }, 10);
		process.stdout.write(`HTTP Request node, 10 items, exchange 503: ${exchanges()} exchanges\n`);
		expect(result.json).toHaveLength(10);
		expect(result.json.every(({ error }) => typeof error === 'string')).toBe(true);
		expect(String(result.json[9].error)).toMatch(/problem on its side/);
		expect(exchanges()).toBe(1);
	});

	test('10 items for a user Workfront refuses: two exchanges at most, then the refusal is held', async () => {
		updateCredential(fixture(), { accessToken: '' });
		// Every API request is refused as not logged in, the session check included.
		fixture().simulator.failNext(1000, 401, {
			path: /^\/attask\/api\//,
			body: {
				error: {
					class: 'com.attask.common.AuthenticationException',
					message: 'You are not currently logged in',
				},
			},
		});
		const result = await httpRequest({ url: api('proj/search') }, 10);
		process.stdout.write(`HTTP Request node, 10 items, refused user: ${exchanges()} exchanges\n`);
		expect(result.json).toHaveLength(10);
		expect(result.json.every(({ error }) => typeof error === 'string')).toBe(true);
		expect(exchanges()).toBeLessThanOrEqual(2);
		expect(String(result.json[9].error)).toMatch(/refused the access tokens of this credential/);
	});

	test('a token Workfront refused is not handed back as fresh: the next request gets a new one', async () => {
		const first = await httpRequest({ url: api('proj/search') });
		expect(first.json[0].error).toBeUndefined();
		const refused = storedToken();
		fixture().simulator.revokeAllTokens();
		const second = await httpRequest({ url: api('proj/search') });
		expect(second.json[0].error).toBeUndefined();
		expect(storedToken()).not.toBe(refused);
		expect(storedToken()).not.toBe('');
	});

	test('a write that failed for another reason is reported, not sent again by n8n with the same token', async () => {
		await httpRequest({ url: api('proj/search') });
		fixture().simulator.failNext(1, 500, { path: /\/proj$/i, method: 'POST' });
		const before = exchanges();
		const result = await httpRequest({
			method: 'POST',
			url: api('proj'),
			body: '{"name":"Sent once"}',
		});
		const posts = fixture().simulator.log.filter(
			({ method, path }) => method === 'POST' && /\/proj$/i.test(path),
		);
		expect(result.json[0].error).toBeDefined();
		expect(posts).toHaveLength(1);
		expect(exchanges()).toBe(before);
	});
});

describe('waiters are released when the exchange ends', () => {
	test('a read waiting for the exchange that a slow upload carries is sent as soon as the token is there', async () => {
		const projectId = fixture().simulator.insert('PROJ', { name: 'Launch' }).ID;
		updateCredential(fixture(), { accessToken: '' });
		// The exchange takes a moment, so the read arrives while it runs; the upload then takes 3 s.
		fixture().simulator.injectFault({ times: 1, path: /jwt\/exchange$/, delayMs: 300 });
		fixture().simulator.injectFault({ times: 1, path: /\/upload$/, delayMs: 3_000 });
		testFiles.set('gate-upload', Buffer.from('slow'));
		const finished: string[] = [];
		const upload = fixture()
			.run(
				{
					resource: 'document',
					operation: 'upload',
					objectType: 'PROJ',
					objectId: projectId,
					binaryPropertyName: 'data',
				},
				[{ $binary: { data: { key: 'gate-upload', fileName: 'a.txt', mimeType: 'text/plain' } } }],
			)
			.then((run) => {
				finished.push('upload');
				return run;
			});
		await new Promise((resolve) => setTimeout(resolve, 100));
		const read = fixture()
			.run(record('get', { id: projectId }))
			.then((run) => {
				finished.push('read');
				return run;
			});
		const [uploaded, got] = await Promise.all([upload, read]);
		expect(uploaded.error).toBeUndefined();
		expect(got.error).toBeUndefined();
		expect(got.json[0]).toMatchObject({ ID: projectId });
		expect(finished).toEqual(['read', 'upload']);
		expect(exchanges()).toBe(1);
	});
});

describe('the session check has a deadline for its whole answer', () => {
	test('a session check that trickles for ever ends at the deadline, and the item fails clearly', async () => {
		const front = await HostileFront.start(fixture().simulator.origin);
		try {
			updateCredential(fixture(), { url: front.origin, requestTimeout: 1 });
			await httpRequest({ url: `${front.origin}/attask/api/v21.0/proj/search` });
			front.takeOver((request, response) => {
				if (!/\/session$/.test(new URL(request.url ?? '/', front.origin).pathname)) return false;
				front.stream(response, Buffer.from(' '), 200, { 'content-type': 'application/json' });
				return true;
			});
			// A 404 makes n8n ask the credential for a new token, which checks the old one first.
			const result = await httpRequest({
				url: `${front.origin}/attask/api/v21.0/proj/nothing-here`,
			});
			expect(front.takenOver.some((line) => line.includes('/session'))).toBe(true);
			expect(result.json[0].error).toBeDefined();
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(front.openAnswers()).toBe(0);
		} finally {
			await front.close();
		}
	});
});
