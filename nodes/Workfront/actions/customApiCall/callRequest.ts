// What a Custom API Call sends, read from its parameters: the Path (a path or a URL on the
// credential's origin), its query and the Query Parameters rows, the JSON body. Anything that
// cannot be sent exactly as given is refused with the field named, never changed silently.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { failItem } from '../../../shared/params/parameters';
import {
	readConnection,
	type HttpMethod,
	type QueryParams,
} from '../../../shared/transport/connection';
import { effectiveMethod, toQueryParams } from '../../../shared/transport/request';

/**
 * What a URL parser ignores around an address: leading and trailing C0 controls and spaces
 * (WHATWG URL, "basic URL parser"). Only those: other Unicode spaces are characters of the Path.
 */
function trimmedAsUrl(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** A scheme (`https:`, `HTTP:`, `ftp:`…) or a leading `//` or `\\`: a URL, not a path. */
const URL_START = /^(?:[a-z][a-z\d+.-]*:|[/\\]{2})/i;

/**
 * The scheme and authority of a URL as a parser reads them: after the scheme any mix of `/` and
 * `\`, then the host up to the next `/`, `\`, `?` or `#` (WHATWG URL, special schemes).
 */
const SCHEME_AND_AUTHORITY = /^(?:[a-z][a-z\d+.-]*:)?[/\\]*[^/\\?#]*/i;

/** A UTF-16 half without its other half: no character, it cannot be sent as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The host of `url` as the message names it: with its scheme when that is all that differs. */
function hostNamed(url: URL, other: URL): string {
	return url.host !== other.host ? url.host : `${url.protocol}//${url.host}`;
}

/**
 * A Path may be a whole URL pasted from elsewhere: `https://…`, or `//host/…` as a browser reads
 * it against the credential's origin. It is only ever sent to the credential's origin, so a URL on
 * any other origin is refused rather than quietly sent there under another host. Origins compare
 * as a URL parser reads them (scheme, host in any letter case, punycode or not, default ports;
 * `https://acme…@evil/` is on evil). A tab or line break is removed before, as a parser does: the
 * Path is refused for it afterwards, but `ht\ttps://evil/` is named for the host it points to.
 * What follows the host is kept as typed: a parser would resolve `..` and re-encode the query
 * before the checks below see them.
 */
async function withoutOwnOrigin(
	context: IExecuteFunctions,
	itemIndex: number,
	typed: string,
): Promise<{ rest: string; fromUrl: boolean }> {
	const seen = typed.replace(/[\t\n\r]/g, '');
	if (!URL_START.test(seen)) return { rest: typed, fromUrl: false };
	const { origin } = await readConnection(context, itemIndex);
	const own = new URL(origin);
	// A scheme: the URL alone, as in an address bar; `//host`: the host is relative to the credential's.
	const base = /^[/\\]/.test(seen) ? origin : undefined;
	const url = URL.canParse(seen, base) ? new URL(seen, base) : undefined;
	if (!url)
		failItem(
			context,
			itemIndex,
			`Path starts like a URL but is not one a browser could open; nothing was sent`,
			`Paste a path such as proj/search, or a whole URL on ${own.host}. If it is a path, write a : in its first segment as %3A.`,
		);
	if (url.origin !== origin) {
		const message = url.host
			? `Path is a URL on ${hostNamed(url, own)}, but this credential's Workfront is ${hostNamed(own, url)}; nothing was sent`
			: `Path is a ${url.protocol} URL, but this credential's Workfront is ${own.origin}; nothing was sent`;
		failItem(
			context,
			itemIndex,
			message,
			`Paste a path, or a URL on ${own.host}, or use a credential for that host. If it is a path, write a : in its first segment as %3A.`,
		);
	}
	if (url.username !== '' || url.password !== '')
		failItem(
			context,
			itemIndex,
			`Path is a URL with a user name or password before ${own.host}; nothing was sent`,
			'Remove everything up to the @: the credential authenticates every call.',
		);
	return { rest: seen.slice(SCHEME_AND_AUTHORITY.exec(seen)?.[0].length ?? 0), fromUrl: true };
}

/** Runs of percent-escapes: one character may take several (UTF-8). */
const ESCAPES = /(?:%[\dA-Fa-f]{2})+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Percent-escapes decoded as UTF-8 bytes; a `%` that starts no escape stands for itself (WHATWG
 * URL's percent-decode). Escapes that are not UTF-8 are reported, not replaced by U+FFFD as a
 * parser would: the value would silently change.
 */
function percentDecoded(text: string): { text: string } | { notUtf8: string } {
	let notUtf8: string | undefined;
	const decoded = text.replace(ESCAPES, (run) => {
		try {
			return utf8.decode(Buffer.from(run.replace(/%/g, ''), 'hex'));
		} catch {
			notUtf8 ??= run;
			return run;
		}
	});
	return notUtf8 === undefined ? { text: decoded } : { notUtf8 };
}

/**
 * A path as a server that decodes more than once reads it (`%252e` is `.` there): decoded until
 * nothing changes; undefined when that takes more than five rounds.
 */
function fullyDecoded(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
): string | undefined {
	let current = path;
	for (let round = 0; round < 5; round += 1) {
		const decoded = percentDecoded(current);
		if ('notUtf8' in decoded)
			failNotUtf8(
				context,
				itemIndex,
				round === 0 ? 'Path' : 'Path (decoded twice, as some servers do)',
				decoded.notUtf8,
			);
		if (decoded.text === current) return current;
		current = decoded.text;
	}
	return undefined;
}

/** Where a Path is sent, and its query as typed (everything after the first `?`). */
export interface CallTarget {
	path: string;
	/** `/attask/api-unsupported/…`, `/attask/api-internal/…` and `/attask/eventsubscription/…` are kept as given, from the host. */
	fromOrigin: boolean;
	query?: string;
}

/** Workfront's roots on the host besides the versioned API: Adobe documents each as its own API. */
const OTHER_ROOT = /^\/?(attask\/(?:api-unsupported|api-internal|eventsubscription))\//i;
/** The versioned API, with or without a version: the credential's version is used. */
const VERSIONED_ROOT = /^\/?attask\/api(?:\/v\d+\.\d+)?(?:\/|$)/i;

function failNotUtf8(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	run: string,
): never {
	return failItem(
		context,
		itemIndex,
		`${field}: ${run} is not a UTF-8 percent-escape`,
		'Escapes stand for the UTF-8 bytes of a character (é is %C3%A9). Write the character itself or its escapes; for a literal %, write %25.',
	);
}

/**
 * Accepts what people paste: a bare path, a path with /attask/api/<v>/, or a whole URL on the
 * credential's origin; anything it cannot send as given is refused, never changed silently:
 * - everything after the first `?` is the query, a later `?` is a character of a value (RFC 3986
 *   §3.4: the query ends only at `#`; WHATWG URL reads it so, as do Java's servlet containers);
 * - `#` would cut off the query there, Query Parameters included;
 * - a tab or line break would be dropped by the URL parser, a backslash read as `/`;
 * - the path must stay below the API root it names, so it is checked as Workfront would read it:
 *   percent-escapes decoded (repeatedly, as a server decoding twice would), backslashes read as
 *   slashes, `;parameters` dropped from each segment: no `.` or `..` segment.
 */
export async function readPath(context: IExecuteFunctions, itemIndex: number): Promise<CallTarget> {
	const typed = trimmedAsUrl(String(context.getNodeParameter('path', itemIndex, '')));
	const { rest, fromUrl } = await withoutOwnOrigin(context, itemIndex, typed);
	if (/[\t\n\r]/.test(typed))
		failItem(
			context,
			itemIndex,
			'Path contains a tab or a line break',
			'A URL parser drops them, so Workfront would see another path or value. Remove it, or write it as %09 (tab), %0A or %0D.',
		);
	if (LONE_SURROGATE.test(typed))
		failItem(
			context,
			itemIndex,
			'Path contains half of a character (an unpaired UTF-16 surrogate)',
			'It cannot be sent as UTF-8. Remove it; it usually comes from text cut in the middle of an emoji.',
		);
	if (typed.includes('#'))
		failItem(
			context,
			itemIndex,
			`Path "${typed}" contains #`,
			'Everything after # would be dropped, Query Parameters included. Write it as %23, or put the value in Query Parameters.',
		);
	const queryAt = rest.indexOf('?');
	const pathText = queryAt === -1 ? rest : rest.slice(0, queryAt);
	const query = queryAt === -1 ? undefined : rest.slice(queryAt + 1);

	const otherRoot = OTHER_ROOT.exec(pathText);
	const versioned = otherRoot ? null : VERSIONED_ROOT.exec(pathText);
	// A URL's path, and a path naming /attask/…, are absolute: below the API root would be elsewhere.
	if (!otherRoot && !versioned && (fromUrl || /^\/?attask(?:\/|$)/i.test(pathText)))
		failItem(
			context,
			itemIndex,
			`Path "${typed}" is not below one of Workfront's API roots`,
			'Enter the path after /attask/api/<version>/ (e.g. proj/search), or a path starting /attask/api-unsupported/, /attask/api-internal/ or /attask/eventsubscription/.',
		);
	const path = otherRoot
		? `${otherRoot[1]}/${pathText.slice(otherRoot[0].length)}`
		: pathText.slice(versioned?.[0].length ?? 0).replace(/^\/+/, '');
	if (path === '' || (otherRoot && path === `${otherRoot[1]}/`))
		failItem(
			context,
			itemIndex,
			'Path is empty',
			'Enter the path after /attask/api/<version>/, e.g. proj/search.',
		);

	const decoded = fullyDecoded(context, itemIndex, path);
	// Java servers drop `;parameters` from a segment before resolving dots: `..;x` is `..` there.
	const segments = decoded
		?.replace(/\\/g, '/')
		.split('/')
		.map((segment) => segment.split(';')[0]);
	if (!segments || segments.some((segment) => segment === '..' || segment === '.')) {
		failItem(
			context,
			itemIndex,
			`Path "${typed}" may not contain "." or ".." segments (also not percent-encoded, or with backslashes)`,
			'Enter a path below /attask/api/<version>/, e.g. proj/search.',
		);
	}
	if (path.includes('\\'))
		failItem(
			context,
			itemIndex,
			`Path "${typed}" contains a backslash (\\)`,
			'A URL parser reads it as /. Write /, or %5C for a backslash itself.',
		);
	// A lone `%` is the character itself (see percentDecoded): sent as %25, so Workfront reads it so.
	return {
		path: path.replace(/%(?![\dA-Fa-f]{2})/g, '%25'),
		fromOrigin: otherRoot !== null,
		query,
	};
}

/** Set by the credential alone: given here, another identity would be sent beside its token. */
const CREDENTIAL_KEYS = /^(?:sessionID|apiKey)$/i;

/**
 * The Path's query, read as Workfront reads a query (application/x-www-form-urlencoded, as
 * URLSearchParams and the servlet container in front of Workfront read it): pairs split on `&`,
 * name and value at the first `=`, `+` a space, percent-escapes UTF-8. Each pair is sent as it
 * was read, in order, repeats included (Workfront reads a repeated name as a list); an empty
 * piece (`&&`, a `&` at either end) holds no pair and is skipped, as those readers skip it.
 */
function readPathQuery(context: IExecuteFunctions, itemIndex: number, query: string): QueryParams {
	const decode = (text: string): string => {
		const decoded = percentDecoded(text.replace(/\+/g, ' '));
		return 'text' in decoded
			? decoded.text
			: failNotUtf8(context, itemIndex, 'Path (its query)', decoded.notUtf8);
	};
	const pairs: QueryParams = [];
	for (const piece of query.split('&')) {
		if (piece === '') continue;
		const at = piece.indexOf('=');
		// A name without `=` has an empty value there too: sent as `name=`, which reads the same.
		const name = decode(at === -1 ? piece : piece.slice(0, at));
		const value = at === -1 ? '' : decode(piece.slice(at + 1));
		if (name.trim() === '')
			failItem(
				context,
				itemIndex,
				`Path: "${piece}" in the query has no parameter name`,
				'Workfront ignores a value without a name. Write name=value, or remove it.',
			);
		if (CREDENTIAL_KEYS.test(name.trim()))
			failItem(
				context,
				itemIndex,
				`Path: ${name.trim()} in the query is set by the credential`,
				'Remove it: the node authenticates every call itself.',
			);
		pairs.push([name, value]);
	}
	return pairs;
}

/** The Path's query, then the Query Parameters rows, in that order; both kept when names repeat. */
export function readQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	pathQuery: string | undefined,
): QueryParams {
	const query = pathQuery === undefined ? [] : readPathQuery(context, itemIndex, pathQuery);
	const rows =
		(context.getNodeParameter('queryParameters.parameter', itemIndex, []) as Array<{
			name?: string;
			value?: unknown;
		}>) ?? [];
	rows.forEach((row, index) => {
		// Spaces around a name are never part of a Workfront name: trimmed.
		const name = String(row.name ?? '').trim();
		if (name === '')
			failItem(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: Name is empty`,
				'Enter the parameter name, or remove the row.',
			);
		if (CREDENTIAL_KEYS.test(name)) {
			failItem(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: ${name} is set by the credential`,
				'Remove it: the node authenticates every call itself.',
			);
		}
		// Values are sent as typed: `+` and `%` are those characters (encoded on the way).
		const pairs = toQueryParams({ [name]: row.value ?? '' });
		if (pairs.some((pair) => LONE_SURROGATE.test(pair.join(''))))
			failItem(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: Name or Value contains half of a character (an unpaired UTF-16 surrogate)`,
				'It cannot be sent as UTF-8. Remove it; it usually comes from text cut in the middle of an emoji.',
			);
		query.push(...pairs);
	});
	// Workfront acts on one `method=` (its method override); which of several is not documented.
	const methods = query.filter(([key]) => key.toLowerCase() === 'method');
	if (methods.length > 1)
		failItem(
			context,
			itemIndex,
			`Path / Query Parameters: method is given ${methods.length} times (${methods.map(([key, value]) => `${key}=${value}`).join(', ')})`,
			'Keep one: Workfront acts on one of them, and which one is not documented.',
		);
	return query;
}

export function readBody(
	context: IExecuteFunctions,
	itemIndex: number,
	method: HttpMethod,
	query: QueryParams,
): IDataObject | IDataObject[] | undefined {
	if (method !== 'POST' && method !== 'PUT') return undefined;
	const raw = context.getNodeParameter('body', itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	// `method=GET` makes the call a read: Workfront would not look at the body.
	if (effectiveMethod({ method, query }) === 'GET')
		failItem(
			context,
			itemIndex,
			'Body (JSON) would be ignored: method=GET makes this call a read',
			'Remove method=GET from Path or Query Parameters, or clear Body (JSON).',
		);
	if (typeof raw !== 'string') return raw as IDataObject;
	try {
		return JSON.parse(raw) as IDataObject;
	} catch {
		return failItem(
			context,
			itemIndex,
			'Body (JSON) is not valid JSON',
			'Enter a JSON object or list, or leave it empty.',
		);
	}
}
