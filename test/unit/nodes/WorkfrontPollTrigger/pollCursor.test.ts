import type { IDataObject } from 'n8n-workflow';

import {
	LOOKBACK_MS,
	MAX_REMEMBERED,
	readCursor,
	takeNew,
	type PollCursor,
} from '../../../../nodes/WorkfrontPollTrigger/pollCursor';
import { fc, holdsForAsync } from '../../../support/properties';

const T0 = Date.parse('2026-05-18T17:00:00.000Z');
const DAY = 86_400_000;

/**
 * Workfront as the poll trigger sees it: records with a date, searched with
 * `date >= since - LOOKBACK_MS`, sorted by date then ID.
 */
class Store {
	readonly dates = new Map<string, number>();

	set(id: string, date: number): void {
		this.dates.set(id, date);
	}

	search(cursor: PollCursor): IDataObject[] {
		const from = cursor.since - LOOKBACK_MS;
		return [...this.dates.entries()]
			.filter(([, date]) => date >= from)
			.sort(([idA, a], [idB, b]) => a - b || (idA < idB ? -1 : idA > idB ? 1 : 0))
			.map(([ID, date]) => ({ ID, lastUpdateDate: new Date(date).toISOString() }));
	}
}

function poll(store: Store, cursor: PollCursor, now: number, cap?: number) {
	return takeNew(store.search(cursor), cursor, 'createdOrUpdated', now, cap);
}

const names = (records: IDataObject[]) => records.map(({ ID }) => ID);

describe('the poll cursor: records dated in the future', () => {
	test('a record dated two days ahead is emitted once and does not move the cursor', () => {
		const store = new Store();
		let cursor: PollCursor = { since: T0, seen: [] };
		store.set('future', T0 + 2 * DAY);
		let result = poll(store, cursor, T0 + 1000);
		expect(names(result.emit)).toEqual(['future']);
		expect(result.cursor.since).toBeLessThanOrEqual(T0 + 1000);
		cursor = result.cursor;

		// A real change made afterwards, dated a little before the last poll: still found.
		store.set('real', T0 + 500);
		result = poll(store, cursor, T0 + 61_000);
		expect(names(result.emit)).toEqual(['real']);
		cursor = result.cursor;

		// Polls while its date is still ahead: not emitted again.
		for (let minute = 2; minute < 10; minute += 1) {
			result = poll(store, cursor, T0 + minute * 60_000);
			expect(result.emit).toEqual([]);
			cursor = result.cursor;
		}
		expect(cursor.seen).toContain(`future|${T0 + 2 * DAY}`);
	});

	test('a cursor an earlier version moved two days ahead is brought back to now: the real change is found', () => {
		// What the old cursor stored after seeing the future record, as a workflow may still have it;
		// searched from there, the real change was missed.
		const store = new Store();
		store.set('future', T0 + 2 * DAY);
		store.set('real', T0 + 500);
		const cursor = readCursor(
			{ since: T0 + 2 * DAY, seen: [`future|${T0 + 2 * DAY}`] },
			T0 + 60_000,
		);
		expect(cursor?.since).toBe(T0 + 60_000);
		const result = poll(store, cursor as PollCursor, T0 + 60_000);
		expect(names(result.emit)).toEqual(['real']);
	});

	test('a future record moved back to a real date is a new change; its future key is forgotten', () => {
		const store = new Store();
		store.set('p', T0 + 3 * DAY);
		let { cursor } = poll(store, { since: T0, seen: [] }, T0 + 1000);
		store.set('p', T0 + 2000);
		const result = poll(store, cursor, T0 + 3000);
		expect(names(result.emit)).toEqual(['p']);
		cursor = result.cursor;
		expect(cursor.seen).toEqual([`p|${T0 + 2000}`]);
	});

	test('an ID containing "|" keeps its date', () => {
		const store = new Store();
		store.set('a|b', T0 + 10);
		const first = poll(store, { since: T0, seen: [] }, T0 + 100);
		expect(first.cursor.seen).toEqual([`a|b|${T0 + 10}`]);
		expect(poll(store, first.cursor, T0 + 200).emit).toEqual([]);
	});
});

describe('the poll cursor kept in static data', () => {
	test.each([
		['nothing (the first poll)', undefined, undefined],
		['not an object', 'cursor', undefined],
		['a date that is not a number', { since: 'soon', seen: ['a|1'] }, { since: T0, seen: ['a|1'] }],
		['an infinite date', { since: Number.POSITIVE_INFINITY, seen: [] }, { since: T0, seen: [] }],
		['a date ahead of now', { since: T0 + DAY, seen: [] }, { since: T0, seen: [] }],
		[
			'keys that are not ID|date',
			{ since: T0 - 5, seen: ['a|1', 7, 'nodate', 'b|x', null] },
			{ since: T0 - 5, seen: ['a|1'] },
		],
		['keys that are not a list', { since: T0 - 5, seen: 'a|1' }, { since: T0 - 5, seen: [] }],
	])('%s', (_case, stored, expected) => {
		expect(readCursor(stored, T0)).toEqual(expected);
	});

	test('a stored list over the cap (an earlier version) is brought under it by the next poll', () => {
		const seen = Array.from({ length: MAX_REMEMBERED + 500 }, (_, index) => `r${index}|${T0 - 10}`);
		const cursor = readCursor({ since: T0 - 10, seen }, T0) as PollCursor;
		const result = takeNew([], cursor, 'createdOrUpdated', T0);
		expect(result.cursor.seen.length).toBeLessThanOrEqual(MAX_REMEMBERED);
	});
});

describe('the poll cursor at its cap', () => {
	test('more changes than the cap: all emitted, the state stays at the cap, none missed later', () => {
		const store = new Store();
		for (let index = 0; index < 25; index += 1)
			store.set(`r${String(index).padStart(2, '0')}`, T0 + 100);
		const first = poll(store, { since: T0, seen: [] }, T0 + 200, 10);
		expect(first.emit).toHaveLength(25);
		expect(first.cursor.seen).toHaveLength(10);
		// The cursor moved to the poll's time, so the past changes leave the window a minute later.
		expect(first.cursor.since).toBe(T0 + 200);

		// Within the minute, the forgotten ones may come again (a duplicate, never a miss)...
		store.set('late', T0 + 150);
		const second = poll(store, first.cursor, T0 + 30_000, 10);
		expect(names(second.emit)).toContain('late');
		expect(second.cursor.seen.length).toBeLessThanOrEqual(10);

		// ...and once out of the window, they stop.
		const third = poll(store, second.cursor, T0 + 200 + LOOKBACK_MS + 1, 10);
		const fourth = poll(store, third.cursor, T0 + 200 + 2 * LOOKBACK_MS + 2, 10);
		expect(fourth.emit).toEqual([]);
	});
});

/** When a change happens, its date, relative to the previous poll. */
type DateKind =
	| { kind: 'past'; ms: number }
	| { kind: 'sameSecond' }
	| { kind: 'sameAsAnother'; pick: number }
	| { kind: 'atCursor' }
	| { kind: 'future'; ms: number };

interface Step {
	changes: Array<{ record: number; date: DateKind }>;
	/** Time from the previous poll to the next. */
	gapMs: number;
}

const dateKind: fc.Arbitrary<DateKind> = fc.oneof(
	fc.record({ kind: fc.constant('past' as const), ms: fc.integer({ min: 0, max: LOOKBACK_MS }) }),
	fc.record({ kind: fc.constant('sameSecond' as const) }),
	fc.record({ kind: fc.constant('sameAsAnother' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('atCursor' as const) }),
	fc.record({
		kind: fc.constant('future' as const),
		ms: fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 3 * DAY })),
	}),
);

const steps: fc.Arbitrary<Step[]> = fc.array(
	fc.record({
		changes: fc.array(fc.record({ record: fc.integer({ min: 0, max: 7 }), date: dateKind }), {
			maxLength: 6,
		}),
		gapMs: fc.oneof(
			fc.constant(0),
			fc.integer({ min: 1, max: 1000 }),
			fc.integer({ min: 1, max: 10 * 60_000 }),
			fc.integer({ min: 1, max: 4 * DAY }),
		),
	}),
	{ minLength: 1, maxLength: 25 },
);

/**
 * Runs polls over generated changes and checks, after every poll: the cursor is not beyond the
 * poll's time; the state is within `cap`; every change visible at the poll (a record whose date
 * differs from what the previous poll could see) has been emitted; and, when `exactlyOnce`, no
 * change was emitted twice while its date stayed the same.
 */
function runPolls(input: Step[], cap: number, exactlyOnce: boolean): void {
	const store = new Store();
	let now = T0;
	let cursor: PollCursor = { since: now, seen: [] }; // the first poll after activation
	// Per record: the date the last poll saw and its version (one more per visible change).
	const observed = new Map<string, { date: number; version: number }>();
	const emitted = new Map<string, number>(); // `${id}#${version}` → times
	for (const step of input) {
		const thisStep: number[] = [];
		for (const { record, date } of step.changes) {
			const id = `r${record}`;
			let value: number;
			switch (date.kind) {
				case 'past':
					value = now - date.ms;
					break;
				case 'sameSecond':
					value = Math.floor(now / 1000) * 1000;
					break;
				case 'sameAsAnother':
					value =
						thisStep.length > 0
							? thisStep[date.pick % thisStep.length]
							: Math.floor(now / 1000) * 1000;
					break;
				case 'atCursor':
					value = cursor.since;
					break;
				case 'future':
					value = now + date.ms;
					break;
			}
			thisStep.push(value);
			store.set(id, value);
		}
		now += step.gapMs;
		const mustEmit: string[] = [];
		for (const [id, date] of store.dates) {
			const before = observed.get(id);
			if (before?.date === date) continue;
			const version = (before?.version ?? 0) + 1;
			observed.set(id, { date, version });
			mustEmit.push(`${id}#${version}`);
		}
		const result = takeNew(store.search(cursor), cursor, 'createdOrUpdated', now, cap);
		for (const record of result.emit) {
			const id = String(record.ID);
			const key = `${id}#${observed.get(id)?.version}`;
			emitted.set(key, (emitted.get(key) ?? 0) + 1);
			if (exactlyOnce && (emitted.get(key) ?? 0) > 1)
				throw new Error(`${key} was emitted twice at ${new Date(now).toISOString()}`);
		}
		for (const key of mustEmit)
			if (!emitted.has(key)) throw new Error(`${key} was missed at ${new Date(now).toISOString()}`);
		if (result.cursor.since > now) throw new Error(`The cursor moved beyond ${now}`);
		if (result.cursor.seen.length > cap)
			throw new Error(`${result.cursor.seen.length} keys remembered (cap ${cap})`);
		cursor = JSON.parse(JSON.stringify(result.cursor)) as PollCursor; // as static data keeps it
	}
}

describe('the poll cursor over generated polls and changes', () => {
	test('every change is emitted, once; the cursor never passes the poll; the state stays under the cap', async () => {
		await holdsForAsync(
			'poll cursor: exactly once, under the cap',
			steps,
			async (input) => runPolls(input, MAX_REMEMBERED, true),
			{ runs: 300 },
		);
	});

	test('with a small cap: every change is still emitted at least once, the state stays under it', async () => {
		await holdsForAsync(
			'poll cursor: at least once at a cap of 1 to 6',
			fc.tuple(steps, fc.integer({ min: 1, max: 6 })),
			async ([input, cap]) => runPolls(input, cap, false),
			{ runs: 300 },
		);
	});
});
