import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { redactValue } from '../nodes/shared/core/errors';
import { compileRedactor } from '../nodes/shared/core/redaction';
import { checkDelivery, MAX_DELIVERY_CHARS } from '../nodes/WorkfrontTrigger/deliveries';

/**
 * What cleaning an answer of secrets costs, against JSON.parse of the same answer (the work the
 * answer costs anyway, on the same thread). The transport cleans every Workfront answer, synchronously
 * on n8n's main thread, so the target is at most 2× JSON.parse on an ordinary answer; hostile
 * answers (the token quoted everywhere, escapes everywhere) are measured too, and each at two sizes
 * to show the cost grows linearly. Exit code 1 when the ordinary answer misses the target.
 */

const TOKEN = randomBytes(16).toString('hex');
const CLIENT_SECRET = `p8e-${randomBytes(24).toString('base64url')}`;
const SECRETS = [TOKEN, CLIENT_SECRET];
const RECORDS = 2_000;
const FIELDS = 100;

const gc = (globalThis as { gc?: () => void }).gc;
const print = (line: string) => process.stdout.write(`${line}\n`);

/** Median time of `runs` runs after two warm-up runs (the first ones pay for compiling the code). */
function medianMs(work: () => unknown, runs = 9): number {
	const times: number[] = [];
	for (let run = 0; run < runs + 2; run += 1) {
		gc?.();
		const started = performance.now();
		work();
		if (run >= 2) times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const hex32 = () => randomBytes(16).toString('hex');
const names = ['Website relaunch', 'Q3 budget', 'Zoë Müller', 'José Núñez', 'R&D plan', 'Ops + IT'];
const texts = [
	'50% complete',
	'Review & sign-off',
	'Design + build',
	'Spend 20% less on A&B',
	'Notes: see "Plan B"\nthen call',
	'R&amp;D budget',
	'path=%2Fprojects%2F12',
];

/** A Workfront-like search answer: IDs, names, dates, numbers, nested owners, some & + % in text. */
function ordinaryAnswer(records: number): unknown {
	const data = [];
	for (let index = 0; index < records; index += 1) {
		const record: Record<string, unknown> = {
			ID: hex32(),
			name: `${names[index % names.length]} ${index}`,
			objCode: 'PROJ',
			status: 'CUR',
			entryDate: '2026-10-08T18:00:00:000-0600',
			percentComplete: index % 101,
			owner: { ID: hex32(), name: names[(index + 1) % names.length], objCode: 'USER' },
			portfolio: { ID: hex32(), name: 'Marketing', objCode: 'PORT' },
		};
		for (let field = Object.keys(record).length; field < FIELDS; field += 1) {
			const kind = field % 5;
			record[`DE:Custom field ${field}`] =
				kind === 0
					? hex32()
					: kind === 1
						? '2026-10-08T18:00:00:000-0600'
						: kind === 2
							? index * field
							: kind === 3
								? texts[(index + field) % texts.length]
								: `${names[field % names.length]} ${field}`;
		}
		data.push(record);
	}
	return { data };
}

/** The token as servers quote it back, one form per string. */
const echoes = [
	TOKEN,
	TOKEN.toUpperCase(),
	encodeURIComponent(`sessionID=${TOKEN}`),
	[...TOKEN].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join(''),
	[...TOKEN].map((c) => `&#${c.charCodeAt(0)};`).join(''),
	Buffer.concat([randomBytes(5), Buffer.from(TOKEN), randomBytes(5)]).toString('base64'),
	Buffer.from(TOKEN).toString('hex'),
	encodeURIComponent(encodeURIComponent(CLIENT_SECRET)),
];

/** Every string of the answer replaced by `make(index)`. */
function mapStrings(value: unknown, make: (index: number) => string): unknown {
	let index = 0;
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return make(index++);
		if (Array.isArray(node)) return node.map(walk);
		if (node && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
		}
		return node;
	};
	return walk(value);
}

const hostile: Array<[string, (records: number) => unknown]> = [
	[
		'the token, in 8 encodings, in every 10th string',
		(records) =>
			mapStrings(ordinaryAnswer(records), (index) =>
				index % 10 === 0 ? `echo ${echoes[(index / 10) % echoes.length]} end` : `value ${index}`,
			),
	],
	[
		'the token raw in every string',
		(records) => mapStrings(ordinaryAnswer(records), () => `sessionID=${TOKEN}`),
	],
	[
		'every string full of escapes, no secret',
		(records) =>
			mapStrings(ordinaryAnswer(records), (index) =>
				`%41%2541&amp;&#x41;\\u0041%C3%A9&#0065;${index}`.repeat(2),
			),
	],
	[
		'escapes six layers deep around a near-miss of the token in every string',
		(records) =>
			mapStrings(ordinaryAnswer(records), () => {
				let text = `% ${TOKEN.slice(0, 31)}x &`;
				for (let layer = 0; layer < 6; layer += 1) text = encodeURIComponent(text);
				return text;
			}),
	],
	[
		'one string of 4 MB of escapes',
		(records) => ({ data: [{ ID: hex32(), text: '%2541&#x41;\\u0041'.repeat(records * 14) }] }),
	],
];

// ---------------------------------------------------------------------------------------------
// The baseline: the implementation before this change, copied here as it was (one RegExp per
// secret per string, one alternation per character of the secret).
// ---------------------------------------------------------------------------------------------

const LEGACY_MIN_SECRET_LENGTH = 4;
const legacyEscapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function legacyPercentForms(byte: number): string {
	const hex = byte.toString(16).toUpperCase().padStart(2, '0');
	const caseless = [...hex].map((digit) =>
		/[A-F]/.test(digit) ? `[${digit}${digit.toLowerCase()}]` : digit,
	);
	return `%(?:25)?${caseless.join('')}`;
}

function legacyCharacterPattern(char: string): string {
	const forms = new Set<string>([legacyEscapeRegExp(char)]);
	const bytes = Buffer.from(char, 'utf8');
	forms.add(
		bytes.length === 1 ? legacyPercentForms(bytes[0]) : [...bytes].map(legacyPercentForms).join(''),
	);
	if (char === ' ') forms.add('\\+');
	const code = char.codePointAt(0) ?? 0;
	if (code <= 0xffff) {
		const hex = code.toString(16).padStart(4, '0');
		forms.add(
			`\\\\u${[...hex].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('')}`,
		);
	}
	if (char === '"' || char === '\\' || char === '/') forms.add(`\\\\${legacyEscapeRegExp(char)}`);
	return `(?:${[...forms].join('|')})`;
}

function legacySecretParts(secret: string): string[] {
	const parts = secret.split('.');
	return parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))
		? [secret, parts[2]]
		: [secret];
}

function legacyRedactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	const all = secrets
		.filter((secret): secret is string => typeof secret === 'string')
		.flatMap(legacySecretParts)
		.filter((secret) => secret.length >= LEGACY_MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);
	for (const secret of all) {
		result = result.replace(
			new RegExp([...secret].map(legacyCharacterPattern).join(''), 'g'),
			'[redacted]',
		);
	}
	return result;
}

/** The baseline (the implementation before this change). */
function legacyRedactValue<T>(value: T, secrets: Array<string | undefined>): T {
	if (typeof value === 'string') return legacyRedactSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((item) => legacyRedactValue(item, secrets)) as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [
				legacyRedactSecrets(key, secrets),
				legacyRedactValue(item, secrets),
			]),
		) as T;
	}
	return value;
}

// ---------------------------------------------------------------------------------------------

interface Row {
	name: string;
	bytes: number;
	parseMs: number;
	redactMs: number;
	/** Without the answer's text: the value is written out with JSON.stringify first. */
	valueOnlyMs: number;
}

/** As the transport does it: the answer's text is at hand (it was just parsed), and read again. */
function measureAnswer(name: string, value: unknown): Row {
	const text = JSON.stringify(value);
	const parseMs = medianMs(() => JSON.parse(text));
	const parsed = JSON.parse(text) as unknown;
	const redactMs = medianMs(() => redactValue(parsed, SECRETS, text));
	const valueOnlyMs = medianMs(() => redactValue(parsed, SECRETS), 3);
	return { name, bytes: text.length, parseMs, redactMs, valueOnlyMs };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const row = ({ name, bytes, parseMs, redactMs, valueOnlyMs }: Row) =>
	`| ${name} | ${mb(bytes)} MB | ${parseMs.toFixed(1)} | ${redactMs.toFixed(1)} | ${(redactMs / parseMs).toFixed(2)}× | ${(valueOnlyMs / parseMs).toFixed(2)}× |`;

print(
	`Node.js ${process.version}; secrets: a 32-hex-character token and a ${CLIENT_SECRET.length}-character client secret.`,
);
print('Times are medians of 9 runs after 2 warm-up runs, in ms.\n');

const compileMs = medianMs(() => {
	// A fresh set each time, so each run compiles (the cache is what callers normally hit).
	compileRedactor([TOKEN, CLIENT_SECRET, randomBytes(8).toString('hex')]);
});
print(`Compiling a redactor for a set of secrets: ${compileMs.toFixed(3)} ms (once per set).\n`);

print(
	'| Answer | JSON size | JSON.parse | redactValue with the text | ratio | ratio without the text (stringify first) |',
);
print('|---|---:|---:|---:|---:|---:|');
const ordinary = measureAnswer(
	`ordinary: ${RECORDS} records × ${FIELDS} fields`,
	ordinaryAnswer(RECORDS),
);
print(row(ordinary));
const untouched = ordinaryAnswer(200);
const returnedAsIs =
	redactValue(untouched, SECRETS) === untouched &&
	redactValue(untouched, SECRETS, JSON.stringify(untouched)) === untouched;

const growth: string[] = [];
for (const [name, make] of hostile) {
	const small = measureAnswer(`${name} (${RECORDS / 4} records)`, make(RECORDS / 4));
	const large = measureAnswer(`${name} (${RECORDS} records)`, make(RECORDS));
	print(row(small));
	print(row(large));
	growth.push(
		`- ${name}: 4× the size took ${(large.redactMs / small.redactMs).toFixed(1)}× the time (JSON.parse ${(large.parseMs / small.parseMs).toFixed(1)}×)`,
	);
}

print('\nGrowth (linear is about 4×):');
for (const line of growth) print(line);

// The baseline on slices of the ordinary answer: the whole answer takes it tens of seconds.
print(
	'\nBaseline (the implementation before this change, copied in this file as legacyRedactValue):',
);
const sliceRecords = 20;
const slice = JSON.parse(JSON.stringify(ordinaryAnswer(sliceRecords))) as unknown;
const legacySliceMs = medianMs(() => legacyRedactValue(slice, SECRETS), 3);
const legacyWholeMs = legacySliceMs * (RECORDS / sliceRecords);
print(
	`- ordinary answer: ${legacySliceMs.toFixed(0)} ms for ${sliceRecords} records, so about ${(legacyWholeMs / 1000).toFixed(1)} s for ${RECORDS} (extrapolated, linear in records): ${(legacyWholeMs / ordinary.parseMs).toFixed(0)}× JSON.parse, against ${(ordinary.redactMs / ordinary.parseMs).toFixed(2)}× now`,
);
const shortStrings = Array.from({ length: 20_000 }, (_, index) => `value ${index}`);
const legacyShortMs =
	medianMs(() => legacyRedactValue(shortStrings.slice(0, 2_000), SECRETS), 3) * 10;
const shortMs = medianMs(() => redactValue(shortStrings, SECRETS));
print(
	`- 20,000 short strings: about ${(legacyShortMs / 1000).toFixed(1)} s before (2,000 measured, × 10), ${shortMs.toFixed(1)} ms now`,
);

/*
 * The trigger's check of a delivery (token, size and depth walked with a bound, then the fields)
 * runs per delivery on the main thread too: against JSON.parse of the same body.
 */
const subscribed = {
	events: ['UPDATE'],
	objCode: 'TASK',
	subscriptionIds: ['sub-1'],
	token: TOKEN,
};
const headers = { authorization: TOKEN };
const stateOf = (fields: number) =>
	Object.fromEntries(
		Array.from({ length: fields }, (_, index) => [`field${index}`, texts[index % texts.length]]),
	);
const deliveryOf = (fields: number, width = 1) => ({
	eventType: 'UPDATE',
	subscriptionId: 'sub-1',
	eventTime: { epochSecond: 1764800000, nano: 0 },
	newState: {
		objCode: 'TASK',
		ID: hex32(),
		...stateOf(fields),
		list: Array.from({ length: width }, () => stateOf(20)),
	},
	oldState: { objCode: 'TASK', ID: hex32(), ...stateOf(fields) },
});
const deliveries: Array<[string, object, boolean]> = [
	['ordinary delivery (2 × 100 fields)', deliveryOf(100), true],
	['large delivery just under the 1 MiB limit', deliveryOf(100, 1_600), true],
	['oversized delivery (4 MiB), no Content-Length', deliveryOf(100, 7_000), false],
];
print('\n| Delivery | JSON size | JSON.parse | checkDelivery | ratio | answer |');
print('|---|---:|---:|---:|---:|---|');
let worstDelivery = 0;
for (const [name, body, fits] of deliveries) {
	const text = JSON.stringify(body);
	const parseMs = medianMs(() => JSON.parse(text));
	const parsed = JSON.parse(text) as unknown;
	const answer = checkDelivery({ headers, body: parsed }, subscribed);
	const checkMs = medianMs(() => checkDelivery({ headers, body: parsed }, subscribed));
	const right = fits === text.length <= MAX_DELIVERY_CHARS && (answer.status === 200) === fits;
	worstDelivery = Math.max(worstDelivery, right ? checkMs / parseMs : Infinity);
	print(
		`| ${name} | ${mb(text.length)} MB | ${parseMs.toFixed(2)} | ${checkMs.toFixed(2)} | ${(checkMs / parseMs).toFixed(2)}× | ${answer.status}${right ? '' : ' (WRONG)'} |`,
	);
}
print(
	`Worst delivery check: ${worstDelivery.toFixed(2)}× JSON.parse of the same body (target: at most 2×).`,
);

const ratio = ordinary.redactMs / ordinary.parseMs;
print(
	`\nAn answer without secrets comes back as the very same object: ${returnedAsIs ? 'yes' : 'NO'}.`,
);
print(`Ordinary answer: redactValue ${ratio.toFixed(2)}× JSON.parse (target: at most 2×).`);
process.exitCode = ratio <= 2 && returnedAsIs && worstDelivery <= 2 ? 0 : 1;
