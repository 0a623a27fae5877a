import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { sensitiveEndpoint } from './sensitiveEndpoints';
import { KINDS, type CredentialKind } from './kinds';
import { storedToken } from './storedToken';
import { credentialCallDeadlineMs, readRequestTimeoutMs } from '../../nodes/shared/core/limits';
import { normaliseWorkfrontUrl } from '../../nodes/shared/core/url';

/**
 * Marks the request options of the Workfront Trigger's subscription code. Only code of this
 * package holds the symbol, so no parameter of another node can set it, and the transport sets it
 * only when that code asks (not for the Custom API Call, whose path the user types): it lets the
 * trigger manage event subscriptions, which no other caller may do with this credential
 * (sensitiveEndpoints.ts).
 */
export const SUBSCRIPTION_REQUEST = Symbol('n8n-nodes-workfront event subscription request');

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
	form?: unknown;
	rejectUnauthorized?: boolean;
	strictSSL?: boolean;
	agentOptions?: { rejectUnauthorized?: boolean };
	[SUBSCRIPTION_REQUEST]?: true;
};

/**
 * Whether the request would accept any certificate: the HTTP Request node's Ignore SSL Issues
 * (`rejectUnauthorized: false` in n8n's request-library options), n8n's own
 * `skipSslCertificateValidation`, or the same through `agentOptions` or `strictSSL`. Anyone on the
 * network path could then pose as Workfront and read the token.
 */
function skipsCertificateCheck(options: AnyRequestOptions): boolean {
	return (
		options.rejectUnauthorized === false ||
		options.skipSslCertificateValidation === true ||
		options.strictSSL === false ||
		options.agentOptions?.rejectUnauthorized === false
	);
}

/** One reading of where a request goes: `raw` joined to `baseURL` as axios joins them. */
function resolveOne(raw: unknown, baseURL: unknown, fallbackBase: string): URL | undefined {
	const url = raw === undefined || raw === null ? '' : String(raw);
	let full = url;
	if (!ABSOLUTE_URL.test(url)) {
		const base = baseURL ? String(baseURL) : fallbackBase;
		full = url ? `${base.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}` : base;
	}
	// A protocol-relative URL has no base of its own to parse against: axios would guess one.
	return URL.canParse(full) ? new URL(full) : undefined;
}

/**
 * Every place a request may really go, worked out the way n8n-core and axios do it. n8n's two
 * helpers read the options differently: `httpRequest` takes `url` only (a `uri` beside it is
 * ignored, so a request with only `uri` goes to `baseURL`), the request-library helper takes
 * `url ?? uri`; a relative URL is joined to `baseURL` by plain concatenation (axios's
 * combineURLs), an absolute one ignores it. Every reading must be a full, parseable address.
 */
export function requestDestinations(
	options: AnyRequestOptions,
	fallbackBase: string,
): Array<URL | undefined> {
	// When both are given they must agree, or no one can say where the request goes.
	const given = [options.url, options.uri].filter((value) => value !== undefined && value !== null);
	if (given.length === 2 && String(given[0]) !== String(given[1])) return [undefined];
	const readings = new Set<unknown>([options.url, options.url ?? options.uri]);
	return [...readings].map((raw) => resolveOne(raw, options.baseURL, fallbackBase));
}

/** What makes an IMS organization ID unusable (Adobe's App Builder troubleshooting: an empty org header is sent as "undefined"). */
const NO_ORG = /^(?:|undefined|null)$/i;

/**
 * Checks that a request may carry the credential's token, then attaches it as Workfront reads it
 * for this kind of credential (kinds.ts): its own tokens in the `sessionID` header (it ignores
 * `Authorization: Bearer` for them); an Adobe IMS token as `Authorization: Bearer` with the
 * organization's `x-gw-ims-org-id` header, and, for Workfront Planning's API, the client ID as
 * `x-api-key` (AdobeDocs/workfront-apis static/planning.yaml: "All calls require the headers
 * Authorization, x-gw-ims-org-id, and x-api-key").
 *
 * This is the one place every token-bearing request passes (the Workfront nodes, the credential
 * test, the HTTP Request node with this credential), so the rule lives here: a request whose
 * effective destination is any other scheme, host or port is refused before anything is sent, and
 * no request carrying the token follows a redirect (a custom header is not dropped on a redirect
 * the way Authorization is; the Workfront nodes follow same-origin redirects themselves).
 */
export function authenticateFor(kind: CredentialKind) {
	const { label, attach } = KINDS[kind];
	return (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): IHttpRequestOptions => {
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
				`The ${label} credential does not send its token through a request's own proxy or agent ("${intermediary}"). Nothing was sent. Remove the Proxy option; a proxy for the whole n8n instance (HTTP_PROXY, HTTPS_PROXY) still applies.`,
				'Workfront URL',
			);
		}
		if (skipsCertificateCheck(options)) {
			throw new WorkfrontCredentialError(
				`The ${label} credential does not send its token to a server whose certificate is not checked. Nothing was sent. Turn off the request's Ignore SSL Issues option; if your Workfront's certificate really fails the check, fix the certificate or the machine's trusted certificates (NODE_EXTRA_CA_CERTS).`,
				'Workfront URL',
			);
		}
		const destinations = requestDestinations(options, origin);
		const stray = destinations.find((destination) => destination?.origin !== origin);
		if (destinations.some((destination) => destination?.origin !== origin)) {
			const where = stray ? stray.origin : 'an address that is not a full URL';
			throw new WorkfrontCredentialError(
				`The ${label} credential only sends its token to ${origin}, but this request goes to ${where}. Nothing was sent. Use a URL on ${origin}, or a credential made for that host.`,
				'Workfront URL',
			);
		}
		const sensitive = destinations
			.map((target) =>
				sensitiveEndpoint({
					target: target as URL,
					qs: options.qs,
					form: options.form,
					formData: (options as { formData?: unknown }).formData,
					body: options.body,
					headers: options.headers,
					managesSubscriptions: options[SUBSCRIPTION_REQUEST] === true,
					method: options.method,
				}),
			)
			.find((reason) => reason !== undefined);
		if (sensitive) {
			throw new WorkfrontCredentialError(
				`The ${label} credential is not used for this request: ${sensitive}. Nothing was sent. Its token is kept away from every endpoint that reveals or changes a session or a credential, so that whoever may use the credential cannot read its user's token or keys.`,
				'Workfront URL',
			);
		}
		const url = options.url ?? options.uri;
		if (
			!options.baseURL &&
			!ABSOLUTE_URL.test(url === undefined || url === null ? '' : String(url))
		) {
			options.baseURL = origin;
			// A relative URL is the credential's own Test request (n8n's nodes and this package send
			// whole URLs): n8n gives it no deadline, so it gets the credential's, for its whole answer
			// (a server that trickles a byte at a time would otherwise hold Test for ever).
			const deadline = AbortSignal.timeout(
				credentialCallDeadlineMs(readRequestTimeoutMs(credentials.requestTimeout)),
			);
			const given = (options as { abortSignal?: AbortSignal }).abortSignal;
			(options as { abortSignal?: AbortSignal }).abortSignal = given
				? AbortSignal.any([given, deadline])
				: deadline;
		}
		// Both option shapes: n8n's own (IHttpRequestOptions) and the request-library one.
		options.disableFollowRedirect = true;
		options.followRedirect = false;
		options.followAllRedirects = false;
		options.maxRedirects = 0;
		// A token issued for other field values goes nowhere: the request is refused by Workfront,
		// and n8n asks preAuthentication for a token issued for these fields.
		const token = storedToken(credentials, kind);
		if (attach === 'sessionID') {
			options.headers = { ...options.headers, sessionID: token };
			return options;
		}
		const org = String(credentials.imsOrgId ?? '').trim();
		if (NO_ORG.test(org)) {
			throw new WorkfrontCredentialError(
				`The ${label} credential has no IMS Organization ID. Nothing was sent. Copy it from Adobe Developer Console (your project > OAuth Server-to-Server > Credential details: Organization ID, ending in @AdobeOrg).`,
				'IMS Organization ID',
			);
		}
		const planning = destinations.some((target) => isPlanningPath(target?.pathname ?? ''));
		options.headers = {
			...options.headers,
			Authorization: `Bearer ${token}`,
			'x-gw-ims-org-id': org,
			...(planning ? { 'x-api-key': String(credentials.clientId ?? '').trim() } : {}),
		};
		return options;
	};
}

/** Workfront Planning's API (`/maestro/api/…`), which also wants the client ID as `x-api-key`. */
function isPlanningPath(pathname: string): boolean {
	return /^\/maestro(?:\/|$)/i.test(pathname);
}
