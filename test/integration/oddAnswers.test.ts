import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { editorContext, workfrontMethods } from '../harness/loadOptions';
import { pressTest } from '../harness/credentialsTester';
import { WorkfrontJwtApi } from '../../credentials/WorkfrontJwtApi.credentials';
import { expectNoSecrets } from '../support/secrets';
import { CLIENT_SECRET, USER_ID } from '../support/workfrontAccount';
import { record, secretsOf, freshFixturePerTest } from '../support/workfrontNode';

/**
 * What Adobe does not document, read the one safe way: an empty `error` (`"error": null`) is no
 * error for the credential's Test request, the token check and a write; tokens revoked between
 * the writes of one run cost one exchange and no duplicate; IDs and object codes that could
 * reshape a request fail before anything is sent; odd answers of the token exchange (HTML, an
 * array, a number, a huge body quoting the secret) fail clearly, without secrets.
 */
const fixture = freshFixturePerTest();

const credentialType = new WorkfrontJwtApi();
const exchanges = () => fixture().simulator.counters.exchanges;
const sessionAnswer = (body: unknown) =>
	fixture().simulator.failNext(1, 200, { path: /\/session$/i, method: 'GET', body });

describe('an empty error is no error', () => {
	test('Test says OK for a valid session whose answer carries "error": null', async () => {
		sessionAnswer({ data: { userID: USER_ID }, error: null });
		const result = await pressTest(fixture().helper, credentialType, CREDENTIAL_ID);
		expect(result.message).not.toMatch(/refused/);
		expect(result.status).toBe('OK');
	});

	test('a stored token Workfront accepts ("error": null on GET session) is not re-exchanged after every failed item of an HTTP Request node', async () => {
		await fixture().output(record('count'));
		const before = exchanges();
		// n8n runs preAuthentication(expired) after any failed request of the HTTP Request node; the
		// credential checks the token first (stillAccepted) and keeps it when Workfront accepts it.
		fixture().simulator.failNext(1000, 200, {
			path: /\/session$/i,
			method: 'GET',
			body: { data: { userID: USER_ID }, error: null },
		});
		const result = await fixture().run(
			{
				url: `${fixture().simulator.origin}/attask/api/v21.0/proj/no-such-id-here`,
				continue: true,
			},
			Array.from({ length: 10 }, () => ({})),
			{ type: 'test.httpRequestLike' },
		);
		expect(result.json).toHaveLength(10);
		expect(fixture().simulator.log.some(({ path }) => /\/session$/i.test(path))).toBe(true);
		// The same setting answered {"data": …} without the key costs no exchange at all.
		expect(exchanges()).toBe(before);
	});

	test('a create answered 200 with "error": null is a success, not a failure to run again', async () => {
		fixture().simulator.failNext(1, 200, {
			path: /\/proj$/i,
			method: 'POST',
			body: { data: { ID: 'p-null-error', name: 'Created' }, error: null },
		});
		const [created] = await fixture().output(
			record('create', {
				inputMode: 'json',
				fieldsJson: '{"name":"Created"}',
				options: { batchSize: 1 },
			}),
		);
		expect(created).toMatchObject({ ID: 'p-null-error', name: 'Created' });
	});
});

describe('revoked tokens, bad IDs and odd exchange answers', () => {
	test('tokens revoked between the writes of one run: every record created once, one new exchange', async () => {
		await fixture().output(record('count'));
		const before = exchanges();
		fixture().simulator.injectFault({
			times: 1,
			skip: 1,
			path: /\/proj$/i,
			method: 'POST',
			sideEffect: (state) => state.sessions.revokeAll(),
		});
		const result = await fixture().run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '={{ JSON.stringify({ name: $json.n }) }}',
				options: { batchSize: 1 },
			}),
			[{ n: 'A' }, { n: 'B' }, { n: 'C' }, { n: 'D' }],
		);
		expect(result.error).toBeUndefined();
		const names = fixture()
			.simulator.state.store.all('PROJ')
			.map(({ name }) => String(name))
			.sort();
		expect(names).toEqual(['A', 'B', 'C', 'D']);
		expect(fixture().simulator.counters.rejectedUnauthenticated).toBe(1);
		expect(exchanges()).toBe(before + 1);
	});

	test('a Version ID that is not an ID fails the item before anything is sent', async () => {
		await fixture().output(record('count'));
		fixture().simulator.resetCounters();
		fixture().simulator.state.log.length = 0;
		const result = await fixture().run({
			resource: 'document',
			operation: 'download',
			documentId: '5f8e3a7b0000a1b2c3d4e5f60718293a',
			versionId: '../../user/x',
		});
		expect(result.error?.message).toMatch(/^Version ID: .* is not a Workfront ID/);
		expect(fixture().apiCalls()).toEqual([]);
	});

	test('a picker of an "Other" type without a code says so and sends nothing', async () => {
		const context = editorContext(fixture().helper, {
			resource: 'record',
			operation: 'getMany',
			objectType: '__other',
			objectCode: ' ',
		});
		const loaders = workfrontMethods.loadOptions as Record<
			string,
			(this: unknown) => Promise<unknown>
		>;
		const name = Object.keys(loaders).find((key) => /field/i.test(key)) as string;
		await expect(loaders[name].call(context)).rejects.toThrow('Object Code is empty');
		expect(fixture().apiCalls()).toEqual([]);
	});

	test.each([
		['an HTML page', 502, '<html><body>Bad gateway</body></html>'],
		['"error": null', 400, JSON.stringify({ error: null })],
		['an array', 200, '[]'],
		['a JSON number', 200, '42'],
		[
			'a huge body quoting the secret',
			400,
			JSON.stringify({
				error: 'invalid_client',
				message: `${'x'.repeat(290)} ${CLIENT_SECRET} ${encodeURIComponent(CLIENT_SECRET)} ${'y'.repeat(2_000_000)}`,
			}),
		],
	])(
		'an exchange answered with %s fails clearly, without secrets, and sends no request',
		async (_name, status, raw) => {
			fixture().simulator.failNext(1, status, { path: /jwt\/exchange$/, raw });
			const result = await fixture().run(record('count'));
			expect(result.error?.message).toMatch(/\S/);
			expect(result.error?.message.length).toBeLessThan(1_000);
			expect(result.error?.description).toMatch(/nothing was sent to Workfront/);
			expect(fixture().apiCalls()).toEqual([]);
			expectNoSecrets(result.error, [
				CLIENT_SECRET,
				encodeURIComponent(CLIENT_SECRET),
				...secretsOf(fixture()),
			]);
		},
	);
});
