import type { IDataObject } from 'n8n-workflow';

import { expectNoSecrets } from '../../support/secrets';
import { record, secretsOf, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const AUTH_ERROR_BODY = {
	error: {
		class: 'com.attask.common.AuthenticationException',
		message: 'You are not currently logged in.',
	},
};

function projects(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ name: `Project ${index}` }));
}

const createFromItems = record('create', {
	inputMode: 'json',
	fieldsJson: '={{ JSON.stringify({ name: $json.name }) }}',
});

function expectClean(result: { error?: unknown; run: unknown; json: IDataObject[] }) {
	const secrets = secretsOf(fixture);
	expectNoSecrets(result.error, secrets);
	expectNoSecrets(result.json, secrets);
	expectNoSecrets(result.run, secrets);
}

describe('authentication during a run', () => {
	test('one exchange serves every item of a run and the next run', async () => {
		await fixture.output(createFromItems, projects(10));
		await fixture.output(record('getMany', { returnAll: true }));
		expect(fixture.simulator.counters.exchanges).toBe(1);
	});

	test.each([
		['one request per item', 1, 12, 5],
		['bulk requests', 5, 12, 1],
	])(
		'a token revoked mid-run (%s): exactly one extra exchange, every item done once',
		async (_name, batchSize, count, skip) => {
			fixture.simulator.injectFault({
				times: 1,
				skip,
				path: /\/proj$/i,
				sideEffect: (state) => state.sessions.revokeAll(),
			});
			const result = await fixture.run(
				{ ...createFromItems, options: { batchSize } },
				projects(count),
			);
			expect(result.error).toBeUndefined();
			expect(result.json).toHaveLength(count);
			expect(fixture.simulator.counters.exchanges).toBe(2);
			expect(
				store()
					.all('PROJ')
					.map(({ name }) => name),
			).toEqual(projects(count).map(({ name }) => name));
			expectClean(result);
		},
	);

	test('"not logged in" in the body of an HTTP 200 leads to one new exchange and one retry', async () => {
		fixture.simulator.seed({ projects: 3 });
		await fixture.output(record('count'));
		fixture.simulator.failNext(1, 200, { body: AUTH_ERROR_BODY, path: /count$/ });
		const [answer] = await fixture.output(record('count'));
		expect(answer.count).toBe(3);
		expect(fixture.simulator.counters.exchanges).toBe(2);
	});

	test('a refusal that persists after the new token fails the item, without a loop', async () => {
		await fixture.output(record('count'));
		fixture.simulator.failNext(50, 500, { body: AUTH_ERROR_BODY, path: /count$/ });
		const result = await fixture.run(record('count'));
		expect(result.error?.message).toBe('Workfront: You are not currently logged in.');
		expect(fixture.simulator.counters.exchanges).toBe(2);
		expect(fixture.simulator.log.filter(({ path }) => path.endsWith('/count'))).toHaveLength(3);
		expectClean(result);
	});

	test('a 401 that persists: one new exchange, then a clear error', async () => {
		await fixture.output(record('count'));
		fixture.simulator.failNext(50, 401, { body: AUTH_ERROR_BODY, path: /count$/ });
		const result = await fixture.run(record('count'));
		expect(result.error?.message).toBe('Workfront: You are not currently logged in.');
		expect(result.error?.description).toMatch(/freshly exchanged token/);
		expect(fixture.simulator.counters.exchanges).toBe(2);
	});

	test('a credential problem found at the exchange is reported as such, secrets hidden', async () => {
		fixture.helper.set('wf-cred', {
			...fixture.helper.get('wf-cred'),
			clientSecret: 'wrong-secret-value',
		});
		const result = await fixture.run(record('count'));
		expect(result.error?.message).toMatch(/did not accept the Client ID or Client Secret/);
		expect(result.error?.description).toMatch(/Workfront JWT API credential/);
		expect(fixture.simulator.counters.exchangeAttempts).toBe(1);
		expectClean(result);
		expectNoSecrets(result.run, ['wrong-secret-value']);
	});
});

describe('rate limits and transient failures', () => {
	test('a burst of 429s on creates: everything created once', async () => {
		fixture.simulator.failNext(4, 429, {
			body: {
				error: {
					class: 'com.attask.common.TooManyRequestsException',
					message: 'Too many concurrent API requests',
				},
			},
			path: /\/proj$/i,
		});
		const result = await fixture.run(createFromItems, projects(5));
		expect(result.error).toBeUndefined();
		expect(
			store()
				.all('PROJ')
				.map(({ name }) => name),
		).toEqual(projects(5).map(({ name }) => name));
		expect(fixture.simulator.log.filter(({ status }) => status === 429)).toHaveLength(4);
	});

	test('Retry-After is honoured', async () => {
		fixture.simulator.failNext(2, 429, {
			headers: { 'retry-after': '0' },
			body: { error: { message: 'slow down' } },
			path: /count$/,
		});
		const [answer] = await fixture.output(record('count'));
		expect(answer.count).toBe(0);
	});

	test("the concurrency cap that never clears: Workfront's message and advice", async () => {
		fixture.simulator.state.options.concurrencyLimit = 0;
		const result = await fixture.run(createFromItems, projects(1));
		expect(result.error?.message).toBe(
			'Workfront: Too many concurrent API requests for the given customer',
		);
		expect(result.error?.description).toMatch(/after several retries/);
		expect(store().count('PROJ')).toBe(0);
		expect(fixture.simulator.counters.tooManyRequests).toBe(6);
	});

	test('a 502 on a read is retried', async () => {
		fixture.simulator.failNext(2, 502, { raw: 'Bad Gateway', path: /search$/ });
		const output = await fixture.output(record('getMany', { returnAll: true }));
		expect(output).toEqual([]);
	});

	test('a 502 on a write is not retried', async () => {
		fixture.simulator.failNext(1, 502, { raw: 'Bad Gateway', path: /\/proj$/i });
		const result = await fixture.run(createFromItems, projects(1));
		expect(result.error?.message).toBe(
			'Workfront: Workfront answered HTTP 502 without an error message',
		);
		expect(fixture.simulator.log.filter(({ path }) => /\/proj$/i.test(path))).toHaveLength(1);
		expect(store().count('PROJ')).toBe(0);
	});

	test('a dropped connection on a read is retried', async () => {
		fixture.simulator.failNext(1, undefined, { drop: true, path: /search$/ });
		await expect(fixture.output(record('getMany', { returnAll: true }))).resolves.toEqual([]);
	});

	test('a create applied but unanswered is not sent again, and says so', async () => {
		fixture.simulator.failNext(1, undefined, { dropAfterProcessing: true, path: /\/proj$/i });
		const result = await fixture.run(createFromItems, projects(1));
		expect(result.error?.message).toBe('Workfront closed the connection before answering');
		expect(result.error?.description).toMatch(/may or may not have been applied.*not sent again/);
		expect(store().count('PROJ')).toBe(1);
		expectClean(result);
	});
});

describe('protocol', () => {
	test('an error key on HTTP 200 is a failure', async () => {
		fixture.simulator.failNext(1, 200, {
			body: { error: { class: 'com.attask.SomethingException', message: 'boom' } },
			path: /count$/,
		});
		const result = await fixture.run(record('count'));
		expect(result.error?.message).toBe('Workfront: boom');
		expect(result.error?.description).toMatch(/com\.attask\.SomethingException \(HTTP 200\)/);
	});

	test('a query longer than the URI limit goes as POST with method=GET', async () => {
		const wanted = fixture.simulator.insert('PROJ', { name: 'Needle' });
		const values = [
			...Array.from({ length: 400 }, (_, index) => `padding-value-number-${index}`),
			'Needle',
		];
		const output = await fixture.output(
			record('getMany', {
				returnAll: true,
				filters: { filter: [{ field: 'name', operator: 'in', values: values.join(',') }] },
			}),
		);
		expect(output.map(({ ID }) => ID)).toEqual([wanted.ID]);
		const search = fixture.simulator.log.find(({ path }) => path.endsWith('/search'));
		expect(search).toMatchObject({ method: 'POST', effectiveMethod: 'GET', query: '' });
	});

	test('a 403 explains that the API user lacks access', async () => {
		fixture.simulator.failNext(1, 403, {
			body: {
				error: {
					class: 'com.attask.common.SecurityException',
					message: 'You do not have sufficient access',
				},
			},
			path: /count$/,
		});
		const result = await fixture.run(record('count'));
		expect(result.error?.description).toMatch(/lacks access to this object/);
	});
});
