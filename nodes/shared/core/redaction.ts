/**
 * Removal of secrets (the session token, the client secret, a signed JWT) from whatever a server
 * says before it reaches an error message or an output item.
 *
 * A server can quote a secret back in many encodings: raw, percent-encoded (once or twice), form
 * encoded, JSON-escaped, as HTML entities, a mix of these, base64 or base64url (also inside a larger
 * blob), hex, in any letter case. Instead of one pattern per encoding, every string is brought to a
 * canonical form: escapes are undone round by round, letters are folded to one case, a space and a
 * `+` count as the same character. The canonical text is then searched with native `indexOf` for
 * the canonical forms of each secret (its text, the stable cores of its base64 encodings, its hex).
 * Every pass is linear in the text, so no input, hostile or not, makes the cleaning slow; a hit is
 * mapped back to the span of the original text it came from, and that span is replaced.
 *
 * The patterns are compiled once per set of secrets (compileRedactor), not per string.
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Base64 cores shorter than this are not searched for (it only drops the shifted encodings of a
 * secret of 4 or 5 bytes): five base64 characters folded to one case carry under 30 bits, which the
 * hex IDs and words of a large answer would match by chance.
 */
const MIN_ENCODED_LENGTH = 6;

/**
 * Rounds of decoding per string. Each undoes one layer of escapes (of every kind at once), so this
 * is enough for three layers of encoding each done twice (percent-encoding of percent-encoding).
 * Each round is a linear pass; a round runs only when the one before it changed something, and
 * then only around what it changed.
 */
const MAX_DECODE_ROUNDS = 6;

/**
 * Decoded forms of one secret kept as patterns. A secret can itself contain what looks like an
 * escape (`%41`, `&amp;`, `\n`), and a server may have undone some of those kinds and not others;
 * a handful of forms covers that without letting a crafted secret grow the search.
 */
const MAX_FORMS_PER_SECRET = 16;

/**
 * Compiled sets of secrets kept for the wrappers that take secrets per call (redactSecrets,
 * redactValue). A run uses one or two sets; a few more cover concurrent runs of other credentials
 * without keeping old secrets around.
 */
const CACHE_SIZE = 8;

/**
 * Every escape a round undoes (case-insensitive, as an echo in upper case is still an echo):
 * - percent-encoding of one UTF-8 character, one to four bytes (invalid sequences are left as they are);
 * - JSON escapes: `\uXXXX`, `\"`, `\\`, `\/` and the control characters;
 * - HTML entities: numeric, decimal or hex, with leading zeros (at most 10 or 8 digits), and
 *   `&amp; &lt; &gt; &quot; &apos;`.
 * Every alternative has a bounded length (see MAX_ESCAPE_LENGTH) and no nested repetition, so the
 * regular expression cannot backtrack beyond a few characters.
 */
const ESCAPE =
	/%(?:[0-7][0-9a-f]|[cd][0-9a-f]%[89ab][0-9a-f]|e[0-9a-f](?:%[89ab][0-9a-f]){2}|f[0-7](?:%[89ab][0-9a-f]){3})|\\(?:u[0-9a-f]{4}|["\\/bfnrt])|&(?:#(?:x[0-9a-f]{1,8}|[0-9]{1,10})|amp|lt|gt|quot|apos);/gi;

/** The longest match of ESCAPE: `&#` and ten digits and `;`. */
const MAX_ESCAPE_LENGTH = 13;

/** The kinds of escape, so that the forms of a secret can undo some kinds and not others. */
const PERCENT = 1;
const JSON_ESCAPES = 2;
const HTML = 4;
const EVERY_KIND = PERCENT | JSON_ESCAPES | HTML;

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

const JSON_CHARACTERS: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t',
};

/** The code point of one UTF-8 sequence, or undefined for an overlong form or a surrogate. */
function utf8CodePoint(bytes: number[]): number | undefined {
	const [first, second, third, fourth] = bytes;
	switch (bytes.length) {
		case 1:
			return first;
		case 2: {
			const code = ((first & 0x1f) << 6) | (second & 0x3f);
			return code >= 0x80 ? code : undefined;
		}
		case 3: {
			const code = ((first & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
			return code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? code : undefined;
		}
		default: {
			const code =
				((first & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f);
			return code >= 0x10000 && code <= 0x10ffff ? code : undefined;
		}
	}
}

/** What one match of ESCAPE stands for, or undefined when its kind is not undone or it is invalid. */
function decodeEscape(escape: string, kinds: number): string | undefined {
	switch (escape[0]) {
		case '%': {
			if (!(kinds & PERCENT)) return undefined;
			const bytes: number[] = [];
			for (let at = 1; at < escape.length; at += 3) {
				bytes.push(parseInt(escape.slice(at, at + 2), 16));
			}
			const code = utf8CodePoint(bytes);
			return code === undefined ? undefined : String.fromCodePoint(code);
		}
		case '\\': {
			if (!(kinds & JSON_ESCAPES)) return undefined;
			const letter = escape[1].toLowerCase();
			return letter === 'u'
				? String.fromCharCode(parseInt(escape.slice(2), 16))
				: JSON_CHARACTERS[letter];
		}
		default: {
			if (!(kinds & HTML)) return undefined;
			if (escape[1] !== '#') return NAMED_ENTITIES[escape.slice(1, -1).toLowerCase()];
			const hex = escape[2] === 'x' || escape[2] === 'X';
			const code = parseInt(escape.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
			return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
		}
	}
}

/** One pass that undoes the given kinds of escape, keeping nothing but the result. */
function decodeOnce(text: string, kinds: number): string {
	return text.replace(ESCAPE, (escape: string) => decodeEscape(escape, kinds) ?? escape);
}

/**
 * Where a pass changed its input: for each change, the span it read (`in`) and the span it wrote
 * (`out`), in order. Everything between two changes was copied, shifted by the change in length.
 */
interface Changes {
	inStart: number[];
	inEnd: number[];
	outStart: number[];
	outEnd: number[];
}

type Span = [start: number, end: number];

function noChanges(): Changes {
	return { inStart: [], inEnd: [], outStart: [], outEnd: [] };
}

/** The last change written at or before `position` (-1 when none is). */
function changeAt(changes: Changes, position: number): number {
	let low = 0;
	let high = changes.outStart.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (changes.outStart[middle] <= position) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return found;
}

/**
 * Where output position `at` lies in the pass's input, found through the change that holds output
 * character `probe`: `within` of that change when the probe is inside it, else shifted by the
 * distance past it (no change before: the position itself).
 */
function inputPosition(
	changes: Changes,
	probe: number,
	at: number,
	within: 'inStart' | 'inEnd',
): number {
	const index = changeAt(changes, probe);
	if (index < 0) return at;
	if (probe < changes.outEnd[index]) return changes[within][index];
	return changes.inEnd[index] + (at - changes.outEnd[index]);
}

/** The span of a pass's input that produced [start, end) of its output (whole escapes only). */
function spanBefore(changes: Changes, start: number, end: number): Span {
	return [
		inputPosition(changes, start, start, 'inStart'),
		inputPosition(changes, end - 1, end, 'inEnd'),
	];
}

/** The spans of `length` within `reach` of each change's output, merged. */
function around(changes: Changes, reach: number, length: number): Span[] {
	const spans: Span[] = [];
	for (let index = 0; index < changes.outStart.length; index += 1) {
		const start = Math.max(0, changes.outStart[index] - reach);
		const end = Math.min(length, changes.outEnd[index] + reach);
		const previous = spans[spans.length - 1];
		if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
		else spans.push([start, end]);
	}
	return spans;
}

interface Round {
	text: string;
	changes: Changes;
	/** A backslash was decoded: see mayContainSecret. */
	backslash: boolean;
}

/**
 * One round of decoding, over the whole text or only the given spans of it (the spans around the
 * previous round's changes: an escape that round did not undo and that touches none of its changes
 * was already there before it, and would have been undone then).
 */
function decodeRound(text: string, within?: Span[]): Round | undefined {
	const changes = noChanges();
	let shift = 0;
	let backslash = false;
	const decodeFrom =
		(base: number) =>
		(escape: string, offset: number): string => {
			const decoded = decodeEscape(escape, EVERY_KIND);
			if (decoded === undefined) return escape;
			const start = base + offset;
			changes.inStart.push(start);
			changes.inEnd.push(start + escape.length);
			changes.outStart.push(start + shift);
			changes.outEnd.push(start + shift + decoded.length);
			shift += decoded.length - escape.length;
			if (decoded === '\\') backslash = true;
			return decoded;
		};
	let decoded: string;
	if (!within) {
		decoded = text.replace(ESCAPE, decodeFrom(0));
	} else {
		const pieces: string[] = [];
		let copied = 0;
		for (const [start, end] of within) {
			pieces.push(
				text.slice(copied, start),
				text.slice(start, end).replace(ESCAPE, decodeFrom(start)),
			);
			copied = end;
		}
		pieces.push(text.slice(copied));
		decoded = pieces.join('');
	}
	return changes.inStart.length > 0 ? { text: decoded, changes, backslash } : undefined;
}

/**
 * Characters whose case folding is not plain `toLowerCase`: those whose upper case lowers to
 * something else (`ß`→`SS`→`ss`, `ſ`→`S`→`s`, `µ`, `ς`, ligatures, Greek with iota), those that
 * lower to two characters (`İ`), and `Σ`, which `toLowerCase` turns into `σ` or `ς` depending on
 * the letters around it. The list is the one Node.js's Unicode data gives (all in the BMP); the
 * package's tests check, code point by code point, that it still covers every such character.
 */
// U+0345 (a combining mark) stands apart from the class, where a linter would read it as joined.
const SPECIAL_CASE =
	/[\u00b5\u00df\u0130\u0131\u0149\u017f\u01f0\u0390\u03a3\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0587\u1c80-\u1c88\u1e96-\u1e9b\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf\u1fb2-\u1fb4\u1fb6\u1fb7\u1fbc\u1fbe\u1fc2-\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2-\u1fe4\u1fe6\u1fe7\u1ff2-\u1ff4\u1ff6\u1ff7\u1ffc\ufb00-\ufb06\ufb13-\ufb17]|\u0345/;
const SPECIAL_CASE_ALL = new RegExp(SPECIAL_CASE.source, 'g');

/** One character folded: the lower case of its upper case, with `ς` and `σ` as one. */
export function foldCharacter(character: string): string {
	const folded = character.toUpperCase().toLowerCase();
	return folded === 'ς' ? 'σ' : folded;
}

interface Folded {
	text: string;
	/** Only when a character folded to another length (`ß` to `ss`). */
	changes?: Changes;
}

/**
 * The text in one letter case, so that any case of a secret matches: the lower case of the upper
 * case of each character (so `SS` matches `ß`), as one native `toLowerCase` pass when the text holds
 * none of the special characters, which is almost always.
 */
function foldCase(text: string): Folded {
	if (!SPECIAL_CASE.test(text)) return { text: text.toLowerCase() };
	const changes = noChanges();
	let shift = 0;
	const replaced = text.replace(SPECIAL_CASE_ALL, (character: string, offset: number) => {
		const folded = foldCharacter(character);
		if (folded.length !== 1) {
			changes.inStart.push(offset);
			changes.inEnd.push(offset + 1);
			changes.outStart.push(offset + shift);
			changes.outEnd.push(offset + shift + folded.length);
			shift += folded.length - 1;
		}
		return folded;
	});
	// What is left has no context-dependent or length-changing case mapping.
	const folded = replaced.toLowerCase();
	return changes.inStart.length > 0 ? { text: folded, changes } : { text: folded };
}

/** A form of a secret as the search sees it: one case, and a space written as `+` (form encoding). */
function canonical(text: string): string {
	return foldCase(text).text.replaceAll(' ', '+');
}

/**
 * Patterns that share an anchor: their longest piece without `+ / - _`, the characters in which the
 * base64 and base64url forms of one core differ and which the search folds (a space for a `+`).
 * Where the anchor is absent, none of its patterns can be present, so most texts cost one `indexOf`
 * per anchor.
 */
interface Group {
	anchor: string;
	patterns: string[];
}

function anchorOf(pattern: string): string {
	let longest = '';
	for (const piece of pattern.split(/[+/_-]/)) if (piece.length > longest.length) longest = piece;
	return longest;
}

/**
 * Parts of a secret that are secrets on their own: the signature of a JWT (its header and claims
 * are not secret, but the signature alone is what proves the key).
 */
function secretParts(secret: string): string[] {
	const parts = secret.split('.');
	return parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))
		? [secret, parts[2]]
		: [secret];
}

/** The secret, and the forms it takes when some kinds of the escapes it seems to contain are undone. */
function decodedForms(secret: string): string[] {
	const forms = new Set([secret]);
	let frontier = [secret];
	for (let depth = 0; depth < MAX_DECODE_ROUNDS && frontier.length > 0; depth += 1) {
		const next: string[] = [];
		for (const form of frontier) {
			for (let kinds = 1; kinds <= EVERY_KIND; kinds += 1) {
				const decoded = decodeOnce(form, kinds);
				if (forms.has(decoded) || forms.size >= MAX_FORMS_PER_SECRET) continue;
				forms.add(decoded);
				next.push(decoded);
			}
		}
		frontier = next;
	}
	return [...forms];
}

/**
 * The stable cores of the base64 encodings of `bytes` at each of the three alignments it can have
 * inside a larger blob: the characters that depend on its bits alone (the ones at its edges mix in
 * the neighbouring bytes, and the padding depends on the length of the blob).
 */
function base64Cores(bytes: Buffer): string[] {
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset += 1) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		const first = Math.ceil((8 * offset) / 6);
		const end = Math.floor((8 * (offset + bytes.length)) / 6);
		cores.push(encoded.slice(first, end));
	}
	return cores;
}

function groupsFor(secrets: ReadonlyArray<string | undefined>): Group[] {
	const groups = new Map<string, Set<string>>();
	const add = (patterns: string[]) => {
		const anchor = anchorOf(patterns[0]);
		const group = groups.get(anchor) ?? new Set<string>();
		for (const pattern of patterns) group.add(pattern);
		groups.set(anchor, group);
	};
	const parts = new Set(
		secrets
			.filter((secret): secret is string => typeof secret === 'string')
			.flatMap(secretParts)
			.filter((secret) => secret.length >= MIN_SECRET_LENGTH),
	);
	for (const secret of parts) {
		for (const form of decodedForms(secret)) {
			const pattern = canonical(form);
			if (pattern.length >= MIN_SECRET_LENGTH) add([pattern]);
		}
		const bytes = Buffer.from(secret, 'utf8');
		add([bytes.toString('hex')]);
		for (const core of base64Cores(bytes)) {
			if (core.length < MIN_ENCODED_LENGTH) continue;
			add([canonical(core), canonical(core.replace(/\+/g, '-').replace(/\//g, '_'))]);
		}
	}
	return [...groups].map(([anchor, patterns]) => ({ anchor, patterns: [...patterns] }));
}

/**
 * Calls `visit` with the text of each round of decoding (the original first) and the spans of it
 * worth searching (undefined: all of it; after that only the spans within `reach` of what the round
 * changed, since a match elsewhere was already there, unchanged, in the round before). Stops when
 * `visit` returns true, returns true then; also when a round decodes a backslash and
 * `stopOnBackslash` is set.
 */
function forEachRound(
	text: string,
	reach: number,
	visit: (round: string, within: Span[] | undefined, rounds: readonly Changes[]) => boolean,
	stopOnBackslash = false,
): boolean {
	const rounds: Changes[] = [];
	let current = text;
	let searchWithin: Span[] | undefined;
	let decodeWithin: Span[] | undefined;
	for (let round = 0; ; round += 1) {
		if (visit(current, searchWithin, rounds)) return true;
		if (round === MAX_DECODE_ROUNDS) return false;
		if (round === 0 && !current.includes('%') && !current.includes('\\') && !current.includes('&'))
			return false;
		const decoded = decodeRound(current, decodeWithin);
		if (!decoded) return false;
		if (stopOnBackslash && decoded.backslash) return true;
		rounds.push(decoded.changes);
		current = decoded.text;
		searchWithin = around(decoded.changes, reach, current.length);
		decodeWithin = around(decoded.changes, MAX_ESCAPE_LENGTH - 1, current.length);
	}
}

/** Spans sorted, overlapping or touching ones merged; linear in the number of spans and the text. */
function merged(starts: number[], ends: number[], length: number): Span[] {
	const spans: Span[] = [];
	if (starts.length <= 64) {
		const order = starts.map((_, index) => index).sort((a, b) => starts[a] - starts[b]);
		for (const index of order) {
			const previous = spans[spans.length - 1];
			if (previous && starts[index] <= previous[1])
				previous[1] = Math.max(previous[1], ends[index]);
			else spans.push([starts[index], ends[index]]);
		}
		return spans;
	}
	// Many spans (a hostile answer): count coverage per position instead of sorting.
	const depth = new Int32Array(length + 1);
	for (let index = 0; index < starts.length; index += 1) {
		depth[starts[index]] += 1;
		depth[ends[index]] -= 1;
	}
	let covered = 0;
	let start = 0;
	for (let position = 0; position <= length; position += 1) {
		const before = covered;
		covered += depth[position];
		if (before === 0 && covered > 0) start = position;
		else if (before > 0 && covered === 0) spans.push([start, position]);
	}
	return spans;
}

function withSpansRedacted(text: string, spans: Span[]): string {
	const pieces: string[] = [];
	let copied = 0;
	for (const [start, end] of spans) {
		pieces.push(text.slice(copied, start), REDACTED);
		copied = end;
	}
	pieces.push(text.slice(copied));
	return pieces.join('');
}

/** What a walk leaves where a value refers back to one of its own containers (never in JSON). */
const CIRCULAR = '[circular]';
const IN_PROGRESS = Symbol('in progress');

function isContainer(value: unknown): value is object {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Buffer.isBuffer(value) &&
		!ArrayBuffer.isView(value)
	);
}

interface Frame {
	source: object;
	/** An object's own enumerable keys; undefined for an array. */
	keys: string[] | undefined;
	index: number;
	values: unknown[];
	newKeys: string[];
	changed: boolean;
}

function open(source: object): Frame {
	return {
		source,
		keys: Array.isArray(source) ? undefined : Object.keys(source),
		index: 0,
		values: [],
		newKeys: [],
		changed: false,
	};
}

function close(frame: Frame): unknown {
	if (!frame.keys) return frame.values;
	// Two keys redacted to the same text would overwrite one another: number the later ones.
	const used = new Set<string>();
	return Object.fromEntries(
		frame.newKeys.map((key, index) => {
			let unique = key;
			for (let copy = 2; used.has(unique); copy += 1) unique = `${key} (${copy})`;
			used.add(unique);
			return [unique, frame.values[index]];
		}),
	);
}

/**
 * Every string of a JSON-like value (keys too, in order), through `visit`; returns the value with
 * the strings `visit` changed, copying only the containers above them (the others are shared).
 * Iterative, so deep nesting does not exhaust the stack; a container met twice is visited once (its
 * result is reused), and a reference back to a container still being walked becomes CIRCULAR.
 * Buffers and typed arrays are left as they are.
 */
function walkStrings<T>(root: T, visit: (text: string) => string): T {
	if (!isContainer(root)) return root;
	const results = new Map<object, unknown>([[root, IN_PROGRESS]]);
	const stack: Frame[] = [open(root)];
	let result: unknown = root;
	while (stack.length > 0) {
		const frame = stack[stack.length - 1];
		const length = frame.keys ? frame.keys.length : (frame.source as unknown[]).length;
		if (frame.index === length) {
			stack.pop();
			const built = frame.changed ? close(frame) : frame.source;
			results.set(frame.source, built);
			const parent = stack[stack.length - 1];
			if (!parent) result = built;
			else {
				parent.values.push(built);
				if (built !== frame.source) parent.changed = true;
			}
			continue;
		}
		const index = frame.index;
		frame.index += 1;
		let child: unknown;
		if (frame.keys) {
			const key = frame.keys[index];
			const newKey = visit(key);
			frame.newKeys.push(newKey);
			if (newKey !== key) frame.changed = true;
			child = (frame.source as Record<string, unknown>)[key];
		} else {
			child = (frame.source as unknown[])[index];
		}
		if (typeof child === 'string') {
			const cleaned = visit(child);
			frame.values.push(cleaned);
			if (cleaned !== child) frame.changed = true;
		} else if (isContainer(child) && results.has(child)) {
			const earlier = results.get(child);
			const reused = earlier === IN_PROGRESS ? CIRCULAR : earlier;
			frame.values.push(reused);
			if (reused !== child) frame.changed = true;
		} else if (isContainer(child)) {
			results.set(child, IN_PROGRESS);
			stack.push(open(child));
		} else {
			frame.values.push(child);
		}
	}
	return result as T;
}

/** The exact JSON string escapes JSON.stringify writes. */
const JSON_STRING_ESCAPE = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/g;

/** The characters that start an escape (see ESCAPE). */
const ESCAPE_STARTS = ['%', '\\', '&'];

/** Every character an escape is written with (ESCAPE), lower case: the run filter keeps them all. */
const ESCAPE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789%\\&#;"/';

let specialCharacters: string[] | undefined;

/** The BMP characters SPECIAL_CASE matches, listed once (65,536 tests, a few milliseconds). */
function everySpecialCharacter(): string[] {
	if (!specialCharacters) {
		specialCharacters = [];
		for (let code = 0; code <= 0xffff; code += 1) {
			const character = String.fromCharCode(code);
			if (SPECIAL_CASE.test(character)) specialCharacters.push(character);
		}
	}
	return specialCharacters;
}

export interface Redactor {
	/** `text` with every span that holds a secret, in any encoding, replaced by REDACTED. */
	text(text: string): string;
	/**
	 * `value` with text() applied to every string in it, keys included (a JSON answer that becomes
	 * an output item). The very same value when nothing in it holds a secret. `json`, when given, is
	 * the JSON text `value` was parsed from (or a part of): the check for secrets then reads it
	 * instead of writing the value out again.
	 */
	value<T>(value: T, json?: string): T;
}

const NOTHING_TO_FIND: Redactor = { text: (text) => text, value: (value) => value };

function build(secrets: ReadonlyArray<string | undefined>): Redactor {
	const groups = groupsFor(secrets);
	if (groups.length === 0) return NOTHING_TO_FIND;
	const anchors = groups.map((group) => group.anchor);
	const reach = Math.max(...groups.flatMap((group) => group.patterns.map((p) => p.length))) - 1;

	/** Adds the spans of `round` (in the original text) that hold a pattern. */
	function searchRound(
		round: string,
		within: Span[] | undefined,
		rounds: readonly Changes[],
		starts: number[],
		ends: number[],
	): void {
		for (const [from, to] of within ?? [[0, round.length] as Span]) {
			const folded = foldCase(within ? round.slice(from, to) : round);
			let spacesAsPlus: string | undefined;
			for (const group of groups) {
				if (!folded.text.includes(group.anchor)) continue;
				for (const pattern of group.patterns) {
					const haystack = pattern.includes('+')
						? (spacesAsPlus ??= folded.text.replaceAll(' ', '+'))
						: folded.text;
					for (
						let at = haystack.indexOf(pattern);
						at >= 0;
						at = haystack.indexOf(pattern, at + pattern.length)
					) {
						let span: Span = folded.changes
							? spanBefore(folded.changes, at, at + pattern.length)
							: [at, at + pattern.length];
						span = [from + span[0], from + span[1]];
						for (let index = rounds.length - 1; index >= 0; index -= 1) {
							span = spanBefore(rounds[index], span[0], span[1]);
						}
						starts.push(span[0]);
						ends.push(span[1]);
					}
				}
			}
		}
	}

	function spansIn(text: string): Span[] {
		const starts: number[] = [];
		const ends: number[] = [];
		forEachRound(text, reach, (round, within, rounds) => {
			searchRound(round, within, rounds, starts, ends);
			return false;
		});
		return merged(starts, ends, text.length);
	}

	function text(original: string): string {
		const spans = spansIn(original);
		return spans.length > 0 ? withSpansRedacted(original, spans) : original;
	}

	/**
	 * False only when no string of the value can hold a secret, read from JSON.stringify of the
	 * value: one native pass instead of a walk in JavaScript, and every string of a JSON value is in
	 * it. Each string stands between quotes there, escaped; once the JSON escapes are undone exactly,
	 * each string is itself, and no escape can reach across a quote except `\"`. So when no backslash
	 * of a string's own stands before a quote (in the text, or decoded in a later round), each string
	 * goes through the rounds as it would alone, and the anchors say whether anything can match.
	 * Otherwise it answers true and the precise walk decides.
	 */
	function mayContainSecret(json: string): boolean {
		let strings = json;
		if (json.includes('\\')) {
			strings = json.replace(
				JSON_STRING_ESCAPE,
				(escape: string) => decodeEscape(escape, JSON_ESCAPES) as string,
			);
			if (strings.includes('\\"')) return true;
		}
		return forEachRound(
			strings,
			reach,
			(round, within) => {
				for (const [from, to] of within ?? [[0, round.length] as Span]) {
					const folded = foldCase(within ? round.slice(from, to) : round).text;
					for (const anchor of anchors) if (folded.includes(anchor)) return true;
				}
				return false;
			},
			true,
		);
	}

	/** The strings of the value joined by NUL (in no escape, so no match reaches across two strings). */
	function redactTree<T>(value: T): T {
		const strings: string[] = [];
		walkStrings(value, (string) => {
			strings.push(string);
			return string;
		});
		const spans = spansIn(strings.join('\u0000'));
		if (spans.length === 0) return value;
		const local = new Map<number, Span[]>();
		let first = 0;
		let firstStart = 0;
		for (const [start, end] of spans) {
			while (first < strings.length && firstStart + strings[first].length <= start) {
				firstStart += strings[first].length + 1;
				first += 1;
			}
			for (
				let index = first, at = firstStart;
				index < strings.length && at < end;
				at += strings[index].length + 1, index += 1
			) {
				const from = Math.max(start, at) - at;
				const to = Math.min(end, at + strings[index].length) - at;
				if (from >= to) continue;
				const list = local.get(index) ?? [];
				list.push([from, to]);
				local.set(index, list);
			}
		}
		let index = 0;
		return walkStrings(value, (string) => {
			const mine = local.get(index);
			index += 1;
			return mine ? withSpansRedacted(string, mine) : string;
		});
	}

	// What the run filter (mayHoldSecret) needs, worked out once per set of secrets.
	const patterns = groups.flatMap((group) => group.patterns);
	const shortest = Math.min(...patterns.map((pattern) => pattern.length));
	const patternCharacters = new Set(patterns.flatMap((pattern) => [...pattern]));
	// The search reads a space as a `+` (form encoding).
	if (patternCharacters.has('+')) patternCharacters.add(' ');
	const inRun = new Uint8Array(0x10000);
	for (const character of [...ESCAPE_CHARACTERS, ...patternCharacters]) {
		for (let unit = 0; unit < character.length; unit += 1) inRun[character.charCodeAt(unit)] = 1;
	}
	let separatorCode = 0;
	while (inRun[separatorCode]) separatorCode += 1;
	const separator = String.fromCharCode(separatorCode);
	// Characters that fold to something else than toLowerCase gives, where that touches a pattern;
	// İ always, as toLowerCase makes it two characters and the filter maps positions one to one.
	const risky = everySpecialCharacter().filter(
		(character) =>
			character === '\u0130' ||
			[...foldCharacter(character), ...character.toLowerCase()].some((folded) =>
				patternCharacters.has(folded),
			),
	);

	/**
	 * False only when the JSON text cannot hold a secret; linear, with native passes where it can.
	 *
	 * Round 0: without escapes, a secret is there only if some anchor is in the lower-case text (the
	 * characters with a special folding that could make a pattern character send it to the precise
	 * check). With escapes: every character of the source of an encoded secret is either a character
	 * of a pattern that is left as it is, or a character an escape is written with (JSON's own
	 * escapes included), as decoding consumes nothing else. So the source lies within one run of
	 * such characters, containing an escape and at least as long as the shortest pattern (decoding
	 * never lengthens text). Only those runs go through the precise check, mayContainSecret.
	 * Ordinary answers have few: their escapes sit in short words, between `"`, `:` and `,`.
	 */
	function mayHoldSecret(json: string): boolean {
		for (const character of risky) if (json.includes(character)) return true;
		const lower = json.toLowerCase();
		if (lower.length !== json.length) return true;
		for (const anchor of anchors) if (lower.includes(anchor)) return true;
		const runs: string[] = [];
		for (const start of ESCAPE_STARTS) {
			let runEnd = 0;
			for (let at = lower.indexOf(start); at >= 0; at = lower.indexOf(start, at + 1)) {
				if (at < runEnd) continue;
				let from = at;
				while (from > 0 && inRun[lower.charCodeAt(from - 1)]) from -= 1;
				let to = at + 1;
				while (to < lower.length && inRun[lower.charCodeAt(to)]) to += 1;
				runEnd = to;
				if (to - from >= shortest) runs.push(json.slice(from, to));
			}
		}
		// One precise check over all runs, each apart (the separator is in no run, so neither an
		// escape nor a pattern reaches across it); a run met from two escape starts counts once.
		return runs.length > 0 && mayContainSecret([...new Set(runs)].join(separator));
	}

	function value<T>(input: T, given?: string): T {
		if (typeof input === 'string') return text(input) as T;
		if (!isContainer(input)) return input;
		let json = given;
		if (json === undefined) {
			try {
				json = JSON.stringify(input);
			} catch {
				// A cycle, a BigInt or nesting too deep for JSON.stringify: the walk handles all three.
				json = undefined;
			}
		}
		if (typeof json === 'string' && !mayHoldSecret(json)) return input;
		return redactTree(input);
	}

	return { text, value };
}

const compiled = new Map<string, Redactor>();

/**
 * A redactor for a set of secrets (undefined ones and ones under 4 characters are ignored), for
 * the JWT also its signature alone. Compiled once per set: the last few sets are kept, so callers
 * may call this per string.
 */
export function compileRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
	// Each secret prefixed by its length, so that no two different sets share a key.
	const key = secrets
		.filter((secret): secret is string => typeof secret === 'string')
		.map((secret) => `${secret.length}:${secret}`)
		.join('');
	const known = compiled.get(key);
	if (known) {
		// Most recently used last, so the oldest set is the one dropped.
		compiled.delete(key);
		compiled.set(key, known);
		return known;
	}
	const redactor = build(secrets);
	compiled.set(key, redactor);
	if (compiled.size > CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
	return redactor;
}
