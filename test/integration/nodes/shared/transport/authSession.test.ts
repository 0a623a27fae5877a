import type { IHttpRequestOptions } from 'n8n-workflow';

import {
	currentToken,
	forgetSessions,
	isAuthenticationFailure,
	sendWithSession,
} from '../../../../../nodes/shared/transport/authSession';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { updateCredential } from '../../../../support/hostileSetup';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * One request with the credential's session, called directly in n8n-core's execution context
 * against the simulator: which token goes, when n8n is made to get a new one, and what this
 * module refuses on its own (a second fresh token refused in one execution). The gate behind the
 * exchange is the credential's (credentials/common); runs of the node are in transport.test.ts.
 */
const fixture = freshFixturePerTest();

const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
const count = (): IHttpRequestOptions => ({
	method: 'GET',
	url: `${fixture().simulator.origin}/attask/api/v21.0/proj/count`,
	returnFullResponse: true,
	ignoreHttpStatusErrors: true,
	json: true,
});
const exchanges = () => fixture().simulator.state.exchangeRequests.length;
const stored = () => String(fixture().helper.get(CREDENTIAL_ID).accessToken ?? '');

describe('"not logged in", as Workfront says it', () => {
	test.each([
		[401, '', true],
		[401, { error: { class: 'Anything' } }, true],
		[500, { error: { class: 'com.attask.common.AuthenticationException' } }, true],
		[200, '{"error":{"class":"com.attask.common.AuthenticationException"}}', true],
		[200, '{"data":{"count":1}}', false],
		[403, { error: { class: 'com.attask.common.SecurityException' } }, false],
		[500, 'AuthenticationException is mentioned, but not as a class', false],
	])('HTTP %s %p: %s', (statusCode, body, refused) => {
		expect(isAuthenticationFailure({ statusCode, headers: {}, body })).toBe(refused);
	});
});

describe('sending with the session', () => {
	test('no token yet: n8n has the credential get one, and the answer says which token went', async () => {
		const { response, token } = await sendWithSession(context(), count, 0);
		expect(response.statusCode).toBe(200);
		expect(exchanges()).toBe(1);
		expect(token).toBe(stored());
		expect(fixture().simulator.state.sessions.find(token)).toBeDefined();
	});

	test('a stored token is used as it is: no exchange', async () => {
		await sendWithSession(context(), count, 0);
		const { token } = await sendWithSession(context(), count, 0);
		expect(exchanges()).toBe(1);
		expect(token).toBe(stored());
	});

	test('a token Workfront refuses: one exchange, the request sent again with the new token', async () => {
		await sendWithSession(context(), count, 0);
		const before = stored();
		fixture().simulator.revokeAllTokens();
		const { response, token } = await sendWithSession(context(), count, 0);
		expect(response.statusCode).toBe(200);
		expect(token).not.toBe(before);
		expect(exchanges()).toBe(2);
		const counts = fixture().simulator.log.filter(({ path }) => path.endsWith('proj/count'));
		expect(counts.map(({ status }) => status)).toEqual([200, 401, 200]);
	});

	test('a token another execution stored since is used instead of a new exchange', async () => {
		const run = context();
		await sendWithSession(run, count, 0);
		// This run's token is revoked; another worker has stored a new one since this run read it.
		fixture().simulator.revokeAllTokens();
		const { userId, customerId } = fixture().helper.get(CREDENTIAL_ID);
		const fresh = fixture().simulator.state.sessions.issue(
			String(userId),
			String(customerId),
			3_600,
		).token;
		updateCredential(fixture(), { accessToken: fresh });
		const { token } = await sendWithSession(run, count, 0);
		expect(token).toBe(fresh);
		expect(exchanges()).toBe(1);
	});

	test('a fresh token refused at once: the answer is handed back, and the rest of the execution refused without an exchange', async () => {
		const run = context();
		fixture().simulator.injectFault({ times: 100, path: /proj\/count$/, status: 401 });
		const { response } = await sendWithSession(run, count, 0);
		expect(response.statusCode).toBe(401);
		const afterFirst = exchanges();
		const error = await sendWithSession(run, count, 2).catch((thrown: unknown) => thrown);
		expect((error as Error).message).toBe(
			'Workfront refuses the access tokens of this credential, even a freshly exchanged one',
		);
		expect((error as { context: { itemIndex: number } }).context.itemIndex).toBe(2);
		expect((error as { description: string }).description).toContain(
			"The user of the credential's User ID may lack API access",
		);
		expect(exchanges()).toBe(afterFirst);
	});

	test('an exchange that fails is said as the credential said it, and nothing is sent', async () => {
		updateCredential(fixture(), { clientSecret: 'wrong-secret', accessToken: '' });
		const error = await sendWithSession(context(), count, 1).catch((thrown: unknown) => thrown);
		expect((error as Error).message).toMatch(/Client ID or Client Secret/);
		expect((error as { description: string }).description).toBe(
			'Getting an access token failed, so nothing was sent to Workfront. If this names a credential field, open the Workfront JWT API credential, correct it and press Test.',
		);
		expect(fixture().simulator.log.filter(({ path }) => path.endsWith('proj/count'))).toHaveLength(
			0,
		);
	});

	test('work stopped before sending sends nothing', async () => {
		const stop = new AbortController();
		stop.abort(new Error('stopped'));
		await expect(
			sendWithSession(context(), () => ({ ...count(), abortSignal: stop.signal }), 0),
		).rejects.toThrow('stopped');
		expect(fixture().simulator.log.filter(({ path }) => path.endsWith('proj/count'))).toHaveLength(
			0,
		);
	});
});

describe('the token stored now', () => {
	test('read again from the credential, not from what the run read before', async () => {
		const run = context();
		await sendWithSession(run, count, 0);
		updateCredential(fixture(), { accessToken: 'stored-since' });
		expect(await currentToken(run, 0)).toBe('stored-since');
	});
});

test('forgetSessions forgets what the process knew: a refused token is tried again', async () => {
	fixture().simulator.injectFault({ times: 100, path: /proj\/count$/, status: 401 });
	const run = context();
	await sendWithSession(run, count, 0);
	await expect(sendWithSession(run, count, 0)).rejects.toThrow(/even a freshly exchanged one/);
	forgetSessions();
	const { response } = await sendWithSession(run, count, 0);
	expect(response.statusCode).toBe(401);
});
