import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { updateCredential, useHostileSetup } from '../support/hostileSetup';
import type { OtherOrigin } from '../support/otherOrigin';
import { expectNoSecrets } from '../support/secrets';
import { record, secretsOf, type WorkfrontFixture } from '../support/workfrontNode';

/**
 * An outsider's attack on the finished fixes for issues 11 and 12. Every test here describes the
 * correct behaviour; a failing test is a defect that is still there. Real HTTP on 127.0.0.1, the
 * node (or an HTTP-Request-like node) through n8n-core via the existing harness; no mocks.
 */

jest.setTimeout(90_000);

// The HTTP Request node as n8n's v4 builds its options: test/harness/nodeTypes.ts HttpRequestLike.

let fixture: WorkfrontFixture;
let other: OtherOrigin;
useHostileSetup((setup) => ({ fixture, other } = setup));

const setCredential = (changes: IDataObject) => updateCredential(fixture, changes);

const api = (path: string) => `${fixture.simulator.origin}/attask/api/v21.0/${path}`;

// =============================================================================================
// 1. Destination: the token must reach the Workfront origin and nothing else.
// =============================================================================================
describe('destination rule', () => {
	test('HTTP Request node "Proxy" option: the token is not handed to another host acting as a proxy', async () => {
		const result = await fixture.run({ url: api('proj/count'), proxy: other.origin }, undefined, {
			type: 'test.httpRequestLike',
		});
		// The request's destination is "the Workfront origin" only on paper: every byte goes to the
		// proxy, which is another origin. With https, the same holds for Ignore SSL Issues (a proxy
		// that terminates TLS). Correct behaviour: refused before anything is sent, like any other host.
		expect(
			other.seen.map(
				({ method, url, headers }) => `${method} ${url} sessionID=${String(headers.sessionid)}`,
			),
		).toEqual([]);
		expect(other.credentialsSeen(secretsOf(fixture))).toEqual([]);
		expect(result.error?.message).toMatch(/does not send its token through a request's own proxy/);
	});
});

/**
 * A proxy that answers CONNECT and then terminates TLS itself with a self-signed certificate,
 * recording every request it decrypts: what "Options > Proxy" plus "Options > Ignore SSL Issues"
 * of the HTTP Request node meet in the wild.
 */
async function startTlsInterceptingProxy(): Promise<{
	origin: string;
	seen: Array<{ head: string }>;
	close: () => Promise<void>;
}> {
	const { readFileSync } = await import('node:fs');
	const { createServer: createNetServer } = await import('node:net');
	const { TLSSocket } = await import('node:tls');
	const key = readFileSync(`${__dirname}/../fixtures/keys/private.key`);
	const cert = readFileSync(`${__dirname}/../fixtures/keys/certificate_pub.crt`);
	const seen: Array<{ head: string }> = [];
	const sockets = new Set<Socket>();
	const server = createNetServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.once('data', () => {
			socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
			const tls = new TLSSocket(socket, { isServer: true, key, cert });
			let text = '';
			tls.on('data', (chunk: Buffer) => {
				text += chunk.toString('latin1');
				if (text.includes('\r\n\r\n')) {
					seen.push({ head: text.split('\r\n\r\n')[0] });
					tls.end(
						'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
					);
				}
			});
			tls.on('error', () => undefined);
		});
		socket.on('error', () => undefined);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		seen,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('destination rule, production shape (https)', () => {
	test('an https Workfront URL with Proxy + Ignore SSL Issues: an intercepting proxy does not read the token (held on n8n-core 1.122)', async () => {
		const proxy = await startTlsInterceptingProxy();
		try {
			// A live token is already stored (as after any earlier execution); the Workfront host is
			// https, as every real one is. No TLS server is needed there: the proxy answers for it.
			const workfront = 'https://127.0.0.1:9';
			setCredential({ url: workfront, accessToken: 'live-token-4f1c2a9e77d0b3' });
			const result = await fixture.run(
				{ url: `${workfront}/attask/api/v21.0/session`, proxy: proxy.origin, ignoreSsl: true },
				undefined,
				{ type: 'test.httpRequestLike' },
			);
			expect(proxy.seen.map(({ head }) => head.replace(/\r\n/g, ' | '))).toEqual([]);
			expect(result.error?.message).toMatch(/only sends its token to|proxy/i);
		} finally {
			await proxy.close();
		}
	});
});

describe('Ignore SSL Issues', () => {
	test('the token is not sent to a server whose certificate is not checked (HTTP Request node, Ignore SSL Issues on)', async () => {
		// An https server with a certificate for another name, as whoever intercepts the traffic has.
		const seen: string[] = [];
		const server = createHttpsServer(
			{
				key: readFileSync(join(__dirname, '../fixtures/keys/private.key')),
				cert: readFileSync(join(__dirname, '../fixtures/keys/certificate_pub.crt')),
			},
			(request, response) => {
				seen.push(
					`${request.method ?? ''} ${request.url ?? ''} ${String(request.headers.sessionid ?? '')}`,
				);
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end('{"data":{"count":0}}');
			},
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const workfront = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
			setCredential({ url: workfront, accessToken: 'live-token-4f1c2a9e77d0b3' });
			const result = await fixture.run(
				{ url: `${workfront}/attask/api/v21.0/proj/count`, ignoreSsl: true },
				undefined,
				{ type: 'test.httpRequestLike' },
			);
			expect(seen).toEqual([]);
			expect(result.error?.message).toMatch(/whose certificate is not checked/);
			expect(result.error?.message).not.toContain('live-token-4f1c2a9e77d0b3');
		} finally {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});

// =============================================================================================
// 2. Custom API Call paths: Java servlet containers (Tomcat, Jetty) strip `;parameters` from a
//    path segment before resolving dot segments, so `..;` IS `..` to the server behind it.
// =============================================================================================
describe('Custom API Call path check', () => {
	test.each([
		['..;/..;/internal/x'],
		['proj/..;/..;/..;/eventsubscription/api/v1/subscriptions'],
		['%2e%2e;x=1/session'],
		['.;/proj/search'],
	])('%s is refused and nothing is sent', async (path) => {
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path,
		});
		expect(fixture.apiCalls()).toEqual([]);
		expect(result.error?.message).toMatch(/may not contain "\." or "\.\." segments/);
	});
});

// =============================================================================================
// 3. Hostile private keys that are still slow: under the 64 K character cap, an "RSA key" whose
//    private exponent is far longer than its modulus makes every signature cost seconds of CPU
//    inside n8n's event loop, on every token exchange (and on every press of Test).
// =============================================================================================
function derLength(length: number): Buffer {
	if (length < 128) return Buffer.from([length]);
	const bytes: number[] = [];
	for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 255);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function derInteger(value: Buffer): Buffer {
	const body = value[0] & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value;
	return Buffer.concat([Buffer.from([2]), derLength(body.length), body]);
}
function derSequence(parts: Buffer[]): Buffer {
	const body = Buffer.concat(parts);
	return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}
function oddNumber(bytes: number): Buffer {
	const value = randomBytes(bytes);
	value[0] |= 0x80;
	value[bytes - 1] |= 1;
	return value;
}
/** A PKCS#1 key that parses: 16384-bit modulus, 65537, and a 20 KB private exponent. */
function slowRsaKey(): string {
	const der = derSequence([
		derInteger(Buffer.from([0])),
		derInteger(oddNumber(2048)),
		derInteger(Buffer.from([1, 0, 1])),
		derInteger(oddNumber(20_000)),
		...Array.from({ length: 5 }, () => derInteger(oddNumber(8))),
	]);
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
}

describe('hostile private keys', () => {
	test('a 30 KB key with an oversized private exponent is refused before signing (no seconds of CPU per exchange)', async () => {
		const key = slowRsaKey();
		expect(key.length).toBeLessThan(64 * 1024);
		setCredential({ privateKey: key, accessToken: '' });
		const started = performance.now();
		const result = await fixture.run(record('get', { id: '0123456789abcdef0123456789abcdef' }));
		const elapsed = performance.now() - started;
		process.stdout.write(
			`slow RSA key: ${Math.round(elapsed)} ms; ${String(result.error?.message).slice(0, 100)}\n`,
		);
		// Correct: refused as an unusable Private Key (modulus above what anyone uses, or a private
		// exponent longer than the modulus), nothing signed or sent, in well under a second. Today the
		// signature alone occupies a libuv thread-pool thread for ~10-20 s (jose signs asynchronously,
		// so it is the 4-thread pool shared by DNS, fs and zlib that stalls, on every exchange).
		expect(result.error?.message).toMatch(/^Private Key: /);
		expect(fixture.simulator.counters.exchangeAttempts).toBe(0);
		expect(elapsed).toBeLessThan(3_000);
	});
});

// =============================================================================================
// 4. Messages and retries from the one table of network failures: the table reads the *text* of
//    an error when it has no code, and the credential error quotes the exchange endpoint's words.
// =============================================================================================
describe('exchange refusals are not taken for network failures', () => {
	test('an exchange refusal whose words say "timed out" is reported as the credential problem, not as a Workfront timeout with a write in doubt', async () => {
		fixture.simulator.failNext(3, 400, {
			path: /jwt\/exchange$/,
			body: {
				statusCode: 400,
				error: true,
				type: 'BadRequest',
				message: 'JWT validation failed: the assertion timed out (exp is in the past)',
			},
		});
		const result = await fixture.run(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"Never sent"}' }),
		);
		expect(fixture.simulator.state.store.count('PROJ')).toBe(0);
		// Nothing was sent: the token exchange was refused. The message must say so (the JWT, its
		// lifetime or the clock), not that Workfront did not answer and the change may have been applied.
		expect(result.error?.message).toBeDefined();
		process.stdout.write(
			`timed-out refusal: ${String(result.error?.message)} / ${String(result.error?.description)}\n`,
		);
		expect(result.error?.message).not.toMatch(/did not answer in time/);
		expect(result.error?.description ?? '').not.toMatch(/may or may not have been applied/);
		expect(String(result.error?.message)).toMatch(/JWT|expired|clock|Lifetime/i);
	});
});

// =============================================================================================
// 5. Redaction on output paths: a download's headers become the output file's name and MIME type.
// =============================================================================================
describe('redaction of what reaches output items', () => {
	test('a download whose Content-Disposition / Content-Type quote the session token does not put it into the output item', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
		const document = fixture.simulator.addDocument(
			'PROJ',
			String(project.ID),
			'a.txt',
			Buffer.from('abc'),
		);
		const fault = {
			times: 1,
			status: 200,
			path: /\/internal\/document\/download$/,
			raw: 'abc',
			headers: {} as Record<string, string>,
			sideEffect: (state: typeof fixture.simulator.state) => {
				const token = state.sessions.issued.at(-1) ?? '';
				// A download service that names the file after the session that asked for it.
				fault.headers = {
					'content-type': `text/plain; x-session=${token}`,
					'content-disposition': `attachment; filename="export-${token}.txt"`,
				};
			},
		};
		fixture.simulator.injectFault(fault);
		const result = await fixture.run({
			resource: 'document',
			operation: 'download',
			documentId: document.ID,
		});
		expect(result.error).toBeUndefined();
		const binary = result.items?.[0]?.binary?.data;
		expect(binary).toBeDefined();
		expectNoSecrets({ binary, json: result.json }, secretsOf(fixture));
	});
});

// =============================================================================================
// 6. Cancellation gaps: a Retry-After wait is not interrupted when the pool fails.
// =============================================================================================
describe('a failed Return All stops at once', () => {
	test('a page waiting out a 429 Retry-After does not hold the failure back', async () => {
		setCredential({ requestTimeout: 5 });
		for (let index = 0; index < 6_000; index += 1)
			fixture.simulator.insert('PROJ', { name: `P${index}` });
		// Page 1 answers; of pages 2 and 3 (read two at a time), the first to arrive is told to come
		// back in 40 s, the other fails for good 300 ms later.
		fixture.simulator.injectFault({
			times: 1,
			skip: 1,
			status: 429,
			path: /\/search$/i,
			headers: { 'retry-after': '40' },
			body: { error: { message: 'Too many requests' } },
		});
		fixture.simulator.injectFault({
			times: 1,
			status: 500,
			delayMs: 300,
			path: /\/search$/i,
			body: { error: { message: 'Boom' } },
		});
		const started = performance.now();
		const result = await fixture.run(
			record('getMany', { returnAll: true, options: { concurrency: 2 } }),
		);
		const elapsed = performance.now() - started;
		process.stdout.write(`Return All failure reported after ${Math.round(elapsed)} ms\n`);
		expect(result.error?.message).toBe('Workfront: Boom');
		// The failure is known after ~0.3 s; the other page is cancelled, its wait included.
		expect(elapsed).toBeLessThan(5_000);
	});
});

// =============================================================================================
// 7. Hangs: a token endpoint that trickles its answer.
// =============================================================================================
/** A "Workfront" whose token exchange answers 200 and then sends one space every 250 ms, forever. */
async function startTricklingExchange(): Promise<{
	origin: string;
	open: () => number;
	close: () => Promise<void>;
}> {
	const responses = new Set<ServerResponse>();
	const timers = new Set<NodeJS.Timeout>();
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		request.resume();
		response.writeHead(200, { 'content-type': 'application/json' });
		responses.add(response);
		const timer = setInterval(() => response.write(' '), 250);
		timers.add(timer);
		response.on('close', () => {
			clearInterval(timer);
			timers.delete(timer);
			responses.delete(response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		open: () => responses.size,
		close: async () => {
			for (const timer of timers) clearInterval(timer);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('every exchange is bounded', () => {
	test('a trickling token endpoint is given up at the exchange deadline (Request Timeout, at most 30 s), and the credential recovers', async () => {
		const trickle = await startTricklingExchange();
		try {
			const healthy = String(fixture.helper.get(CREDENTIAL_ID).url);
			setCredential({ url: trickle.origin, requestTimeout: 1, accessToken: '' });
			const first = await fixture.run(record('count'));
			expect(first.error).toBeDefined();
			expect(String(first.error?.message)).toMatch(/did not answer in time|timed out|time/i);
			// The deadline is for the whole answer (1 s here): axios's `timeout` is only an idle timer,
			// which a byte every 250 ms resets. The answer is abandoned and its connection closed.
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			const stillOpen = trickle.open();
			// Workfront is healthy again (or the URL was corrected): the same credential must work.
			setCredential({ url: healthy });
			const second = await fixture.run(record('count'));
			process.stdout.write(
				`trickling exchange: still open 1.5 s after its deadline: ${stillOpen}; next execution: ${String(second.error?.message ?? 'ok')}\n`,
			);
			expect(stillOpen).toBe(0);
			expect(second.error).toBeUndefined();
		} finally {
			await trickle.close();
		}
	});
});

// =============================================================================================
// 8. The destination rule against n8n 2.x's own request resolution: in
//    test/e2e/destinationRule.e2e.test.ts, which installs n8n 2.41.1 first.
// =============================================================================================

// =============================================================================================
// 9. Exchange storms outside the node's gate: n8n-core's requestWithAuthentication (1.x and 2.x)
//    runs preAuthentication(expired = true) after ANY failed request with a predefined credential,
//    so every failing item of an HTTP Request node costs one token exchange.
// =============================================================================================
describe('exchange storms through the HTTP Request node', () => {
	test('20 items that each get a 404 do not make 20 token exchanges', async () => {
		const items = Array.from({ length: 20 }, () => ({}));
		const result = await fixture.run({ url: api('proj/no-such-id-here'), continue: true }, items, {
			type: 'test.httpRequestLike',
		});
		expect(result.json).toHaveLength(20);
		const exchanges = fixture.simulator.counters.exchangeAttempts;
		process.stdout.write(`HTTP Request node, 20 failing items: ${exchanges} token exchanges\n`);
		// One exchange for the first request; a token minted a moment ago is not re-minted per failure.
		expect(exchanges).toBeLessThanOrEqual(2);
	});
});

// =============================================================================================
// 10. "Not logged in" is read from the error's free text: an error that quotes the user's own
//     data containing "invalid session" is taken for an expired token, a new token is minted and
//     the change is sent again.
// =============================================================================================
describe('authentication failures are not guessed from quoted user text', () => {
	test('a refused create whose message quotes "invalid session" is not re-sent after a new exchange', async () => {
		await fixture.output(record('count'));
		const exchangesBefore = fixture.simulator.counters.exchangeAttempts;
		fixture.simulator.failNext(2, 422, {
			path: /\/proj$/i,
			body: {
				error: {
					class: 'com.attask.common.InvalidParameterException',
					message: 'The name "Invalid session cleanup (Q3)" is already used by another project',
				},
			},
		});
		const result = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"Invalid session cleanup (Q3)"}',
			}),
		);
		const posts = fixture.simulator.log.filter(
			({ method, path }) => method === 'POST' && /\/proj$/i.test(path),
		);
		expect(posts).toHaveLength(1);
		expect(fixture.simulator.counters.exchangeAttempts).toBe(exchangesBefore);
		expect(result.error?.message).toMatch(/already used/);
	});
});
