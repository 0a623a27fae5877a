import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { readCredentialFields } from './credentialFields';
import { exchangeJwtForToken, type HttpRequest } from './exchange';
import { signAssertion } from './signAssertion';

/** The whole JWT flow: check every field, sign a fresh assertion, trade it for an access token. */
export async function obtainAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const fields = readCredentialFields(credentials);
	const jwt = await signAssertion(fields.key, fields);
	return await exchangeJwtForToken(httpRequest, { ...fields, jwt });
}
