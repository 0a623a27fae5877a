import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/workfront/apiVersions';
import { redactSecrets } from './credentialError';
import { redirectTarget } from './exchange';
import { askSession, obtainAccessToken, sessionAccepted } from './obtainAccessToken';
import { asObject, readErrorBody } from '../../nodes/shared/workfront/answers';
import { readCredentialFields } from './credentialFields';

/** n8n's credential-test helper: the request-library style `request` (CredentialTestContext). */
export type LegacyRequest = (options: Record<string, unknown>) => Promise<unknown>;

interface FullResponse {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** The exchange's request, in the request-library shape n8n's credential test offers. */
function adapt(request: LegacyRequest) {
	return async (options: IHttpRequestOptions): Promise<FullResponse> =>
		(await request({
			method: options.method,
			uri: options.url,
			headers: options.headers,
			body: options.body,
			timeout: options.timeout,
			json: false,
			resolveWithFullResponse: true,
			simple: false,
			// Nothing this test sends (the secret, the JWT, then the token) follows a redirect.
			followRedirect: false,
			followAllRedirects: false,
		})) as FullResponse;
}

/**
 * What **Test** on the credential does: always a fresh exchange (a token stored earlier proves
 * nothing about the fields as they are now), then `GET /attask/api/<version>/session` with the
 * new token. The message says what was checked; it never contains a secret or the token.
 */
export async function testWorkfrontCredential(
	request: LegacyRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	let token = '';
	try {
		const { origin, deadlineMs } = readCredentialFields(credentials);
		const version = normaliseApiVersion(credentials.apiVersion);
		const httpRequest = adapt(request);
		// Test always exchanges, whatever token is stored or was issued a moment ago.
		token =
			(await obtainAccessToken(
				httpRequest,
				{ ...credentials, accessToken: '' },
				{ fresh: true },
			)) ?? '';
		const answer = await askSession(httpRequest, origin, version, token, deadlineMs);
		const status = answer.status;
		if (status >= 300 && status < 400) {
			return {
				status: 'Error',
				message: `A new token was exchanged, but ${origin} answered GET session with a redirect (HTTP ${status}) to ${redirectTarget(answer.headers.location, origin)}; it was not followed. Check Workfront URL.`,
			};
		}
		if (!sessionAccepted(answer)) {
			const words = readErrorBody(answer.body)?.message;
			const said = words ? ` Workfront said: "${redactSecrets(words, [token]).slice(0, 200)}"` : '';
			return {
				status: 'Error',
				message: `A new token was exchanged, but Workfront refused it for API ${version} (HTTP ${status}).${said} Check API Version, and that the user of User ID is active and may use the API.`,
			};
		}
		const session = (asObject(answer.body)?.data ?? {}) as { userID?: unknown };
		const user = typeof session.userID === 'string' ? ` as user ${session.userID}` : '';
		return {
			status: 'OK',
			message: `Connection successful: a new access token was exchanged at ${origin} and Workfront accepted it${user} (API ${version}).`,
		};
	} catch (caught) {
		const message = caught instanceof Error ? caught.message : String(caught);
		return {
			status: 'Error',
			message: redactSecrets(message, [token, String(credentials.clientSecret ?? '')]),
		};
	}
}
