import type { IDataObject } from 'n8n-workflow';

import { OtherOrigin } from '../../../../../support/otherOrigin';
import { expectNoSecrets } from '../../../../../support/secrets';
import { CLIENT_SECRET } from '../../../../../support/workfrontAccount';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

/** A GET Custom API Call with this Path and these Query Parameters rows. */
const call = (path: string, rows: IDataObject[] = [], more: IDataObject = {}): IDataObject => ({
	resource: 'customApiCall',
	operation: 'call',
	method: 'GET',
	path,
	...(rows.length > 0 ? { queryParameters: { parameter: rows } } : {}),
	...more,
});

/** The REST requests the simulator received: path, and the query as Workfront reads it (pairs). */
function received(): Array<{ method: string; path: string; query: string[][] }> {
	return fixture.simulator.log
		.filter(({ path }) => path.startsWith('/attask/'))
		.map(({ effectiveMethod, path, query }) => ({
			method: effectiveMethod,
			path,
			query: [...new URLSearchParams(query)],
		}));
}

/** The credential's host as the messages name it (the simulator's 127.0.0.1:<port>). */
const ownHost = (): string => new URL(fixture.simulator.origin).host;

describe('Custom API Call', () => {
	test('GET session is refused: its answer is the access token, and nothing is sent', async () => {
		await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'proj/count',
		});
		const before = fixture.simulator.log.length;
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'session',
		});
		expect(result.error?.message).toMatch(
			/not used for this request: \/attask\/api\/v21\.0\/session reveals or changes a Workfront session/,
		);
		expect(fixture.simulator.log.slice(before)).toEqual([]);
		expectNoSecrets(result, [String(fixture.helper.get('wf-cred').accessToken), CLIENT_SECRET]);
	});

	test('POST with a JSON body and a pasted full path; lists split into items', async () => {
		const created = await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'POST',
			path: `${fixture.simulator.origin}/attask/api/v21.0/proj`,
			body: JSON.stringify([{ name: 'One' }, { name: 'Two' }]),
		});
		expect(created.map(({ name }) => name)).toEqual(['One', 'Two']);
		const listed = await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: '/proj/search',
			queryParameters: { parameter: [{ name: 'name', value: 'Two' }] },
		});
		expect(listed).toEqual([expect.objectContaining({ name: 'Two' })]);
	});

	test('a sessionID parameter is refused; the credential authenticates', async () => {
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'session',
			queryParameters: { parameter: [{ name: 'sessionID', value: 'x' }] },
		});
		expect(result.error?.message).toMatch(/sessionID is set by the credential/);
	});
});

describe('Custom API Call: the query is sent as given', () => {
	test('a second ? is part of a value: task/search?name=Why?&projectID=<id> searches that project only', async () => {
		const mine = fixture.simulator.insert('PROJ', { name: 'Mine' });
		const theirs = fixture.simulator.insert('PROJ', { name: 'Theirs' });
		fixture.simulator.insert('TASK', { name: 'Why?', projectID: mine.ID });
		fixture.simulator.insert('TASK', { name: 'Why?', projectID: theirs.ID });
		const found = await fixture.output(call(`task/search?name=Why?&projectID=${mine.ID}`));
		expect(found.map(({ projectID }) => projectID)).toEqual([mine.ID]);
		expect(received()[0].query).toEqual([
			['name', 'Why?'],
			['projectID', mine.ID],
		]);
	});

	test.each([
		[
			'&&, a leading and a trailing & hold no parameter',
			'x?&a=1&&b=2&',
			[
				['a', '1'],
				['b', '2'],
			],
		],
		[
			'a name without = is sent with an empty value (read the same)',
			'x?flag&a=1',
			[
				['flag', ''],
				['a', '1'],
			],
		],
		[
			'+ is a space, %2B a plus (form encoding, as Workfront reads it)',
			'x?name=a+b%2Bc%2b',
			[['name', 'a b+c+']],
		],
		[
			'= inside a value is part of it',
			'x?filter=a=b&c==',
			[
				['filter', 'a=b'],
				['c', '='],
			],
		],
		[
			'percent-encoded and raw Unicode',
			'x?a=Caf%C3%A9&b=Café&c=日本&d=%F0%9F%98%80&e=😀',
			[
				['a', 'Café'],
				['b', 'Café'],
				['c', '日本'],
				['d', '😀'],
				['e', '😀'],
			],
		],
		['a byte-order mark is kept, not swallowed', 'x?a=%EF%BB%BFz', [['a', '\ufeffz']]],
		[
			'a % that starts no escape is the character itself',
			'x?a=100%&b=%zz&c=%2',
			[
				['a', '100%'],
				['b', '%zz'],
				['c', '%2'],
			],
		],
		[
			'repeated names are all kept, in order (Workfront reads a list)',
			'x?ID=1&ID=2&ID_Mod=in&ID=3',
			[
				['ID', '1'],
				['ID', '2'],
				['ID_Mod', 'in'],
				['ID', '3'],
			],
		],
		['spaces around a name in the Path are kept', 'x?%20a%20=1', [[' a ', '1']]],
		[
			'method= in the Path is kept (Workfront reads it as the method)',
			'x?method=GET&a=1',
			[
				['method', 'GET'],
				['a', '1'],
			],
		],
	])('%s', async (_name, path, pairs) => {
		await fixture.run(call(path));
		const [request] = received();
		expect(request.path).toBe('/attask/api/v21.0/x');
		expect(request.query).toEqual(pairs);
	});

	test('a row with the name of a Path parameter: both kept, the Path first; row values are literal', async () => {
		await fixture.run(
			call('x?name=a+b&fields=ID', [
				{ name: 'name', value: 'c+d%2B' },
				{ name: ' fields ', value: 'name' },
			]),
		);
		expect(received()[0].query).toEqual([
			['name', 'a b'],
			['fields', 'ID'],
			['name', 'c+d%2B'],
			['fields', 'name'],
		]);
	});

	test('a lone % in the path is sent as the character (%25)', async () => {
		await fixture.run(call('x/100%/y%41'));
		expect(received()[0].path).toBe('/attask/api/v21.0/x/100%25/y%41');
	});

	test('method=POST in the Path of a GET creates, and is a write (not repeated after a drop)', async () => {
		fixture.simulator.failNext(1, undefined, { dropAfterProcessing: true, path: /\/proj$/i });
		const result = await fixture.run(call('proj?method=POST&name=Once'));
		expect(result.error).toBeDefined();
		expect(received().map(({ method }) => method)).toEqual(['POST']);
		expect(fixture.simulator.state.store.all('PROJ').map(({ name }) => name)).toEqual(['Once']);
	});
});

describe('Custom API Call: what it cannot send as given is refused, and nothing is sent', () => {
	test.each([
		['#', 'proj/search?name=a#b', [], /^Path "proj\/search\?name=a#b" contains #/],
		[
			'a value without a name',
			'proj/search?=x&a=1',
			[],
			/^Path: "=x" in the query has no parameter name/,
		],
		['a lone =', 'proj/search?a=1&=', [], /^Path: "=" in the query has no parameter name/],
		[
			'sessionID in the Path',
			'session?sessionID=x',
			[],
			/^Path: sessionID in the query is set by the credential/,
		],
		[
			'SESSIONID in the Path',
			'session?a=1&SESSIONID=x',
			[],
			/^Path: SESSIONID in the query is set by the credential/,
		],
		[
			'sessionID percent-encoded',
			'session?session%49%44=x',
			[],
			/^Path: sessionID in the query is set by the credential/,
		],
		[
			'sessionID with a + (a space)',
			'session?sessionID+=x',
			[],
			/^Path: sessionID in the query is set by the credential/,
		],
		[
			'apiKey in the Path',
			'session?apikey=x',
			[],
			/^Path: apikey in the query is set by the credential/,
		],
		[
			'apiKey as a row',
			'session',
			[{ name: 'APIKEY', value: 'x' }],
			/^Query Parameter 1: APIKEY is set by the credential/,
		],
		[
			'sessionID as a second row',
			'session',
			[
				{ name: 'a', value: '1' },
				{ name: ' sessionid ', value: 'x' },
			],
			/^Query Parameter 2: sessionid is set by the credential/,
		],
		[
			'method twice in the Path',
			'proj?method=PUT&method=GET',
			[],
			/^Path \/ Query Parameters: method is given 2 times \(method=PUT, method=GET\)/,
		],
		[
			'method in the Path and as a row',
			'proj?method=GET',
			[{ name: 'METHOD', value: 'DELETE' }],
			/method is given 2 times \(method=GET, METHOD=DELETE\)/,
		],
		[
			'an escape that is not UTF-8 in the query',
			'proj/search?name=%C3',
			[],
			/^Path \(its query\): %C3 is not a UTF-8 percent-escape/,
		],
		[
			'an escape that is not UTF-8 in the path',
			'proj/%FF/search',
			[],
			/^Path: %FF is not a UTF-8 percent-escape/,
		],
		['a tab', 'proj/search?name=a\tb', [], /^Path contains a tab or a line break/],
		['a line break', 'proj/search\n?name=a', [], /^Path contains a tab or a line break/],
		[
			'half a character in the Path',
			'proj/search?name=\ud83d',
			[],
			/^Path contains half of a character/,
		],
		[
			'half a character in a row',
			'proj/search',
			[{ name: 'name', value: 'x\udc00' }],
			/^Query Parameter 1: Name or Value contains half of a character/,
		],
		['a backslash', 'proj\\search', [], /^Path "proj\\search" contains a backslash/],
		[
			'a path below /attask/ but no API root',
			'/attask/other/x',
			[],
			/is not below one of Workfront's API roots/,
		],
		[
			'a first segment that reads as a scheme',
			'proj:x/search',
			[],
			/^Path is a proj: URL, but this credential's Workfront is http:\/\/127\.0\.0\.1:\d+; nothing was sent/,
		],
		['a javascript: URL', 'javascript:alert(1)', [], /^Path is a javascript: URL/],
		['a file: URL', 'file:///etc/passwd', [], /^Path is a file: URL, but/],
	])('%s', async (_name, path, rows, message) => {
		const result = await fixture.run(call(path, rows as IDataObject[]));
		expect(result.error?.message).toMatch(message);
		expect(received()).toEqual([]);
	});

	test('a body with method=GET would be ignored: refused', async () => {
		const result = await fixture.run(
			call('proj?method=GET', [], { method: 'POST', body: '{"name":"x"}' }),
		);
		expect(result.error?.message).toMatch(/^Body \(JSON\) would be ignored: method=GET/);
		expect(received()).toEqual([]);
	});
});

describe('Custom API Call: a pasted URL is only sent to the credential’s Workfront', () => {
	let other: OtherOrigin;
	beforeAll(async () => {
		other = await OtherOrigin.start();
	});
	afterAll(async () => other.close());
	beforeEach(() => other.clear());

	test('a URL on another host is refused naming both hosts', async () => {
		const result = await fixture.run(
			call('https://other.example.com/attask/api/v21.0/task/search?name=x'),
		);
		expect(result.error?.message).toBe(
			`Path is a URL on other.example.com, but this credential's Workfront is ${ownHost()}; nothing was sent`,
		);
		expect(result.error?.description).toBe(
			`Paste a path, or a URL on ${ownHost()}, or use a credential for that host. If it is a path, write a : in its first segment as %3A.`,
		);
		expect(received()).toEqual([]);
	});

	test.each([
		['another port', (o: string) => `${o}/attask/api/v21.0/proj/search`],
		[
			'its host in the user part',
			(o: string) => `http://${ownHost()}@${new URL(o).host}/attask/api/v21.0/proj/search`,
		],
		['scheme-relative', (o: string) => `//${new URL(o).host}/attask/api/v21.0/proj/search`],
		['backslashes', (o: string) => `http:\\\\${new URL(o).host}\\attask\\api\\v21.0\\proj`],
		['a tab inside the scheme', (o: string) => `ht\ttp://${new URL(o).host}/attask/api/v21.0/proj`],
		['no slashes', (o: string) => `http:${new URL(o).host}/attask/api/v21.0/proj`],
		[
			'its address as one number',
			(o: string) => `http://2130706433:${new URL(o).port}/attask/api/v21.0/proj`,
		],
	])(
		'a URL on the recording server (%s) is refused naming both hosts; it receives nothing',
		async (_name, url) => {
			const result = await fixture.run(call(url(other.origin)));
			expect(result.error?.message).toBe(
				`Path is a URL on ${new URL(other.origin).host}, but this credential's Workfront is ${ownHost()}; nothing was sent`,
			);
			expect(other.seen).toEqual([]);
			expect(received()).toEqual([]);
		},
	);

	test.each([
		[
			'https on the same host and port',
			(host: string) => `https://${host}/attask/api/v21.0/proj`,
			(host: string) => `https://${host}`,
			(host: string) => `http://${host}`,
		],
		[
			'IPv6 loopback',
			(host: string) => `http://[::1]:${host.split(':')[1]}/attask/api/v21.0/proj`,
			(host: string) => `[::1]:${host.split(':')[1]}`,
			(host: string) => host,
		],
		[
			'localhost is another host than 127.0.0.1',
			(host: string) => `http://LOCALHOST:${host.split(':')[1]}/proj`,
			(host: string) => `localhost:${host.split(':')[1]}`,
			(host: string) => host,
		],
		[
			'the default port',
			() => 'http://127.0.0.1/attask/api/v21.0/proj',
			() => '127.0.0.1',
			(host: string) => host,
		],
	])('%s: refused naming both', async (_name, url, pasted, own) => {
		const result = await fixture.run(call(url(ownHost())));
		expect(result.error?.message).toBe(
			`Path is a URL on ${pasted(ownHost())}, but this credential's Workfront is ${own(ownHost())}; nothing was sent`,
		);
		expect(received()).toEqual([]);
	});

	test('a user name or password on the credential’s own host is refused, and not repeated in the message', async () => {
		const result = await fixture.run(call(`http://me:s3cret@${ownHost()}/attask/api/v21.0/proj`));
		expect(result.error?.message).toBe(
			`Path is a URL with a user name or password before ${ownHost()}; nothing was sent`,
		);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('s3cret');
		expect(received()).toEqual([]);
	});

	test.each([
		[
			'in capitals, with its query',
			(o: string) => `${o.toUpperCase()}/ATTASK/API/V21.0/proj/search?name=Two&fields=ID`,
		],
		[
			'with backslashes after the scheme',
			(o: string) => `http:\\\\${new URL(o).host}/attask/api/v21.0/proj/search?name=Two&fields=ID`,
		],
		[
			'scheme-relative',
			(o: string) => `//${new URL(o).host}/attask/api/v21.0/proj/search?name=Two&fields=ID`,
		],
		[
			'its port with a leading zero',
			(o: string) =>
				`http://127.0.0.1:0${new URL(o).port}/attask/api/v21.0/proj/search?name=Two&fields=ID`,
		],
	])('a URL on the credential’s own origin works (%s)', async (_name, url) => {
		fixture.simulator.insert('PROJ', { name: 'Two' });
		const found = await fixture.output(call(url(fixture.simulator.origin)));
		expect(found).toHaveLength(1);
		expect(received()).toEqual([
			{
				method: 'GET',
				path: '/attask/api/v21.0/proj/search',
				query: [
					['name', 'Two'],
					['fields', 'ID'],
				],
			},
		]);
	});

	test('a URL on the own origin outside /attask/ is refused, not re-rooted below the API', async () => {
		const result = await fixture.run(
			call(`${fixture.simulator.origin}/internal/document/download?ID=x`),
		);
		expect(result.error?.message).toMatch(/is not below one of Workfront's API roots/);
		expect(received()).toEqual([]);
		expect(fixture.simulator.log).toEqual([]);
	});

	test('a leftover subscription can be deleted, as the trigger advises; nothing else of the Event Subscription API', async () => {
		const result = await fixture.run(
			{ ...call('/attask/eventsubscription/api/v1/subscriptions/abc123'), method: 'DELETE' },
			undefined,
			{ continueOnFail: true },
		);
		expect(result.json[0]?.error ?? '').not.toMatch(/not used for this request/);
		expect(received().map(({ path }) => path)).toEqual([
			'/attask/eventsubscription/api/v1/subscriptions/abc123',
		]);
		for (const [method, path] of [
			['GET', '/attask/eventsubscription/api/v1/subscriptions/list'],
			['POST', '/attask/eventsubscription/api/v1/subscriptions'],
			['PUT', '/attask/eventsubscription/api/v1/subscriptions/abc123/version'],
			['DELETE', '/attask/eventsubscription/api/v1/subscriptions/abc123?x=1'],
		]) {
			const refused = await fixture.run({ ...call(path), method }, undefined, {
				continueOnFail: true,
			});
			expect(String(refused.json[0]?.error)).toMatch(/Event Subscription API.*Nothing was sent/);
		}
		expect(received()).toHaveLength(1);
	});
});
