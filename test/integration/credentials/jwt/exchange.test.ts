import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { readCredentialFields } from '../../../../credentials/jwt/credentialFields';
import { EXCHANGE_PATH, exchangeJwtForToken } from '../../../../credentials/jwt/exchange';
import { signAssertion } from '../../../../credentials/jwt/signAssertion';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { CLIENT_SECRET, USER_ID } from '../../../support/workfrontAccount';
import { freshFixturePerTest } from '../../../support/workfrontNode';

/**
 * The JWT exchange on its own: a signed JWT traded for a token with n8n-core's HTTP client, against
 * the simulator. How the credential words each refusal is exchangeErrors.ts's (unit-tested), and
 * the credential's Test and its failures are in WorkfrontJwtApi.credentials.test.ts; here, what
 * the exchange sends, which answers give a token, and what it refuses to do.
 */
const fixture = freshFixturePerTest();

async function input(deadlineMs = 5_000) {
	const fields = readCredentialFields(fixture().helper.get('wf-cred'));
	const jwt = await signAssertion(fields.key, fields);
	return { ...fields, jwt, deadlineMs };
}

const exchange = async (deadlineMs?: number) =>
	await exchangeJwtForToken(async (options) => await httpRequest(options), await input(deadlineMs));

async function failure(deadlineMs?: number): Promise<WorkfrontCredentialError> {
	const error = await exchange(deadlineMs).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(WorkfrontCredentialError);
	return error as WorkfrontCredentialError;
}

const answerOnce = (fault: Parameters<ReturnType<typeof fixture>['simulator']['injectFault']>[0]) =>
	fixture().simulator.injectFault({ path: /jwt\/exchange$/, ...fault });

test('a signed JWT becomes a token Workfront knows, for the user of the JWT', async () => {
	const token = await exchange();
	expect(fixture().simulator.state.sessions.find(token)?.userId).toBe(USER_ID);
	expect(fixture().simulator.log.map(({ method, path }) => `${method} ${path}`)).toEqual([
		`POST ${EXCHANGE_PATH}`,
	]);
	expect(fixture().simulator.state.exchangeRequests).toHaveLength(1);
});

test.each([
	['access_token', { access_token: 'tok-1' }, 'tok-1'],
	['accessToken', { accessToken: 'tok-2' }, 'tok-2'],
	['sessionID', { sessionID: 'tok-3' }, 'tok-3'],
	['data.sessionId', { data: { sessionId: 'tok-4' } }, 'tok-4'],
	['token', { token: 'tok-5' }, 'tok-5'],
])('a token under %s is read (Workfront documents no answer shape)', async (_, body, token) => {
	answerOnce({ times: 1, status: 200, body });
	expect(await exchange()).toBe(token);
});

test('JSON sent as text is read as JSON', async () => {
	answerOnce({
		times: 1,
		status: 200,
		raw: '{"access_token":"tok-text"}',
		headers: { 'content-type': 'text/plain' },
	});
	expect(await exchange()).toBe('tok-text');
});

test('a success without a token says so, naming Workfront URL', async () => {
	answerOnce({ times: 1, status: 200, body: { data: {} } });
	const error = await failure();
	expect(error.message).toMatch(
		/^Workfront answered the token exchange without an access token \(HTTP 200\)\. Check Workfront URL/,
	);
	expect(error.field).toBe('Workfront URL');
});

test('a redirect is not followed: the secret and the JWT go nowhere else', async () => {
	answerOnce({
		times: 1,
		status: 302,
		headers: { location: 'https://elsewhere.example/exchange' },
	});
	const error = await failure();
	expect(error.message).toContain(
		'answered the token exchange with a redirect (HTTP 302) to https://elsewhere.example. It was not followed, so the client secret and the signed JWT went nowhere else.',
	);
	expect(error.field).toBe('Workfront URL');
	expect(fixture().simulator.log).toHaveLength(1);
});

test("a refusal keeps Workfront's words, without the secret or the JWT it may quote", async () => {
	const { jwt, clientSecret } = await input();
	answerOnce({
		times: 1,
		status: 400,
		body: { error: { message: `bad client_secret ${clientSecret} for jwt ${jwt}` } },
	});
	const error = await failure();
	expect(error.message).toContain('bad client_secret');
	expect(error.field).toBe('Client ID');
	expect(error.message).not.toContain(CLIENT_SECRET);
	expect(error.message).not.toContain(jwt.split('.')[2]);
});

test('a page that is not JSON on a success is no token and no crash', async () => {
	answerOnce({
		times: 1,
		status: 200,
		raw: '<html>Sign in</html>',
		headers: { 'content-type': 'text/html' },
	});
	const error = await failure();
	expect(error.message).toContain('answered the token exchange with a web page instead of JSON');
	expect(error.field).toBe('Workfront URL');
});

test('the whole answer has a deadline: a silent server ends it with a timeout', async () => {
	answerOnce({ times: 1, status: 200, delayMs: 2_000, body: { access_token: 'late' } });
	const error = await failure(200);
	expect(error.message).toMatch(/did not answer in time when n8n asked it for an access token/);
	expect(error.field).toBe('Workfront URL');
});

test('no server at all: the network failure, not the client’s error with the request in it', async () => {
	const values = await input();
	await fixture().close();
	const error = await exchangeJwtForToken(
		async (options) => await httpRequest(options),
		values,
	).then(
		() => undefined,
		(thrown: unknown) => thrown as WorkfrontCredentialError,
	);
	expect(error).toBeInstanceOf(WorkfrontCredentialError);
	expect(error?.message).toContain('could not be reached');
	expect(error?.message).not.toContain(CLIENT_SECRET);
});
