import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { tokenToStore } from '../../../../credentials/common/storedToken';
import { obtainImsToken } from '../../../../credentials/ims/obtainImsToken';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { IMS_ORG_ID, TECHNICAL_ACCOUNT_ID } from '../../../support/workfrontAccount';
import { freshFixturePerTest } from '../../../support/workfrontNode';

/**
 * The Server-to-Server credential's preAuthentication, called as n8n calls it, against the
 * simulator's IMS and Workfront: IMS issues the token, Workfront checks it once with the
 * organization header before it is kept. The IMS request's own answers are in
 * imsToken.properties.test.ts, the credential's Test in WorkfrontServerToServerApi.credentials.test.ts.
 */
const fixture = freshFixturePerTest({}, 'serverToServer');

const sent: IHttpRequestOptions[] = [];
const send = async (options: IHttpRequestOptions) => {
	sent.push(options);
	return await httpRequest(options);
};
beforeEach(() => {
	sent.length = 0;
});

const stored = (changes: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	...fixture().helper.get('wf-cred'),
	accessToken: '',
	...changes,
});

async function failure(credentials: ICredentialDataDecryptedObject) {
	const error = await obtainImsToken(send, credentials).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(WorkfrontCredentialError);
	return error as WorkfrontCredentialError;
}

test('a token from IMS, checked with Workfront as Bearer with the organization, then returned', async () => {
	const token = await obtainImsToken(send, stored());
	const session = fixture().simulator.state.sessions.find(token);
	expect(session).toMatchObject({ kind: 'ims', userId: TECHNICAL_ACCOUNT_ID, orgId: IMS_ORG_ID });
	expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
		`POST ${fixture().simulator.imsOrigin}/ims/token/v3`,
		`GET ${fixture().simulator.origin}/attask/api/v21.0/session`,
	]);
	expect(sent[1].headers).toEqual({
		Authorization: `Bearer ${token}`,
		'x-gw-ims-org-id': IMS_ORG_ID,
		Accept: 'application/json',
	});
});

test('a stored token still good is checked, not replaced (undefined)', async () => {
	const token = await obtainImsToken(send, stored());
	sent.length = 0;
	const credentials = stored();
	expect(
		await obtainImsToken(send, {
			...credentials,
			...tokenToStore(credentials, token ?? '', 'serverToServer'),
		}),
	).toBeUndefined();
	expect(sent.map(({ method }) => method)).toEqual(['GET']);
});

test('an organization Workfront does not take is named as such, and the token is not kept', async () => {
	const error = await failure(stored({ imsOrgId: 'FEDCBA9876543210FEDCBA98@AdobeOrg' }));
	expect(error.message).toMatch(
		/^Workfront did not accept the IMS Organization ID FEDCBA9876543210FEDCBA98@AdobeOrg for this token \(HTTP 401\)\./,
	);
	expect(error.field).toBe('IMS Organization ID');
});

test('a token Workfront refuses for another reason points at the Workfront URL and the technical account', async () => {
	fixture().simulator.injectFault({
		times: 1,
		path: /\/session$/,
		status: 401,
		body: {
			error: {
				class: 'com.attask.common.AuthenticationException',
				message: 'You are not currently logged in.',
			},
		},
	});
	const error = await failure(stored());
	expect(error.message).toMatch(
		/^Adobe IMS issued a token, but .* does not accept it \(HTTP 401\)\./,
	);
	expect(error.message).toContain('techacct.adobe.com');
	expect(error.field).toBe('Workfront URL');
});

test('an answer of the check that says nothing either way lets the token through', async () => {
	fixture().simulator.injectFault({
		times: 1,
		path: /\/session$/,
		status: 403,
		body: { error: { message: 'no' } },
	});
	expect(await obtainImsToken(send, stored())).toEqual(expect.any(String));
});

test('fields are checked before anything is sent: the client secret goes nowhere', async () => {
	const error = await failure(stored({ imsUrl: 'https://evil.example' }));
	expect(error.field).toBe('IMS URL');
	expect(sent).toHaveLength(0);
	expect((await failure(stored({ scopes: ' , ' }))).field).toBe('Scopes');
	expect(sent).toHaveLength(0);
});
