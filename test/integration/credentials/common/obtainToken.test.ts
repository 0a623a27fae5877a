// One exchange gate for every caller of the credential, the HTTP Request node included: one
// attempt at a time, waiters released when the exchange ends, a failure held, a refused user
// bounded, a refused token never handed back, a failed write never sent again by n8n's refresh,
// and a deadline for the whole answer of the session check. Run through n8n-core (its
// requestWithAuthentication, as n8n's HTTP Request node calls it) against the simulator.
import { httpRequest as n8nHttpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import {
	askSession,
	bearerVerdict,
	obtainToken,
	reportRefusedToken,
	sessionVerdict,
	type SessionAnswer,
	type TokenSource,
} from '../../../../credentials/common/obtainToken';
import { tokenToStore } from '../../../../credentials/common/storedToken';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { CUSTOMER_ID, USER_ID } from '../../../support/workfrontAccount';
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

// ---- The module's own contract, called directly: n8n-core's HTTP client against the simulator,
// with the simulator's own tokens as what a credential's exchange would hand over.

const send = async (options: IHttpRequestOptions) => await n8nHttpRequest(options);

/** How many times a test's source was asked for a new token, and the tokens it handed over. */
function sessionSource(issue?: () => Promise<string>): TokenSource & { issued: string[] } {
	const issued: string[] = [];
	return {
		issued,
		kind: 'jwt',
		origin: fixture().simulator.origin,
		deadlineMs: 2_000,
		headers: (token) => ({ sessionID: token }),
		verdict: sessionVerdict,
		issue:
			issue ??
			(async () => {
				const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
				issued.push(token);
				return token;
			}),
	};
}

/** The stored credential, with `token` stored as issued for its fields (or none). */
function credentialWith(token = ''): ICredentialDataDecryptedObject {
	const stored = { ...fixture().helper.get(CREDENTIAL_ID) };
	return token === ''
		? { ...stored, accessToken: '' }
		: { ...stored, ...tokenToStore(stored, token, 'jwt') };
}

const sessionChecks = () =>
	fixture().simulator.log.filter(({ path }) => path.endsWith('/session')).length;

const answer = (status: number, body: unknown): SessionAnswer => ({ status, headers: {}, body });

describe("a Workfront token's verdict (GET session)", () => {
	test.each([
		['200 with a session', 'accepted', answer(200, { data: { sessionID: 'x' } })],
		['200 with "error": null', 'accepted', answer(200, { data: {}, error: null })],
		['200 with an error', 'refused', answer(200, { error: { class: 'X', message: 'no' } })],
		['200 with an HTML page', 'refused', answer(200, '<html>sign in</html>')],
		['200 without a body', 'refused', answer(200, undefined)],
		['401', 'refused', answer(401, { error: { message: 'You are not currently logged in.' } })],
		['500', 'refused', answer(500, { data: {} })],
	] as const)('%s: %s', (_, verdict, given) => {
		expect(sessionVerdict(given)).toBe(verdict);
	});
});

describe("an Adobe IMS token's verdict (only Workfront's not-logged-in refuses it)", () => {
	test.each([
		['200', 'accepted', answer(200, { data: {} })],
		['204 without a body', 'accepted', answer(204, '')],
		['401', 'refused', answer(401, 'Org Id undefined is not in the list of user org Ids')],
		[
			'500 with an AuthenticationException',
			'refused',
			answer(500, { error: { class: 'com.attask.common.AuthenticationException' } }),
		],
		['403 with another error', 'unknown', answer(403, { error: { class: 'NotAllowedException' } })],
		['500 with an HTML page', 'unknown', answer(500, '<html>oops</html>')],
	] as const)('%s: %s', (_, verdict, given) => {
		expect(bearerVerdict(given)).toBe(verdict);
	});
});

describe('askSession', () => {
	test('GET session with the headers given: the status and the parsed answer', async () => {
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		const answered = await askSession(
			send,
			fixture().simulator.origin,
			'v21.0',
			{ sessionID: token },
			2_000,
		);
		expect(answered.status).toBe(200);
		expect(answered.body).toMatchObject({ data: { userID: USER_ID } });
		expect(fixture().simulator.log.at(-1)).toMatchObject({
			method: 'GET',
			path: '/attask/api/v21.0/session',
		});
	});

	test('a refused token is answered, not thrown', async () => {
		const answered = await askSession(
			send,
			fixture().simulator.origin,
			'v21.0',
			{ sessionID: 'revoked' },
			2_000,
		);
		expect(answered.status).toBe(401);
		expect(sessionVerdict(answered)).toBe('refused');
	});

	test('a redirect is not followed: it is the answer', async () => {
		fixture().simulator.injectFault({
			times: 1,
			path: /\/session$/,
			status: 302,
			headers: { location: 'https://elsewhere.example/attask/api/v21.0/session' },
		});
		const answered = await askSession(
			send,
			fixture().simulator.origin,
			'v21.0',
			{ sessionID: 't' },
			2_000,
		);
		expect(answered.status).toBe(302);
		expect(sessionVerdict(answered)).toBe('refused');
	});

	test('no answer within the deadline: a credential error that names the session check', async () => {
		fixture().simulator.injectFault({ times: 1, path: /\/session$/, delayMs: 2_000, status: 200 });
		const failure = await askSession(
			send,
			fixture().simulator.origin,
			'v21.0',
			{ sessionID: 't' },
			200,
		).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(WorkfrontCredentialError);
		expect((failure as Error).message).toMatch(
			new RegExp(
				`^${fixture().simulator.origin.replace(/\./g, '\\.')} did not answer in time when n8n checked the access token \\(GET session\\)\\. \\S`,
			),
		);
		expect((failure as WorkfrontCredentialError).field).toBe('Workfront URL');
	});
});

describe('obtainToken', () => {
	test('no token stored: one new token, from the source', async () => {
		const source = sessionSource();
		expect(await obtainToken(send, credentialWith(), source)).toBe(source.issued[0]);
		expect(source.issued).toHaveLength(1);
		expect(sessionChecks()).toBe(0);
	});

	test('a stored token Workfront still accepts: checked, and no new token (undefined)', async () => {
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		const source = sessionSource();
		expect(await obtainToken(send, credentialWith(token), source)).toBeUndefined();
		expect(sessionChecks()).toBe(1);
		expect(source.issued).toHaveLength(0);
	});

	test('a stored token Workfront refuses: checked, then a new one', async () => {
		const source = sessionSource();
		const token = await obtainToken(send, credentialWith('revoked-long-ago'), source);
		expect(token).toBe(source.issued[0]);
		expect(sessionChecks()).toBe(1);
	});

	test('a token stored for other field values counts as none: not even checked', async () => {
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		const source = sessionSource();
		const credentials = { ...credentialWith(token), userId: 'someone-else' };
		expect(await obtainToken(send, credentials, source)).toBe(source.issued[0]);
		expect(sessionChecks()).toBe(0);
	});

	test('a token known to be refused is neither checked nor handed back', async () => {
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		const credentials = credentialWith(token);
		reportRefusedToken(credentials, 'jwt', token);
		const source = sessionSource();
		const fresh = await obtainToken(send, credentials, source);
		expect(fresh).not.toBe(token);
		expect(fresh).toBe(source.issued[0]);
		expect(sessionChecks()).toBe(0);
	});

	test('a session check that gets no answer says nothing against the token: no new token', async () => {
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		fixture().simulator.injectFault({ times: 1, path: /\/session$/, drop: true });
		const source = sessionSource();
		expect(await obtainToken(send, credentialWith(token), source)).toBeUndefined();
		expect(source.issued).toHaveLength(0);
	});

	test('callers at the same time share one new token', async () => {
		const source = sessionSource();
		const tokens = await Promise.all(
			Array.from({ length: 5 }, async () => await obtainToken(send, credentialWith(), source)),
		);
		expect(source.issued).toHaveLength(1);
		expect(new Set(tokens)).toEqual(new Set(source.issued));
	});

	test('a caller that just missed the exchange gets its token, not another exchange', async () => {
		const source = sessionSource();
		const first = await obtainToken(send, credentialWith(), source);
		expect(await obtainToken(send, credentialWith(), source)).toBe(first);
		expect(source.issued).toHaveLength(1);
	});

	test('a failed exchange is every caller’s answer for a while: nothing asked, nothing sent', async () => {
		let asked = 0;
		const refusal = new WorkfrontCredentialError(
			'Workfront did not accept the Client Secret',
			'Client Secret',
		);
		const source = sessionSource(async () => {
			asked += 1;
			throw refusal;
		});
		await expect(obtainToken(send, credentialWith(), source)).rejects.toBe(refusal);
		const requests = fixture().simulator.log.length;
		// A caller with a stored token gets the held failure too, without a session check.
		const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
		await expect(obtainToken(send, credentialWith(token), source)).rejects.toBe(refusal);
		expect(asked).toBe(1);
		expect(fixture().simulator.log.length).toBe(requests);
	});
});
