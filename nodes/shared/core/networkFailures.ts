/**
 * The one table of ways a request can fail without an HTTP answer, used by the node's retries, by
 * its error messages and by the credential's token exchange alike, so that they can never disagree.
 *
 * `sent` says whether the request may have reached Workfront: `no` when the failure happened before
 * anything was written to a connection (name lookup, refused connection, certificate), `maybe` once
 * it was written (a dropped connection or a timeout after sending). Only a `no` failure may be
 * repeated for a write; a `maybe` write is reported as in doubt, never re-sent.
 * `transient` says whether trying again later can help.
 */
export type SentState = 'no' | 'maybe';

export interface NetworkFailure {
	codes: readonly string[];
	sent: SentState;
	transient: boolean;
	/** What happened, as the end of "Workfront …" / "<origin> …" sentences. */
	what: string;
	/** What to check, for the person reading the error. */
	advice: string;
	/** Words n8n or axios use when the code itself is lost (n8n wraps network errors in its own). */
	phrases?: RegExp;
}

/** Our own deadline (see the request timeout option); not a system error code. */
export const TIMEOUT_CODE = 'WORKFRONT_TIMEOUT';

const NETWORK =
	"Check the credential's Workfront URL and that this machine can reach Workfront (DNS, firewall, proxy).";

export const NETWORK_FAILURES: readonly NetworkFailure[] = [
	{
		codes: ['ENOTFOUND'],
		sent: 'no',
		transient: false,
		what: 'could not be found (no such host)',
		advice:
			"Check the credential's Workfront URL for typos, for example yourdomain.my.workfront.com.",
	},
	{
		// A temporary DNS failure: the lookup failed, so nothing was sent; it may work a moment later.
		codes: ['EAI_AGAIN'],
		sent: 'no',
		transient: true,
		what: 'could not be found right now (the name lookup failed)',
		advice: NETWORK,
	},
	{
		codes: ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'],
		sent: 'no',
		transient: true,
		what: 'could not be reached (the connection was refused or not possible)',
		advice: NETWORK,
	},
	{
		codes: ['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER'],
		sent: 'no',
		transient: false,
		what: 'does not speak HTTPS as expected',
		advice:
			"Check the credential's Workfront URL: it must be your Workfront host, for example yourdomain.my.workfront.com.",
	},
	{
		codes: [
			'CERT_HAS_EXPIRED',
			'DEPTH_ZERO_SELF_SIGNED_CERT',
			'SELF_SIGNED_CERT_IN_CHAIN',
			'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
			'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
			'ERR_TLS_CERT_ALTNAME_INVALID',
		],
		sent: 'no',
		transient: false,
		what: 'presented a TLS certificate that could not be verified',
		advice:
			"Check the credential's Workfront URL; if a proxy inspects TLS here, give Node.js its CA certificate (NODE_EXTRA_CA_CERTS).",
	},
	{
		codes: ['ETIMEDOUT', TIMEOUT_CODE, 'ECONNABORTED', 'ESOCKETTIMEDOUT'],
		sent: 'maybe',
		transient: true,
		what: 'did not answer in time',
		advice:
			'Try again later; if Workfront is slow for large requests, raise Request Timeout in the Workfront credential.',
		phrases: /timeout of \d+ms exceeded|timed out/i,
	},
	{
		codes: ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'],
		sent: 'maybe',
		transient: true,
		what: 'closed the connection before answering',
		advice: NETWORK,
		phrases: /socket hang up|closed unexpectedly/i,
	},
];

export function failureFor(code: string | undefined): NetworkFailure | undefined {
	return code === undefined
		? undefined
		: NETWORK_FAILURES.find((failure) => failure.codes.includes(code));
}

/** The codes an error carries itself or through its causes (n8n wraps them), innermost first. */
function carriedCodes(error: unknown): string[] {
	const candidate = error as {
		code?: unknown;
		cause?: { code?: unknown; cause?: { code?: unknown } };
	};
	return [candidate?.cause?.cause?.code, candidate?.cause?.code, candidate?.code].filter(
		(code): code is string => typeof code === 'string',
	);
}

/**
 * The network failure code of an error. n8n wraps network errors in a NodeApiError and, in some
 * versions, drops the original as its cause; the code then survives only in the texts it keeps.
 */
export function networkCode(error: unknown): string | undefined {
	const known = carriedCodes(error).find((code) => failureFor(code));
	if (known) return known;
	const candidate = error as { message?: unknown; messages?: unknown };
	const texts = [
		candidate?.message,
		...(Array.isArray(candidate?.messages) ? candidate.messages : []),
	]
		.map(String)
		.join('\n');
	for (const failure of NETWORK_FAILURES) {
		const named = failure.codes.find((name) => new RegExp(`\\b${name}\\b`).test(texts));
		if (named) return named;
	}
	return NETWORK_FAILURES.find((failure) => failure.phrases?.test(texts))?.codes[0];
}

/** The code of a failure, known to the table or not (an unknown one is still worth naming). */
export function errorCode(error: unknown): string | undefined {
	return networkCode(error) ?? carriedCodes(error).find((code) => /^[A-Z][A-Z0-9_]+$/.test(code));
}

/** Whether a request that failed this way may be sent again: never a write that may have arrived. */
export function mayRepeat(code: string | undefined, kind: 'read' | 'write'): boolean {
	const failure = failureFor(code);
	if (!failure?.transient) return false;
	return failure.sent === 'no' || kind === 'read';
}
