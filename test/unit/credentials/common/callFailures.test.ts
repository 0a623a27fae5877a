import { explainNetworkFailure } from '../../../../credentials/common/callFailures';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';

/** What a failure to reach one of the credential's own endpoints tells the user. */
const ORIGIN = 'https://example.my.workfront.com';

describe('the exchange and the session check (Workfront URL)', () => {
	test('a known failure says what happened, to which call, with its advice, naming the field', () => {
		const error = explainNetworkFailure({ code: 'ENOTFOUND' }, ORIGIN);
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		expect(error.message).toMatch(
			/^https:\/\/example\.my\.workfront\.com could not be found \(no such host\) when n8n asked it for an access token\. \S/,
		);
		expect(error.field).toBe('Workfront URL');
	});

	test('the session check is named as such', () => {
		const error = explainNetworkFailure({ code: 'ETIMEDOUT' }, ORIGIN, 'session check');
		expect(error.message).toContain(
			`${ORIGIN} did not answer in time when n8n checked the access token (GET session).`,
		);
	});

	test('a code found in the cause counts as the code', () => {
		expect(explainNetworkFailure({ cause: { code: 'ECONNREFUSED' } }, ORIGIN).message).toContain(
			'could not be reached',
		);
	});

	test.each([
		['exchange', 'The token exchange'],
		['session check', 'The session check'],
	] as const)('an unknown code (%s) is given as it came, with what to check', (call, what) => {
		const error = explainNetworkFailure({ code: 'EWEIRD' }, ORIGIN, call);
		expect(error.message).toBe(
			`${what} with ${ORIGIN} failed before Workfront answered (EWEIRD). Check Workfront URL and this machine's network, then try again.`,
		);
		expect(error.field).toBe('Workfront URL');
	});

	test('no code at all: no empty brackets', () => {
		expect(explainNetworkFailure(new Error('boom'), ORIGIN).message).toBe(
			`The token exchange with ${ORIGIN} failed before Workfront answered. Check Workfront URL and this machine's network, then try again.`,
		);
	});

	test('the original error, which carries the request and its secrets, is dropped', () => {
		const original = Object.assign(new Error('client_secret=s3cr3t in the body'), {
			code: 'ECONNRESET',
			config: { body: 'client_secret=s3cr3t' },
		});
		const error = explainNetworkFailure(original, ORIGIN);
		expect(error.message).not.toContain('s3cr3t');
		expect(error.cause).toBeUndefined();
	});
});

describe('the IMS token request (Adobe’s host, not a field)', () => {
	const IMS = 'https://ims-na1.adobelogin.com';

	test('a known failure is about the network, and names no field', () => {
		const error = explainNetworkFailure({ code: 'ECONNREFUSED' }, IMS, 'IMS token request');
		expect(error.message).toBe(
			`Adobe IMS (${IMS}) could not be reached (the connection was refused or not possible) when n8n asked it for an access token. Check that this machine can reach ${IMS} (DNS, firewall, proxy), then try again.`,
		);
		expect(error.field).toBeUndefined();
	});

	test('an unknown one gives its code', () => {
		expect(explainNetworkFailure({ code: 'EWEIRD' }, IMS, 'IMS token request').message).toMatch(
			/^Adobe IMS \(https:\/\/ims-na1\.adobelogin\.com\) failed before it answered \(EWEIRD\) when/,
		);
	});
});
