import { redactSecrets } from '../../../../nodes/shared/core/errors';
import { explainNetworkFailure } from '../../../../credentials/common/callFailures';
import { explainRefusedExchange } from '../../../../credentials/jwt/exchangeErrors';

const ORIGIN = 'https://acme.my.workfront.com';

describe('explainNetworkFailure', () => {
	test.each([
		['ENOTFOUND', /could not be found.*Check the credential's Workfront URL/],
		['EAI_AGAIN', /could not be found right now/],
		['ECONNREFUSED', /could not be reached/],
		['ECONNRESET', /closed the connection before answering/],
		['ETIMEDOUT', /did not answer in time when n8n asked it for an access token/],
		['ECONNABORTED', /did not answer in time when n8n asked it for an access token/],
		['EPROTO', /does not speak HTTPS/],
		['CERT_HAS_EXPIRED', /TLS certificate.*could not be verified/],
		['SELF_SIGNED_CERT_IN_CHAIN', /NODE_EXTRA_CA_CERTS/],
	])('%s', (code, expected) => {
		const error = explainNetworkFailure(Object.assign(new Error('x'), { code }), ORIGIN);
		expect(error.message).toMatch(expected);
		expect(error.field).toBe('Workfront URL');
	});

	test('a code nested in the cause, as undici reports it', () => {
		const error = explainNetworkFailure({ cause: { code: 'ENOTFOUND' } }, ORIGIN);
		expect(error.message).toMatch(/could not be found/);
	});

	test('an axios timeout message without a code', () => {
		expect(explainNetworkFailure(new Error('timeout of 30000ms exceeded'), ORIGIN).message).toMatch(
			/in time/,
		);
	});

	test('an unknown failure names its code and drops the original error', () => {
		const original = Object.assign(new Error('client_secret=hunter22 in config'), {
			code: 'EWEIRD',
		});
		const error = explainNetworkFailure(original, ORIGIN);
		expect(error.message).toMatch(/failed before Workfront answered \(EWEIRD\)/);
		expect(error.message).not.toContain('hunter22');
		expect(error.cause).toBeUndefined();
	});
});

describe('explainRefusedExchange', () => {
	test.each([
		['Invalid client credentials', 'Client ID', /Client ID or Client Secret/],
		['invalid_client', 'Client ID', /Client ID or Client Secret/],
		['JWT signature verification failed', 'Private Key', /JWT signature/],
		['Token is expired', 'JWT Lifetime', /clock/],
		['Issuer does not match customer', 'Customer ID', /Customer ID/],
		['Unknown subject', 'User ID', /User ID/],
	])('%s', (serverMessage, field, expected) => {
		const error = explainRefusedExchange({ status: 401, serverMessage, notJson: false }, ORIGIN);
		expect(error.field).toBe(field);
		expect(error.message).toMatch(expected);
		expect(error.message).toContain(`Workfront said: "${serverMessage}"`);
	});

	test('a refusal without words lists every field to check', () => {
		const { message } = explainRefusedExchange({ status: 403, notJson: false }, ORIGIN);
		expect(message).toMatch(
			/Check Client ID, Client Secret, Customer ID and User ID.*\(HTTP 403\)/,
		);
	});

	test('429 asks to wait', () => {
		expect(explainRefusedExchange({ status: 429, notJson: false }, ORIGIN).message).toMatch(
			/too many requests/,
		);
	});
});

test('redactSecrets removes each secret and its URL-encoded form', () => {
	const secret = 'a+b/c=d secret';
	const text = `raw ${secret} encoded ${encodeURIComponent(secret)} tail`;
	expect(redactSecrets(text, [secret, undefined, 'ab'])).toBe(
		'raw [redacted] encoded [redacted] tail',
	);
});
