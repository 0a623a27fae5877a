/**
 * The credentials the Workfront nodes accept, one per way Adobe lets an integration in, chosen by
 * each node's Authentication parameter. What differs between them is said here once: the n8n
 * credential type, its name in messages, the fields a token is issued for, and how a token is
 * attached to a request.
 */
export type CredentialKind = 'jwt' | 'serverToServer' | 'oAuth2';

export interface KindFacts {
	/** n8n's credential type name. */
	type: string;
	/** As the credential is named in the editor and in messages. */
	label: string;
	/**
	 * The fields a stored token counts for (storedToken.ts) and a token gate is shared by
	 * (tokenGate.ts): edit one of them and the token is never sent again. Empty for a credential
	 * whose token n8n's OAuth2 machinery keeps.
	 */
	identity: readonly string[];
	/**
	 * How Workfront reads the token: its own tokens in the `sessionID` header (API basics:
	 * help/quicksilver/wf-api/general/api-basics.md, "Authentication"); an Adobe IMS token as
	 * `Authorization: Bearer` with the `x-gw-ims-org-id` header (Workfront/workfront-api 9.1.0,
	 * src/Api.ts setImsCredentials, PR #1485).
	 */
	attach: 'sessionID' | 'bearer';
}

export const KINDS: Record<CredentialKind, KindFacts> = {
	jwt: {
		type: 'workfrontJwtApi',
		label: 'Workfront JWT API',
		// The order is part of the stored fingerprint: tokens stored before other kinds existed
		// stay valid.
		identity: ['url', 'clientId', 'clientSecret', 'customerId', 'userId', 'privateKey'],
		attach: 'sessionID',
	},
	serverToServer: {
		type: 'workfrontServerToServerApi',
		label: 'Adobe Workfront OAuth Server-to-Server API',
		identity: ['url', 'imsUrl', 'clientId', 'clientSecret', 'scopes', 'imsOrgId'],
		attach: 'bearer',
	},
	oAuth2: {
		type: 'workfrontOAuth2Api',
		label: 'Workfront OAuth2 API',
		identity: [],
		attach: 'sessionID',
	},
};

/** The Authentication parameter's value a saved node without one means. */
export const DEFAULT_KIND: CredentialKind = 'jwt';

/** The kind an Authentication value names; anything unknown is the default, as n8n reads a missing value. */
export function kindOf(authentication: unknown): CredentialKind {
	return typeof authentication === 'string' && Object.hasOwn(KINDS, authentication)
		? (authentication as CredentialKind)
		: DEFAULT_KIND;
}
