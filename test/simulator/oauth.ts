import { formParams, json, type SimRequest, type SimResponse } from './http';
import { verifyRs256 } from './jwtVerify';
import type { SimulatorState } from './state';

/** Allowed clock difference between n8n's machine and Workfront, in seconds. */
const CLOCK_SKEW_SECONDS = 30;

/** The shape the reference recommends for the undocumented exchange errors. */
function refused(status: number, message: string): SimResponse {
	return json(status, {
		statusCode: status,
		error: true,
		type: status === 400 ? 'BadRequest' : 'Unauthorized',
		message,
	});
}

/** POST /integrations/oauth2/api/v1/jwt/exchange */
export function exchangeJwt(request: SimRequest, state: SimulatorState): SimResponse {
	state.counters.exchangeAttempts += 1;
	const form = formParams(request);
	const clientId = form.get('client_id') ?? '';
	const clientSecret = form.get('client_secret') ?? '';
	const jwt = form.get('jwt_token') ?? '';
	state.exchangeRequests.push({ clientId, jwt });
	const missing = [
		['client_id', clientId],
		['client_secret', clientSecret],
		['jwt_token', jwt],
	].filter(([, value]) => value === '');
	if (missing.length > 0) {
		return refused(400, `Missing required parameter: ${missing.map(([name]) => name).join(', ')}`);
	}

	const registered = state.applications.find(clientId);
	if (!registered || registered.app.clientSecret !== clientSecret) {
		return refused(401, 'Invalid client credentials: client_id or client_secret is wrong');
	}

	const check = verifyRs256(
		jwt,
		registered.keys.map(({ key }) => key),
	);
	if (!check.ok) {
		const messages = {
			malformed: 'Malformed JWT: expected header.payload.signature',
			algorithm: 'Unsupported JWT algorithm: only RS256 is accepted',
			signature: 'JWT signature does not match any public key registered for this application',
		};
		return refused(check.reason === 'malformed' ? 400 : 401, messages[check.reason]);
	}

	const { claims } = check;
	const nowSeconds = state.now() / 1000;
	if (typeof claims.exp !== 'number') return refused(400, 'JWT has no exp claim');
	if (claims.exp + CLOCK_SKEW_SECONDS <= nowSeconds) return refused(401, 'JWT is expired');
	if (typeof claims.iat === 'number' && claims.iat - CLOCK_SKEW_SECONDS > nowSeconds) {
		return refused(401, 'JWT iat is in the future: check the clock');
	}
	if (claims.iss !== registered.app.customerId) {
		return refused(401, 'JWT issuer (iss) does not match the customer of this application');
	}
	const userKeys = registered.keys.filter(({ userId }) => userId === claims.sub);
	if (userKeys.length === 0) {
		return refused(401, 'JWT subject (sub) is not a user of this application');
	}
	if (
		!verifyRs256(
			jwt,
			userKeys.map(({ key }) => key),
		).ok
	) {
		return refused(
			401,
			'JWT signature does not match the public key registered by this subject (sub)',
		);
	}

	const session = state.sessions.issue(
		String(claims.sub),
		registered.app.customerId,
		state.options.tokenTtlSeconds,
	);
	state.counters.exchanges += 1;
	return json(200, {
		token_type: 'sessionID',
		access_token: session.token,
		expires_in: state.options.tokenTtlSeconds,
		wid: session.userId,
	});
}
