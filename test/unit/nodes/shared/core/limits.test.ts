import { WorkfrontCredentialError } from '../../../../../nodes/shared/core/errors';
import {
	CREDENTIAL_CALL_MAX_MS,
	credentialCallDeadlineMs,
	readRequestTimeoutMs,
	REQUEST_TIMEOUT,
	wholeNumberIn,
	wholeNumberRange,
} from '../../../../../nodes/shared/core/limits';

describe('wholeNumberIn', () => {
	test.each([
		[5, 1, 10, 5],
		['7', 1, 10, 7],
		[' 8 ', 1, 10, 8],
		[1, 1, 10, 1],
		[10, 1, 10, 10],
		[1_000_000, 1, undefined, 1_000_000],
	])('%p within %i..%p is %i', (value, min, max, expected) => {
		expect(wholeNumberIn(value, min, max)).toBe(expected);
	});

	test.each([
		[0, 1, 10],
		[11, 1, 10],
		[2.5, 1, 10],
		['', 0, 10],
		['  ', 0, 10],
		['ten', 1, 10],
		[null, 1, 10],
		[undefined, 1, 10],
		[Number.POSITIVE_INFINITY, 1, undefined],
	])('%p within %i..%p is not one', (value, min, max) => {
		expect(wholeNumberIn(value, min, max)).toBeUndefined();
	});
});

test('wholeNumberRange words the range as the messages say it', () => {
	expect(wholeNumberRange(1, 100)).toBe('from 1 to 100');
	expect(wholeNumberRange(1)).toBe('of 1 or more');
});

describe('Request Timeout', () => {
	test('seconds become milliseconds; empty is the default', () => {
		expect(readRequestTimeoutMs(undefined)).toBe(REQUEST_TIMEOUT.default * 1000);
		expect(readRequestTimeoutMs('')).toBe(REQUEST_TIMEOUT.default * 1000);
		expect(readRequestTimeoutMs(2.5)).toBe(2500);
		expect(readRequestTimeoutMs('120')).toBe(120_000);
	});

	test.each([0, 3601, 'soon', Number.NaN])('%p is refused, naming the field', (value) => {
		let caught: unknown;
		try {
			readRequestTimeoutMs(value);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(WorkfrontCredentialError);
		expect((caught as WorkfrontCredentialError).field).toBe('Request Timeout');
		expect((caught as Error).message).toMatch(
			/^Request Timeout must be a number of seconds from 1 to 3600/,
		);
	});

	test("a credential call's deadline is the timeout, at most 30 s", () => {
		expect(credentialCallDeadlineMs(5_000)).toBe(5_000);
		expect(credentialCallDeadlineMs(600_000)).toBe(CREDENTIAL_CALL_MAX_MS);
	});
});
