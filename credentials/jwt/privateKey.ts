import { createPrivateKey, type KeyObject } from 'node:crypto';

import { WorkfrontCredentialError } from './credentialError';

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
function rejectCraftedExponent(key: KeyObject): void {
	const jwk = key.export({ format: 'jwk' }) as { n?: string; d?: string };
	if (!jwk.n || !jwk.d || jwk.d.length > jwk.n.length) {
		fail(
			`the key's private exponent is not that of a real RSA key, so signing with it would take very long. ${NEW_PAIR_HINT}`,
		);
	}
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
	rejectCraftedExponent(key);
	if (bits < MIN_RSA_BITS) {
		fail(
			`this RSA key has ${bits} bits; RS256 with Workfront needs at least ${MIN_RSA_BITS}. ${NEW_PAIR_HINT}`,
		);
	}
	return key;
}
