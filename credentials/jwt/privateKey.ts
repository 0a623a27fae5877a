import {
	constants,
	createPrivateKey,
	createPublicKey,
	privateEncrypt,
	publicDecrypt,
	randomBytes,
	type JsonWebKey,
	type KeyObject,
} from 'node:crypto';

import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';

const FIELD = 'Private Key';
const MIN_RSA_BITS = 2048;
/** Larger keys work, but cost seconds of CPU per signature: no real Workfront key pair is larger. */
const MAX_RSA_BITS = 8192;
/** A BEGIN or END line; the label is bounded so that no input makes the search backtrack far. */
const PEM_MARKER = /-----(BEGIN|END) ([A-Z0-9 ]{1,64})-----/g;
/**
 * An RSA key of 16384 bits is about 13 KB as PEM; anything far larger is not a key, and reading it
 * would only cost time on every exchange.
 */
const MAX_KEY_CHARACTERS = 64 * 1024;
const NEW_PAIR_HINT =
	'Generate a new pair with `openssl req -x509 -sha256 -nodes -newkey rsa:2048 -keyout private.key -out certificate_pub.crt`, upload certificate_pub.crt to the OAuth2 application in Workfront and paste the contents of private.key here.';

interface PemBlock {
	label: string;
	body: string;
}

function fail(message: string): never {
	throw new WorkfrontCredentialError(`${FIELD}: ${message}`, FIELD);
}

const QUOTES = new Set(['"', "'", '`']);
const MAX_QUOTE_LAYERS = 8;

/**
 * Undoes what copying a key through JSON, env files, chat tools and Windows does to it. Every step
 * is one pass over the text: the key is read on every token exchange, inside n8n's event loop.
 */
function unwrapPastedText(raw: string): string {
	let start = 0;
	let end = raw.length;
	const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
	const trim = () => {
		while (start < end && isSpace(raw[start])) start += 1;
		while (end > start && isSpace(raw[end - 1])) end -= 1;
	};
	trim();
	// Peel matching quotes off both ends: "'key'" -> key. A few layers are what copying through
	// JSON and shells produces; more is not a key, and peeling it would only cost time.
	for (
		let layer = 0;
		layer < MAX_QUOTE_LAYERS &&
		end - start >= 2 &&
		QUOTES.has(raw[start]) &&
		raw[end - 1] === raw[start];
		layer += 1
	) {
		start += 1;
		end -= 1;
		trim();
	}
	return raw
		.slice(start, end)
		.replace(/\\r\\n|\\n|\\r/g, '\n')
		.replace(/\r\n?/g, '\n')
		.trim();
}

/**
 * The PEM blocks of the text, as a lazy `BEGIN X … END X` match would find them left to right,
 * but in one pass over the markers: for each BEGIN, the first END with the same label after it.
 */
function findPemBlocks(text: string): PemBlock[] {
	const markers = [...text.matchAll(PEM_MARKER)].map((match) => ({
		begin: match[1] === 'BEGIN',
		label: match[2],
		start: match.index,
		end: match.index + match[0].length,
	}));
	// The END markers of each label, in order, with a cursor that only moves forward.
	const ends = new Map<string, { at: number[]; next: number }>();
	markers.forEach((marker, index) => {
		if (marker.begin) return;
		const list = ends.get(marker.label) ?? { at: [], next: 0 };
		list.at.push(index);
		ends.set(marker.label, list);
	});
	const blocks: PemBlock[] = [];
	for (let index = 0; index < markers.length; index += 1) {
		const begin = markers[index];
		if (!begin.begin) continue;
		const list = ends.get(begin.label);
		while (list && list.next < list.at.length && list.at[list.next] <= index) list.next += 1;
		if (!list || list.next >= list.at.length) continue;
		const endIndex = list.at[list.next];
		blocks.push({ label: begin.label, body: text.slice(begin.end, markers[endIndex].start) });
		index = endIndex;
	}
	return blocks;
}

/** Rebuilds a clean PEM, whatever happened to the line breaks of the base64 body. */
function toPem(label: string, body: string): string {
	const base64 = body.replace(/\s+/g, '');
	const lines = base64.match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function rejectUnusableBlock(block: PemBlock): void {
	const { label, body } = block;
	if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,\s*ENCRYPTED/i.test(body)) {
		fail(
			'this key is protected by a passphrase, which n8n cannot type in for you. Remove the passphrase from a copy of the key with `openssl pkey -in private.key -out private-nopass.key` (it asks for the passphrase once) and paste the contents of private-nopass.key.',
		);
	}
	if (label === 'OPENSSH PRIVATE KEY') {
		fail(
			`this is an OpenSSH key; Workfront needs an RSA key in PEM format (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY). ${NEW_PAIR_HINT}`,
		);
	}
	if (label === 'EC PRIVATE KEY' || label === 'DSA PRIVATE KEY') {
		fail(
			`this is ${label.startsWith('EC') ? 'an EC' : 'a DSA'} key, but Workfront signs with RS256, which needs an RSA key of at least ${MIN_RSA_BITS} bits. ${NEW_PAIR_HINT}`,
		);
	}
}

function explainMissingPrivateKey(text: string, blocks: PemBlock[]): never {
	const labels = blocks.map((block) => block.label);
	if (labels.includes('CERTIFICATE')) {
		fail(
			'this is a certificate (the public half you upload to Workfront), not the private key. Paste the private key: the file that starts with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.',
		);
	}
	if (labels.some((label) => label.endsWith('PUBLIC KEY'))) {
		fail(
			'this is a public key, not the private key. Paste the private key: the file that starts with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.',
		);
	}
	if (labels.length > 0) {
		fail(
			`found a "${labels[0]}" block, which is not a private key. Paste the private key: the file that starts with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.`,
		);
	}
	if (/-----BEGIN [A-Z ]{0,32}PRIVATE KEY-----/.test(text)) {
		fail(
			'the key is cut off: its -----END … PRIVATE KEY----- line is missing. Copy the whole file, from the BEGIN line to the END line.',
		);
	}
	if (text === '') {
		fail(
			'it is empty. Paste the private key of the key pair whose public key or certificate is uploaded to the OAuth2 application in Workfront.',
		);
	}
	fail(
		'this text is not a private key. Paste the whole private key file, from -----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----) to the matching END line.',
	);
}

/**
 * A real key's private exponent is no longer than its modulus. A crafted one can be far longer
 * (with junk CRT values that force the slow path), making every signature take many seconds.
 */
function rejectCraftedExponent(jwk: JsonWebKey): void {
	if (!jwk.n || !jwk.d || jwk.d.length > jwk.n.length) {
		fail(
			`the key's private exponent is not that of a real RSA key, so signing with it would take very long. ${NEW_PAIR_HINT}`,
		);
	}
}

/**
 * The public exponent's bounds. FIPS 186-5 (A.1.1) asks for an odd e with 2^16 < e < 2^256. The
 * upper bound is kept because OpenSSL checks every CRT signature by raising it to e, so a long e
 * makes every signature slower. The lower bound is not: e = 3 and 17 are in many older keys, they
 * are the cheapest exponents to sign with, and the weakness of small exponents (forged signatures
 * accepted by careless verifiers) concerns the verifier, Workfront, which already holds the
 * certificate. e = 1 is no key at all, and an even e has no inverse modulo p − 1.
 */
const MIN_PUBLIC_EXPONENT = 3n;
const MAX_PUBLIC_EXPONENT_BITS = 256;
/**
 * OpenSSL refuses to verify with an e longer than 64 bits once the modulus is over 3072 bits
 * (OPENSSL_RSA_MAX_PUBEXP_BITS and OPENSSL_RSA_SMALL_MODULUS_BITS in openssl/rsa.h, its own guard
 * against slow verification), so such a key signs what no OpenSSL-based verifier, Node.js's
 * included, will accept.
 */
const LARGE_MODULUS_BITS = 3072;
const MAX_LARGE_MODULUS_EXPONENT_BITS = 64;
/**
 * FIPS 186-5 (A.1.3, with B.9) makes both primes exactly half the modulus long, and OpenSSL's
 * generator does so (checked through Node.js at sizes from 2047 to 4097 bits); for an odd size one
 * prime has the extra bit.
 * Nothing else is allowed, because it costs: OpenSSL signs with primes of exactly 1024, 1536 or 2048
 * bits on a faster path, and a 2048-bit key with primes only one bit off half signs 3.6 times slower
 * (measured with Node.js 20 on x86-64). Primes far from half (the oversized ones of a crafted key above all) take
 * away the speed-up of signing by the two halves altogether (the CRT of RFC 8017, 5.1.2).
 */
const isHalfOf = (nBits: number, primeBits: number) =>
	primeBits === Math.floor(nBits / 2) || primeBits === Math.ceil(nBits / 2);

const CRT_COMPONENTS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
type RsaNumbers = Record<(typeof CRT_COMPONENTS)[number], bigint>;

function toBigInt(base64url: string): bigint {
	const hex = Buffer.from(base64url, 'base64url').toString('hex');
	return hex === '' ? 0n : BigInt(`0x${hex}`);
}

function bitLength(value: bigint): number {
	return value <= 0n ? 0 : value.toString(2).length;
}

/** The key's numbers, as RFC 8017 (A.1.2) lists them for a two-prime key. */
function readNumbers(jwk: JsonWebKey): RsaNumbers {
	const numbers: Partial<RsaNumbers> = {};
	for (const name of CRT_COMPONENTS) {
		const value = jwk[name];
		// Node.js writes a zero as an empty string: present, and refused by the checks that follow.
		if (typeof value !== 'string') {
			fail(
				`the key lacks the values an RSA private key holds for signing, so it cannot be used. ${NEW_PAIR_HINT}`,
			);
		}
		numbers[name] = toBigInt(value);
	}
	return numbers as RsaNumbers;
}

/** e within the bounds above; its bit length may be shown, its value is not. */
function checkPublicExponent({ n, e }: RsaNumbers): void {
	const bits = bitLength(e);
	if (e < MIN_PUBLIC_EXPONENT || e % 2n === 0n || bits > MAX_PUBLIC_EXPONENT_BITS) {
		fail(
			`the key's public exponent is not one an RSA key may have (it must be odd, at least 3 and at most ${MAX_PUBLIC_EXPONENT_BITS} bits long; real keys use 65537), and a long one makes every signature slow. ${NEW_PAIR_HINT}`,
		);
	}
	if (bitLength(n) > LARGE_MODULUS_BITS && bits > MAX_LARGE_MODULUS_EXPONENT_BITS) {
		fail(
			`the key's public exponent is ${bits} bits long; with a modulus over ${LARGE_MODULUS_BITS} bits, OpenSSL (and so Node.js) verifies signatures only with an exponent of at most ${MAX_LARGE_MODULUS_EXPONENT_BITS} bits, so what this key signs could not be checked (real keys use 65537). ${NEW_PAIR_HINT}`,
		);
	}
}

/** n = p·q, two primes of about half its size: what the CRT of RFC 8017 (5.1.2) relies on. */
function checkPrimes({ n, p, q }: RsaNumbers): void {
	if (p <= 1n || q <= 1n) {
		fail(`the key's prime factors are missing or are not primes. ${NEW_PAIR_HINT}`);
	}
	const product = p * q;
	if (product < n && n % product === 0n) {
		fail(
			`this key has more than two prime factors (multi-prime RSA), which the RS256 signers and verifiers of Workfront setups do not all support. ${NEW_PAIR_HINT}`,
		);
	}
	const nBits = bitLength(n);
	if (!isHalfOf(nBits, bitLength(p)) || !isHalfOf(nBits, bitLength(q))) {
		const halves =
			nBits % 2 === 0 ? `${nBits / 2}` : `${Math.floor(nBits / 2)} and ${Math.ceil(nBits / 2)}`;
		fail(
			`the key's two prime factors have ${bitLength(p)} and ${bitLength(q)} bits; a real ${nBits}-bit key has two of ${halves} bits, and signing with any others is slower. ${NEW_PAIR_HINT}`,
		);
	}
	if (product !== n) {
		fail(
			`the key's two prime factors do not multiply to its modulus, so it is not a whole RSA key (a part may have been changed or mixed up with another key's). ${NEW_PAIR_HINT}`,
		);
	}
}

/**
 * The private exponent and the values RFC 8017 (3.2) derives from it for fast signing:
 * 0 < d < n, dP = d mod (p − 1), dQ = d mod (q − 1), 0 < qInv < p with qInv·q ≡ 1 (mod p), and
 * e·d ≡ 1 modulo p − 1 and q − 1 (what makes a signature verify). OpenSSL uses them unchecked, and
 * when they do not fit it signs again the slow way, with d alone.
 */
function checkPrivateValues({ n, e, d, p, q, dp, dq, qi }: RsaNumbers): void {
	if (d <= 0n || d >= n) {
		fail(
			`the key's private exponent is not between 1 and its modulus, as that of every real RSA key is. ${NEW_PAIR_HINT}`,
		);
	}
	const wrong: string[] = [];
	if (dp !== d % (p - 1n)) wrong.push('the first CRT exponent (dP)');
	if (dq !== d % (q - 1n)) wrong.push('the second CRT exponent (dQ)');
	if (qi <= 0n || qi >= p || (qi * q) % p !== 1n) wrong.push('the CRT coefficient (qInv)');
	if (wrong.length > 0) {
		const named =
			wrong.length > 1 ? `${wrong.slice(0, -1).join(', ')} and ${wrong.at(-1)}` : wrong[0];
		fail(
			`${named} of this key ${wrong.length > 1 ? 'do' : 'does'} not match its primes and private exponent, so every signature would take the slow way or come out wrong. ${NEW_PAIR_HINT}`,
		);
	}
	if ((e * d) % (p - 1n) !== 1n || (e * d) % (q - 1n) !== 1n) {
		fail(
			`the key's private exponent does not belong to its public exponent, so Workfront could not verify anything it signs. ${NEW_PAIR_HINT}`,
		);
	}
}

/**
 * The checks above hold for any p and q, prime or not, and proving them prime costs far more than a
 * signature. When they are not prime, OpenSSL's check of each CRT signature fails and it signs again
 * with d alone, four to seven times slower, and wrongly all the same. So the checked key makes one
 * test signature of a random value with d replaced by 1 (a pairwise consistency test, as NIST SP
 * 800-56B calls it, costing one signature): a CRT result that fails OpenSSL's check then comes back
 * unrepaired, at once, and does not verify. The inputs that wrong CRT halves still get right form a
 * subgroup, at most half of all inputs, so a random value catches such a key at least every other
 * time (one whose "primes" are products of primes, every time in practice); one that slips through
 * is tested again on the next load, and its slow signatures are bounded by d < n.
 */
function checkTestSignature(jwk: JsonWebKey, n: bigint): void {
	let verified = false;
	try {
		const probeKey = createPrivateKey({ key: { ...jwk, d: 'AQ' }, format: 'jwk' });
		const value = randomBytes(Math.ceil(bitLength(n) / 8));
		value[0] = 0; // below n
		const signature = privateEncrypt({ key: probeKey, padding: constants.RSA_NO_PADDING }, value);
		const recovered = publicDecrypt(
			{ key: createPublicKey(probeKey), padding: constants.RSA_NO_PADDING },
			signature,
		);
		verified = recovered.equals(value);
	} catch {
		verified = false;
	}
	if (!verified) {
		fail(
			`a test signature made with this key does not verify with its own public key: its prime factors are not primes, or its values do not belong together. ${NEW_PAIR_HINT}`,
		);
	}
}

/**
 * Every number of the key checked, then the key rebuilt from those numbers alone, so that nothing
 * else the PEM carried (more primes, unchecked values) reaches the signer.
 */
function rebuildCheckedKey(jwk: JsonWebKey): KeyObject {
	const numbers = readNumbers(jwk);
	checkPublicExponent(numbers);
	checkPrimes(numbers);
	checkPrivateValues(numbers);
	const checked: JsonWebKey = { kty: 'RSA' };
	for (const name of CRT_COMPONENTS) checked[name] = jwk[name];
	checkTestSignature(checked, numbers.n);
	return createPrivateKey({ key: checked, format: 'jwk' });
}

function parseKey(block: PemBlock): KeyObject {
	try {
		return createPrivateKey({ key: toPem(block.label, block.body), format: 'pem' });
	} catch {
		return fail(
			'the key text is damaged and could not be read (a character may be missing or changed). Copy the whole private key file again, from the BEGIN line to the END line.',
		);
	}
}

/**
 * Reads a private key as people really paste it (PKCS#8 or PKCS#1, with literal \n escapes,
 * collapsed line breaks, quotes, Windows line endings) and checks it can sign RS256. Every way it
 * can be wrong has its own message; no message ever contains the key text.
 */
export function loadPrivateKey(raw: unknown): KeyObject {
	if (typeof raw === 'string' && raw.length > MAX_KEY_CHARACTERS) {
		fail(
			`this text has ${raw.length} characters; an RSA private key has a few thousand. Paste only the private key file, from -----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----) to the matching END line.`,
		);
	}
	const text = typeof raw === 'string' ? unwrapPastedText(raw) : '';
	const blocks = findPemBlocks(text);
	const privateBlock = blocks.find((block) => block.label.endsWith('PRIVATE KEY'));
	if (!privateBlock) explainMissingPrivateKey(text, blocks);

	rejectUnusableBlock(privateBlock);
	const key = parseKey(privateBlock);

	if (key.asymmetricKeyType !== 'rsa') {
		fail(
			`this is a ${key.asymmetricKeyType ?? 'non-RSA'} key, but Workfront signs with RS256, which needs an RSA key of at least ${MIN_RSA_BITS} bits. ${NEW_PAIR_HINT}`,
		);
	}
	const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
	if (bits > MAX_RSA_BITS) {
		fail(
			`this RSA key has ${bits} bits; use one of ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits (signing with a larger key takes seconds on every token exchange). ${NEW_PAIR_HINT}`,
		);
	}
	let jwk: JsonWebKey = {};
	try {
		jwk = key.export({ format: 'jwk' });
	} catch {
		// An RSA key OpenSSL read but cannot write out; the check below refuses it.
	}
	rejectCraftedExponent(jwk);
	if (bits < MIN_RSA_BITS) {
		fail(
			`this RSA key has ${bits} bits; RS256 with Workfront needs at least ${MIN_RSA_BITS}. ${NEW_PAIR_HINT}`,
		);
	}
	return rebuildCheckedKey(jwk);
}
