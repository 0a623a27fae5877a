import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateFor } from './common/authenticateRequest';
import { obtainAccessToken } from './jwt/obtainAccessToken';
import { JWT_LIFETIME } from './jwt/credentialFields';
import { tokenToStore } from './common/storedToken';
import {
	apiVersionField,
	requestTimeoutField,
	storedTokenFields,
	workfrontUrlField,
} from './common/fields';

export class WorkfrontJwtApi implements ICredentialType {
	name = 'workfrontJwtApi';

	displayName = 'Workfront JWT API';

	icon: Icon = { light: 'file:../icons/workfront.svg', dark: 'file:../icons/workfront.dark.svg' };

	documentationUrl =
		'https://experienceleague.adobe.com/en/docs/workfront/using/adobe-workfront-api/api-notes/oauth-app-jwt-flow';

	httpRequestNode = {
		name: 'Workfront',
		docsUrl:
			'https://experienceleague.adobe.com/en/docs/workfront/using/adobe-workfront-api/api-general-information/api-basics',
		apiBaseUrlPlaceholder: 'https://yourdomain.my.workfront.com/attask/api/v22.0/',
	};

	properties: INodeProperties[] = [
		{
			// Adobe retired Developer Console's "Service Account (JWT)" credentials (end of life June
			// 30, 2025, not working after March 1, 2026: developer.adobe.com/developer-console/docs/
			// guides/authentication/ServerToServerAuthentication/migration/). Workfront's own OAuth2
			// application with JWT is another thing, and current; Adobe's page on it reuses the
			// retired credential's wording, which misleads.
			displayName:
				"This is Workfront's own OAuth2 application (in Workfront: Setup > System > OAuth2 Applications > Machine to Machine), not Adobe Developer Console's retired Service Account (JWT) credential.",
			name: 'oauthAppNotice',
			type: 'notice',
			default: '',
		},
		workfrontUrlField(
			'The address you see in the browser when logged in to Workfront, e.g. yourdomain.my.workfront.com, yourdomain.my.workfront.adobe.com or yourdomain.preview.workfront.com. A pasted link works; only its host is used. HTTPS is required.',
		),

		apiVersionField,

		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			hint: 'Workfront: Setup > System > OAuth2 Applications > your application',
			description:
				'In Workfront: Setup > System > OAuth2 Applications > your Machine to Machine application (server authentication with JWT) > Client ID',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Shown once when the OAuth2 application is created (Setup > System > OAuth2 Applications). If it is lost, generate a new one there.',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			required: true,
			hint: "Workfront: the OAuth2 application's details",
			description:
				'In the OAuth2 application details in Workfront (Setup > System > OAuth2 Applications > your application > Customer ID). Sent as the JWT issuer (iss).',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			hint: "The 32 characters in the address bar when the user's page is open in Workfront",
			description:
				'The ID of the Workfront user who uploaded the public key to the application; n8n acts as this user. Open the user in Workfront: the ID is the 32 characters in the address bar. Sent as the JWT subject (sub).',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
			description:
				'The RSA private key (PEM, 2048 bits or more) of the key pair whose public key or certificate is uploaded to the OAuth2 application. Paste the whole file, BEGIN and END lines included.',
		},
		{
			displayName: 'JWT Lifetime (Seconds)',
			name: 'jwtLifetime',
			type: 'number',
			typeOptions: { minValue: JWT_LIFETIME.min, maxValue: JWT_LIFETIME.max },
			default: JWT_LIFETIME.default,
			description:
				'How long each signed JWT is valid. Workfront recommends a few minutes; a new JWT is signed for every token exchange.',
		},
		requestTimeoutField,

		...storedTokenFields,
	];

	/**
	 * n8n calls this when the stored token is empty, and after a failed request of the HTTP Request
	 * node (any failure, a 404 too). An answer without `accessToken` tells n8n there is no new token:
	 * it then reports the request's own failure instead of sending the request again, so a write
	 * that failed for another reason is never repeated with the same token.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await obtainAccessToken(
			async (options) => await this.helpers.httpRequest(options),
			credentials,
		);
		return accessToken === undefined ? {} : tokenToStore(credentials, accessToken, 'jwt');
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) => authenticateFor('jwt')(credentials, requestOptions);

	/**
	 * **Test**: n8n runs preAuthentication first, always during a test (its CredentialsHelper), so
	 * a token is exchanged unless the stored one was issued for these very field values and
	 * Workfront still accepts it (GET session). Then the user of User ID is read with that token,
	 * which only succeeds if Workfront accepts it for the API version chosen. A failed exchange
	 * shows the exchange's own message (which field, what to do); a failed read, n8n's words for
	 * its status. (`rules` are not given: n8n reads them from an error's `cause.response`, which
	 * the errors of this request path do not carry.)
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			// Relative: authenticate puts it on the credential's own origin.
			url: '=/attask/api/{{ $credentials.apiVersion }}/user/{{ encodeURIComponent(String($credentials.userId).trim()) }}',
			qs: { fields: 'ID' },
		},
	};
}
