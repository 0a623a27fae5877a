// Properties of the Custom API Call's Path and Query Parameters, run through the real node
// (n8n-core's WorkflowExecute) against one simulator per property: whatever is typed, Workfront
// receives exactly the parameters given, in order, or the item fails with a message naming the
// field and nothing is sent; a URL on any other origin is refused naming both hosts, and that
// origin receives nothing.

import type { IDataObject } from 'n8n-workflow';

import * as authSession from '../../../../../../nodes/shared/transport/authSession';
import { updateCredential } from '../../../../../support/hostileSetup';
import { OtherOrigin } from '../../../../../support/otherOrigin';
import { fc, holdsForAsync } from '../../../../../support/properties';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

jest.setTimeout(180_000);

// ---- Generated input: what is typed, and what it stands for.

/** Where a character is written: it decides which characters must be escaped to mean themselves. */
type Where = 'segment' | 'name' | 'value';

/** Characters with a meaning in URLs, and any ASCII character or code point. */
const character = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			...'?=&+%;:@!$\'()*,~[]|^{}"<>/.\\#-_ '.split(''),
			'\u0000',
			'\u001f',
			'\u007f',
			'\u00a0',
			'\u200b',
			'\ufeff',
			'é',
			'日',
			'😀',
		),
	},
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** The UTF-8 escapes of a character, `%c3%a9` or `%C3%A9`. */
function escaped(char: string, upper: boolean): string {
	const hex = [...Buffer.from(char, 'utf8')].map(
		(byte) => `%${byte.toString(16).padStart(2, '0')}`,
	);
	return upper ? hex.join('').toUpperCase() : hex.join('');
}

/**
 * Whether a character must be escaped to stand for itself there. Controls and spaces everywhere
 * (a URL parser trims them at the ends, drops tabs and line breaks); `%` and `#` everywhere; in a
 * path segment `/ ? \ ;` (`;` starts the segment's parameters, generated apart); in the query
 * `&` and `+`, and `=` in a name.
 */
function mustEscape(char: string, where: Where): boolean {
	// eslint-disable-next-line no-control-regex
	if (/^[\u0000-\u0020%#]$/.test(char)) return true;
	if (where === 'segment') return '/?\\;'.includes(char);
	return char === '&' || char === '+' || (where === 'name' && char === '=');
}

function written(text: string, where: Where, flags: boolean[]): string {
	return [...text]
		.map((char, index) => {
			const flag = flags[index % flags.length];
			if (char === ' ' && where !== 'segment') return flag ? '+' : '%20';
			return mustEscape(char, where) || flag ? escaped(char, index % 2 === 0) : char;
		})
		.join('');
}

interface Text {
	/** What it stands for. */
	intended: string;
	/** How it is typed: some characters raw, some escaped. */
	written: string;
}

function text(where: Where, chars: fc.Arbitrary<string>): fc.Arbitrary<Text> {
	return fc
		.record({ intended: chars, flags: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }) })
		.map(({ intended, flags }) => ({ intended, written: written(intended, where, flags) }));
}

const characters = (minLength: number, maxLength: number, chars = character) =>
	fc.array(chars, { minLength, maxLength }).map((list) => list.join(''));

/** Names and values a user might give; never sessionID, apiKey or method (tested apart). */
const usable = (name: string) =>
	name.trim() !== '' && !/^(sessionid|apikey|method)$/i.test(name.trim());
const someName = fc
	.oneof(
		fc.constantFrom('name', 'ID', 'fields', 'projectID', '$$LIMIT', 'DE:Field name', 'OR:1:name'),
		characters(1, 6),
	)
	.filter(usable);

// A segment never holds `%` itself: `%25` followed by hex digits is decoded twice by the path
// check (as a server decoding twice would), which the named cases cover.
const segment = text(
	'segment',
	characters(
		1,
		6,
		character.filter((char) => char !== '%'),
	),
);

/** The Path's query: pairs, some without `=`, joined by `&` with some empty pieces. */
const pathQuery = fc
	.array(
		fc.record({
			name: text('name', someName),
			value: text('value', characters(0, 6)),
			withoutEquals: fc.boolean(),
			empties: fc.constantFrom('&', '&', '&', '&&', '&&&'),
		}),
		{ maxLength: 5 },
	)
	.chain((pairs) =>
		fc.record({
			pairs: fc.constant(pairs),
			leading: fc.constantFrom('', '', '&'),
			trailing: fc.constantFrom('', '', '&'),
		}),
	)
	.map(({ pairs, leading, trailing }) => ({
		pairs: pairs.map(({ name, value, withoutEquals }) => [
			name.intended,
			withoutEquals && value.intended === '' ? '' : value.intended,
		]),
		written:
			leading +
			pairs
				.map(({ name, value, withoutEquals, empties }, index) => {
					const piece =
						withoutEquals && value.intended === ''
							? name.written
							: `${name.written}=${value.written}`;
					return index === 0 ? piece : `${empties}${piece}`;
				})
				.join('') +
			trailing,
	}));

/**
 * n8n stores a parameter holding an expression as `=` and the expression: a value typed with a
 * leading `=` is one, whatever node reads it. Generated parameters never start with it.
 */
const notAnExpression = (value: string) => !value.startsWith('=');

/** Query Parameters rows: names (spaces around them are trimmed), values sent as typed. */
const row = fc.record({
	name: fc
		.tuple(fc.constantFrom('', ' ', '  '), someName, fc.constantFrom('', ' '))
		.map(([before, name, after]) => `${before}${name}${after}`)
		.filter(notAnExpression),
	value: characters(0, 6).filter(notAnExpression),
});

/** Word in any letter case. */
const anyCase = (word: string) =>
	fc
		.array(fc.boolean(), { minLength: word.length, maxLength: word.length })
		.map((upper) => [...word].map((char, at) => (upper[at] ? char.toUpperCase() : char)).join(''));

/** A host name as people may type it: any letter case, letters in full width or percent-encoded. */
const hostForms = (host: string) =>
	fc
		.array(fc.constantFrom(0, 0, 1, 1, 2, 3), {
			minLength: [...host].length,
			maxLength: [...host].length,
		})
		.map((forms) =>
			[...host]
				.map((char, at) => {
					if (!/[a-z]/.test(char)) return char;
					if (forms[at] === 1) return char.toUpperCase();
					if (forms[at] === 2) return String.fromCharCode(char.charCodeAt(0) - 0x61 + 0xff41);
					if (forms[at] === 3) return escaped(char, true);
					return char;
				})
				.join(''),
		);

/**
 * How the path may begin: bare, `/`, the API root with or without a version, or a whole URL on the
 * credential's own origin (scheme and host in any case, any port spelling, any slashes).
 */
function prefixes(scheme: string, hosts: string[], ports: string[]): fc.Arbitrary<string> {
	const origin = fc.record({
		scheme: anyCase(scheme),
		host: fc.constantFrom(...hosts).chain(hostForms),
		port: fc.constantFrom(...ports),
		slashes: fc.constantFrom('//', '//', '\\\\', '/\\', '///', ''),
		relative: fc.boolean(),
	});
	return fc.oneof(
		fc.constantFrom(
			'',
			'/',
			'/attask/api/v21.0/',
			'attask/api/v21.0/',
			'/ATTASK/Api/V21.0/',
			'/attask/api/',
		),
		origin.map(({ scheme: typed, host, port, slashes, relative }) =>
			relative
				? `//${host}${port}/attask/api/v21.0/`
				: `${typed}:${slashes}${host}${port}/attask/api/v21.0/`,
		),
	);
}

/** Something the node must refuse, put into an otherwise valid Path or rows, and what it says. */
type Spoiler =
	| { kind: 'path'; written: string; message: RegExp }
	| { kind: 'query'; written: string; message: RegExp }
	| { kind: 'row'; name: string; value: string; message: RegExp };

const spoiler: fc.Arbitrary<Spoiler> = fc.oneof(
	fc.constantFrom('sessionID', 'SESSIONID', 'apiKey', 'session%49D', 'sessionID+', '%61piKey').map(
		(name): Spoiler => ({
			kind: 'query',
			written: `${name}=x`,
			message: /^Path: (sessionid|apikey) in the query is set by the credential$/i,
		}),
	),
	fc.constantFrom('sessionID', ' apikey ', 'SessionId').map(
		(name): Spoiler => ({
			kind: 'row',
			name,
			value: 'x',
			message: /^Query Parameter \d+: (sessionid|apikey) is set by the credential$/i,
		}),
	),
	fc.constantFrom('=x', '=', '%20=x').map(
		(written): Spoiler => ({
			kind: 'query',
			written,
			message: /^Path: ".*" in the query has no parameter name$/,
		}),
	),
	fc.constantFrom('a=%C3', 'a=%FF', 'a=%C0%AE', 'a=%ED%A0%80', 'a=x%E2%82').map(
		(written): Spoiler => ({
			kind: 'query',
			written,
			message: /^Path \(its query\): %[\dA-F%]+ is not a UTF-8 percent-escape$/,
		}),
	),
	fc.constantFrom('a=\ud800', 'a=x\udfff').map(
		(written): Spoiler => ({
			kind: 'query',
			written,
			message: /^Path contains half of a character/,
		}),
	),
	fc.constantFrom('x\ud83d', '\udc00').map(
		(value): Spoiler => ({
			kind: 'row',
			name: 'name',
			value,
			message: /^Query Parameter \d+: Name or Value contains half of a character/,
		}),
	),
	fc.constantFrom('a=x\ty', 'a\n=1', 'a=\r1').map(
		(written): Spoiler => ({
			kind: 'query',
			written,
			message: /^Path contains a tab or a line break$/,
		}),
	),
	fc
		.constantFrom('a=x#y', '#')
		.map((written): Spoiler => ({ kind: 'query', written, message: /^Path ".*" contains #$/s })),
	fc.constantFrom('..', '.', '%2e%2E', '.;x', '%2E.;a=b', '%252e').map(
		(written): Spoiler => ({
			kind: 'path',
			written,
			message: /may not contain "\." or "\.\." segments/,
		}),
	),
);

interface Case {
	path: string;
	rows: Array<{ name: string; value: string }>;
	/** The path's segments after the API root, as meant (escapes decoded). */
	segments: string[];
	/** The parameters as meant, in order. */
	pairs: string[][];
	/** What the node must say instead of sending; undefined: it must send exactly `pairs`. */
	refusals: RegExp[];
}

function cases(prefix: fc.Arbitrary<string>): fc.Arbitrary<Case> {
	return fc
		.record({
			prefix,
			segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
			params: fc.option(fc.stringMatching(/^;[a-z]{1,5}=[a-z\d]{0,5}$/), { nil: undefined }),
			query: fc.option(pathQuery, { nil: undefined, freq: 4 }),
			rows: fc.array(row, { maxLength: 3 }),
			rowNamedLikeThePath: fc.boolean(),
			spoiler: fc.oneof(
				{ weight: 3, arbitrary: fc.constant(undefined) },
				{ weight: 1, arbitrary: spoiler },
			),
			at: fc.nat(),
		})
		.map((input): Case => {
			const segments = input.segments.map(({ written: typed, intended }) => ({ typed, intended }));
			if (input.params) {
				const last = segments[segments.length - 1];
				segments[segments.length - 1] = {
					typed: `${last.typed}${input.params}`,
					intended: `${last.intended}${input.params}`,
				};
			}
			// A bare first segment must not read as a scheme (`a:b` is a URL): its `:` escaped.
			if (input.prefix === '')
				segments[0] = { ...segments[0], typed: segments[0].typed.replace(/:/g, '%3A') };
			const refusals: RegExp[] = [];
			const { spoiler: spoil } = input;
			if (spoil?.kind === 'path') {
				segments.splice(input.at % (segments.length + 1), 0, {
					typed: spoil.written,
					intended: '',
				});
				refusals.push(spoil.message);
			}
			const intendedPath = segments.map(({ intended }) => intended).join('/');
			// The node's rule, restated: no `.` or `..` segment, backslashes and `%2F` read as `/`.
			if (intendedPath.split(/[/\\]/).some((part) => ['.', '..'].includes(part.split(';')[0])))
				refusals.push(/may not contain "\." or "\.\." segments/);

			const pairs = [...(input.query?.pairs ?? [])];
			let query = input.query?.written;
			if (spoil?.kind === 'query') {
				query = query ? `${query}&${spoil.written}` : spoil.written;
				refusals.push(spoil.message);
			}
			const rows = input.rows.map((entry) => ({ ...entry }));
			if (input.rowNamedLikeThePath && pairs.length > 0 && rows.length > 0)
				rows[0].name = pairs[input.at % pairs.length][0];
			if (spoil?.kind === 'row') {
				rows.splice(input.at % (rows.length + 1), 0, { name: spoil.name, value: spoil.value });
				refusals.push(spoil.message);
			}
			const path = `${input.prefix}${segments.map(({ typed }) => typed).join('/')}${
				query === undefined ? '' : `?${query}`
			}`.replace(/^=/, '%3D');
			return {
				path,
				rows,
				segments: segments.map(({ intended }) => intended),
				pairs: [...pairs, ...rows.map(({ name, value }) => [name.trim(), value])],
				refusals,
			};
		});
}

const parametersOf = (input: Pick<Case, 'path' | 'rows'>): IDataObject => ({
	resource: 'customApiCall',
	operation: 'call',
	method: 'GET',
	path: input.path,
	...(input.rows.length > 0 ? { queryParameters: { parameter: input.rows } } : {}),
});

/** What reached Workfront, in a form to compare: the path's segments decoded, the query as pairs. */
interface Received {
	origin: string;
	segments: string[];
	pairs: string[][];
}

/** Tallies what a property saw, printed with it. */
class Outcomes {
	private readonly counts = new Map<string, number>();

	add(outcome: string): void {
		this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
	}

	print(name: string): void {
		const list = [...this.counts.entries()].sort(([, a], [, b]) => b - a);
		process.stderr.write(
			`[property] ${name}: ${list.map(([outcome, count]) => `${count} ${outcome}`).join('; ')}\n`,
		);
	}
}

/** Short names of the refusals, for the tally. */
const REASONS: Array<[RegExp, string]> = [
	[/is set by the credential/, 'sessionID or apiKey'],
	[/has no parameter name/, 'a value without a name'],
	[/not a UTF-8 percent-escape/, 'an escape that is not UTF-8'],
	[/half of a character/, 'half a character'],
	[/tab or a line break/, 'a tab or a line break'],
	[/contains #$/s, '#'],
	[/segments/, 'a . or .. segment'],
];

/**
 * The property itself: refused with one of the expected messages and nothing sent, or sent once
 * with exactly the path and the parameters meant.
 */
async function check(
	input: Case,
	run: () => Promise<{ error?: Error }>,
	sent: () => Received[],
	origin: string,
	outcomes: Outcomes,
): Promise<void> {
	const result = await run();
	const message = result.error?.message ?? '';
	const requests = sent();
	if (input.refusals.length > 0) {
		expect(requests).toEqual([]);
		if (!input.refusals.some((expected) => expected.test(message)))
			throw new Error(`Expected a refusal like ${input.refusals.join(' or ')}, got "${message}"`);
		const reason = REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
		outcomes.add(`refused (${message.startsWith('Query') ? 'row' : 'Path'}: ${reason})`);
		return;
	}
	// Workfront may answer 404 for a made-up path: that is its answer, not a refusal by the node.
	expect(message).not.toMatch(/^(Path|Query Parameter|Body)/);
	expect(requests).toHaveLength(1);
	expect(requests[0]).toEqual({
		origin,
		segments: ['', 'attask', 'api', 'v21.0', ...input.segments],
		pairs: input.pairs,
	});
	outcomes.add(
		input.pairs.length > 0 ? 'sent exactly, with parameters' : 'sent exactly, no parameters',
	);
}

const decodedSegments = (pathname: string) => pathname.split('/').map(decodeURIComponent);

// ---- (1) Paths and rows arrive exactly as given, or are refused naming the field.

describe('Custom API Call property: exactly what was given reaches Workfront, or the item is refused', () => {
	let fixture: WorkfrontFixture;
	beforeAll(async () => {
		// On `localhost`, so that the credential's host has letters to write in another case.
		fixture = await WorkfrontFixture.start({ host: 'localhost' });
	});
	afterAll(async () => fixture.close());

	test('paths, Path queries and rows, through the node against one simulator', async () => {
		const { port } = fixture.simulator;
		const outcomes = new Outcomes();
		const name = 'Custom API Call sends exactly the pairs given (simulator)';
		await holdsForAsync(
			name,
			cases(prefixes('http', ['localhost'], [`:${port}`, `:0${port}`, `:00${port}`])),
			async (input) => {
				fixture.simulator.log.length = 0;
				await check(
					input,
					async () => await fixture.run(parametersOf(input)),
					() =>
						fixture.simulator.log
							.filter(({ path }) => path.startsWith('/attask/'))
							.map(({ path, query }) => ({
								origin: fixture.simulator.origin,
								segments: decodedSegments(path),
								pairs: [...new URLSearchParams(query)],
							})),
					fixture.simulator.origin,
					outcomes,
				);
			},
			{ runs: 300 },
		);
		outcomes.print(name);
	});
});

// ---- (1b) The same, for a credential on a default port and an internationalised host name.

describe('Custom API Call property: a credential on https with a default port and a Unicode host', () => {
	// Such a host cannot be served on this machine (port 443, a real name), and nothing may leave
	// it: the request is taken at the last step before n8n's HTTP helper (sendWithSession, which
	// would attach the token and send), with the URL the transport built for it.
	const CREDENTIAL_URL = 'https://bücher.my.workfront.com';
	const ORIGIN = 'https://xn--bcher-kva.my.workfront.com';
	let fixture: WorkfrontFixture;
	let urls: string[];
	let spy: jest.SpyInstance;

	beforeAll(async () => {
		fixture = await WorkfrontFixture.start();
		updateCredential(fixture, { url: CREDENTIAL_URL, accessToken: 'not-sent' });
		spy = jest
			.spyOn(authSession, 'sendWithSession')
			.mockImplementation(async (_context, options) => {
				urls.push(String(options().url));
				return {
					response: { statusCode: 200, headers: {}, body: { data: {} } },
					token: 'not-sent',
				};
			});
	});
	afterAll(async () => {
		spy.mockRestore();
		await fixture.close();
	});

	const sent = (): Received[] =>
		urls.map((url) => {
			const parsed = new URL(url);
			return {
				origin: parsed.origin,
				segments: decodedSegments(parsed.pathname),
				pairs: [...parsed.searchParams],
			};
		});

	test('paths, Path queries and rows, through the node up to the HTTP helper', async () => {
		const outcomes = new Outcomes();
		const name = 'Custom API Call sends exactly the pairs given (default port, IDN host)';
		await holdsForAsync(
			name,
			cases(
				prefixes(
					'https',
					['bücher.my.workfront.com', 'xn--bcher-kva.my.workfront.com'],
					['', ':443', ':0443'],
				),
			),
			async (input) => {
				urls = [];
				await check(
					input,
					async () => await fixture.run(parametersOf(input)),
					sent,
					ORIGIN,
					outcomes,
				);
			},
			{ runs: 150 },
		);
		outcomes.print(name);
	});

	test.each([
		['HTTPS://BÜCHER.my.workfront.com:443/attask/api/v21.0/proj/search?name=a+b'],
		['https://xn--BCHER-kva.MY.WORKFRONT.COM/attask/api/v21.0/proj/search?name=a+b'],
		['//ｂücher.my.workfront.com:0443/attask/api/v21.0/proj/search?name=a+b'],
	])('%s is on the credential’s origin: sent there with its query', async (path) => {
		urls = [];
		const result = await fixture.run(parametersOf({ path, rows: [] }));
		expect(result.error).toBeUndefined();
		expect(urls).toEqual([`${ORIGIN}/attask/api/v21.0/proj/search?name=a%20b`]);
	});

	test.each([
		['https://bücher.my.workfront.com:8443/proj', 'xn--bcher-kva.my.workfront.com:8443'],
		['http://bücher.my.workfront.com/proj', 'http://xn--bcher-kva.my.workfront.com'],
		['https://bucher.my.workfront.com/proj', 'bucher.my.workfront.com'],
		[
			'https://bücher.my.workfront.com.evil.example/proj',
			'xn--bcher-kva.my.workfront.com.evil.example',
		],
		['https://bücher.my.workfront.com@evil.example/proj', 'evil.example'],
	])('%s is refused naming %s', async (path, host) => {
		urls = [];
		const result = await fixture.run(parametersOf({ path, rows: [] }));
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Path is a URL on ${host.replace(/[.]/g, '\\.')}, but this credential's Workfront is (https://)?xn--bcher-kva\\.my\\.workfront\\.com; nothing was sent$`,
			),
		);
		expect(urls).toEqual([]);
	});
});

// ---- (2) URLs on any other origin: refused naming both hosts, and that origin receives nothing.

/** A URL parser's reading of a Path: controls and spaces trimmed, tabs and line breaks dropped. */
function asParsed(path: string, base: string): URL {
	// eslint-disable-next-line no-control-regex
	const seen = path.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
	return /^[/\\]/.test(seen) ? new URL(seen, base) : new URL(seen);
}

function otherOrigins(own: URL, recorder: URL): fc.Arbitrary<string> {
	const sp = own.port;
	const op = recorder.port;
	const host = fc.constantFrom(
		// The recording server, however its address is written.
		`127.0.0.1:${op}`,
		`2130706433:${op}`,
		`0x7f.0.0.1:${op}`,
		`127.1:${op}`,
		`0177.0.0.1:${op}`,
		`[::ffff:127.0.0.1]:${op}`,
		// The credential's host on another port, or its port on another host.
		`localhost:${op}`,
		`LOCALHOST:${op}`,
		'localhost',
		'localhost:80',
		`127.0.0.1:${sp}`,
		`[::1]:${sp}`,
		`[0:0:0:0:0:0:0:1]:${sp}`,
		`localhost.:${sp}`,
		// Other names: look-alikes, Unicode, full width.
		'evil.example',
		`EVIL.example:${sp}`,
		`localhost.evil.example:${sp}`,
		'bücher.example',
		'xn--bcher-kva.example',
		'ｅｖｉｌ.example',
	);
	const userinfo = fc.constantFrom(
		'',
		'',
		`localhost:${sp}@`,
		'localhost@',
		'me:pw@',
		`localhost%3A${sp}@`,
	);
	const rest = fc.constantFrom(
		'',
		'/',
		'/attask/api/v21.0/proj/search?name=x',
		'?sessionID=x',
		'/attask/api/v21.0/proj/search#x',
		'\\attask\\api\\v21.0\\proj',
		'/%2e%2e/internal',
	);
	const absolute = fc
		.record({
			scheme: fc.oneof(anyCase('http'), anyCase('https'), fc.constantFrom('ftp', 'ws', 'WSS')),
			slashes: fc.constantFrom('//', '//', '\\\\', '/\\', '\\/', '///', ''),
			userinfo,
			host,
			rest,
		})
		.map(({ scheme, slashes, userinfo: user, host: at, rest: after }) => ({
			head: `${scheme}:${slashes}`,
			tail: `${user}${at}${after}`,
		}));
	const relative = fc
		.record({ slashes: fc.constantFrom('//', '\\\\', '/\\', '\\/', '///'), userinfo, host, rest })
		.map(({ slashes, userinfo: user, host: at, rest: after }) => ({
			head: slashes,
			tail: `${user}${at}${after}`,
		}));
	return fc
		.record({
			url: fc.oneof(absolute, relative),
			// A tab or line break inside the scheme or slashes, as a parser drops it.
			noise: fc.option(fc.tuple(fc.constantFrom('\t', '\n', '\r'), fc.nat()), { nil: undefined }),
			lead: fc.constantFrom('', '', ' ', '\u0001 '),
		})
		.map(({ url, noise, lead }) => {
			let head = url.head;
			if (noise) {
				const at = noise[1] % (head.length + 1);
				head = `${head.slice(0, at)}${noise[0]}${head.slice(at)}`;
			}
			return `${lead}${head}${url.tail}`;
		})
		.filter((path) => {
			try {
				return asParsed(path, own.origin).origin !== own.origin;
			} catch {
				return false;
			}
		});
}

describe('Custom API Call property: a URL on another origin is refused naming both hosts', () => {
	let fixture: WorkfrontFixture;
	let other: OtherOrigin;
	beforeAll(async () => {
		fixture = await WorkfrontFixture.start({ host: 'localhost' });
		other = await OtherOrigin.start();
	});
	afterAll(async () => {
		await other.close();
		await fixture.close();
	});

	test('other hosts, ports, schemes, user parts, //host, backslashes, tabs in the scheme, IPv6', async () => {
		const own = new URL(fixture.simulator.origin);
		const outcomes = new Outcomes();
		const name = 'Custom API Call refuses URLs on other origins';
		await holdsForAsync(
			name,
			otherOrigins(own, new URL(other.origin)),
			async (path) => {
				fixture.simulator.log.length = 0;
				const pasted = asParsed(path, own.origin);
				const result = await fixture.run(parametersOf({ path, rows: [] }));
				const message = result.error?.message ?? '';
				expect(message).toMatch(
					/^Path is a URL on .*, but this credential's Workfront is .*; nothing was sent$/,
				);
				expect(message).toContain(`on ${pasted.host === own.host ? pasted.origin : pasted.host},`);
				expect(message).toContain(
					`Workfront is ${pasted.host === own.host ? own.origin : own.host};`,
				);
				expect(other.seen).toEqual([]);
				expect(fixture.simulator.log.filter(({ path: at }) => at.startsWith('/attask/'))).toEqual(
					[],
				);
				outcomes.add(
					new URL(other.origin).host === pasted.host ? 'the recording server' : 'another origin',
				);
			},
			{ runs: 300 },
		);
		outcomes.print(name);
		expect(other.seen).toEqual([]);
	});
});
