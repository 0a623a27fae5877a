import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	credentialKeyOf,
	credentialKindOf,
	keepRunToken,
	readConnection,
	runCredentials,
	type WorkfrontContext,
} from '../../../../../nodes/shared/transport/connection';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID, createHelper } from '../../../../harness/runWorkflow';

/**
 * What one run reads from its credential, in n8n-core's real execution context with a credential
 * store in memory: nothing is sent.
 */
const jwt = {
	url: 'example.my.workfront.com/some/page',
	apiVersion: 'v20.0',
	clientId: 'client',
	clientSecret: 'secret',
	customerId: 'customer',
	userId: 'user',
	privateKey: 'key',
	accessToken: 'token-1',
};

function run(
	credentials: IDataObject = jwt,
	type = 'workfrontJwtApi',
	parameters = {},
) {
	const helper = createHelper(credentials);
	const reads = jest.spyOn(helper, 'getDecrypted');
	const context = createExecuteContext(helper, CREDENTIAL_ID, type, parameters);
	return { helper, reads, context };
}

/** A context derived as the transport derives one for a request (its own cancel signal). */
const derived = (context: WorkfrontContext) => Object.create(context) as WorkfrontContext;

describe('where requests go', () => {
	test('the origin, the API base at the chosen version and the timeout, from the credential', async () => {
		const { context } = run({ ...jwt, requestTimeout: 12 });
		expect(await readConnection(context, 0)).toEqual({
			origin: 'https://example.my.workfront.com',
			apiBase: 'https://example.my.workfront.com/attask/api/v20.0',
			timeoutMs: 12_000,
		});
	});

	test('read once per run, with the credential: the two share one read', async () => {
		const { context, reads } = run();
		await readConnection(context, 0);
		await readConnection(derived(context), 0);
		await runCredentials(context, 0);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	test('a bad URL fails the item with the credential’s words; the failure is not kept', async () => {
		const { context, helper } = run({ ...jwt, url: 'http://example.com' });
		const error = await readConnection(context, 3).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Workfront URL uses http://, which would send your client secret and tokens unencrypted. Use https://example.com instead.',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
		// Corrected and read again: the connection is worked out anew.
		helper.set(CREDENTIAL_ID, jwt as never);
		await runCredentials(context, 0, true);
		expect((await readConnection(context, 0)).origin).toBe('https://example.my.workfront.com');
	});
});

describe('the credential of the run', () => {
	test('read once, again when asked (a refused or missing token), shared by derived contexts', async () => {
		const { context, helper, reads } = run();
		expect((await runCredentials(context, 0)).accessToken).toBe('token-1');
		helper.set(CREDENTIAL_ID, { ...jwt, accessToken: 'token-2' } as never);
		expect((await runCredentials(derived(context), 0)).accessToken).toBe('token-1');
		expect((await runCredentials(derived(context), 0, true)).accessToken).toBe('token-2');
		expect((await runCredentials(context, 0)).accessToken).toBe('token-2');
		expect(reads).toHaveBeenCalledTimes(2);
	});

	test('read again after a minute (a trigger’s context lives as long as its activation)', async () => {
		const { context, reads } = run();
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now');
		try {
			clock.mockReturnValue(now);
			await runCredentials(context, 0);
			clock.mockReturnValue(now + 59_999);
			await runCredentials(context, 0);
			expect(reads).toHaveBeenCalledTimes(1);
			clock.mockReturnValue(now + 60_000);
			await runCredentials(context, 0);
			expect(reads).toHaveBeenCalledTimes(2);
		} finally {
			clock.mockRestore();
		}
	});

	test('a failed read is forgotten, to be tried again', async () => {
		const { context, reads } = run();
		reads.mockRejectedValueOnce(new Error('database busy'));
		await expect(runCredentials(context, 0)).rejects.toThrow('database busy');
		expect((await runCredentials(context, 0)).accessToken).toBe('token-1');
		expect(reads).toHaveBeenCalledTimes(2);
	});

	test('a token the run got from an exchange is used without reading the credential back', async () => {
		const { context, reads } = run();
		await runCredentials(context, 0);
		keepRunToken(derived(context), { ...jwt, accessToken: 'exchanged' });
		expect((await runCredentials(context, 0)).accessToken).toBe('exchanged');
		expect(reads).toHaveBeenCalledTimes(1);
	});
});

describe('which credential', () => {
	test.each([
		[{}, 'workfrontJwtApi', 'jwt'],
		[{ authentication: 'jwt' }, 'workfrontJwtApi', 'jwt'],
		[{ authentication: 'serverToServer' }, 'workfrontServerToServerApi', 'serverToServer'],
		[{ authentication: 'oAuth2' }, 'workfrontOAuth2Api', 'oAuth2'],
	])('Authentication %p: %s', (parameters, type, kind) => {
		const { context } = run(jwt, type, parameters);
		expect(credentialKindOf(context)).toBe(kind);
		expect(credentialKeyOf(context)).toBe(CREDENTIAL_ID);
	});

	test('the kind is the node’s, read once per run, and the key reads the matching credential', async () => {
		const { context, reads } = run(jwt, 'workfrontServerToServerApi', {
			authentication: 'serverToServer',
		});
		await runCredentials(context, 0);
		expect(reads.mock.calls[0][2]).toBe('workfrontServerToServerApi');
	});
});
