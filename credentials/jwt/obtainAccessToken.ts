import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { obtainToken, sessionVerdict, type HttpRequest } from '../common/obtainToken';
import { readCredentialFields } from './credentialFields';
import { exchangeJwtForToken } from './exchange';
import { signAssertion } from './signAssertion';

/**
 * The Workfront JWT API credential's preAuthentication: its fields checked before anything is
 * signed or sent, then the shared flow (common/obtainToken.ts) with the JWT exchange as the way to
 * a new token, and Workfront's `sessionID` header to check a presented one.
 */
export async function obtainAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	const fields = readCredentialFields(credentials);
	return await obtainToken(httpRequest, credentials, {
		kind: 'jwt',
		origin: fields.origin,
		deadlineMs: fields.deadlineMs,
		headers: (token) => ({ sessionID: token }),
		verdict: sessionVerdict,
		issue: async () => {
			const jwt = await signAssertion(fields.key, fields);
			return await exchangeJwtForToken(httpRequest, { ...fields, jwt });
		},
	});
}
