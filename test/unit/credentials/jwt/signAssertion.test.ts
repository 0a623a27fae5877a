import { verifyRs256 } from '../../../simulator/jwtVerify';
import { signAssertion } from '../../../../credentials/jwt/signAssertion';
import { rsaPair } from '../../../support/keys';

function decode(segment: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('signAssertion', () => {
	const claims = {
		customerId: 'cust-1',
		userId: 'user-1',
		lifetimeSeconds: 300,
		now: 1_800_000_000,
	};

	test('signs RS256 with a typ JWT header', async () => {
		const jwt = await signAssertion(rsaPair().privateKey, claims);
		expect(decode(jwt.split('.')[0])).toEqual({ alg: 'RS256', typ: 'JWT' });
	});

	test('carries iss = customer ID, sub = user ID, iat and exp = iat + lifetime', async () => {
		const jwt = await signAssertion(rsaPair().privateKey, claims);
		expect(decode(jwt.split('.')[1])).toEqual({
			iss: 'cust-1',
			sub: 'user-1',
			iat: 1_800_000_000,
			exp: 1_800_000_300,
		});
	});

	test('the signature verifies with the public key, by code independent of jose', async () => {
		const jwt = await signAssertion(rsaPair().privateKey, claims);
		expect(verifyRs256(jwt, [rsaPair().publicKey])).toMatchObject({
			ok: true,
			claims: { sub: 'user-1' },
		});
	});

	test('the signature does not verify with another public key', async () => {
		const jwt = await signAssertion(rsaPair().privateKey, claims);
		expect(verifyRs256(jwt, [rsaPair(2048, 1).publicKey])).toEqual({
			ok: false,
			reason: 'signature',
		});
	});

	test('a PKCS#1 key signs the same way', async () => {
		const { loadPrivateKey } = await import('../../../../credentials/jwt/privateKey');
		const jwt = await signAssertion(loadPrivateKey(rsaPair().pkcs1), claims);
		expect(verifyRs256(jwt, [rsaPair().publicKey]).ok).toBe(true);
	});

	test('uses the current time when none is given', async () => {
		const before = Math.floor(Date.now() / 1000);
		const jwt = await signAssertion(rsaPair().privateKey, {
			...claims,
			now: undefined,
			lifetimeSeconds: 60,
		});
		const payload = decode(jwt.split('.')[1]) as { iat: number; exp: number };
		expect(payload.iat).toBeGreaterThanOrEqual(before);
		expect(payload.exp - payload.iat).toBe(60);
	});
});
