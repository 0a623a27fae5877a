import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/core/apiVersions';
import { readCredentialFields } from './credentialFields';
import { exchangeJwtForToken, type HttpRequest } from './exchange';
import { signAssertion } from './signAssertion';
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
import { asObject, parseBody, reportsError } from '../../nodes/shared/core/answers';
import { untilAborted } from '../../nodes/shared/core/retryPolicy';
import { explainNetworkFailure } from './exchangeErrors';

export interface SessionAnswer {
	status: number;
	headers: Record<string, unknown>;
	/** The answer's body, parsed when it is JSON. */
	body: unknown;
}

/**
 * `GET /attask/api/<version>/session` with `token`: how Workfront answers it. The request carries
 * the token, so it never follows a redirect, and it has a deadline for its whole answer (the
 * client's own timeout only notices silence: a server trickling a byte every second would hold
 * it, and every caller waiting on it, for ever). Sent here, with the header set directly, never
 * through the credential's `authenticate`, which refuses this endpoint to everyone else.
 */
export async function askSession(
	httpRequest: HttpRequest,
	origin: string,
	version: string,
	token: string,
	deadlineMs: number,
): Promise<SessionAnswer> {
	const deadline = AbortSignal.timeout(deadlineMs);
	let response: { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
	try {
		response = (await untilAborted(
			httpRequest({
				method: 'GET',
				url: `${origin}/attask/api/${version}/session`,
				headers: { sessionID: token, Accept: 'application/json' },
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

/** Whether a session answer accepts the token: HTTP 200 with a JSON body reporting no error. */
export function sessionAccepted(answer: SessionAnswer): boolean {
	return answer.status === 200 && asObject(answer.body) !== undefined && !reportsError(answer.body);
}

/**
 * The whole JWT flow behind every caller's token, through the credential's gate (tokenGate.ts):
 * - a presented token (n8n asks again after any failed request of the HTTP Request node, a 404
 *   too) is checked with GET session first; if Workfront still accepts it, or the check gets no
 *   answer, the answer is `undefined`: no new token, so n8n reports the request's own failure and
 *   does not send it again;
 * - a token known to be refused is never handed out, also not as "recently accepted";
 * - otherwise the token of an exchange that just ended is reused, or one exchange is made for all
 *   concurrent callers, each released as soon as it ends; its failure is held for a few seconds.
 */
export async function obtainAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	const fields = readCredentialFields(credentials);
	const gate = gateOf(credentials);
	// A token issued for other field values (an edited User ID, Client Secret, …) is no token.
	const presented = storedToken(credentials);
	const held = heldFailure(gate);
	if (held) throw held;
	if (presented !== '' && !isRefused(gate, presented) && !gate.exchange) {
		const version = normaliseApiVersion(credentials.apiVersion);
		let answer: SessionAnswer;
		try {
			answer = await askSession(httpRequest, fields.origin, version, presented, fields.deadlineMs);
		} catch {
			// No answer about the token says nothing against it: the request's own failure stands
			// (n8n reports it), rather than an exchange made on a guess.
			return undefined;
		}
		if (sessionAccepted(answer)) {
			noteAccepted(gate, presented);
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
	return await exchangeOnce(gate, async () => {
		const jwt = await signAssertion(fields.key, fields);
		return await exchangeJwtForToken(httpRequest, { ...fields, jwt });
	});
}

/**
 * What the Workfront nodes report when Workfront refused a token they sent, so that no caller of
 * this credential is handed it again (and a token refused right after its exchange is held as a
 * refused user).
 */
export function reportRefusedToken(
	credentials: ICredentialDataDecryptedObject,
	token: string,
): void {
	noteRefused(gateOf(credentials), token);
}

/** What the Workfront nodes report the first time Workfront accepts a token they sent. */
export function reportAcceptedToken(
	credentials: ICredentialDataDecryptedObject,
	token: string,
): void {
	noteAccepted(gateOf(credentials), token);
}
