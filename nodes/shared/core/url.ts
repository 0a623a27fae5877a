import { WorkfrontCredentialError } from './errors';

const FIELD = 'Workfront URL';
const EXAMPLE = 'yourdomain.my.workfront.com';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Workfront's API hosts: `<domain>.<lane>.workfront.com` (my, preview, sandbox lanes) and
 * `<domain>.my.workfront.adobe.com` for organisations that log in through experience.adobe.com
 * (Adobe, "Locate your domain for API calls"; the lane as in Adobe's OAuth2 redirect, `domain` and
 * `lane`). The credential sends its client secret and signed JWT to this host, and n8n lets
 * whoever may use a credential press Test with other field values: a host outside Workfront would
 * receive them.
 */
const WORKFRONT_HOST = /^(?:[a-z0-9-]+\.)+workfront(?:\.adobe)?\.com$/;

/**
 * Turns what people paste into the URL field (a bare host, a full URL, a link copied from the
 * browser with a path and query) into the origin every request is built on, e.g.
 * `https://acme.my.workfront.com`. Plain http is refused except on loopback hosts, so that a typo
 * can never send the client secret or a token in clear text.
 */
export function normaliseWorkfrontUrl(input: unknown): string {
	const text =
		typeof input === 'string'
			? input
					.trim()
					.replace(/^['"]|['"]$/g, '')
					.trim()
			: '';
	if (text === '') {
		throw new WorkfrontCredentialError(
			`${FIELD} is empty. Enter the address of your Workfront instance, for example ${EXAMPLE}.`,
			FIELD,
		);
	}

	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
	const url = URL.canParse(withScheme) ? new URL(withScheme) : undefined;
	if (!url) {
		throw new WorkfrontCredentialError(
			`${FIELD} "${text}" is not a valid address. Enter your Workfront host, for example ${EXAMPLE}.`,
			FIELD,
		);
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new WorkfrontCredentialError(
			`${FIELD} must start with https:// (it starts with ${url.protocol}//). Enter your Workfront host, for example ${EXAMPLE}.`,
			FIELD,
		);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		throw new WorkfrontCredentialError(
			`${FIELD} uses http://, which would send your client secret and tokens unencrypted. Use https://${url.host} instead.`,
			FIELD,
		);
	}
	if (url.username || url.password) {
		throw new WorkfrontCredentialError(
			`${FIELD} must not contain a user name or password. Enter only the host, for example ${EXAMPLE}.`,
			FIELD,
		);
	}
	if (!url.hostname.includes('.') && !isLoopback(url.hostname)) {
		throw new WorkfrontCredentialError(
			`${FIELD} "${url.hostname}" is not a full host name. Enter the whole host, for example ${EXAMPLE}.`,
			FIELD,
		);
	}
	if (!isLoopback(url.hostname) && !WORKFRONT_HOST.test(url.hostname)) {
		throw new WorkfrontCredentialError(
			`${FIELD} "${url.hostname}" is not a Workfront host. The credential sends its client secret and signed JWT only to Workfront: a host ending in .workfront.com or .workfront.adobe.com, for example ${EXAMPLE}.`,
			FIELD,
		);
	}
	return url.origin;
}

/** Where a redirect points, as an origin only: the rest of a Location may quote the request. */
export function redirectTarget(location: unknown, base: string): string {
	const text = Array.isArray(location) ? location[0] : location;
	if (typeof text !== 'string' || !URL.canParse(text, base))
		return 'an address that could not be read';
	return new URL(text, base).origin;
}
