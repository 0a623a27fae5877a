import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/workfront/apiVersions';
import { readCredentialFields, type JwtCredentialFields } from './credentialFields';
import { exchangeJwtForToken, type HttpRequest } from './exchange';
import { signAssertion } from './signAssertion';

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

/**
 * Whether Workfront still accepts `token` (GET session). n8n asks for a new token after *any*
 * failed request made with the HTTP Request node (a 404 too), so a token is checked before it is
 * replaced: a run of failing items then costs no exchange at all.
 */
async function stillAccepted(
	httpRequest: HttpRequest,
	origin: string,
	version: string,
	token: string,
): Promise<boolean> {
	try {
		const response = (await httpRequest({
			method: 'GET',
			url: `${origin}/attask/api/${version}/session`,
			headers: { sessionID: token, Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 30_000,
		})) as { statusCode?: number; body?: unknown };
		const text = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
		const body = (typeof text === 'string' ? JSON.parse(text || '{}') : text) as {
			error?: unknown;
		};
		return response.statusCode === 200 && !body?.error;
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
