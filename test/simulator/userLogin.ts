import { randomBytes } from 'node:crypto';

import { formParams, json, type SimRequest, type SimResponse } from './http';
import type { SimulatorState } from './state';

/**
 * A Workfront OAuth2 application of type Web Application (create-oauth-application.md: Setup >
 * System > OAuth2 Applications; "Redirect URLs" the admin enters; "Refresh token rotation").
 * The simulator has no sign-in page: the user named here signs in and consents at once.
 */
export interface WebApplication {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	/** The Workfront user who signs in. */
	userId: string;
	customerId: string;
	/** "Refresh token rotation: issue a new refresh token whenever the refresh token is used". */
	rotateRefreshTokens?: boolean;
}

export const AUTHORIZE_PATH = '/integrations/oauth2/authorize';
export const TOKEN_PATH = '/integrations/oauth2/api/v1/token';

/** "The authorization code is only valid for 2 minutes" (oauth-app-code-token-flow.md). */
const CODE_LIFETIME_MS = 2 * 60_000;

interface Grant {
	clientId: string;
	userId: string;
	customerId: string;
	redirectUri: string;
	expiresAt: number;
}

/** Codes and refresh tokens issued, per simulator. */
export class UserLogins {
	readonly apps = new Map<string, WebApplication>();

	readonly codes = new Map<string, Grant>();

	readonly refreshTokens = new Map<string, Grant>();

	/** Every refresh token ever issued, so tests can check none of them leaks. */
	readonly issuedRefreshTokens: string[] = [];
}

/**
 * Adobe documents no error body for these endpoints; RFC 6749 (4.1.2.1, 5.2) gives the shape and
 * codes the simulator answers with.
 */
function refused(status: number, error: string, description: string): SimResponse {
	return json(status, { error, error_description: description });
}

/**
 * GET /integrations/oauth2/authorize?client_id&redirect_uri&response_type=code
 * (oauth-app-code-token-flow.md: "response_type must have the value code"). The user is sent back
 * to the redirect URL with `code`, `domain` and `lane` (same page); `state` is sent back as OAuth
 * 2.0 requires (RFC 6749, 4.1.2), which Adobe's page does not mention.
 */
export function authorize(request: SimRequest, state: SimulatorState): SimResponse {
	const clientId = request.query.get('client_id') ?? '';
	const redirectUri = request.query.get('redirect_uri') ?? '';
	const app = state.userLogins.apps.get(clientId);
	if (!app) return refused(400, 'invalid_client', 'Unknown client_id');
	if (!app.redirectUris.includes(redirectUri)) {
		return refused(
			400,
			'invalid_request',
			"redirect_uri is not one of the application's Redirect URLs",
		);
	}
	const target = new URL(redirectUri);
	if (request.query.get('response_type') !== 'code') {
		target.searchParams.set('error', 'unsupported_response_type');
	} else {
		const code = randomBytes(16).toString('hex');
		state.userLogins.codes.set(code, {
			clientId,
			userId: app.userId,
			customerId: app.customerId,
			redirectUri,
			expiresAt: state.now() + CODE_LIFETIME_MS,
		});
		target.searchParams.set('code', code);
		target.searchParams.set('domain', 'simulator');
		target.searchParams.set('lane', 'local');
	}
	const given = request.query.get('state');
	if (given !== null) target.searchParams.set('state', given);
	return { status: 302, headers: { location: target.href }, raw: '' };
}

/**
 * The client's ID and secret: in the form body, or as HTTP Basic (oauth-app-code-token-flow.md
 * documents both forms of the token request).
 */
function clientOf(request: SimRequest, form: URLSearchParams): { id: string; secret: string } {
	const basic = /^Basic\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
	if (basic) {
		const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':');
		return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
	}
	return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

/** A JSON body's fields as a form's (the Basic form of the request sends JSON). */
function paramsOf(request: SimRequest): URLSearchParams {
	if (request.contentType.toLowerCase().startsWith('application/json')) {
		const parsed = JSON.parse(request.rawBody.toString('utf8') || '{}') as Record<string, unknown>;
		return new URLSearchParams(
			Object.entries(parsed).map(([key, value]) => [key, String(value)] as [string, string]),
		);
	}
	return formParams(request);
}

function issueTokens(state: SimulatorState, grant: Grant): SimResponse {
	state.ensureUser(grant.userId, 'Signed-in User');
	const session = state.sessions.issue(
		grant.userId,
		grant.customerId,
		state.options.tokenTtlSeconds,
	);
	const refreshToken = randomBytes(24).toString('hex');
	state.userLogins.refreshTokens.set(refreshToken, grant);
	state.userLogins.issuedRefreshTokens.push(refreshToken);
	state.counters.userLoginTokens += 1;
	// oauth-app-code-token-flow.md: token_type "sessionID", access_token "the value of sessionID".
	return json(200, {
		token_type: 'sessionID',
		access_token: session.token,
		refresh_token: refreshToken,
		expires_in: state.options.tokenTtlSeconds,
		wid: grant.userId,
	});
}

/**
 * POST /integrations/oauth2/api/v1/token: `grant_type=authorization_code` with `code` and
 * `redirect_uri`, or `grant_type=refresh_token` with `refresh_token` (oauth-app-code-token-flow.md,
 * "Exchange the authorization code for an access token" and "Refresh the access token").
 */
export function userLoginToken(request: SimRequest, state: SimulatorState): SimResponse {
	if (request.method !== 'POST') return refused(405, 'invalid_request', 'Use POST');
	let form: URLSearchParams;
	try {
		form = paramsOf(request);
	} catch {
		return refused(400, 'invalid_request', 'The body is not valid JSON');
	}
	const client = clientOf(request, form);
	const app = state.userLogins.apps.get(client.id);
	if (!app || app.clientSecret !== client.secret) {
		return refused(401, 'invalid_client', 'Invalid client credentials');
	}
	const grantType = form.get('grant_type');
	if (grantType === 'authorization_code') {
		const code = form.get('code') ?? '';
		const grant = state.userLogins.codes.get(code);
		state.userLogins.codes.delete(code);
		if (!grant || grant.clientId !== app.clientId || grant.expiresAt <= state.now()) {
			return refused(400, 'invalid_grant', 'The authorization code is invalid or expired');
		}
		if ((form.get('redirect_uri') ?? '') !== grant.redirectUri) {
			return refused(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
		}
		return issueTokens(state, grant);
	}
	if (grantType === 'refresh_token') {
		const refreshToken = form.get('refresh_token') ?? '';
		const grant = state.userLogins.refreshTokens.get(refreshToken);
		if (!grant || grant.clientId !== app.clientId) {
			return refused(400, 'invalid_grant', 'The refresh token is invalid or expired');
		}
		// Adobe is silent on whether the refresh request must repeat redirect_uri (its form example
		// carries it; n8n's client does not send it): it is not required here.
		if (app.rotateRefreshTokens) state.userLogins.refreshTokens.delete(refreshToken);
		const answer = issueTokens(state, grant);
		if (!app.rotateRefreshTokens) {
			// Without rotation the same refresh token stays; the answer repeats it.
			const body = answer.body as Record<string, unknown>;
			state.userLogins.refreshTokens.delete(String(body.refresh_token));
			state.userLogins.issuedRefreshTokens.pop();
			body.refresh_token = refreshToken;
		}
		return answer;
	}
	return refused(400, 'unsupported_grant_type', `Unsupported grant_type ${String(grantType)}`);
}
