import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/core/apiVersions';
import { asObject, parseBody, readErrorBody, reportsError } from '../../nodes/shared/core/answers';
import { untilAborted } from '../../nodes/shared/core/retryPolicy';
import { explainNetworkFailure } from './callFailures';
import type { CredentialKind } from './kinds';
import { storedToken } from './storedToken';
import {
	exchangeOnce,
	gateOf,
	heldFailure,
	isRefused,
	noteAccepted,
	noteRefused,
	reusableToken,
} from './tokenGate';

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export interface SessionAnswer {
	status: number;
	headers: Record<string, unknown>;
	/** The answer's body, parsed when it is JSON. */
	body: unknown;
}

/** What a session answer says of the token it carried. */
export type Verdict = 'accepted' | 'refused' | 'unknown';

/**
 * `GET /attask/api/<version>/session` carrying a token: how Workfront answers it. The request
 * carries the token, so it never follows a redirect, and it has a deadline for its whole answer
 * (the client's own timeout only notices silence: a server trickling a byte every second would
 * hold it, and every caller waiting on it, for ever). Sent here, with the headers set directly,
 * never through the credential's `authenticate`, which refuses this endpoint to everyone else.
 */
export async function askSession(
	httpRequest: HttpRequest,
	origin: string,
	version: string,
	headers: Record<string, string>,
	deadlineMs: number,
): Promise<SessionAnswer> {
	const deadline = AbortSignal.timeout(deadlineMs);
	let response: { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
	try {
		response = (await untilAborted(
			httpRequest({
				method: 'GET',
				url: `${origin}/attask/api/${version}/session`,
				headers: { ...headers, Accept: 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: deadlineMs,
				abortSignal: deadline,
			}),
			deadline,
		)) as typeof response;
	} catch (error) {
		throw explainNetworkFailure(
			deadline.aborted ? { code: 'ETIMEDOUT' } : error,
			origin,
			'session check',
		);
	}
	return {
		status: Number(response?.statusCode ?? 0),
		headers: response?.headers ?? {},
		body: parseBody(response?.body),
	};
}

/**
 * A Workfront token's verdict: accepted only by HTTP 200 with a JSON body reporting no error
 * (an HTML page from a proxy is no acceptance); anything else refuses it.
 */
export function sessionVerdict(answer: SessionAnswer): Verdict {
	return answer.status === 200 && asObject(answer.body) !== undefined && !reportsError(answer.body)
		? 'accepted'
		: 'refused';
}

/**
 * An Adobe IMS token's verdict. Adobe documents IMS tokens on /attask (the official client sends
 * them to every endpoint) but is silent on how `session` answers one; so only Workfront's "not
 * logged in" (401, or its AuthenticationException) refuses it, a success accepts it, and any other
 * answer says nothing either way.
 */
export function bearerVerdict(answer: SessionAnswer): Verdict {
	if (answer.status >= 200 && answer.status < 300) return 'accepted';
	if (answer.status === 401) return 'refused';
	return readErrorBody(answer.body)?.class?.endsWith('AuthenticationException') === true
		? 'refused'
		: 'unknown';
}

/** How one kind of credential gets and checks its tokens. */
export interface TokenSource {
	kind: CredentialKind;
	/** The Workfront origin the token is for. */
	origin: string;
	/** The deadline of each of the credential's own calls. */
	deadlineMs: number;
	/** The headers that carry `token` to Workfront (for the session check). */
	headers: (token: string) => Record<string, string>;
	verdict: (answer: SessionAnswer) => Verdict;
	/** Gets a new token: one exchange, shared by every concurrent caller through the gate. */
	issue: () => Promise<string>;
}

/**
 * The flow behind every caller's token, the same for every credential kind, through the
 * credential's gate (tokenGate.ts):
 * - a presented token (n8n asks again after any failed request of the HTTP Request node, a 404
 *   too) is checked with GET session first; if Workfront still accepts it, or the check gets no
 *   answer, the answer is `undefined`: no new token, so n8n reports the request's own failure and
 *   does not send it again;
 * - a token known to be refused is never handed out, also not as "recently accepted";
 * - otherwise the token of an exchange that just ended is reused, or one exchange is made for all
 *   concurrent callers, each released as soon as it ends; its failure is held for a few seconds.
 */
export async function obtainToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	source: TokenSource,
): Promise<string | undefined> {
	const gate = gateOf(credentials, source.kind);
	// A token issued for other field values (an edited User ID, Client Secret, …) is no token.
	const presented = storedToken(credentials, source.kind);
	const held = heldFailure(gate);
	if (held) throw held;
	if (presented !== '' && !isRefused(gate, presented) && !gate.exchange) {
		let verdict: Verdict;
		try {
			verdict = source.verdict(
				await askSession(
					httpRequest,
					source.origin,
					normaliseApiVersion(credentials.apiVersion),
					source.headers(presented),
					source.deadlineMs,
				),
			);
		} catch {
			// No answer about the token says nothing against it: the request's own failure stands
			// (n8n reports it), rather than an exchange made on a guess.
			verdict = 'unknown';
		}
		if (verdict !== 'refused') {
			if (verdict === 'accepted') noteAccepted(gate, presented);
			return undefined;
		}
		noteRefused(gate, presented);
		const refusedNow = heldFailure(gate);
		if (refusedNow) throw refusedNow;
	}
	if (!gate.exchange) {
		const reuse = reusableToken(gate);
		if (reuse !== undefined && reuse !== presented) return reuse;
	}
	return await exchangeOnce(gate, source.issue);
}

/**
 * What the Workfront nodes report when Workfront refused a token they sent, so that no caller of
 * this credential is handed it again (and a token refused right after its exchange is held as a
 * refused user).
 */
export function reportRefusedToken(
	credentials: ICredentialDataDecryptedObject,
	kind: CredentialKind,
	token: string,
): void {
	noteRefused(gateOf(credentials, kind), token);
}

/** What the Workfront nodes report the first time Workfront accepts a token they sent. */
export function reportAcceptedToken(
	credentials: ICredentialDataDecryptedObject,
	kind: CredentialKind,
	token: string,
): void {
	noteAccepted(gateOf(credentials, kind), token);
}
