import type { IDataObject } from 'n8n-workflow';

import type { Connection } from '../../../../../nodes/shared/transport/connection';
import {
	attemptDeadlineMs,
	buildOptions,
	effectiveMethod,
	encodeQuery,
	RequestCancelled,
	requestKind,
	requestUrl,
	toQueryParams,
	workfrontCall,
	workfrontDownload,
	workfrontRequest,
	type WorkfrontRequest,
} from '../../../../../nodes/shared/transport/request';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * The one way the nodes reach Workfront's REST API, called directly with n8n-core's execution
 * context against the simulator. Retries, rate limits and authentication during a run are proven
 * through the node in test/integration/node/transport.test.ts, and the destination rule against
 * a recording server in security.test.ts and destinations.properties.test.ts; here, the request's
 * address and options, what an answer becomes, redirects, and the refusals made before sending.
 */
const connection: Connection = {
	origin: 'https://example.my.workfront.com',
	apiBase: 'https://example.my.workfront.com/attask/api/v21.0',
	timeoutMs: 60_000,
};

describe('the address and options of a request', () => {
	test('parameters in order, repeats kept, everything escaped', () => {
		expect(
			encodeQuery([
				['status', 'CUR'],
				['status', 'PLN'],
				['name', 'a&b=c d'],
				['$$LIMIT', '10'],
			]),
		).toBe('status=CUR&status=PLN&name=a%26b%3Dc%20d&%24%24LIMIT=10');
	});

	test('an object as parameters: lists repeat the key, objects become JSON, undefined is left out', () => {
		expect(
			toQueryParams({ a: 1, b: ['x', 'y'], c: { d: true }, e: undefined, f: null, g: [{ h: 1 }] }),
		).toEqual([
			['a', '1'],
			['b', 'x'],
			['b', 'y'],
			['c', '{"d":true}'],
			['f', 'null'],
			['g', '{"h":1}'],
		]);
	});

	test('the method Workfront acts on is method=, whatever the verb; it decides read or write', () => {
		const get: WorkfrontRequest = { method: 'GET', path: 'proj', query: [['Method', ' post ']] };
		expect(effectiveMethod(get)).toBe('POST');
		expect(requestKind(get)).toBe('write');
		expect(requestKind({ method: 'PUT', path: 'proj/search', query: [['method', 'GET']] })).toBe(
			'read',
		);
		expect(requestKind({ method: 'POST', path: 'x', kind: 'read' })).toBe('read');
		expect(requestKind({ method: 'DELETE', path: 'proj/1' })).toBe('write');
	});

	test('the address: under the API, or under the host; a path with its own query is extended', () => {
		expect(
			requestUrl(connection, { method: 'GET', path: '/proj/search', query: [['a', '1']] }),
		).toBe(`${connection.apiBase}/proj/search?a=1`);
		expect(
			requestUrl(connection, {
				method: 'GET',
				path: 'document/download?ID=1',
				fromOrigin: true,
				query: [['v', '2']],
			}),
		).toBe(`${connection.origin}/document/download?ID=1&v=2`);
		expect(requestUrl(connection, { method: 'GET', path: 'proj/count' })).toBe(
			`${connection.apiBase}/proj/count`,
		);
	});

	test('an answer is asked for as text (JSON parsed here), bytes as a stream', () => {
		const request: WorkfrontRequest = { method: 'GET', path: 'proj/count' };
		expect(buildOptions(connection, request, requestUrl(connection, request))).toMatchObject({
			method: 'GET',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: true,
		});
		expect(
			buildOptions(connection, { ...request, binary: true }, requestUrl(connection, request)),
		).toMatchObject({ encoding: 'stream', json: false });
	});

	test('a query too long for a URI goes as a POST form with method= (and the body as updates)', () => {
		const request: WorkfrontRequest = {
			method: 'PUT',
			path: 'proj/1',
			query: [['description', 'x'.repeat(9_000)]],
			body: { name: 'New' },
		};
		const options = buildOptions(connection, request, requestUrl(connection, request));
		expect(options.method).toBe('POST');
		expect(options.url).toBe(`${connection.apiBase}/proj/1`);
		expect(options.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
		const form = new URLSearchParams(String(options.body));
		expect(form.get('method')).toBe('PUT');
		expect(form.get('updates')).toBe('{"name":"New"}');
		expect(form.get('description')).toHaveLength(9_000);
	});

	test('a long query that names its method keeps it, not the verb', () => {
		const request: WorkfrontRequest = {
			method: 'GET',
			path: 'proj/search',
			query: [
				['method', 'GET'],
				['name', 'x'.repeat(9_000)],
			],
		};
		const form = new URLSearchParams(
			String(buildOptions(connection, request, requestUrl(connection, request)).body),
		);
		expect(form.getAll('method')).toEqual(['GET']);
	});

	test('a multipart body goes as it is, with its type and length', () => {
		const body = Buffer.from('--b\r\n\r\nx\r\n--b--');
		const request: WorkfrontRequest = {
			method: 'POST',
			path: 'upload',
			multipart: { body, contentType: 'multipart/form-data; boundary=b' },
		};
		expect(buildOptions(connection, request, requestUrl(connection, request))).toMatchObject({
			method: 'POST',
			body,
			headers: {
				'Content-Type': 'multipart/form-data; boundary=b',
				'Content-Length': String(body.length),
			},
		});
	});

	test('an attempt may take the timeout, plus a second per 64 KB sent or expected', () => {
		expect(attemptDeadlineMs(connection, { method: 'GET', path: 'x' })).toBe(60_000);
		expect(
			attemptDeadlineMs(connection, { method: 'POST', path: 'upload', transferBytes: 640 * 1024 }),
		).toBe(70_000);
		// A download of unknown size: ten timeouts.
		expect(attemptDeadlineMs(connection, { method: 'GET', path: 'x', binary: true })).toBe(600_000);
	});
});

describe('sending it', () => {
	const fixture = freshFixturePerTest();
	const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
	const paths = () => fixture().simulator.log.map(({ method, path }) => `${method} ${path}`);

	async function failure(request: Promise<unknown>) {
		const error = await request.then(
			() => undefined,
			(thrown: unknown) => thrown as Error & { description?: string },
		);
		expect(error).toBeInstanceOf(Error);
		return error as Error & { description?: string };
	}

	test("workfrontRequest answers the answer's data; workfrontCall the whole answer and the token", async () => {
		fixture().simulator.insert('PROJ', { name: 'Launch' });
		expect(
			await workfrontRequest<IDataObject>(context(), { method: 'GET', path: 'proj/count' }),
		).toEqual({ count: 1 });
		const answer = await workfrontCall(context(), { method: 'GET', path: 'proj/count' });
		expect(answer.statusCode).toBe(200);
		expect(answer.body).toEqual({ data: { count: 1 } });
		expect(JSON.parse(answer.text ?? '')).toEqual({ data: { count: 1 } });
		expect(fixture().simulator.state.sessions.find(answer.token)).toBeDefined();
	});

	test("an error on HTTP 200 is a failure, with Workfront's words", async () => {
		fixture().simulator.injectFault({
			times: 1,
			path: /proj\/count$/,
			status: 200,
			body: { error: { class: 'X', message: 'Something is wrong' } },
		});
		const error = await failure(workfrontRequest(context(), { method: 'GET', path: 'proj/count' }));
		expect(error.message).toBe('Workfront: Something is wrong');
	});

	test('a redirect within the Workfront host is followed, as the same attempt', async () => {
		const target = '/attask/api/v21.0/proj/count';
		fixture().simulator.injectFault({
			times: 1,
			path: /proj\/search$/,
			status: 302,
			headers: { location: target },
		});
		expect(await workfrontRequest(context(), { method: 'GET', path: 'proj/search' })).toEqual({
			count: 0,
		});
		expect(paths().slice(-2)).toEqual([`GET /attask/api/v21.0/proj/search`, `GET ${target}`]);
	});

	test('a redirect to another host is not followed', async () => {
		fixture().simulator.injectFault({
			times: 1,
			path: /proj\/count$/,
			status: 301,
			headers: { location: 'https://elsewhere.example/attask/api/v21.0/proj/count' },
		});
		const error = await failure(workfrontRequest(context(), { method: 'GET', path: 'proj/count' }));
		expect(error.message).toBe(
			'Workfront answered with a redirect (HTTP 301) to https://elsewhere.example, another host; it was not followed',
		);
		expect(error.description).toContain(
			`The credential's token is only ever sent to ${fixture().simulator.origin}.`,
		);
	});

	test('a change is followed only on 307 or 308, which keep the method and body', async () => {
		const location = '/attask/api/v21.0/proj';
		fixture().simulator.injectFault({
			times: 1,
			method: 'POST',
			path: /\/proj$/,
			status: 302,
			headers: { location },
		});
		const error = await failure(
			workfrontRequest(context(), { method: 'POST', path: 'proj', body: { name: 'A' } }),
		);
		expect(error.message).toBe(
			'Workfront answered this change with a redirect (HTTP 302); it was not followed',
		);
		expect(fixture().simulator.state.store.all('PROJ')).toHaveLength(0);

		fixture().simulator.injectFault({
			times: 1,
			method: 'POST',
			path: /\/proj$/,
			status: 307,
			headers: { location },
		});
		const created = await workfrontRequest<IDataObject>(context(), {
			method: 'POST',
			path: 'proj',
			body: { name: 'A' },
		});
		expect(created.name).toBe('A');
	});

	test('more than five redirects: a clear error', async () => {
		fixture().simulator.injectFault({
			times: 10,
			path: /proj\/count$/,
			status: 302,
			headers: { location: '/attask/api/v21.0/proj/count' },
		});
		const error = await failure(workfrontRequest(context(), { method: 'GET', path: 'proj/count' }));
		expect(error.message).toBe('Workfront redirected too many times');
		expect(fixture().simulator.log.filter(({ path }) => path.endsWith('proj/count'))).toHaveLength(
			6,
		);
	});

	test('a path cannot name another host: leading slashes stay part of the path', async () => {
		const error = await failure(
			workfrontRequest(context(), {
				method: 'GET',
				path: '//elsewhere.example/steal',
				fromOrigin: true,
			}),
		);
		expect(error.message).toContain('HTTP 404');
		expect(paths().at(-1)).toBe('GET /elsewhere.example/steal');
	});

	test('an endpoint that reveals a session is refused before anything is sent', async () => {
		const error = await failure(workfrontRequest(context(), { method: 'GET', path: 'session' }));
		expect(error.message).toMatch(
			/^The Workfront JWT API credential is not used for this request: .+\. Nothing was sent\.$/,
		);
		expect(paths().filter((path) => path.endsWith('/session'))).toEqual([]);
	});

	test('work already stopped sends nothing', async () => {
		const stop = new AbortController();
		stop.abort();
		const error = await failure(
			workfrontRequest(context(), { method: 'GET', path: 'proj/count', signal: stop.signal }),
		);
		expect(error).toBeInstanceOf(RequestCancelled);
		expect(paths().filter((path) => path.includes('proj/count'))).toEqual([]);
	});

	test('a request made to explain another is tried once and follows no redirect', async () => {
		fixture().simulator.injectFault({
			times: 1,
			path: /proj\/metadata$/,
			status: 302,
			headers: { location: '/attask/api/v21.0/proj/count' },
		});
		const error = await failure(
			workfrontRequest(context(), { method: 'GET', path: 'proj/metadata', explaining: true }),
		);
		expect(error.message).toContain('HTTP 302');
		expect(paths().filter((path) => path.includes('/proj/'))).toEqual([
			'GET /attask/api/v21.0/proj/metadata',
		]);
	});

	test('a download keeps the bytes, up to its bound', async () => {
		const project = fixture().simulator.insert('PROJ', { name: 'Launch' });
		const bytes = Buffer.from('0123456789');
		const document = fixture().simulator.addDocument('PROJ', String(project.ID), 'ten.txt', bytes);
		const downloadURL = `/internal/document/download?ID=${String(document.ID)}`;
		const downloaded = await workfrontDownload(context(), {
			method: 'GET',
			path: downloadURL,
			fromOrigin: true,
		});
		expect(downloaded.data.equals(bytes)).toBe(true);
		const error = await failure(
			workfrontDownload(context(), {
				method: 'GET',
				path: downloadURL,
				fromOrigin: true,
				maxBytes: 9,
			}),
		);
		expect(error.message).toBe(
			'The file is larger than 0 MB, the most this download keeps; nothing was kept',
		);
	});
});
