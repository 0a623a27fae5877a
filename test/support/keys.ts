import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures', 'keys');

export interface RsaPair {
	privateKey: KeyObject;
	publicKey: KeyObject;
	pkcs8: string;
	pkcs1: string;
	publicPem: string;
}

const pairs = new Map<number, RsaPair>();

/** An RSA pair, made once per test file and size (key generation is slow). */
export function rsaPair(bits = 2048, slot = 0): RsaPair {
	const cacheKey = bits * 10 + slot;
	const cached = pairs.get(cacheKey);
	if (cached) return cached;
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
	const pair = {
		privateKey,
		publicKey,
		pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
		publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
	pairs.set(cacheKey, pair);
	return pair;
}

export function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}
