import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { tokenToStore } from '../../../../credentials/common/storedToken';
import { obtainAccessToken } from '../../../../credentials/jwt/obtainAccessToken';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { CUSTOMER_ID, USER_ID } from '../../../support/workfrontAccount';
import { freshFixturePerTest } from '../../../support/workfrontNode';

/**
 * The JWT credential's preAuthentication, called as n8n calls it (the decrypted credential and
 * n8n-core's HTTP client), against the simulator. The shared flow behind it is tested in
 * common/obtainToken.test.ts; here, what this credential puts into it.
 */
const fixture = freshFixturePerTest();

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
	...changes,
});

const withToken = (token: string) => {
	const credentials = stored();
	return { ...credentials, ...tokenToStore(credentials, token, 'jwt') };
};

test('no token: a JWT is signed and exchanged, and the new token returned', async () => {
	const token = await obtainAccessToken(send, stored({ accessToken: '' }));
	expect(fixture().simulator.state.sessions.find(token)?.userId).toBe(USER_ID);
	expect(fixture().simulator.state.exchangeRequests).toHaveLength(1);
	expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
		`POST ${fixture().simulator.origin}/integrations/oauth2/api/v1/jwt/exchange`,
	]);
});

test('a stored token is checked in the sessionID header, at the credential’s API version', async () => {
	const { token } = fixture().simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3_600);
	const credentials = { ...withToken(token), apiVersion: 'v20.0' };
	expect(await obtainAccessToken(send, credentials)).toBeUndefined();
	expect(sent).toHaveLength(1);
	expect(sent[0]).toMatchObject({
		method: 'GET',
		url: `${fixture().simulator.origin}/attask/api/v20.0/session`,
		headers: { sessionID: token },
		disableFollowRedirect: true,
	});
	expect(fixture().simulator.state.exchangeRequests).toHaveLength(0);
});

test('a stored token Workfront refuses is replaced by an exchange', async () => {
	const token = await obtainAccessToken(send, withToken('revoked'));
	expect(token).toBeDefined();
	expect(token).not.toBe('revoked');
	expect(sent.map(({ method }) => method)).toEqual(['GET', 'POST']);
});

test.each([
	['url', 'ftp://example.com', 'Workfront URL'],
	['clientSecret', '', 'Client Secret'],
	['privateKey', 'not a key', 'Private Key'],
])('a bad %s is refused before anything is signed or sent', async (field, value, named) => {
	const error = await obtainAccessToken(send, stored({ [field]: value, accessToken: '' })).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(WorkfrontCredentialError);
	expect((error as WorkfrontCredentialError).field).toBe(named);
	expect(sent).toHaveLength(0);
	expect(fixture().simulator.log).toHaveLength(0);
});
