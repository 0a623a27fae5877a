import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { WorkfrontCredentialError } from './credentialError';
import { normaliseWorkfrontUrl } from '../../nodes/shared/workfront/url';

/** axios's test for an absolute URL: a scheme, or `//` (protocol-relative). */
const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;

/**
 * Request options as n8n hands them to `authenticate`: `IHttpRequestOptions` (`url`, `baseURL`)
 * from the node helpers, or the older request-library shape (`uri`) from the HTTP Request node.
 */
type AnyRequestOptions = IHttpRequestOptions & {
	uri?: unknown;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
	maxRedirects?: number;
};

/**
 * Where a request will really go, worked out the way n8n-core and axios do it: `url` wins over
 * `uri`; a relative URL is joined to `baseURL` by plain concatenation (axios's combineURLs), an
 * absolute one ignores it. Anything that does not give a full, parseable address is undefined.
 */
export function requestDestination(
	options: AnyRequestOptions,
	fallbackBase: string,
): URL | undefined {
	// n8n 1.x takes `url` when it is not undefined, n8n 2.x `url ?? uri`: when both are given they
	// must agree, or no one can say where the request goes.
	const given = [options.url, options.uri].filter((value) => value !== undefined && value !== null);
	if (given.length === 2 && String(given[0]) !== String(given[1])) return undefined;
	const raw = given[0];
	const url = raw === undefined || raw === null ? '' : String(raw);
	let full = url;
	if (!ABSOLUTE_URL.test(url)) {
		const base = options.baseURL ? String(options.baseURL) : fallbackBase;
		full = url ? `${base.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}` : base;
	}
	// A protocol-relative URL has no base of its own to parse against: axios would guess one.
	return URL.canParse(full) ? new URL(full) : undefined;
}

/**
 * Puts the access token in the `sessionID` header, the one Workfront reads (it ignores
 * `Authorization: Bearer` for its own tokens) — for requests to the credential's Workfront origin
 * only. This is the one place every token-bearing request passes (the Workfront nodes, the
 * credential test, the HTTP Request node with this credential), so the rule lives here: a request
 * whose effective destination is any other scheme, host or port is refused before anything is
 * sent, and no request carrying the token follows a redirect (a custom header is not dropped on a
 * redirect the way Authorization is; the Workfront nodes follow same-origin redirects themselves).
 */
export function addSessionHeader(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const origin = normaliseWorkfrontUrl(credentials.url);
	const options = requestOptions as AnyRequestOptions;
	// A proxy (the HTTP Request node's Proxy option) or a custom agent sees the whole request on
	// plain http, token included: whoever set it is not necessarily trusted with the token.
	const extras = options as unknown as Record<string, unknown>;
	const intermediary = ['proxy', 'agent', 'httpAgent', 'httpsAgent'].find(
		(key) => extras[key] !== undefined && extras[key] !== null && extras[key] !== false,
	);
	if (intermediary) {
		throw new WorkfrontCredentialError(
			`The Workfront JWT API credential does not send its token through a request's own proxy or agent ("${intermediary}"). Nothing was sent. Remove the Proxy option; a proxy for the whole n8n instance (HTTP_PROXY, HTTPS_PROXY) still applies.`,
			'Workfront URL',
		);
	}
	const target = requestDestination(options, origin);
	if (!target || target.origin !== origin) {
		const where = target ? target.origin : 'an address that is not a full URL';
		throw new WorkfrontCredentialError(
			`The Workfront JWT API credential only sends its token to ${origin}, but this request goes to ${where}. Nothing was sent. Use a URL on ${origin}, or a credential made for that host.`,
			'Workfront URL',
		);
	}
	const url = options.url ?? options.uri;
	if (
		!options.baseURL &&
		!ABSOLUTE_URL.test(url === undefined || url === null ? '' : String(url))
	) {
		options.baseURL = origin;
	}
	// Both option shapes: n8n's own (IHttpRequestOptions) and the request-library one.
	options.disableFollowRedirect = true;
	options.followRedirect = false;
	options.followAllRedirects = false;
	options.maxRedirects = 0;
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	options.headers = { ...options.headers, sessionID: token };
	return options;
}
