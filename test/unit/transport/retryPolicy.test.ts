import { networkCode, closestNames, unknownFieldIn } from '../../../nodes/shared/transport/errors';
import {
	backoffMs,
	RETRY,
	retryAfterMs,
	shouldRetryNetworkError,
	shouldRetryStatus,
} from '../../../nodes/shared/transport/retryPolicy';

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

describe('reading what n8n kept of a network error', () => {
	test.each([
		[{ code: 'ECONNRESET' }, 'ECONNRESET'],
		[{ cause: { code: 'ETIMEDOUT' } }, 'ETIMEDOUT'],
		[
			{
				message: 'The connection to the server was closed unexpectedly',
				messages: ['socket hang up'],
			},
			'ECONNRESET',
		],
		[{ message: 'x', messages: ['connect ECONNREFUSED 127.0.0.1:9'] }, 'ECONNREFUSED'],
		[{ message: 'timeout of 200ms exceeded' }, 'ETIMEDOUT'],
		[{ message: 'Workfront did not accept the Client ID or Client Secret.' }, undefined],
	])('%p', (error, code) => {
		expect(networkCode(error)).toBe(code);
	});
});

describe('field hints', () => {
	test('the unknown field in a Workfront message', () => {
		expect(unknownFieldIn('APIModel V21_0 does not support field stauts (Project)')).toBe('stauts');
		expect(unknownFieldIn('something else')).toBeUndefined();
	});

	test('the closest known names', () => {
		const known = [
			'status',
			'statusEquatesWith',
			'name',
			'plannedCompletionDate',
			'plannedStartDate',
		];
		expect(closestNames('stauts', known)).toEqual(['status']);
		expect(closestNames('plannedCompletion', known)[0]).toBe('plannedCompletionDate');
		expect(closestNames('zzzzzz', known)).toEqual([]);
	});
});
