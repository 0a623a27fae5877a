import type { HttpRequest } from '../common/obtainToken';
import { untilAborted } from '../../nodes/shared/core/retryPolicy';
import { asObject, firstText, parseBody, readErrorBody } from '../../nodes/shared/core/answers';
import { redactSecrets, WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { redirectTarget } from '../../nodes/shared/core/url';
import { explainNetworkFailure } from '../common/callFailures';
import { explainRefusedExchange } from './exchangeErrors';

export const EXCHANGE_PATH = '/integrations/oauth2/api/v1/jwt/exchange';

export interface ExchangeInput {
	origin: string;
	clientId: string;
	clientSecret: string;
	jwt: string;
	/** The whole answer's deadline (credentialCallDeadlineMs). */
	deadlineMs: number;
}

interface FullResponse {
	body?: unknown;
	statusCode?: number;
	headers?: Record<string, unknown>;
}

/** Workfront does not document this answer; these are the shapes seen or plausible. */
const TOKEN_KEYS = ['access_token', 'accessToken', 'sessionID', 'sessionId', 'session_id', 'token'];

/** The answer's body as JSON, and whether it was text that is not JSON (an HTML error page, say). */
function readAnswer(body: unknown): { json?: Record<string, unknown>; notJson: boolean } {
	const value = parseBody(body);
	const json = asObject(value);
	if (json) return { json, notJson: false };
	// parseBody hands back text that is not JSON as it came.
	const unparsed = value === body && (typeof body === 'string' || Buffer.isBuffer(body));
	return { notJson: unparsed && String(body).trim() !== '' };
}

function findToken(json: Record<string, unknown>): string | undefined {
	return firstText(json, TOKEN_KEYS) ?? firstText(json.data, TOKEN_KEYS);
}

/**
 * POSTs the signed JWT to Workfront's exchange endpoint and returns the access token. Any failure
 * becomes a WorkfrontCredentialError whose text has been scrubbed of every secret involved.
 */
export async function exchangeJwtForToken(
	httpRequest: HttpRequest,
	input: ExchangeInput,
): Promise<string> {
	const secrets = [input.clientSecret, input.jwt];
	// The client's own timeout only notices silence; a server that trickles bytes would hold the
	// exchange (and every request waiting for it) for ever. This deadline is for the whole answer.
	const deadline = AbortSignal.timeout(input.deadlineMs);
	let response: FullResponse;
	try {
		response = (await untilAborted(
			httpRequest({
				method: 'POST',
				url: `${input.origin}${EXCHANGE_PATH}`,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams({
					client_id: input.clientId,
					client_secret: input.clientSecret,
					jwt_token: input.jwt,
				}).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// The body carries the client secret and the signed JWT: it goes to this URL or nowhere.
				disableFollowRedirect: true,
				timeout: input.deadlineMs,
				abortSignal: deadline,
			}),
			deadline,
		)) as FullResponse;
	} catch (error) {
		throw explainNetworkFailure(deadline.aborted ? { code: 'ETIMEDOUT' } : error, input.origin);
	}

	const status = Number(response?.statusCode ?? 0);
	if (status >= 300 && status < 400) {
		const target = redirectTarget(response?.headers?.location, input.origin);
		throw new WorkfrontCredentialError(
			`${input.origin} answered the token exchange with a redirect (HTTP ${status}) to ${target}. It was not followed, so the client secret and the signed JWT went nowhere else. Check Workfront URL: enter the host you see when logged in to Workfront, for example yourdomain.my.workfront.com`,
			'Workfront URL',
		);
	}
	const { json, notJson } = readAnswer(response?.body);
	const token = status >= 200 && status < 300 && json ? findToken(json) : undefined;
	if (token) return token;

	const serverMessage = readErrorBody(json)?.message;
	if (status >= 200 && status < 300 && !notJson) {
		throw new WorkfrontCredentialError(
			`Workfront answered the token exchange without an access token (HTTP ${status}). Check Workfront URL: it must be your Workfront host, for example yourdomain.my.workfront.com`,
			'Workfront URL',
		);
	}
	throw explainRefusedExchange(
		{
			status,
			notJson,
			serverMessage: serverMessage
				? redactSecrets(serverMessage, secrets).slice(0, 300)
				: undefined,
		},
		input.origin,
	);
}
