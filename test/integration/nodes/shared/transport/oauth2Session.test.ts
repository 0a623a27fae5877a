import type { IHttpRequestOptions } from 'n8n-workflow';

import {
	forgetOAuth2Refreshes,
	OAUTH2_OPTIONS,
	oauth2Token,
	sendWithOAuth2,
} from '../../../../../nodes/shared/transport/oauth2Session';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { signIn } from '../../../../support/workfrontAccount';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * The user-login credential's requests, called directly in n8n-core's execution context against
 * the simulator's OAuth2 Web Application. What a user sees across runs (one renewal for concurrent
 * callers, rotation, a failed renewal held, no secret shown) is in
 * test/integration/credentials/userLogin.test.ts; here, the module's own steps.
 */
const fixture = freshFixturePerTest({}, 'oAuth2');

const context = () =>
	createExecuteContext(fixture().helper, CREDENTIAL_ID, 'workfrontOAuth2Api', {
		authentication: 'oAuth2',
	});
const count = (): IHttpRequestOptions => ({
	method: 'GET',
	url: `${fixture().simulator.origin}/attask/api/v21.0/proj/count`,
	returnFullResponse: true,
	ignoreHttpStatusErrors: true,
	json: true,
});
/** What the simulator saw since the test began (the fixture's sign-in left out). */
let start = 0;
beforeEach(() => {
	start = fixture().simulator.log.length;
});
const seen = () => fixture().simulator.log.slice(start);
const storedToken = () => oauth2Token(fixture().helper.get(CREDENTIAL_ID));
const renewals = () =>
	seen().filter(({ path }) => path === '/integrations/oauth2/api/v1/token').length;
const counts = () => seen().filter(({ path }) => path.endsWith('proj/count'));

describe('the token n8n keeps', () => {
	test.each([
		[{ oauthTokenData: { access_token: 'abc', refresh_token: 'r' } }, 'abc'],
		[{ oauthTokenData: { access_token: 42 } }, ''],
		[{ oauthTokenData: {} }, ''],
		[{}, ''],
	])('%p → %p', (credentials, token) => {
		expect(oauth2Token(credentials as never)).toBe(token);
	});

	test("n8n is told to sign as Bearer and copy the token into Workfront's sessionID header", () => {
		expect(OAUTH2_OPTIONS).toEqual({
			tokenType: 'Bearer',
			keyToIncludeInAccessTokenHeader: 'sessionID',
		});
	});
});

describe('sending', () => {
	test('with the token of the user who signed in: the answer, and the token that went', async () => {
		const { response, token } = await sendWithOAuth2(context(), count, 0);
		expect(response.statusCode).toBe(200);
		expect(token).toBe(storedToken());
		expect(counts().map(({ status }) => status)).toEqual([200]);
	});

	test('a refused token: renewed through n8n, then the request sent once more with the new one', async () => {
		const before = storedToken();
		fixture().simulator.revokeAllTokens();
		const { response, token } = await sendWithOAuth2(context(), count, 0);
		expect(response.statusCode).toBe(200);
		expect(renewals()).toBe(1);
		expect(token).toBe(storedToken());
		expect(token).not.toBe(before);
		expect(counts().map(({ status }) => status)).toEqual([401, 200]);
	});

	test('renewed by someone else since this run read the credential: not renewed again', async () => {
		const run = context();
		await sendWithOAuth2(run, count, 0);
		// Another worker signed in again and stored the new tokens; this run still holds the old.
		const renewedElsewhere = await signIn(fixture().simulator);
		start = fixture().simulator.log.length;
		fixture().helper.set(CREDENTIAL_ID, {
			...fixture().helper.get(CREDENTIAL_ID),
			oauthTokenData: renewedElsewhere as never,
		});
		fixture().simulator.injectFault({ times: 1, path: /proj\/count$/, status: 401 });
		const { response, token } = await sendWithOAuth2(run, count, 0);
		expect(response.statusCode).toBe(200);
		expect(token).toBe(renewedElsewhere.access_token);
		expect(renewals()).toBe(0);
	});

	test('refused again after the renewal: a clear error, and the request is not sent a third time', async () => {
		fixture().simulator.injectFault({ times: 10, path: /proj\/count$/, status: 401 });
		const error = await sendWithOAuth2(context(), count, 4).catch((thrown: unknown) => thrown);
		expect((error as Error).message).toBe(
			"Workfront refuses the Workfront OAuth2 API credential's token, even a freshly renewed one",
		);
		expect((error as { context: { itemIndex: number } }).context.itemIndex).toBe(4);
		expect(renewals()).toBe(1);
		expect(counts()).toHaveLength(2);
	});

	test('not connected: said before anything is sent', async () => {
		fixture().helper.set(CREDENTIAL_ID, {
			...fixture().helper.get(CREDENTIAL_ID),
			oauthTokenData: undefined as never,
		});
		const error = await sendWithOAuth2(context(), count, 0).catch((thrown: unknown) => thrown);
		expect((error as Error).message).toBe(
			'The Workfront OAuth2 API credential is not connected to Workfront',
		);
		expect((error as { description: string }).description).toMatch(/Connect my account/);
		expect(seen()).toHaveLength(0);
	});

	test('a failed renewal is held; forgetOAuth2Refreshes (a restart) lets the next caller try again', async () => {
		fixture().simulator.revokeAllTokens();
		fixture().simulator.state.userLogins.refreshTokens.clear();
		await expect(sendWithOAuth2(context(), count, 0)).rejects.toThrow(/renewing it failed/);
		await expect(sendWithOAuth2(context(), count, 0)).rejects.toThrow(/renewing it failed/);
		expect(renewals()).toBe(1);
		forgetOAuth2Refreshes();
		await expect(sendWithOAuth2(context(), count, 0)).rejects.toThrow(/renewing it failed/);
		expect(renewals()).toBe(2);
	});
});
