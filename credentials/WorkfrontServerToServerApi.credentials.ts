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
import { tokenToStore } from './common/storedToken';
import { IMS_ORIGIN } from './ims/imsFields';
import { obtainImsToken } from './ims/obtainImsToken';
import {
	apiVersionField,
	requestTimeoutField,
	storedTokenFields,
	workfrontUrlField,
} from './common/fields';

/**
 * Adobe's door for new integrations: a Developer Console project with the Adobe Workfront API and
 * an OAuth Server-to-Server credential (developer.adobe.com/workfront-apis, "Creating API
 * Credentials", AdobeDocs/workfront-apis src/pages/guides/gaining-access/). The token comes from
 * Adobe IMS and lives about 24 hours; Workfront reads it as `Authorization: Bearer` with the
 * organization's `x-gw-ims-org-id` header. It is the documented way into Workfront Planning.
 */
export class WorkfrontServerToServerApi implements ICredentialType {
	name = 'workfrontServerToServerApi';

	displayName = 'Adobe Workfront OAuth Server-to-Server API';

	icon: Icon = { light: 'file:../icons/workfront.svg', dark: 'file:../icons/workfront.dark.svg' };

	documentationUrl = 'https://developer.adobe.com/workfront-apis/guides/gaining-access/';

	httpRequestNode = {
		name: 'Workfront (OAuth Server-to-Server)',
		docsUrl:
			'https://experienceleague.adobe.com/en/docs/workfront/using/adobe-workfront-api/api-general-information/api-basics',
		apiBaseUrlPlaceholder: 'https://yourdomain.my.workfront.com/attask/api/v22.0/',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'An OAuth Server-to-Server credential from Adobe Developer Console (a project with the Adobe Workfront API). Only a full IMS organization administrator can create one. n8n acts as its technical account, a Workfront user; give it the access level the workflows need.',
			name: 'serverToServerNotice',
			type: 'notice',
			default: '',
		},
		workfrontUrlField(
			'The address you see in the browser when logged in to Workfront, e.g. yourdomain.my.workfront.com; the instance chosen for the Adobe Workfront API in Developer Console. HTTPS is required.',
		),

		apiVersionField,

		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			hint: 'Developer Console: your project > OAuth Server-to-Server > Credential details',
			description: "The credential's Client ID (also called API key) in Adobe Developer Console",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In Adobe Developer Console: your project > OAuth Server-to-Server > Credential details > Retrieve client secret',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'openid, AdobeID, additional_info.projectedProductContext',
			hint: 'Developer Console: your project > OAuth Server-to-Server > Scopes',
			description:
				'The scopes Developer Console shows for the credential, separated by commas. Adobe does not publish a fixed list for Workfront; copy them as shown.',
		},
		{
			displayName: 'IMS Organization ID',
			name: 'imsOrgId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ABCDEF0123456789ABCDEF01@AdobeOrg',
			hint: 'Developer Console: your project > OAuth Server-to-Server > Credential details > Organization ID',
			description: 'Sent with every request as x-gw-ims-org-id; it ends in @AdobeOrg',
		},
		requestTimeoutField,

		{
			// Adobe's token endpoint; checked, not trusted (ims/imsFields.ts). Not shown: there is
			// nothing to choose.
			displayName: 'IMS URL',
			name: 'imsUrl',
			type: 'hidden',
			default: IMS_ORIGIN,
		},
		...storedTokenFields,
	];

	/**
	 * n8n calls this when the stored token is empty, during a Test, and after a failed request of
	 * the HTTP Request node. An answer without `accessToken` tells n8n there is no new token, so a
	 * request that failed for another reason is never repeated.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await obtainImsToken(
			async (options) => await this.helpers.httpRequest(options),
			credentials,
		);
		return accessToken === undefined
			? {}
			: tokenToStore(credentials, accessToken, 'serverToServer');
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) => authenticateFor('serverToServer')(credentials, requestOptions);

	/**
	 * **Test**: n8n runs preAuthentication first, which asks IMS for a token (unless the stored one
	 * was issued for these field values and Workfront still accepts it) and has Workfront check it
	 * with the organization ID. Then the technical account reads itself: `$$USER.ID` is
	 * Workfront's wildcard for the user a request acts as.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			// Relative: authenticate puts it on the credential's own origin.
			url: '=/attask/api/{{ $credentials.apiVersion }}/user/search',
			qs: { ID: '$$USER.ID', fields: 'ID' },
		},
	};
}
