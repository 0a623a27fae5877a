import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { apiVersionField, requestTimeoutField, workfrontUrlField } from './common/fields';

/**
 * The origin of what the user typed as Workfront URL, as an n8n expression: the host read as the
 * nodes read it (a bare host or a pasted link, https unless http is typed), kept only when it is
 * one of Workfront's hosts (`*.workfront.com`, `*.workfront.adobe.com`) or a loopback address for
 * the simulator, as normaliseWorkfrontUrl allows. Anything else, or a host with characters a host
 * name does not have (`@`, `\`, spaces, other scripts), becomes an address that cannot resolve
 * (`.invalid`, RFC 6761), so the sign-in, the code exchange and renewals (which carry the client
 * secret and the refresh token) never go to another host.
 */
const ORIGIN = `{{ (() => {
	const typed = String($self["url"] ?? "").trim();
	const found = /^(?:(https?):[/][/])?([a-z0-9.-]+(?::[0-9]{1,5})?)(?:[/?#].*)?$/i.exec(typed);
	const scheme = found ? (found[1] || "https").toLowerCase() : "";
	const host = found ? found[2].toLowerCase().replace(/[.](?=:|$)/, "") : "";
	const name = host.replace(/:[0-9]+$/, "");
	const workfront = scheme === "https" && /^([a-z0-9-]+[.])+workfront([.]adobe)?[.]com$/.test(name);
	const loopback = /^(127[.]0[.]0[.]1|localhost)$/.test(name);
	return workfront || loopback ? scheme + "://" + host : "https://workfront-url-not-accepted.invalid";
})() }}`;

/**
 * Workfront's own OAuth2 application of type Web Application: a user signs in to Workfront and n8n
 * acts as that user (authorization code with refresh tokens; Adobe: "Configure and use your
 * organization's custom OAuth 2 applications using authorization code flow",
 * help/quicksilver/wf-api/api/oauth-app-code-token-flow.md). n8n's OAuth2 machinery does the
 * sign-in, the code exchange and the renewals; the token it gets is a Workfront session ID
 * (`token_type: sessionID`), which the Workfront nodes send in the `sessionID` header.
 */
export class WorkfrontOAuth2Api implements ICredentialType {
	name = 'workfrontOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Workfront OAuth2 API';

	icon: Icon = { light: 'file:../icons/workfront.svg', dark: 'file:../icons/workfront.dark.svg' };

	documentationUrl =
		'https://experienceleague.adobe.com/en/docs/workfront/using/adobe-workfront-api/api-notes/oauth-app-code-token-flow';

	properties: INodeProperties[] = [
		{
			displayName:
				"Workfront's own OAuth2 application of type Web Application (in Workfront: Setup > System > OAuth2 Applications). Add n8n's OAuth Redirect URL (shown above) to the application's Redirect URLs. n8n then acts as the user who connects.",
			name: 'oauthAppNotice',
			type: 'notice',
			default: '',
		},
		workfrontUrlField(
			'The address you see in the browser when logged in to Workfront, e.g. yourdomain.my.workfront.com. Sign-in and tokens go to this host.',
		),

		apiVersionField,

		requestTimeoutField,

		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			// oauth-app-code-token-flow.md: GET https://<domain>/integrations/oauth2/authorize
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `=${ORIGIN}/integrations/oauth2/authorize`,
		},
		{
			// oauth-app-code-token-flow.md: POST https://<domain>/integrations/oauth2/api/v1/token
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `=${ORIGIN}/integrations/oauth2/api/v1/token`,
		},
		{
			// "You do not need to specify scopes" (oauth-app-code-token-flow.md).
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// n8n's HTTP Request node would send this credential's token wherever it is pointed:
			// n8n attaches an OAuth2 token itself, and no check of this credential runs there. So
			// the credential is refused there ("This credential is configured to prevent use within
			// an HTTP Request or GraphQL node"), as n8n does for a credential set to None. Declared
			// here, n8n adds no field of its own to change it (n8n 1.123 and 2.x,
			// LoadNodesAndCredentials.injectDomainRestrictionFields).
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'hidden',
			default: 'none',
		},
		{
			// The form the token endpoint documents: client_id and client_secret in the body.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
