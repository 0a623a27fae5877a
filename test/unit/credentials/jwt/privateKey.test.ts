import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	generatePrimeSync,
	sign,
	verify,
	type KeyObject,
} from 'node:crypto';
import { jwtVerify } from 'jose';

import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';
import { loadPrivateKey } from '../../../../credentials/jwt/privateKey';
import { signAssertion } from '../../../../credentials/jwt/signAssertion';
import { fixture, rsaPair } from '../../../support/keys';
import { fc, holdsFor, holdsForAsync } from '../../../support/properties';

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

// ---------------------------------------------------------------------------------------------
// The numbers of an RSA key (RFC 8017, A.1.2), built and encoded here by hand, so that keys no
// tool would write (oversized primes, wrong CRT values, extra primes) can be handed to the loader.

const COMPONENTS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
type Component = (typeof COMPONENTS)[number];
type RsaNumbers = Record<Component, bigint>;

const bits = (value: bigint) => (value <= 0n ? 0 : value.toString(2).length);

function bytesOf(value: bigint): Buffer {
	const hex = value.toString(16);
	return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

const toBase64url = (value: bigint) => bytesOf(value).toString('base64url');
const fromBase64url = (text: string) => {
	const hex = Buffer.from(text, 'base64url').toString('hex');
	return hex === '' ? 0n : BigInt(`0x${hex}`);
};

function numbersOf(key: KeyObject): RsaNumbers {
	const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
	return Object.fromEntries(
		COMPONENTS.map((name) => [name, fromBase64url(jwk[name])]),
	) as RsaNumbers;
}

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
}

/** a⁻¹ mod m, or undefined when there is none. */
function inverse(a: bigint, m: bigint): bigint | undefined {
	let [r0, r1, s0, s1] = [((a % m) + m) % m, m, 1n, 0n];
	while (r1 !== 0n) {
		const quotient = r0 / r1;
		[r0, r1] = [r1, r0 - quotient * r1];
		[s0, s1] = [s1, s0 - quotient * s1];
	}
	return r0 === 1n ? ((s0 % m) + m) % m : undefined;
}

const lambda = (p: bigint, q: bigint) => ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);

/** A whole two-prime key from its primes and e (undefined when e has no inverse). */
function fromPrimes(p: bigint, q: bigint, e = 65537n): RsaNumbers | undefined {
	const d = inverse(e, lambda(p, q));
	const qi = inverse(q, p);
	if (d === undefined || qi === undefined) return undefined;
	return { n: p * q, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qi };
}

function derLength(length: number): Buffer {
	if (length < 0x80) return Buffer.from([length]);
	const bytes = bytesOf(BigInt(length));
	return Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
}

function derInteger(value: bigint): Buffer {
	let bytes = value === 0n ? Buffer.from([0]) : bytesOf(value);
	if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
	return Buffer.concat([Buffer.from([0x02]), derLength(bytes.length), bytes]);
}

function derSequence(parts: Buffer[]): Buffer {
	const body = Buffer.concat(parts);
	return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

/** RSAPrivateKey (RFC 8017, A.1.2) as PEM; other primes make it a multi-prime key (version 1). */
function pkcs1Pem(numbers: RsaNumbers, otherPrimes: Array<[bigint, bigint, bigint]> = []): string {
	const parts = [
		derInteger(otherPrimes.length > 0 ? 1n : 0n),
		...COMPONENTS.map((name) => derInteger(numbers[name])),
	];
	if (otherPrimes.length > 0) {
		parts.push(derSequence(otherPrimes.map((info) => derSequence(info.map(derInteger)))));
	}
	const body =
		derSequence(parts)
			.toString('base64')
			.match(/.{1,64}/g) ?? [];
	return `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
}

/** The same numbers through Node.js's JWK import, written out as PKCS#8. */
function pkcs8Pem(numbers: RsaNumbers): string {
	const jwk = Object.fromEntries(COMPONENTS.map((name) => [name, toBase64url(numbers[name])]));
	return createPrivateKey({ key: { kty: 'RSA', ...jwk }, format: 'jwk' })
		.export({ type: 'pkcs8', format: 'pem' })
		.toString();
}

const publicKeyOf = (numbers: RsaNumbers) =>
	createPublicKey({
		key: { kty: 'RSA', n: toBase64url(numbers.n), e: toBase64url(numbers.e) },
		format: 'jwk',
	});

/**
 * Every bound the loader promises, checked again here, independently: what it returns must pass.
 * Sources: FIPS 186-5 A.1.1 (e), A.1.3 (primes of exactly half the size; for an odd size, one has the extra bit),
 * OpenSSL's 64-bit e above 3072 bits, RFC 8017 3.2 (the CRT values).
 */
function brokenBounds({ n, e, d, p, q, dp, dq, qi }: RsaNumbers): string[] {
	const broken: string[] = [];
	const nBits = bits(n);
	if (nBits < 2048 || nBits > 8192) broken.push('size');
	if (e < 3n || e % 2n === 0n || bits(e) > 256) broken.push('e');
	if (nBits > 3072 && bits(e) > 64) broken.push('e for a large modulus');
	if (p <= 1n || q <= 1n || p * q !== n) broken.push('p·q = n');
	const half = (prime: bigint) => Math.abs(2 * bits(prime) - nBits) <= 1;
	if (!half(p) || !half(q)) broken.push('balance');
	if (d <= 0n || d >= n) broken.push('d < n');
	if (p > 1n && dp !== d % (p - 1n)) broken.push('dP');
	if (q > 1n && dq !== d % (q - 1n)) broken.push('dQ');
	if (qi <= 0n || qi >= p || (qi * q) % p !== 1n) broken.push('qInv');
	if (p > 1n && q > 1n && ((e * d) % (p - 1n) !== 1n || (e * d) % (q - 1n) !== 1n)) {
		broken.push('e·d');
	}
	return broken;
}

/** No run of key-like characters at all, and no piece of any of the numbers in any usual form. */
function expectNoKeyMaterial(message: string, ...keys: RsaNumbers[]): void {
	expect(message).not.toMatch(/[A-Za-z0-9+/_=-]{24,}/);
	for (const numbers of keys) {
		for (const name of COMPONENTS) {
			const value = numbers[name];
			if (bits(value) < 64) continue; // e = 65537 is no secret, and the hint names it
			for (const form of [
				value.toString(10),
				value.toString(16),
				toBase64url(value),
				bytesOf(value).toString('base64'),
			]) {
				expect(message).not.toContain(form.slice(0, 12));
			}
		}
	}
}

/** Two primes of the given sizes whose product has exactly nBits bits and e an inverse. */
function primesOfSizes(pBits: number, qBits: number, nBits: number): RsaNumbers {
	for (;;) {
		const p = generatePrimeSync(pBits, { bigint: true });
		const q = generatePrimeSync(qBits, { bigint: true });
		const numbers = fromPrimes(p, q);
		if (numbers && bits(numbers.n) === nBits) return numbers;
	}
}

function randomOdd(bitCount: number, seed: number): bigint {
	// Deterministic filler: the digits of a simple recurrence, top bit and bottom bit set.
	let value = 1n;
	// asUintN keeps the state unsigned: a negative seed would make `value` negative and the loop
	// below would never end.
	let state = BigInt.asUintN(64, BigInt(seed)) | 1n;
	while (bits(value) < bitCount) {
		state = BigInt.asUintN(64, state * 6364136223846793005n + 1442695040888963407n);
		value = (value << 64n) | state;
	}
	return (value >> BigInt(bits(value) - bitCount)) | 1n | (1n << BigInt(bitCount - 1));
}

const real = numbersOf(rsaPair().privateKey);

function refusal(numbers: RsaNumbers, text = pkcs1Pem(numbers)): string {
	const { message } = rejection(text);
	expectNoKeyMaterial(message, numbers, real);
	return message;
}

function accepted(numbers: RsaNumbers, text = pkcs1Pem(numbers)): KeyObject {
	const key = loadPrivateKey(text);
	const got = numbersOf(key);
	expect(got).toEqual(numbers);
	expect(brokenBounds(got)).toEqual([]);
	const signature = sign('sha256', Buffer.from('probe'), key);
	expect(verify('sha256', Buffer.from('probe'), publicKeyOf(numbers), signature)).toBe(true);
	return key;
}

describe('loadPrivateKey refuses keys whose numbers do not fit, however they were made', () => {
	test("the attacker's keys: a real n, e and d with oversized primes and CRT values (13 KB and 25 KB)", () => {
		for (const size of [15_000, 30_000]) {
			const crafted = {
				...real,
				p: randomOdd(size, 1),
				q: randomOdd(size, 2),
				dp: randomOdd(size, 3),
				dq: randomOdd(size, 4),
				qi: randomOdd(size, 5),
			};
			const pem = pkcs1Pem(crafted);
			expect(pem.length).toBeGreaterThan(size === 15_000 ? 12_000 : 24_000);
			expect(refusal(crafted, pem)).toMatch(
				new RegExp(
					`two prime factors have ${size} and ${size} bits; a real 2048-bit key has two of 1024 bits`,
				),
			);
		}
	});

	test('primes swapped: the same key, as long as the CRT values are swapped and qInv made again', () => {
		const { p, q, dp, dq } = real;
		const swapped = { ...real, p: q, q: p, dp: dq, dq: dp, qi: inverse(p, q)! };
		accepted(swapped);
		expect(refusal({ ...real, p: q, q: p })).toMatch(/CRT exponent \(dP\).*do not match/);
	});

	test.each<[string, (key: RsaNumbers) => Partial<RsaNumbers>, RegExp]>([
		[
			'dP off by one',
			({ dp }) => ({ dp: dp + 1n }),
			/^Private Key: the first CRT exponent \(dP\) of this key does not match/,
		],
		[
			'dP not reduced (dP + p − 1)',
			({ dp, p }) => ({ dp: dp + p - 1n }),
			/first CRT exponent \(dP\)/,
		],
		[
			'dQ off by one',
			({ dq }) => ({ dq: dq - 1n }),
			/second CRT exponent \(dQ\) of this key does not match/,
		],
		[
			'qInv off by one',
			({ qi }) => ({ qi: qi + 1n }),
			/CRT coefficient \(qInv\) of this key does not match/,
		],
		['qInv not reduced (qInv + p)', ({ qi, p }) => ({ qi: qi + p }), /CRT coefficient \(qInv\)/],
		['qInv zero', () => ({ qi: 0n }), /CRT coefficient \(qInv\)/],
		[
			'all three wrong',
			({ dp, dq, qi }) => ({ dp: dq, dq: dp, qi: qi ^ 1n }),
			/\(dP\), the second CRT exponent \(dQ\) and the CRT coefficient \(qInv\) of this key do not match/,
		],
		['p·q ≠ n (q + 2)', ({ q }) => ({ q: q + 2n }), /do not multiply to its modulus/],
		[
			"p·q ≠ n (another key's q)",
			() => ({ q: numbersOf(rsaPair(2048, 1).privateKey).q }),
			/do not multiply to its modulus/,
		],
		['p = 1, q = n', ({ n }) => ({ p: 1n, q: n }), /prime factors are missing or are not primes/],
		['p = 0', () => ({ p: 0n }), /prime factors are missing or are not primes/],
		[
			'e of 257 bits',
			() => ({ e: (1n << 256n) + 1n }),
			/public exponent is not one an RSA key may have/,
		],
		['e even', ({ e }) => ({ e: e + 1n }), /public exponent is not one/],
		['e = 1', () => ({ e: 1n }), /public exponent is not one/],
		[
			'e that d does not undo',
			() => ({ e: 65539n }),
			/private exponent does not belong to its public exponent/,
		],
		['d = n', ({ n }) => ({ d: n }), /private exponent is not between 1 and its modulus/],
		['d = n + 1', ({ n }) => ({ d: n + 1n }), /private exponent is not between 1 and its modulus/],
		['d = 0', () => ({ d: 0n }), /not that of a real RSA key|not between 1 and its modulus/],
		[
			'd far longer than n (the earlier check)',
			({ d, n }) => ({ d: d + (n << 64n) }),
			/private exponent is not that of a real RSA key, so signing with it would take very long/,
		],
		[
			'd + λ, now ≥ n',
			({ d, p, q }) => ({ d: d + lambda(p, q) * (1n << 20n) }),
			/not between 1 and its modulus|not that of a real RSA key/,
		],
	])('%s', (_name, change, expected) => {
		expect(refusal({ ...real, ...change(real) })).toMatch(expected);
	});

	test('the refusals hold through PKCS#8 too', () => {
		const crafted = { ...real, qi: real.qi + real.p };
		expect(refusal(crafted, pkcs8Pem(crafted))).toMatch(/CRT coefficient \(qInv\)/);
	});

	test('unbalanced primes: 1034 and 1014 bits for a 2048-bit modulus', () => {
		const unbalanced = primesOfSizes(1034, 1014, 2048);
		expect(refusal(unbalanced)).toMatch(
			/two prime factors have 1034 and 1014 bits; a real 2048-bit key has two of 1024 bits/,
		);
	});

	test('primes of exactly half the size are accepted, one bit off is refused', () => {
		accepted(primesOfSizes(1024, 1024, 2048));
		accepted(primesOfSizes(1026, 1025, 2051)); // an odd size: one prime has the extra bit
		expect(refusal(primesOfSizes(1025, 1023, 2048))).toMatch(/1025 and 1023 bits/);
	});

	test('a multi-prime key (three primes, RFC 8017 version 1)', () => {
		for (;;) {
			const primes = [0, 1, 2].map(() => generatePrimeSync(684, { bigint: true }));
			const [p, q, r] = primes;
			const l = primes.map((prime) => prime - 1n).reduce((a, b) => (a * b) / gcd(a, b));
			const d = inverse(65537n, l);
			const n = p * q * r;
			if (d === undefined || bits(n) < 2048) continue;
			const numbers = {
				n,
				e: 65537n,
				d,
				p,
				q,
				dp: d % (p - 1n),
				dq: d % (q - 1n),
				qi: inverse(q, p)!,
			};
			const pem = pkcs1Pem(numbers, [[r, d % (r - 1n), inverse(p * q, r)!]]);
			// OpenSSL reads it and signs with it; the loader does not hand it on.
			expect(createPrivateKey(pem).asymmetricKeyType).toBe('rsa');
			expect(refusal(numbers, pem)).toMatch(/more than two prime factors \(multi-prime RSA\)/);
			return;
		}
	});

	test('"primes" that are products of primes: every number fits, the test signature does not', () => {
		const q = real.q;
		for (let found = 0; found < 3; ) {
			const p = generatePrimeSync(512, { bigint: true }) * generatePrimeSync(512, { bigint: true });
			const numbers = fromPrimes(p, q);
			if (!numbers || bits(numbers.n) !== 2048) continue;
			expect(brokenBounds(numbers)).toEqual([]);
			// OpenSSL signs with it (the slow way, and wrongly).
			const signature = sign('sha256', Buffer.from('probe'), createPrivateKey(pkcs1Pem(numbers)));
			expect(verify('sha256', Buffer.from('probe'), publicKeyOf(numbers), signature)).toBe(false);
			expect(refusal(numbers)).toMatch(
				/test signature made with this key does not verify with its own public key/,
			);
			found += 1;
		}
	});

	test('a 4096-bit key may have an e of 64 bits, not 65 (OpenSSL verifies with no longer one)', () => {
		const large = numbersOf(rsaPair(4096).privateKey);
		const withExponent = (e: bigint) => fromPrimes(large.p, large.q, e);
		let e = (1n << 64n) - 1n;
		while (!withExponent(e)) e -= 2n;
		accepted(withExponent(e)!);
		e = (1n << 65n) - 1n;
		while (!withExponent(e)) e -= 2n;
		expect(refusal(withExponent(e)!)).toMatch(
			/public exponent is 65 bits long; with a modulus over 3072 bits/,
		);
	});
});

describe('loadPrivateKey accepts every real key, and hands on only what it checked', () => {
	const withLargestExponent = () => {
		let e = (1n << 256n) - 1n;
		while (!fromPrimes(real.p, real.q, e)) e -= 2n;
		return fromPrimes(real.p, real.q, e)!;
	};
	const dJustBelowN = () => {
		const l = lambda(real.p, real.q);
		return { ...real, d: real.d + ((real.n - 1n - real.d) / l) * l };
	};
	const cases: Array<[string, () => RsaNumbers]> = [
		['a real 2048-bit key', () => real],
		[
			'the fixture that belongs to an uploaded certificate',
			() => numbersOf(createPrivateKey(fixture('private.key'))),
		],
		[
			'e = 3 (older keys)',
			() =>
				numbersOf(
					generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 }).privateKey,
				),
		],
		['the longest e allowed, 256 bits', withLargestExponent],
		['d just below n', dJustBelowN],
	];

	test.each(cases)('%s signs a JWT that verifies (jose)', async (_name, make) => {
		const numbers = make();
		const key = accepted(numbers);
		const jwt = await signAssertion(key, { customerId: 'c', userId: 'u', lifetimeSeconds: 60 });
		const { payload } = await jwtVerify(jwt, publicKeyOf(numbers), { algorithms: ['RS256'] });
		expect(payload).toMatchObject({ iss: 'c', sub: 'u' });
	});

	test('the key handed on is rebuilt: not the object OpenSSL parsed', () => {
		const parsed = createPrivateKey(rsaPair().pkcs1);
		const loaded = loadPrivateKey(rsaPair().pkcs1);
		expect(loaded).not.toBe(parsed);
		expect(loaded.equals(parsed)).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties: real keys, mutated at random.

type Mutation =
	| { kind: 'replace'; component: Component; value: bigint }
	| { kind: 'perturb'; component: Component; delta: bigint }
	| { kind: 'shift'; component: Component; by: number }
	| { kind: 'unreduced'; component: Component; times: bigint }
	| { kind: 'swapPrimes'; fixCrt: boolean }
	| { kind: 'newExponent'; e: bigint }
	| { kind: 'liftD'; times: bigint }
	| { kind: 'mixPrime'; from: number }
	| { kind: 'compositeFactor'; seed: number };

interface KeyPlan {
	base: number;
	mutations: Mutation[];
	encoding: 'pkcs1' | 'pkcs8';
}

const bases: RsaNumbers[] = [
	real,
	numbersOf(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
	numbersOf(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
	numbersOf(createPrivateKey(fixture('private.key'))),
];

const component = fc.constantFrom(...COMPONENTS);
/** Random numbers of random sizes, up to four times the modulus. */
const anyNumber = fc
	.integer({ min: 0, max: 4 * 2048 })
	.chain((size) => fc.bigInt({ min: 0n, max: (1n << BigInt(size)) - 1n }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('replace' as const), component, value: anyNumber }),
	fc.record({
		kind: fc.constant('perturb' as const),
		component,
		delta: fc.bigInt({ min: -1000n, max: 1000n }),
	}),
	fc.record({
		kind: fc.constant('shift' as const),
		component,
		by: fc.integer({ min: -16, max: 16 }),
	}),
	fc.record({
		kind: fc.constant('unreduced' as const),
		component,
		times: fc.bigInt({ min: 1n, max: 1n << 40n }),
	}),
	fc.record({ kind: fc.constant('swapPrimes' as const), fixCrt: fc.boolean() }),
	fc.record({
		kind: fc.constant('newExponent' as const),
		e: fc.oneof(fc.bigInt({ min: 1n, max: 1n << 20n }), fc.bigInt({ min: 1n, max: 1n << 300n })),
	}),
	fc.record({ kind: fc.constant('liftD' as const), times: fc.bigInt({ min: 1n, max: 1n << 12n }) }),
	fc.record({
		kind: fc.constant('mixPrime' as const),
		from: fc.integer({ min: 0, max: bases.length - 1 }),
	}),
	fc.record({ kind: fc.constant('compositeFactor' as const), seed: fc.integer() }),
);
const keyPlan: fc.Arbitrary<KeyPlan> = fc.record({
	base: fc.integer({ min: 0, max: bases.length - 1 }),
	mutations: fc.array(mutation, { maxLength: 3 }),
	encoding: fc.constantFrom('pkcs1' as const, 'pkcs8' as const),
});

/** What a mutation is measured against when it adds a multiple ("the same number, unreduced"). */
function modulusFor(name: Component, key: RsaNumbers): bigint {
	const { n, p, q } = key;
	if (name === 'dp') return p > 1n ? p - 1n : n;
	if (name === 'dq') return q > 1n ? q - 1n : n;
	if (name === 'qi') return p > 0n ? p : n;
	if (name === 'd' && p > 1n && q > 1n) return lambda(p, q);
	return n;
}

function applyMutation(key: RsaNumbers, change: Mutation): RsaNumbers {
	switch (change.kind) {
		case 'replace':
			return { ...key, [change.component]: change.value };
		case 'perturb': {
			const value = key[change.component] + change.delta;
			return { ...key, [change.component]: value < 0n ? -value : value };
		}
		case 'shift': {
			const value = key[change.component];
			const by = BigInt(Math.abs(change.by));
			return { ...key, [change.component]: change.by < 0 ? value >> by : value << by };
		}
		case 'unreduced':
			return {
				...key,
				[change.component]:
					key[change.component] + change.times * modulusFor(change.component, key),
			};
		case 'swapPrimes': {
			const swapped = { ...key, p: key.q, q: key.p };
			if (!change.fixCrt) return swapped;
			return { ...swapped, dp: key.dq, dq: key.dp, qi: inverse(key.p, key.q) ?? key.qi };
		}
		case 'newExponent': {
			if (key.p <= 1n || key.q <= 1n) return { ...key, e: change.e };
			const d = inverse(change.e, lambda(key.p, key.q));
			if (d === undefined) return { ...key, e: change.e };
			return { ...key, e: change.e, d, dp: d % (key.p - 1n), dq: d % (key.q - 1n) };
		}
		case 'liftD':
			return { ...key, d: key.d + change.times * modulusFor('d', key) };
		case 'mixPrime':
			return { ...key, q: bases[change.from].q };
		case 'compositeFactor': {
			// An odd number of p's size (almost surely not prime) with every other number made to fit.
			const p = randomOdd(Math.max(bits(key.p), 2), change.seed);
			return (key.q > 1n && fromPrimes(p, key.q, key.e)) || { ...key, p };
		}
	}
}

function encode(key: RsaNumbers, encoding: KeyPlan['encoding']): string {
	if (encoding === 'pkcs8') {
		try {
			return pkcs8Pem(key);
		} catch {
			// Node.js's JWK import refuses some of these numbers; PKCS#1 carries anything.
		}
	}
	return pkcs1Pem(key);
}

function planned(plan: KeyPlan): { numbers: RsaNumbers; text: string } {
	const numbers = plan.mutations.reduce(applyMutation, bases[plan.base]);
	return { numbers, text: encode(numbers, plan.encoding) };
}

/** Refused with a Private Key message that shows nothing of the key, or accepted within bounds. */
function loadOrRefuse(plan: KeyPlan): { numbers: RsaNumbers; key?: KeyObject } {
	const { numbers, text } = planned(plan);
	let key: KeyObject;
	try {
		key = loadPrivateKey(text);
	} catch (error) {
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		const { message } = error as WorkfrontCredentialError;
		expect(message.startsWith('Private Key: ')).toBe(true);
		expectNoKeyMaterial(message, numbers, bases[plan.base]);
		return { numbers };
	}
	const got = numbersOf(key);
	expect(got).toEqual(numbers);
	expect(brokenBounds(got)).toEqual([]);
	return { numbers, key };
}

describe('properties of loadPrivateKey over mutated real keys', () => {
	test('either refused, showing nothing of the key, or every bound holds and it signs verifiably', () => {
		const outcomes = { accepted: 0, refused: 0 };
		holdsFor(
			'a mutated key is refused, or within every bound and signs what its public key verifies',
			keyPlan,
			(plan) => {
				const { numbers, key } = loadOrRefuse(plan);
				if (!key) {
					outcomes.refused += 1;
					return;
				}
				const signature = sign('sha256', Buffer.from('probe'), key);
				expect(verify('sha256', Buffer.from('probe'), publicKeyOf(numbers), signature)).toBe(true);
				outcomes.accepted += 1;
			},
			{ runs: 400 },
		);
		// Both sides of the property were exercised, not just one.
		expect(outcomes.accepted).toBeGreaterThan(40);
		expect(outcomes.refused).toBeGreaterThan(100);
	});

	test('every key it accepts signs a JWT that jose verifies with the public key', async () => {
		let accepted = 0;
		await holdsForAsync(
			'an accepted mutated key signs a JWT that verifies',
			keyPlan,
			async (plan) => {
				const { numbers, key } = loadOrRefuse(plan);
				if (!key) return;
				const jwt = await signAssertion(key, { customerId: 'c', userId: 'u', lifetimeSeconds: 60 });
				const { payload } = await jwtVerify(jwt, publicKeyOf(numbers), { algorithms: ['RS256'] });
				expect(payload.sub).toBe('u');
				accepted += 1;
			},
			{ runs: 200 },
		);
		expect(accepted).toBeGreaterThan(20);
	});
});
