import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { CredentialKind } from '../../credentials/common/kinds';
import { WorkfrontSimulator, type StartOptions } from '../simulator';
import { rsaPair } from './keys';

export const CLIENT_ID = 'n8n-test-client';
export const CLIENT_SECRET = 'client-secret-0f3c9a7e5b';
export const CUSTOMER_ID = 'cust0000000000000000000000000001';
export const USER_ID = 'user0000000000000000000000000001';

/** An Adobe Developer Console OAuth Server-to-Server credential, as the simulator's IMS knows it. */
export const IMS_CLIENT_ID = 'ims0test0client0id0000000000001';
export const IMS_CLIENT_SECRET = 'p8e-ImsSecret-4c1d9a7f2b6e0c3d';
export const IMS_SCOPES = ['openid', 'AdobeID', 'additional_info.projectedProductContext'];
export const IMS_ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';
export const TECHNICAL_ACCOUNT_ID = 'tech0000000000000000000000000001';

/** A Workfront OAuth2 Web Application and the user who signs in through it. */
export const WEB_CLIENT_ID = 'n8n-web-client';
export const WEB_CLIENT_SECRET = 'web-secret-7d2e9b4c1a8f';
export const LOGIN_USER_ID = 'login000000000000000000000000001';
export const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

/**
 * A simulator with one application of each kind (a JWT one, a Developer Console credential, a
 * Web Application), and the credential data of `kind` that authenticates against it. For the
 * user-login kind the user has already signed in (see signIn).
 */
export async function startWorkfront(
	options: StartOptions = {},
	kind: CredentialKind = 'jwt',
): Promise<{ simulator: WorkfrontSimulator; credentials: ICredentialDataDecryptedObject }> {
	const pair = rsaPair();
	const simulator = await WorkfrontSimulator.start({
		applications: [
			{
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				customerId: CUSTOMER_ID,
				keys: [{ userId: USER_ID, pem: pair.publicPem }],
			},
		],
		imsClients: [
			{
				clientId: IMS_CLIENT_ID,
				clientSecret: IMS_CLIENT_SECRET,
				scopes: IMS_SCOPES,
				orgId: IMS_ORG_ID,
				technicalAccountId: TECHNICAL_ACCOUNT_ID,
				customerId: CUSTOMER_ID,
			},
		],
		webApplications: [
			{
				clientId: WEB_CLIENT_ID,
				clientSecret: WEB_CLIENT_SECRET,
				redirectUris: [REDIRECT_URI],
				userId: LOGIN_USER_ID,
				customerId: CUSTOMER_ID,
			},
		],
		...options,
	});
	const credentials =
		kind === 'jwt'
			? credentialsFor(simulator, pair.pkcs8)
			: kind === 'serverToServer'
				? serverToServerCredentials(simulator)
				: await userLoginCredentials(simulator);
	return { simulator, credentials };
}

export function credentialsFor(
	simulator: WorkfrontSimulator,
	privateKey: string,
): ICredentialDataDecryptedObject {
	return {
		url: simulator.origin,
		apiVersion: 'v21.0',
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		customerId: CUSTOMER_ID,
		userId: USER_ID,
		privateKey,
		jwtLifetime: 300,
		accessToken: '',
	};
}

export function serverToServerCredentials(
	simulator: WorkfrontSimulator,
): ICredentialDataDecryptedObject {
	return {
		url: simulator.origin,
		imsUrl: simulator.imsOrigin,
		apiVersion: 'v21.0',
		clientId: IMS_CLIENT_ID,
		clientSecret: IMS_CLIENT_SECRET,
		scopes: IMS_SCOPES.join(', '),
		imsOrgId: IMS_ORG_ID,
		accessToken: '',
	};
}

/**
 * What n8n's OAuth2 callback does after a user signs in: the code from the authorize redirect
 * exchanged for tokens, kept as the credential's `oauthTokenData`. n8n itself does this in the
 * end-to-end suite; here it is done over the same HTTP so the node's own path can be tested alone.
 */
export async function signIn(simulator: WorkfrontSimulator): Promise<Record<string, unknown>> {
	const authorize = new URL('/integrations/oauth2/authorize', simulator.origin);
	authorize.searchParams.set('client_id', WEB_CLIENT_ID);
	authorize.searchParams.set('redirect_uri', REDIRECT_URI);
	authorize.searchParams.set('response_type', 'code');
	authorize.searchParams.set('state', 'test-state');
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
	const answer = await fetch(new URL('/integrations/oauth2/api/v1/token', simulator.origin), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT_URI,
			client_id: WEB_CLIENT_ID,
			client_secret: WEB_CLIENT_SECRET,
		}),
	});
	return (await answer.json()) as Record<string, unknown>;
}

export async function userLoginCredentials(
	simulator: WorkfrontSimulator,
): Promise<ICredentialDataDecryptedObject> {
	return {
		url: simulator.origin,
		apiVersion: 'v21.0',
		clientId: WEB_CLIENT_ID,
		clientSecret: WEB_CLIENT_SECRET,
		oauthTokenData: (await signIn(simulator)) as never,
	};
}
