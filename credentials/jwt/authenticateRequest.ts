import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { WorkfrontCredentialError } from './credentialError';
import { normaliseWorkfrontUrl } from './workfrontUrl';

/**
 * Puts the access token in the `sessionID` header, the one Workfront reads (it ignores
 * `Authorization: Bearer` for its own tokens). Relative URLs, such as the credential test's, are
 * resolved against the Workfront host; a request to any other host is refused so that the token
 * is never sent anywhere but Workfront.
 */
export function addSessionHeader(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const origin = normaliseWorkfrontUrl(credentials.url);
	if (!requestOptions.baseURL && !/^[a-z][a-z0-9+.-]*:\/\//i.test(requestOptions.url)) {
		requestOptions.baseURL = origin;
	}
	const target = new URL(requestOptions.url, requestOptions.baseURL ?? origin);
	if (target.origin !== origin) {
		throw new WorkfrontCredentialError(
			`The Workfront JWT API credential only sends its token to ${origin}, but this request goes to ${target.origin}. Use a URL on ${origin}, or a credential made for that host.`,
			'Workfront URL',
		);
	}
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	requestOptions.headers = { ...requestOptions.headers, sessionID: token };
	return requestOptions;
}
