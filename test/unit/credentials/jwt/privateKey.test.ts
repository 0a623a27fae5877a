import { generateKeyPairSync, sign, verify } from 'node:crypto';

import { WorkfrontCredentialError } from '../../../../credentials/jwt/credentialError';
import { loadPrivateKey } from '../../../../credentials/jwt/privateKey';
import { fixture, rsaPair } from '../../../support/keys';

function expectUsable(text: string) {
	const pair = rsaPair();
	const key = loadPrivateKey(text);
	const signature = sign('sha256', Buffer.from('probe'), key);
	expect(verify('sha256', Buffer.from('probe'), pair.publicKey, signature)).toBe(true);
}

function rejection(text: unknown): WorkfrontCredentialError {
	try {
		loadPrivateKey(text);
	} catch (error) {
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		const credentialError = error as WorkfrontCredentialError;
		expect(credentialError.field).toBe('Private Key');
		expect(credentialError.message.startsWith('Private Key: ')).toBe(true);
		return credentialError;
	}
	throw new Error('the key was accepted');
}

describe('loadPrivateKey accepts keys as people paste them', () => {
	const { pkcs8, pkcs1 } = rsaPair();

	test.each([
		['PKCS#8', pkcs8],
		['PKCS#1', pkcs1],
		['literal \\n escapes (PKCS#8)', pkcs8.trim().replace(/\n/g, '\\n')],
		['literal \\n escapes (PKCS#1)', pkcs1.trim().replace(/\n/g, '\\n')],
		['line breaks collapsed to spaces', pkcs8.trim().replace(/\n/g, ' ')],
		['line breaks removed inside the body', pkcs8.replace(/\n(?!-----)/g, '')],
		['surrounding whitespace', `\n\n   ${pkcs8}   \n\t`],
		['double quotes', `"${pkcs8.trim()}"`],
		['single quotes around escaped text', `'${pkcs1.trim().replace(/\n/g, '\\n')}'`],
		['Windows line endings', pkcs8.replace(/\n/g, '\r\n')],
		['literal \\r\\n escapes', pkcs8.trim().replace(/\n/g, '\\r\\n')],
		['a certificate before the key in one file', `${fixture('certificate_pub.crt')}\n${pkcs8}`],
	])('%s', (_name, text) => expectUsable(text));

	test('the key that belongs to an uploaded X.509 certificate', () => {
		const key = loadPrivateKey(fixture('private.key'));
		expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
	});
});

describe('loadPrivateKey explains each key it cannot use', () => {
	test('a certificate', () => {
		expect(rejection(fixture('certificate_pub.crt')).message).toMatch(
			/certificate.*not the private key/,
		);
	});

	test('a public key (SPKI)', () => {
		expect(rejection(rsaPair().publicPem).message).toMatch(/public key, not the private key/);
	});

	test('a public key (PKCS#1)', () => {
		const pem = rsaPair().publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
		expect(rejection(pem).message).toMatch(/public key, not the private key/);
	});

	test('an encrypted PKCS#8 key names the openssl command that removes the passphrase', () => {
		const pem = rsaPair()
			.privateKey.export({
				type: 'pkcs8',
				format: 'pem',
				cipher: 'aes-256-cbc',
				passphrase: 'secret',
			})
			.toString();
		const { message } = rejection(pem);
		expect(message).toMatch(/passphrase/);
		expect(message).toContain('openssl pkey -in private.key -out private-nopass.key');
	});

	test('an encrypted PKCS#1 key', () => {
		const pem = rsaPair()
			.privateKey.export({
				type: 'pkcs1',
				format: 'pem',
				cipher: 'aes-256-cbc',
				passphrase: 'secret',
			})
			.toString();
		expect(rejection(pem).message).toContain('openssl pkey');
	});

	test('an EC key in SEC1 form', () => {
		const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const pem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
		expect(rejection(pem).message).toMatch(/EC key.*RS256.*RSA/);
	});

	test('an EC key in PKCS#8 form', () => {
		const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect(rejection(pem).message).toMatch(/ec key.*RSA/);
	});

	test('an Ed25519 key', () => {
		const { privateKey } = generateKeyPairSync('ed25519');
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect(rejection(pem).message).toMatch(/ed25519 key.*RSA/);
	});

	test('an OpenSSH key', () => {
		expect(rejection(fixture('openssh_rsa.key')).message).toMatch(/OpenSSH key.*PEM/);
	});

	test('an RSA key shorter than 2048 bits', () => {
		expect(rejection(rsaPair(1024).pkcs8).message).toMatch(/1024 bits.*at least 2048/);
	});

	test.each([
		['empty text', '', /it is empty/],
		['no text at all', undefined, /it is empty/],
		['prose', 'my private key is on the laptop', /not a private key/],
		['an API key', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', /not a private key/],
		['a key without its END line', rsaPair().pkcs8.split('-----END')[0], /cut off/],
	])('%s', (_name, text, expected) => {
		expect(rejection(text).message).toMatch(expected);
	});

	test('a damaged key body', () => {
		const { pkcs8 } = rsaPair();
		const lines = pkcs8.split('\n');
		lines[5] = lines[5].slice(0, 20);
		expect(rejection(lines.join('\n')).message).toMatch(/damaged/);
	});

	test('no message repeats any part of the key', () => {
		const { pkcs8 } = rsaPair(1024);
		const body = pkcs8.split('\n')[3];
		const messages = [rejection(pkcs8).message, rejection(pkcs8.replace(/[A-Z]/, '!')).message];
		for (const message of messages) expect(message).not.toContain(body);
	});
});
