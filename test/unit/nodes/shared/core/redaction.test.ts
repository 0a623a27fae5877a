import { randomBytes } from 'node:crypto';

import { redactSecrets, redactValue } from '../../../../../nodes/shared/core/errors';
import {
	compileRedactor,
	foldCharacter,
	REDACTED,
} from '../../../../../nodes/shared/core/redaction';
import { fc, holdsFor } from '../../../../support/properties';

const TOKEN = '4f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c';
const SECRET = 'p8e-Zx9 Q+/wK&"é\\v';

const percent = (text: string) => encodeURIComponent(text);
const form = (text: string) => new URLSearchParams({ a: text }).toString().slice(2);
const json = (text: string) => JSON.stringify(text).slice(1, -1);
const html = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character] ?? '',
	);
const codePoints = (text: string) => [...text].map((character) => character.codePointAt(0) ?? 0);
const utf8Bytes = (text: string) => [...Buffer.from(text, 'utf8')];

/** Case-insensitive, as the redactor compares: each code point folded on its own. */
const fold = (text: string) => [...text].map(foldCharacter).join('');

/** The base64 characters of `bytes` that do not depend on the bytes around them, `offset` bytes into a blob. */
function stableCore(bytes: Buffer, offset: number): string {
	const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
	return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
}

function expectRedacted(text: string, secrets: string[], ...forms: string[]) {
	const result = redactSecrets(text, secrets);
	expect(result).toContain(REDACTED);
	for (const form of forms) expect(fold(result)).not.toContain(fold(form));
	return result;
}

describe('redactSecrets finds a secret in every encoding', () => {
	test.each([
		['raw', TOKEN],
		['upper case', TOKEN.toUpperCase()],
		['percent-encoded, upper-case hex', percent(SECRET)],
		['percent-encoded, lower-case hex', percent(SECRET).toLowerCase()],
		['percent-encoded twice (%25…)', percent(percent(SECRET))],
		['form encoding, + for a space', form(SECRET)],
		[
			'every byte percent-encoded',
			utf8Bytes(SECRET)
				.map((byte) => `%${byte.toString(16)}`)
				.join(''),
		],
		['JSON escapes \\" \\\\ \\/', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')],
		[
			'JSON \\uXXXX, lower case',
			[...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
		],
		[
			'JSON \\uXXXX, upper case',
			[...SECRET]
				.map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
				.join(''),
		],
		['HTML named entities', html(SECRET)],
		[
			'HTML decimal entities',
			codePoints(SECRET)
				.map((code) => `&#${code};`)
				.join(''),
		],
		[
			'HTML decimal entities, leading zeros',
			codePoints(SECRET)
				.map((code) => `&#000${code};`)
				.join(''),
		],
		[
			'HTML hex entities &#x',
			codePoints(SECRET)
				.map((code) => `&#x${code.toString(16)};`)
				.join(''),
		],
		[
			'HTML hex entities &#X',
			codePoints(SECRET)
				.map((code) => `&#X${code.toString(16)};`)
				.join(''),
		],
		['HTML entities inside JSON', json(html(SECRET))],
		['percent-encoding inside HTML inside JSON', json(html(percent(SECRET)))],
		['upper-cased percent-encoding', percent(SECRET).toUpperCase()],
		[
			'a mix of encodings in one echo',
			[...SECRET]
				.map(
					(c, index) =>
						[
							c,
							percent(c),
							`\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
							`&#${c.codePointAt(0)};`,
						][index % 4],
				)
				.join(''),
		],
	])('%s', (_, echoed) => {
		expectRedacted(`before ${echoed} after`, [SECRET, TOKEN], SECRET, echoed);
	});

	test('the raw token, in a sentence, keeps the text around it', () => {
		expect(redactSecrets(`sessionID=${TOKEN}&x=1`, [TOKEN])).toBe(`sessionID=${REDACTED}&x=1`);
	});

	test('a URL-encoded secret with +, / and = (the case the old tests covered)', () => {
		const secret = 'a+b/c=d secret';
		const text = `raw ${secret} encoded ${encodeURIComponent(secret)} tail`;
		expect(redactSecrets(text, [secret, undefined, 'ab'])).toBe(
			`raw ${REDACTED} encoded ${REDACTED} tail`,
		);
	});

	test('hex of the UTF-8 bytes, either case', () => {
		const hex = Buffer.from(SECRET, 'utf8').toString('hex');
		expectRedacted(`x ${hex} y`, [SECRET], hex);
		expectRedacted(`x ${hex.toUpperCase()} y`, [SECRET], hex);
		expectRedacted(`x 00ff${hex}ff00 y`, [SECRET], hex);
	});

	describe.each([0, 1, 2, 3, 4, 5])('base64 with the secret %i bytes into the blob', (offset) => {
		const bytes = Buffer.from(SECRET, 'utf8');
		const blob = Buffer.concat([randomBytes(offset), bytes, randomBytes(7)]);
		const core = stableCore(bytes, offset % 3);
		test.each([
			['base64', blob.toString('base64')],
			['base64 without padding', blob.toString('base64').replace(/=+$/, '')],
			['base64url', blob.toString('base64url')],
			['base64, upper case', blob.toString('base64').toUpperCase()],
			['base64, percent-encoded', percent(blob.toString('base64'))],
			['base64, form-decoded (+ turned into a space)', blob.toString('base64').replace(/\+/g, ' ')],
		])('%s', (_, encoded) => {
			const result = expectRedacted(`data=${encoded};`, [SECRET], core);
			for (let skip = 0; skip < 4; skip += 1) {
				for (const run of result.match(/[A-Za-z0-9+/_-]{4,}/g) ?? []) {
					expect(Buffer.from(run.slice(skip), 'base64').includes(bytes)).toBe(false);
				}
			}
		});
	});

	test('the whole secret in base64, with padding (the secret is the blob)', () => {
		const encoded = Buffer.from(TOKEN).toString('base64');
		expect(encoded.endsWith('=')).toBe(true);
		expectRedacted(`Basic ${encoded}`, [TOKEN], stableCore(Buffer.from(TOKEN), 0));
	});

	test('a JWT, and its signature on its own', () => {
		const signature = randomBytes(256).toString('base64url');
		const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.${signature}`;
		expect(redactSecrets(`assertion=${jwt}`, [jwt])).toBe(`assertion=${REDACTED}`);
		expect(redactSecrets(`sig ${signature} end`, [jwt])).toBe(`sig ${REDACTED} end`);
		expect(redactSecrets('header eyJhbGciOiJSUzI1NiJ9 alone', [jwt])).toBe(
			'header eyJhbGciOiJSUzI1NiJ9 alone',
		);
	});

	test('secrets under 4 characters and undefined ones are not searched', () => {
		expect(redactSecrets('abc abc', ['abc', undefined, ''])).toBe('abc abc');
		expect(redactSecrets('abcd', ['abcd'])).toBe(REDACTED);
	});

	test('a secret that itself looks escaped is found raw and decoded', () => {
		const odd = 'x%41&amp;\\n-y';
		expectRedacted(`a ${odd} b`, [odd], odd);
		expectRedacted(`a ${json(odd)} b`, [odd], odd);
		expectRedacted(`a ${percent(odd)} b`, [odd], odd);
		expectRedacted(`a ${html(json(odd))} b`, [odd], odd);
	});

	test('letters whose case folding is special: ß, µ, final sigma, İ, ligatures', () => {
		for (const secret of [
			'straße-geheim',
			'µs-secret',
			'κωδικός-ΚΩΔΙΚΟΣ',
			'İstanbul-key',
			'ﬁnal-key',
		]) {
			expectRedacted(`(${secret.toUpperCase()})`, [secret], secret.toUpperCase());
			expectRedacted(`(${secret.toLowerCase()})`, [secret], secret.toLowerCase());
			expectRedacted(`(${percent(secret.toUpperCase())})`, [secret], secret.toUpperCase());
		}
	});

	test('text without a secret is returned as it is, escapes and all', () => {
		const text = 'R&amp;D 50% a+b %41%42 \\u0041 &#x41; \u00df\u03a3 %E9 %zz &';
		expect(redactSecrets(text, [TOKEN, SECRET])).toBe(text);
	});
});

describe('the case folding covers every code point of this Node.js', () => {
	test('every character whose folded form is not its lower case, or has another length', () => {
		const special: string[] = [];
		const shortened: number[] = [];
		for (let code = 0x80; code <= 0x10ffff; code += 1) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const character = String.fromCodePoint(code);
			const upper = character.toUpperCase();
			const lower = character.toLowerCase();
			// The redactor relies on case mappings never shortening a character.
			if (upper.length < character.length || lower.length < character.length) shortened.push(code);
			const folded = upper.toLowerCase();
			if (folded !== lower || folded.length !== character.length) special.push(character);
		}
		expect(shortened).toEqual([]);
		expect(special.length).toBeGreaterThan(50);
		for (const character of special) {
			const secret = `key${character}word`;
			const upper = `<${secret.toUpperCase()}>`;
			expect(redactSecrets(upper, [secret])).toBe(`<${REDACTED}>`);
			expect(redactSecrets(`<${secret}>`, [secret])).toBe(`<${REDACTED}>`);
		}
	});
});

describe('redactValue', () => {
	test('returns the very same value when nothing holds a secret', () => {
		const value = {
			data: [{ ID: 'a'.repeat(32), name: 'R&amp;D %41', n: 3, nested: { x: null } }],
		};
		expect(redactValue(value, [TOKEN])).toBe(value);
		expect(redactValue(42, [TOKEN])).toBe(42);
		expect(redactValue(null, [TOKEN])).toBe(null);
	});

	test('redacts keys and values at any depth, copying only what changed', () => {
		const untouched = { name: 'plain' };
		const value = {
			data: { [`key ${TOKEN}`]: [1, `value ${percent(TOKEN)}`], untouched },
			list: ['x', { deep: [[[`&#x${TOKEN.charCodeAt(0).toString(16)};${TOKEN.slice(1)}`]]] }],
		};
		const result = redactValue(value, [TOKEN]);
		expect(JSON.stringify(result)).not.toContain(TOKEN);
		expect(result.data).toEqual({ [`key ${REDACTED}`]: [1, `value ${REDACTED}`], untouched });
		expect(result.data.untouched).toBe(untouched);
		expect(result.list[1]).toEqual({ deep: [[[REDACTED]]] });
		expect(value.data[`key ${TOKEN}`]).toEqual([1, `value ${percent(TOKEN)}`]);
	});

	test('two keys redacted to the same text both stay', () => {
		const result = redactValue({ [TOKEN]: 1, [TOKEN.toUpperCase()]: 2 }, [TOKEN]);
		expect(result).toEqual({ [REDACTED]: 1, [`${REDACTED} (2)`]: 2 });
	});

	test('Buffers pass through untouched', () => {
		const buffer = Buffer.from(TOKEN);
		const result = redactValue({ buffer, text: TOKEN }, [TOKEN]);
		expect(result.buffer).toBe(buffer);
		expect(result.text).toBe(REDACTED);
	});

	test('a strings of its own backslash before the end of the string (the JSON check answers maybe)', () => {
		const value = { a: `${TOKEN.slice(0, 16)}\\`, b: '"', c: `${percent(TOKEN)}\\` };
		expect(redactValue(value, [TOKEN])).toEqual({ a: value.a, b: '"', c: `${REDACTED}\\` });
		const clean = { a: 'C:\\Users\\', b: 'say "hi"\n' };
		expect(redactValue(clean, [TOKEN])).toBe(clean);
	});

	test('cycles and shared references do not hang', () => {
		const shared = { token: TOKEN };
		const cyclic: Record<string, unknown> = { a: shared, b: shared, text: 'no secret' };
		cyclic.self = cyclic;
		const result = redactValue(cyclic, [TOKEN]) as Record<string, unknown>;
		expect(result.a).toEqual({ token: REDACTED });
		expect(result.b).toBe(result.a);
		expect(result.self).toBe('[circular]');
		const cleanCycle: Record<string, unknown> = { text: 'no secret' };
		cleanCycle.self = cleanCycle;
		expect(redactValue(cleanCycle, [TOKEN])).toBe(cleanCycle);
	});

	test('nesting deeper than JSON.stringify goes is walked without recursion', () => {
		let deep: unknown = [`x ${TOKEN}`];
		for (let level = 0; level < 100_000; level += 1) deep = [deep];
		let result = redactValue(deep, [TOKEN]) as unknown;
		for (let level = 0; level < 100_000; level += 1) result = (result as unknown[])[0];
		expect(result).toEqual([`x ${REDACTED}`]);
	});

	test('a redactor is compiled once per set of secrets', () => {
		expect(compileRedactor([TOKEN, SECRET])).toBe(compileRedactor([TOKEN, SECRET]));
		expect(compileRedactor([TOKEN, SECRET])).not.toBe(compileRedactor([SECRET, TOKEN]));
		// Keys that a plain join would confuse.
		expect(compileRedactor(['ab:cd', 'ef'])).not.toBe(compileRedactor(['ab', 'cd:ef']));
	});
});

// ---------------------------------------------------------------------------------------------
// Properties over generated secrets, texts and encodings.
// ---------------------------------------------------------------------------------------------

const printableAscii = fc
	.integer({ min: 0x20, max: 0x7e })
	.map((code) => String.fromCharCode(code));
const unicodeCharacter = fc
	.integer({ min: 0xa0, max: 0x10ffff })
	.filter((code) => code < 0xd800 || code > 0xdfff)
	.map((code) => String.fromCodePoint(code));
/** Pieces that look like escapes, so that generated secrets and texts contain them often. */
const escapeLike = fc.constantFrom(
	'%41',
	'%2541',
	'%c3%a9',
	'&amp;',
	'&#65;',
	'&#x41;',
	'\\n',
	'\\u0041',
	'\\"',
	'\\\\',
	'%',
	'&',
	'\\',
	';',
	'#',
	'+',
	' ',
);

const hexToken = fc
	.uint8Array({ minLength: 16, maxLength: 16 })
	.map((bytes) => Buffer.from(bytes).toString('hex'));
const printableSecret = fc
	.string({
		unit: fc.oneof(
			{ weight: 8, arbitrary: printableAscii },
			{ weight: 2, arbitrary: unicodeCharacter },
			{ weight: 1, arbitrary: escapeLike },
		),
		minLength: 8,
		maxLength: 80,
	})
	// A secret of a few distinct characters ("aaaaaaaa") also matches the text around it.
	.filter((secret) => new Set(secret).size >= 6);
const base64urlPart = (min: number, max: number) =>
	fc
		.uint8Array({ minLength: min, maxLength: max })
		.map((bytes) => Buffer.from(bytes).toString('base64url'));
const jwtShaped = fc
	.tuple(base64urlPart(8, 40), base64urlPart(8, 80), base64urlPart(32, 256))
	.map((parts) => parts.join('.'));
const anySecret = fc.oneof(hexToken, printableSecret, jwtShaped);

const surroundingText = fc.string({
	unit: fc.oneof(
		{ weight: 6, arbitrary: printableAscii },
		{ weight: 1, arbitrary: unicodeCharacter },
		{ weight: 3, arbitrary: escapeLike },
	),
	maxLength: 40,
});

type Layer =
	| 'percent'
	| 'doublePercent'
	| 'form'
	| 'json'
	| 'html'
	| 'percentAll'
	| 'jsonUnicode'
	| 'htmlNumeric'
	| 'mixedEscapes'
	| 'upper'
	| 'lower'
	| 'mixedCase';
const layers: Layer[] = [
	'percent',
	'doublePercent',
	'form',
	'json',
	'html',
	'percentAll',
	'jsonUnicode',
	'htmlNumeric',
	'mixedEscapes',
	'upper',
	'lower',
	'mixedCase',
];

/** One layer of encoding over a whole text; `choices` drives the random ones, per character. */
function encodeLayer(text: string, layer: Layer, choices: number[]): string {
	const pick = (index: number, count: number) => choices[index % choices.length] % count;
	switch (layer) {
		case 'percent':
			return percent(text);
		case 'doublePercent':
			return percent(percent(text));
		case 'form':
			return form(text);
		case 'json':
			return json(text);
		case 'html':
			return html(text);
		case 'percentAll':
			return utf8Bytes(text)
				.map((byte, index) => {
					const hex = byte.toString(16).padStart(2, '0');
					return `%${pick(index, 2) ? hex.toUpperCase() : hex}`;
				})
				.join('');
		case 'jsonUnicode':
			// Every UTF-16 code unit, surrogates one by one, as JSON writes them.
			return Array.from(
				{ length: text.length },
				(_, index) => `\\u${text.charCodeAt(index).toString(16).padStart(4, '0')}`,
			).join('');
		case 'htmlNumeric':
			return [...text]
				.map((c, index) => {
					const code = c.codePointAt(0) ?? 0;
					const zeros = '0'.repeat(pick(index, 3));
					return pick(index + 1, 2) ? `&#${zeros}${code};` : `&#x${zeros}${code.toString(16)};`;
				})
				.join('');
		case 'mixedEscapes':
			// Each character raw or in one of the escapes, as a server mixing encoders might write it;
			// never a raw % & \\, which would read as the start of an escape of the layer below.
			return [...text]
				.map((c, index) => {
					switch (pick(index, 4)) {
						case 0:
							if (!/[%&\\]/.test(c)) return c;
						// falls through: an escape's first character is always escaped
						case 1:
							return encodeLayer(c, 'percentAll', choices);
						case 2:
							return encodeLayer(c, 'jsonUnicode', choices);
						default:
							return `&#${c.codePointAt(0)};`;
					}
				})
				.join('');
		case 'upper':
			return text.toUpperCase();
		case 'lower':
			return text.toLowerCase();
		case 'mixedCase':
			return [...text]
				.map((c, index) => (pick(index, 2) ? c.toUpperCase() : c.toLowerCase()))
				.join('');
	}
}

/**
 * A layer mixing kinds of escape goes last (case changes aside). Under a layer of JSON escaping it
 * would be out of reach: that layer hides the mix's JSON escapes and not its percent or HTML ones,
 * so no round of decoding undoes exactly one layer (see the limits in redaction.ts).
 */
function mixOnlyOutermost(chain: Layer[]): Layer[] {
	const mixed = chain.indexOf('mixedEscapes');
	if (mixed < 0) return chain;
	const caseOnly = new Set<Layer>(['upper', 'lower', 'mixedCase']);
	return [
		...chain.slice(0, mixed + 1),
		...chain.slice(mixed + 1).filter((layer) => caseOnly.has(layer)),
	];
}

type Binary = 'none' | 'base64' | 'base64url' | 'hex' | 'signature';

interface Echo {
	secret: string;
	binary: Binary;
	padding: boolean;
	before: Uint8Array;
	after: Uint8Array;
	chain: Layer[];
	choices: number[];
	prefix: string;
	suffix: string;
}

const echo: fc.Arbitrary<Echo> = fc.record({
	secret: anySecret,
	binary: fc.constantFrom<Binary>('none', 'none', 'base64', 'base64url', 'hex', 'signature'),
	padding: fc.boolean(),
	before: fc.uint8Array({ maxLength: 8 }),
	after: fc.uint8Array({ maxLength: 8 }),
	chain: fc.array(fc.constantFrom(...layers), { maxLength: 3 }).map(mixOnlyOutermost),
	choices: fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
	prefix: surroundingText,
	suffix: surroundingText,
});

/** What the echo quotes of the secret before the text encodings: the secret, or a blob holding it. */
function inner({ secret, binary, padding, before, after }: Echo): string {
	const bytes = Buffer.from(secret, 'utf8');
	const blob = Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
	switch (binary) {
		case 'base64': {
			const encoded = blob.toString('base64');
			return padding ? encoded : encoded.replace(/=+$/, '');
		}
		case 'base64url':
			return blob.toString('base64url');
		case 'hex':
			return bytes.toString('hex');
		case 'signature': {
			const parts = secret.split('.');
			const jwt = parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part));
			return jwt ? parts[2] : secret;
		}
		default:
			return secret;
	}
}

/** The whole text a server answered: prefix, the quoted secret, suffix, each layer over all of it. */
function echoed(input: Echo): string {
	// A space on both sides: a delimiter no escape contains. (An escape begun in the text before a
	// secret and completed by its first characters is out of reach of any decoding.)
	let text = `${input.prefix} ${inner(input)} ${input.suffix}`;
	for (const layer of input.chain) text = encodeLayer(text, layer, input.choices);
	return text;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Lenient decoding of the escapes the layers use, for looking into the output's base64 blobs. */
function unescapeLeniently(text: string): string {
	let result = text;
	for (let round = 0; round < 5; round += 1) {
		result = result
			.replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
				Buffer.from(run.replace(/%/g, ''), 'hex').toString('latin1'),
			)
			.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
			.replace(/&#x0*([0-9a-f]{1,6});/gi, (_, hex: string) =>
				String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
			)
			.replace(/&#0*([0-9]{1,7});/g, (_, digits: string) =>
				String.fromCodePoint(Math.min(Number(digits), 0x10ffff)),
			)
			.replace(/&(amp|lt|gt|quot|apos);/gi, (_, name: string) => NAMED[name.toLowerCase()]);
	}
	return result;
}

function expectNoSecret(output: string, input: Echo) {
	const { secret } = input;
	const folded = fold(output);
	const bytes = Buffer.from(secret, 'utf8');
	const quoted = inner(input);
	const forms = new Set<string>([
		secret,
		percent(secret),
		form(secret),
		json(secret),
		html(secret),
	]);
	forms.add(bytes.toString('hex'));
	for (let offset = 0; offset < 3; offset += 1) {
		const core = stableCore(bytes, offset);
		if (core.length >= 6) forms.add(core).add(core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	// The quoted form, and the core of a blob, under each prefix of the chain of layers.
	const alignment = input.before.length % 3;
	let quotedForm = quoted;
	const core = stableCore(bytes, alignment);
	let coreForm = '';
	if (input.binary === 'base64') coreForm = core;
	if (input.binary === 'base64url') coreForm = core.replace(/\+/g, '-').replace(/\//g, '_');
	for (const layer of [undefined, ...input.chain]) {
		if (layer) {
			quotedForm = encodeLayer(quotedForm, layer, input.choices);
			if (coreForm) coreForm = encodeLayer(coreForm, layer, input.choices);
		}
		if (input.binary === 'none' || input.binary === 'hex' || input.binary === 'signature')
			forms.add(quotedForm);
		if (coreForm.length >= 6) forms.add(coreForm);
	}
	for (const form of forms) {
		if (form.length < 4) continue;
		if (folded.includes(fold(form))) {
			throw new Error(`the output still holds ${JSON.stringify(form)}: ${JSON.stringify(output)}`);
		}
	}
	const plain = unescapeLeniently(output);
	for (const run of plain.match(/[A-Za-z0-9+/_ -]{8,}/g) ?? []) {
		for (let skip = 0; skip < 4; skip += 1) {
			if (Buffer.from(run.slice(skip).replace(/ /g, '+'), 'base64').includes(bytes)) {
				throw new Error(
					`a base64 blob of the output decodes to the secret: ${JSON.stringify(output)}`,
				);
			}
		}
	}
}

describe('properties', () => {
	test('no generated echo of a secret survives, whatever chain of encodings it went through', () => {
		holdsFor(
			'redaction: no secret survives any chain of encodings',
			echo,
			(input) => {
				const text = echoed(input);
				const output = redactSecrets(text, [input.secret]);
				expect(output).toContain(REDACTED);
				expectNoSecret(output, input);
			},
			{ runs: 1000 },
		);
	});

	const escapeHeavyText = fc.string({
		unit: fc.oneof(
			{ weight: 3, arbitrary: printableAscii },
			{ weight: 1, arbitrary: unicodeCharacter },
			{ weight: 4, arbitrary: escapeLike },
		),
		maxLength: 200,
	});
	const unrelatedSecret = fc.oneof(
		hexToken,
		jwtShaped,
		printableSecret.filter((secret) => new Set(secret).size >= 10 && secret.length >= 16),
	);

	test('text that holds no secret comes back unchanged, escapes and all', () => {
		holdsFor(
			'redaction: text without a secret is unchanged',
			fc.tuple(escapeHeavyText, unrelatedSecret),
			([text, secret]) => {
				expect(redactSecrets(text, [secret])).toBe(text);
			},
			{ runs: 500 },
		);
	});

	/** Puts `secret` into the strings and keys where `marks` says, walking in order. */
	function inject(
		value: unknown,
		secret: string,
		marks: boolean[],
	): { value: unknown; count: number } {
		let index = 0;
		let count = 0;
		const maybe = (text: string) => {
			const mark = marks[index % marks.length];
			index += 1;
			if (!mark) return text;
			count += 1;
			return `${text.slice(0, 3)}${secret}${text.slice(3)}`;
		};
		const walk = (node: unknown): unknown => {
			if (typeof node === 'string') return maybe(node);
			if (Array.isArray(node)) return node.map(walk);
			if (node && typeof node === 'object') {
				return Object.fromEntries(
					Object.entries(node).map(([key, child]) => [maybe(key), walk(child)]),
				);
			}
			return node;
		};
		return { value: walk(value), count };
	}

	/** The structure of a value with its strings and key names left out. */
	function shape(value: unknown): unknown {
		if (Array.isArray(value)) return value.map(shape);
		if (value && typeof value === 'object') return Object.values(value).map(shape);
		return typeof value;
	}

	const jsonWithSecret = fc.record({
		value: fc.jsonValue({ maxDepth: 6 }),
		secret: fc.oneof(
			hexToken,
			jwtShaped,
			printableSecret.filter((s) => new Set(s).size >= 10),
		),
		marks: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
		wrap: fc.nat({ max: 3 }),
	});

	test('value() keeps the shape, leaves no secret, and returns the same object when there was none', () => {
		holdsFor(
			'redaction: value() over generated JSON',
			jsonWithSecret,
			({ value, secret, marks, wrap }) => {
				// Wrapped in a few levels, so that the secret sits at a random depth.
				let wrapped: unknown = value;
				for (let level = 0; level < wrap; level += 1) wrapped = { level, inner: [wrapped] };
				const { value: injected, count } = inject(wrapped, secret, marks);
				const result = redactValue(injected, [secret]);
				expect(shape(result)).toEqual(shape(injected));
				expect(JSON.stringify(result) ?? '').not.toContain(secret);
				if (count === 0) expect(result).toBe(injected);
				expect(redactValue(result, [secret])).toBe(result);
			},
			{ runs: 500 },
		);
	});

	/** JSON text as a server may write it: any character may come as `\\uXXXX` (either hex case), `/` as `\\/`. */
	function serverJson(value: unknown, choices: number[]): string {
		let index = 0;
		const escaped = (text: string) =>
			(
				JSON.stringify(text)
					.slice(1, -1)
					.match(/\\u[0-9a-f]{4}|\\.|[\s\S]/gu) ?? []
			)
				.map((character) => {
					const choice = choices[index++ % choices.length];
					if (choice === 1 && character.length === 1)
						return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
					if (choice === 2 && character.length === 1)
						return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
					if (choice === 3 && character === '/') return '\\/';
					return character;
				})
				.join('');
		const write = (node: unknown): string => {
			if (typeof node === 'string') return `"${escaped(node)}"`;
			if (Array.isArray(node)) return `[${node.map(write).join(',')}]`;
			if (node && typeof node === 'object')
				return `{${Object.entries(node)
					.map(([key, child]) => `"${escaped(key)}":${write(child)}`)
					.join(',')}}`;
			return JSON.stringify(node);
		};
		return write(value);
	}

	test('with the answer text at hand, value() decides exactly as the walk does', () => {
		holdsFor(
			'redaction: the run filter over answer text agrees with the precise walk',
			fc.record({
				value: fc.jsonValue({ maxDepth: 4 }),
				echo,
				marks: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
				choices: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 16 }),
			}),
			({ value, echo: input, marks, choices }) => {
				// -0 and the like as JSON writes them, so that the server's text parses to the same value.
				const plain = JSON.parse(JSON.stringify({ data: [value] })) as unknown;
				const { value: injected } = inject(plain, echoed(input), [true, ...marks]);
				const text = serverJson(injected, choices);
				expect(JSON.parse(text)).toEqual(injected);
				const parsed = JSON.parse(text) as unknown;
				const withText = redactValue(parsed, [input.secret], text);
				expect(withText).toEqual(redactValue(parsed, [input.secret]));
				const strings: string[] = [];
				JSON.stringify(withText, (key, child: unknown) => {
					strings.push(key);
					if (typeof child === 'string') strings.push(child);
					return child;
				});
				for (const string of strings) if (string.includes(REDACTED)) expectNoSecret(string, input);
			},
			{ runs: 500 },
		);
	});

	test('redacting twice is redacting once', () => {
		holdsFor(
			'redaction: idempotent',
			echo,
			(input) => {
				const once = redactSecrets(echoed(input), [input.secret]);
				expect(redactSecrets(once, [input.secret])).toBe(once);
			},
			{ runs: 500 },
		);
	});
});
