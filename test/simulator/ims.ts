import { formParams, json, type SimRequest, type SimResponse } from './http';
import type { SimulatorState } from './state';

/**
 * An Adobe Developer Console project's OAuth Server-to-Server credential, as the simulator's IMS
 * knows it. Adobe: "Creating API Credentials" (AdobeDocs/workfront-apis
 * src/pages/guides/gaining-access/index.md): the credential's client becomes a Workfront user
 * ("automatically added as a 'User' … search for users with 'techacct'"), in one organization.
 */
export interface ImsClient {
	clientId: string;
	clientSecret: string;
	/** The scopes the credential has; a request may ask for these or fewer. */
	scopes: string[];
	/** The IMS organization, e.g. ABC123@AdobeOrg. */
	orgId: string;
	/** The Workfront user the technical account is. */
	technicalAccountId: string;
	/** The Workfront customer (instance) the API was added for. */
	customerId: string;
}

export const IMS_TOKEN_PATH = '/ims/token/v3';

/**
 * IMS's error answers. Adobe documents the token request and its success (Developer Console,
 * Server-to-Server authentication, IMS API reference) but no error body; OAuth 2.0 (RFC 6749,
 * 5.2) gives the shape `{error, error_description}` and these codes, and the simulator answers
 * so. The node reads them tolerantly (credentials/ims/imsToken.ts): a code it does not know is
 * reported with its status.
 */
function refused(status: number, error: string, description: string): SimResponse {
	return json(status, { error, error_description: description });
}

/**
 * POST /ims/token/v3 (form): `grant_type=client_credentials`, `client_id`, `client_secret`,
 * `scope`, all mandatory; answers `access_token`, `token_type: bearer` and `expires_in` (about 24
 * hours; no refresh token). Source: Adobe Developer Console, Server-to-Server authentication, IMS
 * API reference.
 */
export function imsToken(request: SimRequest, state: SimulatorState): SimResponse {
	state.counters.imsTokenRequests += 1;
	if (request.method !== 'POST') return refused(405, 'invalid_request', 'Use POST');
	const form = formParams(request);
	const grant = form.get('grant_type') ?? '';
	const clientId = form.get('client_id') ?? '';
	const clientSecret = form.get('client_secret') ?? '';
	const scope = form.get('scope') ?? '';
	state.imsRequests.push({ clientId, scope });
	const missing = [
		['grant_type', grant],
		['client_id', clientId],
		['client_secret', clientSecret],
		['scope', scope],
	].filter(([, value]) => value === '');
	if (missing.length > 0) {
		return refused(
			400,
			'invalid_request',
			`Missing required parameter(s): ${missing.map(([name]) => name).join(', ')}`,
		);
	}
	if (grant !== 'client_credentials') {
		return refused(400, 'unsupported_grant_type', `Unsupported grant_type ${grant}`);
	}
	const client = state.imsClients.get(clientId);
	if (!client || client.clientSecret !== clientSecret) {
		return refused(401, 'invalid_client', 'invalid client_id or client_secret');
	}
	const asked = scope
		.split(',')
		.map((one) => one.trim())
		.filter(Boolean);
	const unknown = asked.filter((one) => !client.scopes.includes(one));
	if (unknown.length > 0)
		return refused(400, 'invalid_scope', `Invalid scope(s): ${unknown.join(',')}`);
	state.ensureUser(client.technicalAccountId, 'Technical Account');
	const session = state.sessions.issue(
		client.technicalAccountId,
		client.customerId,
		state.options.imsTokenTtlSeconds,
		{ orgId: client.orgId },
	);
	state.counters.imsTokens += 1;
	return json(200, {
		access_token: session.token,
		token_type: 'bearer',
		expires_in: state.options.imsTokenTtlSeconds,
	});
}
