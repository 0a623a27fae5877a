import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/workfront/apiVersions';
import { readCredentialFields, type JwtCredentialFields } from './credentialFields';
import { exchangeJwtForToken, type HttpRequest } from './exchange';
import { signAssertion } from './signAssertion';
import { asObject, parseBody, reportsError } from '../../nodes/shared/workfront/answers';

/** How long a token Workfront was seen to accept is trusted without asking again. */
export const ACCEPTED_TOKEN_TRUST_MS = 10_000;

/** Exchanges in progress in this process, by credential identity: concurrent callers share one. */
const inFlight = new Map<string, Promise<string>>();
/** Tokens Workfront recently accepted when checked (not merely issued), by credential identity. */
const accepted = new Map<string, { token: string; at: number }>();

/** The credential's identity: the fields an exchange depends on, hashed (they include secrets). */
function identityOf(
	fields: JwtCredentialFields,
	credentials: ICredentialDataDecryptedObject,
): string {
	return createHash('sha256')
		.update(
			JSON.stringify([
				fields.origin,
				fields.clientId,
				fields.clientSecret,
				fields.customerId,
				fields.userId,
				String(credentials.privateKey ?? ''),
			]),
		)
		.digest('hex');
}

export interface SessionAnswer {
	status: number;
	headers: Record<string, unknown>;
	/** The answer's body, parsed when it is JSON. */
	body: unknown;
}

/**
 * `GET /attask/api/<version>/session` with `token`: how Workfront answers it. The request carries
 * the token, so it never follows a redirect. Used to check a presented token and by Test.
 */
export async function askSession(
	httpRequest: HttpRequest,
	origin: string,
	version: string,
	token: string,
): Promise<SessionAnswer> {
	const response = (await httpRequest({
		method: 'GET',
		url: `${origin}/attask/api/${version}/session`,
		headers: { sessionID: token, Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: 30_000,
	})) as { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
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
 * Whether Workfront still accepts `token`. n8n asks for a new token after *any* failed request
 * made with the HTTP Request node (a 404 too), so a token is checked before it is replaced: a run
 * of failing items then costs no exchange at all.
 */
async function stillAccepted(
	httpRequest: HttpRequest,
	origin: string,
	version: string,
	token: string,
): Promise<boolean> {
	try {
		return sessionAccepted(await askSession(httpRequest, origin, version, token));
	} catch {
		return false;
	}
}

/**
 * The whole JWT flow: check every field, sign a fresh assertion, trade it for an access token.
 * Within this process, concurrent callers for one credential share one exchange; and a token
 * handed in (n8n refreshing after a failed request) is kept when Workfront still accepts it.
 * An empty token (the Workfront nodes, which decide themselves when a token is refused; the
 * credential's Test) always leads to an exchange.
 */
export async function obtainAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const fields = readCredentialFields(credentials);
	const identity = identityOf(fields, credentials);
	const presented = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (presented !== '') {
		const known = accepted.get(identity);
		const trusted = known?.token === presented && Date.now() - known.at < ACCEPTED_TOKEN_TRUST_MS;
		const version = normaliseApiVersion(credentials.apiVersion);
		if (trusted || (await stillAccepted(httpRequest, fields.origin, version, presented))) {
			accepted.set(identity, {
				token: presented,
				at: known?.at && trusted ? known.at : Date.now(),
			});
			return presented;
		}
	}
	const running = inFlight.get(identity);
	if (running) return await running;
	const exchange = (async () => {
		const jwt = await signAssertion(fields.key, fields);
		return await exchangeJwtForToken(httpRequest, { ...fields, jwt });
	})();
	inFlight.set(identity, exchange);
	try {
		return await exchange;
	} finally {
		inFlight.delete(identity);
	}
}
