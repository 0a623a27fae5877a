import {
	JWT_LIFETIME,
	readCredentialFields,
	validateLifetime,
} from '../../../../credentials/jwt/credentialFields';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { rsaPair } from '../../../support/keys';

const fields = () => ({
	url: ' https://acme.my.workfront.com/home ',
	clientId: ' client ',
	clientSecret: 'secret',
	customerId: 'customer',
	userId: 'user',
	privateKey: rsaPair().pkcs8,
});

function failure(read: () => unknown): WorkfrontCredentialError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		return error as WorkfrontCredentialError;
	}
	throw new Error('the fields were accepted');
}

test('every field read, trimmed and checked; defaults for the optional ones', () => {
	const read = readCredentialFields(fields());
	expect(read).toMatchObject({
		origin: 'https://acme.my.workfront.com',
		clientId: 'client',
		clientSecret: 'secret',
		customerId: 'customer',
		userId: 'user',
		lifetimeSeconds: JWT_LIFETIME.default,
		deadlineMs: 30_000,
	});
	expect(read.key.asymmetricKeyType).toBe('rsa');
	expect(readCredentialFields({ ...fields(), requestTimeout: 5 }).deadlineMs).toBe(5_000);
});

test.each([
	[
		'clientId',
		'Client ID',
		/Client ID is empty\. Copy it from Setup > System > OAuth2 Applications/,
	],
	['clientSecret', 'Client Secret', /Client Secret is empty\./],
	['customerId', 'Customer ID', /Customer ID is empty\./],
	['userId', 'User ID', /User ID is empty\. Enter the ID of the Workfront user/],
])('an empty %s is refused, naming the field', (key, field, message) => {
	const error = failure(() => readCredentialFields({ ...fields(), [key]: '   ' }));
	expect(error.field).toBe(field);
	expect(error.message).toMatch(message);
});

test('JWT Lifetime: whole seconds from 30 to 900, 300 when empty', () => {
	expect(validateLifetime(undefined)).toBe(300);
	expect(validateLifetime('')).toBe(300);
	expect(validateLifetime('60')).toBe(60);
	for (const value of [29, 901, 45.5, 'soon']) {
		const error = failure(() => validateLifetime(value));
		expect(error.field).toBe('JWT Lifetime');
		expect(error.message).toMatch(/^JWT Lifetime must be a whole number of seconds from 30 to 900/);
	}
});

test('a bad URL or key is refused by its own reader, before anything is signed', () => {
	expect(
		failure(() => readCredentialFields({ ...fields(), url: 'collector.example' })).message,
	).toMatch(/\S/);
	expect(failure(() => readCredentialFields({ ...fields(), privateKey: 'not a key' })).field).toBe(
		'Private Key',
	);
});
