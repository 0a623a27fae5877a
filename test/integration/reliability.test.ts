import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { WebhookTriggerHarness } from '../harness/triggerHarness';
import { record, WorkfrontFixture } from '../support/workfrontNode';

/**
 * Harsher faults than a 429 or a dropped read: Workfront that never answers, a page that fails in
 * the middle of Return All, a token endpoint that fails under load, a user Workfront keeps
 * refusing, writes hidden behind Workfront's `method=` override, and half-failed trigger clean-up.
 * Each case asserts that the failure is bounded and contained, and that nothing is written twice.
 */
let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	// One second: a hung Workfront is detected quickly here; the default is 60 s.
	fixture.helper.set(CREDENTIAL_ID, { ...fixture.helper.get(CREDENTIAL_ID), requestTimeout: 1 });
});
afterEach(async () => {
	await fixture.simulator.state.events.settle();
	await fixture.close();
});

const store = () => fixture.simulator.state.store;
const calls = (pattern: RegExp) => fixture.simulator.log.filter(({ path }) => pattern.test(path));
const AUTH_ERROR_BODY = {
	error: {
		class: 'com.attask.common.AuthenticationException',
		message: 'You are not currently logged in.',
	},
};

/** Waits long enough for anything still running in the background to show up in the log. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 1_500));

describe('every request has a deadline', () => {
	test('a read Workfront never answers is tried twice, then fails clearly', async () => {
		fixture.simulator.failNext(5, 200, { delayMs: 30_000, path: /\/count$/i, body: {} });
		const result = await fixture.run(record('count'));
		expect(result.error?.message).toBe('Workfront did not answer in time');
		expect(result.error?.description).toMatch(/Timeout/);
		expect(calls(/\/count$/i)).toHaveLength(0); // answered requests are logged; these never were
		expect(fixture.simulator.counters.requests).toBe(2 + 1); // two tries and the exchange
	});

	test('a create Workfront never answers is reported in doubt and never sent again', async () => {
		fixture.simulator.failNext(5, undefined, { delayMs: 30_000, path: /\/proj$/i });
		const result = await fixture.run(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"Once"}' }),
		);
		expect(result.error?.message).toBe('Workfront did not answer in time');
		expect(result.error?.description).toMatch(/may or may not have been applied.*not sent again/);
		expect(fixture.simulator.counters.requests).toBe(1 + 1);
	});

	test('an upload gets extra time by size (a 1 s timeout still uploads 2 MB on a slow link)', async () => {
		// The simulator holds the upload for 1.5 s: longer than the timeout, within the size allowance.
		fixture.simulator.failNext(1, undefined, { delayMs: 1_500, path: /\/upload$/i });
		const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
		const { testFiles } = await import('../harness/binaryRegistry');
		testFiles.set('big', Buffer.alloc(2 * 1024 * 1024, 7));
		const output = await fixture.output(
			{
				resource: 'document',
				operation: 'upload',
				objectType: 'PROJ',
				objectId: project.ID,
				binaryPropertyName: 'data',
			},
			[
				{
					$binary: {
						data: { key: 'big', fileName: 'big.bin', mimeType: 'application/octet-stream' },
					},
				},
			],
		);
		expect(output[0].ID).toBeDefined();
	});
});

describe('a failed Return All stops reading', () => {
	test('no page request starts after the failure, and the error names the page', async () => {
		for (let index = 0; index < 12_000; index += 1)
			fixture.simulator.insert('PROJ', { name: `P${index}` });
		// Every answer takes 200 ms; page 2 fails after 100 ms, while page 3 is still being read.
		// Unstopped, the pool would go on to pages 4, 5 and 6.
		fixture.simulator.setLatency(200);
		fixture.simulator.failNext(1, 500, {
			skip: 1,
			delayMs: 100,
			path: /\/search$/i,
			body: { error: { message: 'Boom' } },
		});
		const result = await fixture.run(
			record('getMany', { returnAll: true, options: { concurrency: 2 } }),
		);
		expect(result.error?.message).toBe('Workfront: Boom');
		expect(result.error?.description).toMatch(
			/^Reading page \d of 6 \(records \d+ to \d+\) failed; the other pages were stopped/,
		);
		const atFailure = fixture.simulator.counters.requests;
		await settle();
		expect(fixture.simulator.counters.requests).toBe(atFailure);
		// Page 1, the failed page and at most the one other page that was in flight.
		expect(calls(/\/search$/i).length).toBeLessThanOrEqual(3);
	});
});

describe('one exchange gate per credential, failures included', () => {
	test('concurrent pages whose token was revoked share one exchange, and its failure', async () => {
		for (let index = 0; index < 12_000; index += 1)
			fixture.simulator.insert('PROJ', { name: `P${index}` });
		await fixture.output(record('count'));
		fixture.simulator.injectFault({
			times: 1,
			path: /\/count$/i,
			sideEffect: (state) => state.sessions.revokeAll(),
		});
		fixture.simulator.failNext(20, 503, {
			path: /jwt\/exchange$/,
			body: { message: 'overloaded' },
		});
		fixture.simulator.resetCounters();
		const result = await fixture.run(
			record('getMany', { returnAll: true, options: { concurrency: 5 } }),
		);
		expect(result.error?.message).toMatch(/problem on its side/);
		expect(calls(/jwt\/exchange$/)).toHaveLength(1);
		// Within the hold, the next run gets the same failure without another attempt.
		const again = await fixture.run(record('count'));
		expect(again.error?.message).toMatch(/problem on its side/);
		expect(calls(/jwt\/exchange$/)).toHaveLength(1);
	});

	test('40 items Workfront keeps refusing: one exchange, then a clear error for every item', async () => {
		await fixture.output(record('count'));
		fixture.simulator.resetCounters();
		fixture.simulator.failNext(1000, 401, { body: AUTH_ERROR_BODY, path: /\/count$/i });
		const result = await fixture.run(
			record('count'),
			Array.from({ length: 40 }, () => ({})),
			{
				continueOnFail: true,
			},
		);
		expect(result.json).toHaveLength(40);
		expect(result.json.every(({ error }) => typeof error === 'string')).toBe(true);
		expect(fixture.simulator.counters.exchanges).toBe(1);
		expect(String(result.json[39].description ?? result.json[39].error)).toMatch(
			/lack API access|being revoked/,
		);
	});
});

describe("reads and writes are told apart by Workfront's method override", () => {
	test('a Custom API Call GET with method=POST is a write: not repeated after a drop', async () => {
		fixture.simulator.failNext(1, undefined, { dropAfterProcessing: true, path: /\/proj$/i });
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'proj',
			queryParameters: {
				parameter: [
					{ name: 'method', value: 'POST' },
					{ name: 'name', value: 'Once' },
				],
			},
		});
		expect(result.error?.description).toMatch(/may or may not have been applied/);
		expect(
			store()
				.all('PROJ')
				.filter(({ name }) => name === 'Once'),
		).toHaveLength(1);
		expect(calls(/\/proj$/i)).toHaveLength(1);
	});

	test('a long query sent as POST with method=GET is a read: repeated after a drop', async () => {
		const wanted = fixture.simulator.insert('PROJ', { name: 'Needle' });
		fixture.simulator.failNext(1, undefined, { drop: true, path: /\/search$/i });
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
	});
});

describe('downloads', () => {
	test('a bare % in Content-Disposition does not cost the bytes that arrived', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
		const document = fixture.simulator.addDocument(
			'PROJ',
			String(project.ID),
			'x.txt',
			Buffer.from('payload'),
		);
		fixture.simulator.failNext(1, 200, {
			path: /\/internal\/document\/download$/,
			raw: 'payload',
			headers: {
				'content-disposition': "attachment; filename*=UTF-8''50%off.txt",
				'content-type': 'text/plain',
			},
		});
		const result = await fixture.run({
			resource: 'document',
			operation: 'download',
			documentId: document.ID,
		});
		expect(result.error).toBeUndefined();
		expect(result.items?.[0].binary?.data.fileName).toBe('50%off.txt');
		expect(Buffer.from(String(result.items?.[0].binary?.data.data), 'base64').toString()).toBe(
			'payload',
		);
	});
});

describe('trigger clean-up tries everything and names what is left', () => {
	async function startTrigger(events: string[]) {
		return await WebhookTriggerHarness.start(fixture.helper, {
			objectType: 'PROJ',
			events,
		} as never);
	}
	const subscriptions = () => [...fixture.simulator.state.events.subscriptions.values()];

	test('activation fails half-way and the rollback delete fails too: the leftover is named', async () => {
		const trigger = await startTrigger(['CREATE', 'UPDATE', 'DELETE']);
		try {
			fixture.simulator.failNext(1, 500, {
				skip: 1,
				method: 'POST',
				path: /subscriptions$/,
				body: { message: 'down' },
			});
			fixture.simulator.failNext(1, 500, {
				method: 'DELETE',
				path: /subscriptions\/[^/]+$/,
				body: { message: 'still down' },
			});
			const error = (await trigger.activate().catch((caught: unknown) => caught)) as {
				description?: string;
			};
			const [left] = subscriptions();
			expect(subscriptions()).toHaveLength(1);
			expect(error.description).toContain(
				`still in Workfront and could not be deleted: ${String(left.id)}`,
			);
		} finally {
			await trigger.close();
		}
	});

	test('deactivation deletes every subscription it can and names the one it could not', async () => {
		const trigger = await startTrigger(['CREATE', 'UPDATE', 'DELETE']);
		try {
			await trigger.activate();
			expect(subscriptions()).toHaveLength(3);
			fixture.simulator.failNext(1, 500, {
				method: 'DELETE',
				path: /subscriptions\/[^/]+$/,
				body: { message: 'down' },
			});
			const error = (await trigger.deactivate().catch((caught: unknown) => caught)) as {
				description?: string;
			};
			expect(subscriptions()).toHaveLength(1);
			expect(error.description).toContain(String(subscriptions()[0].id));
			// A later deactivation retries the one that was left.
			await trigger.deactivate();
			expect(subscriptions()).toHaveLength(0);
		} finally {
			await trigger.close();
		}
	});
});

export type { IDataObject };
