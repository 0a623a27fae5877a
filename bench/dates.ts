import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { toIsoDates } from '../nodes/shared/core/dates';

/**
 * What writing Workfront's dates as ISO 8601 (version 2 of the nodes) costs, against JSON.parse of
 * the same answer, in the same run: the node parses every answer anyway, so the conversion is
 * judged by that work. Each string is looked at once, in constant time, so the cost grows linearly
 * with the answer; two sizes of each answer show it. Exit code 1 if the ordinary page (a fifth of
 * its values dates) takes more than 1.5× JSON.parse, the answer made only of dates more than 5×
 * (JSON.parse writes each string once; the conversion reads it and writes it again), or 4× an
 * answer takes more than 6× the time (not linear).
 */

const FIELDS = 100;
const gc = (globalThis as { gc?: () => void }).gc;
const print = (line: string) => process.stdout.write(`${line}\n`);

/** Median time of `runs` runs after two warm-up runs. `prepare` runs untimed before each. */
function medianMs<T>(prepare: () => T, work: (input: T) => unknown, runs = 9): number {
	const times: number[] = [];
	for (let run = 0; run < runs + 2; run += 1) {
		const input = prepare();
		gc?.();
		const started = performance.now();
		work(input);
		if (run >= 2) times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const hex32 = () => randomBytes(16).toString('hex');
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A different date-time each call, as Workfront writes them (so no two strings are the same). */
let sequence = 0;
function DATE_AT(): string {
	sequence += 1;
	const at = new Date(Date.UTC(2020, 0, 1) + sequence * 61_001);
	return (
		`${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T` +
		`${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}:${pad(at.getUTCMilliseconds(), 3)}-0600`
	);
}

/** A page of a search: IDs, names, numbers, nested records, every fifth field a date. */
function ordinaryPage(records: number): string {
	const data = [];
	for (let index = 0; index < records; index += 1) {
		const record: Record<string, unknown> = {
			ID: hex32(),
			name: `Website relaunch ${index}`,
			objCode: 'PROJ',
			status: 'CUR',
			entryDate: DATE_AT(),
			plannedCompletionDate: DATE_AT(),
			percentComplete: index % 101,
			owner: { ID: hex32(), name: 'Zoë Müller', objCode: 'USER' },
		};
		for (let field = Object.keys(record).length; field < FIELDS; field += 1) {
			const kind = field % 5;
			record[`DE:Custom field ${field}`] =
				kind === 0
					? DATE_AT()
					: kind === 1
						? hex32()
						: kind === 2
							? index * field
							: `Text ${field}`;
		}
		data.push(record);
	}
	return JSON.stringify({ data });
}

/** Every value a date; and every value a near miss (28 characters, one of them wrong). */
const allDates = (records: number) =>
	JSON.stringify({
		data: Array.from({ length: records }, () =>
			Object.fromEntries(Array.from({ length: FIELDS }, (_, field) => [`f${field}`, DATE_AT()])),
		),
	});
const nearMisses = (records: number) =>
	JSON.stringify({
		data: Array.from({ length: records }, () =>
			Object.fromEntries(
				Array.from({ length: FIELDS }, (_, field) => [`f${field}`, DATE_AT().replace('T', ' ')]),
			),
		),
	});

function measure(name: string, text: string): { ratio: number; ms: number } {
	const parse = medianMs(
		() => text,
		(input) => JSON.parse(input),
	);
	const convert = medianMs(
		() => JSON.parse(text) as unknown,
		(value) => toIsoDates(value),
	);
	const ratio = convert / parse;
	print(
		`${name.padEnd(52)} ${(text.length / 1e6).toFixed(1).padStart(5)} MB  JSON.parse ${parse.toFixed(1).padStart(7)} ms  dates ${convert.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}× JSON.parse`,
	);
	return { ratio, ms: convert };
}

function main(): void {
	if (!gc) print('(run with node --expose-gc for steadier figures)');
	print(`Node.js ${process.version}, ${FIELDS} fields a record`);
	const ordinary = measure('Ordinary page, 2,000 records', ordinaryPage(2_000));
	const ordinary4 = measure('Ordinary page, 8,000 records (4×)', ordinaryPage(8_000));
	const dates = measure('Only dates, 2,000 records', allDates(2_000));
	const dates4 = measure('Only dates, 8,000 records (4×)', allDates(8_000));
	const misses = measure('Near misses only, 2,000 records', nearMisses(2_000));
	const misses4 = measure('Near misses only, 8,000 records (4×)', nearMisses(8_000));
	const growth = (one: { ms: number }, four: { ms: number }) => four.ms / one.ms;
	print(
		`Growth at 4× the size: ordinary ${growth(ordinary, ordinary4).toFixed(1)}×, dates ${growth(dates, dates4).toFixed(1)}×, near misses ${growth(misses, misses4).toFixed(1)}×`,
	);
	const failures = [
		ordinary.ratio > 1.5
			? `the ordinary page took ${ordinary.ratio.toFixed(2)}× JSON.parse (target 1.5×)`
			: '',
		dates.ratio > 5
			? `the page of dates took ${dates.ratio.toFixed(2)}× JSON.parse (target 5×)`
			: '',
		...[
			['ordinary', ordinary, ordinary4],
			['dates', dates, dates4],
			['near misses', misses, misses4],
		].map(([name, one, four]) =>
			growth(one as { ms: number }, four as { ms: number }) > 6
				? `${String(name)}: 4× the answer took ${growth(one as { ms: number }, four as { ms: number }).toFixed(1)}× the time (target 6×, linear)`
				: '',
		),
	].filter(Boolean);
	for (const failure of failures) print(`MISSED: ${failure}`);
	process.exit(failures.length > 0 ? 1 : 0);
}

main();
