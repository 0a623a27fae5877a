import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { CredentialKind } from './kinds';
import { credentialIdentity } from './tokenGate';

/**
 * The hidden field that says which credential fields the stored token was issued for. n8n keeps a
 * credential's token when its other fields are edited, so without it a token issued for the old
 * User ID (say an administrator) would go on acting as that user after the field names another,
 * and Test would pass with a wrong Client Secret for as long as the old token lives.
 */
export const TOKEN_FOR_FIELD = 'accessTokenFor';

/** What a credential's preAuthentication stores: the token, and the fields it was issued for. */
export function tokenToStore(
	credentials: ICredentialDataDecryptedObject,
	accessToken: string,
	kind: CredentialKind,
): { accessToken: string; [TOKEN_FOR_FIELD]: string } {
	return { accessToken, [TOKEN_FOR_FIELD]: credentialIdentity(credentials, kind) };
}

/** The stored token if it was issued for the credential's fields as they are now, else ''. */
export function storedToken(
	credentials: ICredentialDataDecryptedObject,
	kind: CredentialKind,
): string {
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (token === '') return '';
	return credentials[TOKEN_FOR_FIELD] === credentialIdentity(credentials, kind) ? token : '';
}
