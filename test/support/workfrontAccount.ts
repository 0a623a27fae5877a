import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontSimulator, type StartOptions } from '../simulator';
import { rsaPair } from './keys';

export const CLIENT_ID = 'n8n-test-client';
export const CLIENT_SECRET = 'client-secret-0f3c9a7e5b';
export const CUSTOMER_ID = 'cust0000000000000000000000000001';
export const USER_ID = 'user0000000000000000000000000001';

/** A simulator with one OAuth2 application, and the credential data that authenticates against it. */
export async function startWorkfront(
	options: StartOptions = {},
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
		...options,
	});
	return { simulator, credentials: credentialsFor(simulator, pair.pkcs8) };
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
