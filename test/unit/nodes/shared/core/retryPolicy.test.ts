import {
	pauseWith,
	type TimerHelpers,
	backoffMs,
	RETRY,
	retryAfterMs,
	shouldRetryNetworkError,
	shouldRetryStatus,
} from '../../../../../nodes/shared/core/retryPolicy';

describe('what is retried', () => {
	test.each([
		[429, 'read', true],
		[429, 'write', true],
		[502, 'read', true],
		[503, 'read', true],
		[504, 'read', true],
		[502, 'write', false],
		[503, 'write', false],
		[500, 'read', false],
		[422, 'read', false],
		[401, 'read', false],
	] as const)('HTTP %i on a %s: %s', (status, kind, expected) => {
		expect(shouldRetryStatus(status, kind)).toBe(expected);
	});

	test.each([
		['ECONNRESET', 'read', true],
		['ECONNRESET', 'write', false],
		['ETIMEDOUT', 'write', false],
		['ECONNREFUSED', 'write', true],
		['ECONNREFUSED', 'read', true],
		[undefined, 'read', false],
	] as const)('%s on a %s: %s', (code, kind, expected) => {
		expect(shouldRetryNetworkError(code, kind)).toBe(expected);
	});
});

describe('how long to wait', () => {
	test('Retry-After in seconds, as a date, capped, or absent', () => {
		expect(retryAfterMs('2')).toBe(2000);
		expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect(retryAfterMs('3600')).toBe(RETRY.maxRetryAfterMs);
		expect(retryAfterMs('-5')).toBe(0);
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs('soon')).toBeUndefined();
	});

	test('backoff doubles from 250 ms with jitter in its upper half, capped at 8 s', () => {
		expect([1, 2, 3].map((attempt) => backoffMs(attempt, () => 0))).toEqual([125, 250, 500]);
		expect([1, 2, 3].map((attempt) => backoffMs(attempt, () => 1))).toEqual([250, 500, 1000]);
		expect(backoffMs(20, () => 1)).toBe(RETRY.maxDelayMs);
	});
});

describe("pause: n8n's timer, on every n8n-workflow", () => {
	// The three shapes: 1.x (sleepWithAbort), 2.x (sleep takes the signal, sleepWithAbort gone),
	// and older 1.x (sleep alone, ignoring any signal). Timers here are the test's own, and the
	// minute that a sleep ignoring the signal still runs is cleared after each test: a live timer
	// would keep Jest's process alive after the run.
	const timers = new Set<NodeJS.Timeout>();
	afterEach(() => {
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
	});
	const plainSleep = async (ms: number) =>
		await new Promise<void>((resolve) => {
			timers.add(setTimeout(resolve, ms));
		});
	const abortableSleep = async (ms: number, signal?: AbortSignal) =>
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(resolve, ms);
			timers.add(timer);
			signal?.addEventListener('abort', () => {
				clearTimeout(timer);
				reject(new Error('cancelled'));
			});
		});
	const shapes: Array<[string, TimerHelpers]> = [
		['n8n-workflow 1.x', { sleep: plainSleep, sleepWithAbort: abortableSleep }],
		['n8n-workflow 2.x', { sleep: abortableSleep }],
		['older n8n-workflow 1.x', { sleep: plainSleep }],
	];

	test.each(shapes)(
		'%s: waits, and an abort releases the caller at once',
		async (_name, helpers) => {
			const wait = pauseWith(helpers);
			await expect(wait(5)).resolves.toBeUndefined();
			await expect(wait(5, new AbortController().signal)).resolves.toBeUndefined();
			const stop = new AbortController();
			const reason = new Error('stopped');
			const waiting = wait(60_000, stop.signal);
			stop.abort(reason);
			// Released with the signal's reason long before the minute (Jest's timeout would say).
			await expect(waiting).rejects.toBe(reason);
		},
	);
});
