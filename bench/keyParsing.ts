import { createPrivateKey, generatePrimeSync, sign, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { loadPrivateKey } from '../credentials/jwt/privateKey';
import { rsaPair } from '../test/support/keys';

/**
 * How long reading a hostile Private Key field takes. The key is read on every token exchange,
 * inside n8n's event loop, so no input may make it slow. Prints the median time per input
 * next to the time for a real key, as a ratio (timing is only compared within one run).
 */
const MEGABYTE = 1024 * 1024;
const real = rsaPair().pkcs8;
const inputs: Array<[string, string]> = [
	['real 2048-bit key', real],
	['1 MB of quotes', '"'.repeat(MEGABYTE)],
	['1 MB of BEGIN lines', '-----BEGIN A-----\n'.repeat(MEGABYTE / 18)],
	['1 MB BEGIN PRIVATE KEY without END', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(MEGABYTE)}`],
	['60 KB of quotes (under the size cap)', '"'.repeat(60_000)],
	['60 KB of BEGIN lines without END', '-----BEGIN A-----'.repeat(3500)],
	['60 KB quoted real key', `${'"'.repeat(25_000)}${real}${'"'.repeat(25_000)}`],
];

/** The median of 9 runs after one warm-up run (the first run pays for compiling the code). */
function medianMs(text: string): number {
	const times: number[] = [];
	for (let run = 0; run < 10; run += 1) {
		const started = performance.now();
		try {
			loadPrivateKey(text);
		} catch {
			// Refusing is the expected outcome for the hostile inputs.
		}
		if (run > 0) times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const baseline = medianMs(real);
print('| Input | Median (ms) | × a real key |');
print('|---|---|---|');
let worstHostile = 0;
for (const [name, text] of inputs) {
	const ms = medianMs(text);
	if (text !== real) worstHostile = Math.max(worstHostile, ms);
	print(`| ${name} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(1)} |`);
}
print(`\nWorst hostile input: ${worstHostile.toFixed(2)} ms (target: well under 100 ms).`);

/*
 * Signing. What the loader accepts at the edge of each bound (the longest e, primes 4 bits off
 * half the size, the largest modulus) must sign about as fast as a real key of its size; the
 * attacker's keys (oversized primes and CRT values) are refused before they sign at all.
 */
const bitsOf = (value: bigint) => value.toString(2).length;
const b64 = (value: bigint) => {
	const hex = value.toString(16);
	return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url');
};
function inverse(a: bigint, m: bigint): bigint | undefined {
	let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
	while (r1 !== 0n) {
		const quotient = r0 / r1;
		[r0, r1] = [r1, r0 - quotient * r1];
		[s0, s1] = [s1, s0 - quotient * s1];
	}
	return r0 === 1n ? ((s0 % m) + m) % m : undefined;
}
/** A PKCS#8 key from two fresh primes of the given sizes and e, whole and consistent. */
function keyOf(pBits: number, qBits: number, nBits: number, e: bigint): string {
	for (;;) {
		const p = generatePrimeSync(pBits, { bigint: true });
		const q = generatePrimeSync(qBits, { bigint: true });
		const n = p * q;
		if (bitsOf(n) !== nBits || p === q) continue;
		const d = inverse(e, (p - 1n) * (q - 1n));
		const qi = inverse(q, p);
		if (d === undefined || qi === undefined) continue;
		const jwk = { kty: 'RSA', n: b64(n), e: b64(e), d: b64(d), p: b64(p), q: b64(q) };
		const crt = { dp: b64(d % (p - 1n)), dq: b64(d % (q - 1n)), qi: b64(qi) };
		return createPrivateKey({ key: { ...jwk, ...crt }, format: 'jwk' })
			.export({ type: 'pkcs8', format: 'pem' })
			.toString();
	}
}
function signMedianMs(key: KeyObject): number {
	const times: number[] = [];
	for (let run = 0; run < 21; run += 1) {
		const started = performance.now();
		sign('sha256', Buffer.from('header.payload'), key);
		if (run > 0) times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
const largestOddE = (bitCount: number) => (1n << BigInt(bitCount)) - 1n;
const signing: Array<[string, number, string]> = [
	[
		'e of 256 bits (the FIPS 186-5 limit), 2048-bit n',
		2048,
		keyOf(1024, 1024, 2048, largestOddE(256)),
	],
	['primes of 1026 and 1025 bits (an odd size)', 2051, keyOf(1026, 1025, 2051, 65537n)],
	['e = 3', 2048, keyOf(1024, 1024, 2048, 3n)],
	[
		'e of 64 bits (the OpenSSL limit above 3072 bits), 4096-bit n',
		4096,
		keyOf(2048, 2048, 4096, largestOddE(64)),
	],
	['8192-bit key (the size limit)', 8192, rsaPair(8192).pkcs8],
];
const realOfSize = new Map<number, number>();
print('\n| Accepted key at a bound | Sign (ms) | × a real key of its size |');
print('|---|---|---|');
let worstSigning = 0;
for (const [name, size, text] of signing) {
	const realMs = realOfSize.get(size) ?? signMedianMs(loadPrivateKey(rsaPair(size).pkcs8));
	realOfSize.set(size, realMs);
	const ms = signMedianMs(loadPrivateKey(text));
	worstSigning = Math.max(worstSigning, ms / realMs);
	print(`| ${name} | ${ms.toFixed(2)} | ${(ms / realMs).toFixed(2)} |`);
}
print(
	`\nWorst accepted key: ${worstSigning.toFixed(2)}× a real key of its size (target: at most 3×).`,
);
process.exitCode = worstHostile < 100 && worstSigning <= 3 ? 0 : 1;
