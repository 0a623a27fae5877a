import { asObject, firstText, parseBody } from '../../nodes/shared/core/answers';
import { redactSecrets, WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { untilAborted } from '../../nodes/shared/core/retryPolicy';
import { redirectTarget } from '../../nodes/shared/core/url';
import { explainNetworkFailure } from '../common/callFailures';
import type { HttpRequest } from '../common/obtainToken';
import { IMS_TOKEN_PATH, type ServerToServerFields } from './imsFields';

interface FullResponse {
	body?: unknown;
	statusCode?: number;
	headers?: Record<string, unknown>;
}

const WHERE = 'Adobe Developer Console > your project > OAuth Server-to-Server';

/**
 * What each refusal of the token request tells the user. Adobe documents the request and the
 * success (IMS API reference) but no error body; OAuth 2.0 (RFC 6749, 5.2) names these codes in
 * an `error` field with an `error_description`, the shape Adobe's own IMS libraries read, so they
 * are read from there, and any other answer is reported with its status.
 */
const REFUSALS: Record<string, { field?: string; message: string }> = {
	invalid_client: {
		field: 'Client ID',
		message: `Adobe IMS did not accept the Client ID or Client Secret. Copy both again from ${WHERE} (Retrieve client secret); if the secret was rotated, use the new one.`,
	},
	unauthorized_client: {
		field: 'Client ID',
		message: `Adobe IMS does not let this client use the client-credentials flow. The credential in ${WHERE} must be an OAuth Server-to-Server credential with the Adobe Workfront API added to the project.`,
	},
	invalid_scope: {
		field: 'Scopes',
		message: `Adobe IMS did not accept the Scopes. Copy them exactly from ${WHERE} > Scopes.`,
	},
	invalid_request: {
		message: `Adobe IMS refused the token request as incomplete. Check Client ID, Client Secret and Scopes in ${WHERE}.`,
	},
	invalid_grant: {
		message: `Adobe IMS refused the token request. Check Client ID, Client Secret and Scopes in ${WHERE}.`,
	},
};

function refusal(status: number, body: unknown, secrets: string[]): WorkfrontCredentialError {
	const json = asObject(body);
	const code = firstText(json, ['error', 'error_code', 'errorCode'])?.toLowerCase();
	const said = firstText(json, ['error_description', 'message', 'detail']);
	const words = said ? `; Adobe IMS said: "${redactSecrets(said, secrets).slice(0, 300)}"` : '';
	const known = code ? REFUSALS[code] : undefined;
	if (known) {
		return new WorkfrontCredentialError(`${known.message} (HTTP ${status}${words})`, known.field);
	}
	if (status === 429) {
		return new WorkfrontCredentialError(
			`Adobe IMS is limiting token requests for this client (HTTP 429${words}). Wait a minute and try again; n8n keeps the token it gets for as long as Adobe lets it live.`,
		);
	}
	if (status >= 500) {
		return new WorkfrontCredentialError(
			`Adobe IMS could not answer the token request because of a problem on its side (HTTP ${status}${words}). Try again in a few minutes.`,
		);
	}
	if (json === undefined) {
		return new WorkfrontCredentialError(
			`Adobe IMS answered the token request with something other than JSON (HTTP ${status}). Check that nothing between n8n and ims-na1.adobelogin.com rewrites the answer (a proxy's sign-in page, say).`,
		);
	}
	return new WorkfrontCredentialError(
		`Adobe IMS refused the token request (HTTP ${status}${words}). Check Client ID, Client Secret and Scopes in ${WHERE}.`,
	);
}

/**
 * Asks Adobe IMS for an access token with the client credentials: a form POST carrying
 * `grant_type=client_credentials`, `client_id`, `client_secret` and `scope` (IMS API reference:
 * all four mandatory, sent in the body; answer `access_token`, `token_type: bearer`,
 * `expires_in`, no refresh token — a new token is simply asked for). The secret goes to this
 * address or nowhere: no redirect is followed, and the whole answer has a deadline.
 */
export async function requestImsToken(
	httpRequest: HttpRequest,
	fields: ServerToServerFields,
): Promise<string> {
	const secrets = [fields.clientSecret];
	const deadline = AbortSignal.timeout(fields.deadlineMs);
	let response: FullResponse;
	try {
		response = (await untilAborted(
			httpRequest({
				method: 'POST',
				url: `${fields.imsOrigin}${IMS_TOKEN_PATH}`,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: fields.clientId,
					client_secret: fields.clientSecret,
					scope: fields.scope,
				}).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: fields.deadlineMs,
				abortSignal: deadline,
			}),
			deadline,
		)) as FullResponse;
	} catch (error) {
		throw explainNetworkFailure(
			deadline.aborted ? { code: 'ETIMEDOUT' } : error,
			fields.imsOrigin,
			'IMS token request',
		);
	}
	const status = Number(response?.statusCode ?? 0);
	if (status >= 300 && status < 400) {
		const target = redirectTarget(response?.headers?.location, fields.imsOrigin);
		throw new WorkfrontCredentialError(
			`Adobe IMS answered the token request with a redirect (HTTP ${status}) to ${target}. It was not followed, so the client secret went nowhere else. Try again later; if it persists, something between n8n and Adobe rewrites the request.`,
		);
	}
	const body = parseBody(response?.body);
	const token = status >= 200 && status < 300 ? firstText(body, ['access_token']) : undefined;
	if (token) return token;
	if (status >= 200 && status < 300) {
		throw new WorkfrontCredentialError(
			`Adobe IMS answered the token request without an access token (HTTP ${status}). Try again; if it persists, check the credential in ${WHERE}.`,
		);
	}
	throw refusal(status, body, secrets);
}
