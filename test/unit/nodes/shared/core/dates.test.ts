import { DateTime } from 'luxon';

import { parseDate, toIsoDates, workfrontDateToIso } from '../../../../../nodes/shared/core/dates';
import { fc, holdsFor } from '../../../../support/properties';

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** An instant and an offset, written as Workfront writes them: the wall time at that offset. */
function asWorkfront(epochMs: number, offsetMinutes: number): string {
	const wall = new Date(epochMs + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}:${pad(wall.getUTCMilliseconds(), 3)}` +
		`${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}${pad(Math.abs(offsetMinutes) % 60)}`
	);
}

// Years 1000 to 9999 (four digits, as Workfront writes them); offsets of real time zones,
// -12:00 to +14:00 in quarter hours (Nepal's +05:45, the Chatham Islands' +12:45).
const instants = fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) });
const offsets = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);

describe('Workfront dates as ISO 8601', () => {
	test('the example of issue 22', () => {
		expect(workfrontDateToIso('2026-10-08T18:00:00:000-0600')).toBe(
			'2026-10-08T18:00:00.000-06:00',
		);
	});

	test('every Workfront date becomes ISO that Luxon and Date read as the same instant', () => {
		holdsFor(
			'Workfront date → ISO, same instant in Luxon and Date',
			fc.tuple(instants, offsets),
			([epochMs, offset]) => {
				const workfront = asWorkfront(epochMs, offset);
				const iso = workfrontDateToIso(workfront);
				expect(iso).toBeDefined();
				const luxon = DateTime.fromISO(String(iso), { setZone: true });
				expect(luxon.isValid).toBe(true);
				expect(luxon.toMillis()).toBe(epochMs);
				expect(luxon.offset).toBe(offset);
				expect(new Date(String(iso)).getTime()).toBe(epochMs);
				// What n8n itself writes for that instant and offset (Luxon writes +00:00 as Z).
				expect(iso).toBe(String(luxon.toISO()).replace(/Z$/, '+00:00'));
				// The input side reads both forms.
				expect(parseDate(workfront)).toBe(epochMs);
				expect(parseDate(String(iso))).toBe(epochMs);
			},
			{ runs: 2000 },
		);
	});

	test('nothing else changes: other strings, numbers, keys, nesting', () => {
		const notDates = fc.oneof(
			fc.string(),
			fc.string({ minLength: 28, maxLength: 28 }),
			// Near misses: one character of a real date replaced.
			fc
				.tuple(instants, offsets, fc.nat({ max: 27 }), fc.string({ minLength: 1, maxLength: 1 }))
				.map(([epochMs, offset, at, char]) => {
					const text = asWorkfront(epochMs, offset);
					return `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
				})
				.filter((text) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d:\d{3}[+-]\d{4}$/.test(text)),
			fc.constantFrom(
				'2026-02-30T10:00:00:000-0600',
				'2026-13-01T10:00:00:000-0600',
				'2026-10-08T24:00:00:000-0600',
				'2026-10-08T18:00:00.000-0600',
				'2026-10-08T18:00:00:000-06:00',
				' 2026-10-08T18:00:00:000-0600',
				'2026-10-08',
			),
		);
		holdsFor(
			'toIsoDates leaves every value that is not a Workfront date as it is',
			fc.tuple(fc.jsonValue(), notDates),
			([json, text]) => {
				const value = { json, text, list: [text, 1, null, { text }], nested: { [text]: text } };
				const before = JSON.stringify(value);
				expect(JSON.stringify(toIsoDates(value))).toBe(before);
			},
			{ runs: 1000 },
		);
	});

	test('dates inside records, lists and nested records are rewritten; their keys are not', () => {
		const date = '2026-10-08T18:00:00:000-0600';
		const record = {
			ID: 'a'.repeat(32),
			[date]: date,
			plannedCompletionDate: date,
			owner: { entryDate: date, name: 'Zoë' },
			tasks: [{ plannedStartDate: date }, date, 3],
			percentComplete: 40,
		};
		expect(toIsoDates(record)).toEqual({
			ID: 'a'.repeat(32),
			[date]: '2026-10-08T18:00:00.000-06:00',
			plannedCompletionDate: '2026-10-08T18:00:00.000-06:00',
			owner: { entryDate: '2026-10-08T18:00:00.000-06:00', name: 'Zoë' },
			tasks: [
				{ plannedStartDate: '2026-10-08T18:00:00.000-06:00' },
				'2026-10-08T18:00:00.000-06:00',
				3,
			],
			percentComplete: 40,
		});
	});

	test('depth costs no call stack', () => {
		let deep: Record<string, unknown> = { at: '2026-10-08T18:00:00:000-0600' };
		for (let level = 0; level < 100_000; level += 1) deep = { inner: deep };
		expect(() => toIsoDates(deep)).not.toThrow();
	});
});
