import type { IDataObject } from 'n8n-workflow';

import {
	baseline,
	bounded,
	compareWatched,
	MAX_WATCH_STATE_CHARS,
	MAX_WATCHED_RECORDS,
	readWatchState,
	searchFrom,
	type WatchCaps,
	type WatchState,
} from '../../../../nodes/WorkfrontPollTrigger/watchFields';
import { fc, holdsFor } from '../../../support/properties';

const T0 = Date.parse('2026-05-18T17:00:00.000Z');
const FIELDS = ['priority', 'status'];

/**
 * Workfront as the watch sees it: records with a last update date set by each change, searched
 * from a date (sorted by date, then ID), or newest first for the baseline.
 */
class Store {
	readonly records = new Map<string, IDataObject & { at: number }>();

	set(id: string, values: IDataObject, at: number): void {
		const before = this.records.get(id) ?? {};
		this.records.set(id, { ...before, ...values, ID: id, at });
	}

	remove(id: string): void {
		this.records.delete(id);
	}

	private shaped({ at, ...record }: IDataObject & { at: number }): IDataObject {
		return { ...record, lastUpdateDate: new Date(at).toISOString() };
	}

	newestFirst(limit: number): IDataObject[] {
		return [...this.records.values()]
			.sort((a, b) => b.at - a.at || (a.ID! < b.ID! ? 1 : -1))
			.slice(0, limit)
			.map((record) => this.shaped(record));
	}

	updatedSince(state: WatchState): IDataObject[] {
		return [...this.records.values()]
			.filter(({ at }) => at >= searchFrom(state))
			.sort((a, b) => a.at - b.at || (a.ID! < b.ID! ? -1 : 1))
			.map((record) => this.shaped(record));
	}
}

const changesOf = (emit: IDataObject[]) =>
	Object.fromEntries(emit.map(({ ID, changes }) => [String(ID), changes]));

describe('watching fields over polls', () => {
	let store: Store;
	let state: WatchState;
	let clock: number;

	function poll(caps?: WatchCaps) {
		clock += 1000;
		const result = compareWatched(store.updatedSince(state), state, clock, caps);
		state = result.state;
		return result.emit;
	}

	beforeEach(() => {
		store = new Store();
		clock = T0;
		store.set('a', { name: 'A', status: 'NEW', priority: 1 }, T0 - 5000);
		store.set('b', { name: 'B', status: 'NEW', priority: 2 }, T0 - 4000);
		store.set('gone', { name: 'Gone', status: 'NEW', priority: 2 }, T0 - 3000);
		state = baseline(store.newestFirst(MAX_WATCHED_RECORDS), FIELDS, clock);
	});

	test('the first poll remembers the current values and emits nothing', () => {
		expect(state.fields).toEqual(['priority', 'status']);
		expect(state.records.a.values).toEqual({ priority: 1, status: 'NEW' });
		expect(Object.keys(state.records).sort()).toEqual(['a', 'b', 'gone']);
	});

	test('a change, no change, another field, a new record, a record that disappears', () => {
		// 1. A watched field changes: emitted with its old and new value, the record as returned.
		store.set('a', { status: 'INP' }, clock + 100);
		const emit = poll();
		expect(changesOf(emit)).toEqual({ a: { status: { old: 'NEW', new: 'INP' } } });
		expect(emit[0]).toMatchObject({ ID: 'a', name: 'A', status: 'INP', priority: 1 });

		// 2. Nothing changed (the look back returns a again, unchanged): nothing.
		expect(poll()).toEqual([]);

		// 3. A field that is not watched changes: nothing.
		store.set('b', { name: 'B renamed' }, clock + 100);
		expect(poll()).toEqual([]);

		// 4. A new record: remembered, not emitted; its next change is.
		store.set('c', { name: 'C', status: 'NEW', priority: 3 }, clock + 100);
		expect(poll()).toEqual([]);
		store.set('c', { priority: 1 }, clock + 100);
		expect(changesOf(poll())).toEqual({ c: { priority: { old: 3, new: 1 } } });

		// 5. A record disappears (deleted, or no longer matching the filters): nothing.
		store.remove('gone');
		expect(poll()).toEqual([]);

		// Two watched fields of one record in one poll: one item with both.
		store.set('b', { status: 'CUR', priority: 5 }, clock + 100);
		expect(changesOf(poll())).toEqual({
			b: { priority: { old: 2, new: 5 }, status: { old: 'NEW', new: 'CUR' } },
		});
		// Two changes between polls: the values at the two polls are what is compared.
		store.set('a', { status: 'CPL' }, clock + 100);
		store.set('a', { status: 'INP' }, clock + 200);
		expect(poll()).toEqual([]);
	});

	test('a field absent from a record counts as null; a list compares by its items', () => {
		store.set('a', { status: null }, clock + 100);
		expect(changesOf(poll())).toEqual({ a: { status: { old: 'NEW', new: null } } });
		store.set('b', { priority: [1, 2] }, clock + 100);
		expect(changesOf(poll())).toEqual({ b: { priority: { old: 2, new: [1, 2] } } });
		store.set('b', { priority: [1, 2] }, clock + 100);
		expect(poll()).toEqual([]);
	});

	test('a record dated days ahead does not hide the later, real change of another', () => {
		store.set('a', { status: 'INP' }, clock + 3 * 86_400_000);
		expect(changesOf(poll())).toEqual({ a: { status: { old: 'NEW', new: 'INP' } } });
		expect(state.since).toBeLessThanOrEqual(clock);
		store.set('b', { status: 'CUR' }, clock + 10);
		expect(changesOf(poll())).toEqual({ b: { status: { old: 'NEW', new: 'CUR' } } });
		// ... and its own later change, dated now, is found as well.
		store.set('a', { status: 'CPL' }, clock + 10);
		expect(changesOf(poll())).toEqual({ a: { status: { old: 'INP', new: 'CPL' } } });
	});

	test('a record returned twice by one search (moved between pages) is compared once, newest copy', () => {
		store.set('a', { status: 'INP' }, clock + 100);
		const copy = store.updatedSince(state).find(({ ID }) => ID === 'a') as IDataObject;
		clock += 1000;
		const stale = { ...copy, status: 'NEW', lastUpdateDate: new Date(T0 - 5000).toISOString() };
		const result = compareWatched([stale, copy], state, clock);
		expect(changesOf(result.emit)).toEqual({ a: { status: { old: 'NEW', new: 'INP' } } });
	});
});

describe('the state kept in static data', () => {
	test('another set of watched fields, a missing or broken state: a new baseline', () => {
		const state = baseline(
			[{ ID: 'a', status: 'NEW', lastUpdateDate: '2026-05-18T17:00:00.000Z' }],
			['status'],
			T0,
		);
		expect(readWatchState(state, ['status'], T0)).toEqual(state);
		expect(readWatchState(state, [' status', 'status'], T0)).toEqual(state);
		expect(readWatchState(state, ['status', 'priority'], T0)).toBeUndefined();
		for (const broken of [
			undefined,
			null,
			'text',
			[],
			{ fields: ['status'] },
			{ ...state, since: 'x' },
		])
			expect(readWatchState(broken, ['status'], T0)).toBeUndefined();
	});

	test('entries that are not { at, values } are dropped; a since ahead of now is brought back', () => {
		const stored = {
			fields: ['status'],
			since: T0 + 86_400_000,
			records: { a: { at: 1, values: { status: 'NEW' } }, b: 'junk', c: { at: 'x', values: {} } },
		};
		expect(readWatchState(stored, ['status'], T0)).toEqual({
			fields: ['status'],
			since: T0,
			records: { a: { at: 1, values: { status: 'NEW' } } },
		});
	});

	test('the bounds: 5,000 records and 1,000,000 characters, the most recently updated kept', () => {
		expect([MAX_WATCHED_RECORDS, MAX_WATCH_STATE_CHARS]).toEqual([5_000, 1_000_000]);
		const records = Object.fromEntries(
			Array.from({ length: 6_000 }, (_, index) => [
				`id${index}`,
				{ at: T0 + index, values: { status: 'NEW' } },
			]),
		);
		const kept = bounded(records, { records: MAX_WATCHED_RECORDS, chars: MAX_WATCH_STATE_CHARS });
		expect(Object.keys(kept.records)).toHaveLength(5_000);
		expect(kept.forgotten).toBe(1_000);
		expect(kept.records.id5999).toBeDefined();
		expect(kept.records.id999).toBeUndefined();

		const long = Object.fromEntries(
			Array.from({ length: 100 }, (_, index) => [
				`id${index}`,
				{ at: T0 + index, values: { description: 'x'.repeat(20_000) } },
			]),
		);
		const byChars = bounded(long, { records: MAX_WATCHED_RECORDS, chars: MAX_WATCH_STATE_CHARS });
		expect(Object.keys(byChars.records).length).toBeLessThan(50);
		expect(JSON.stringify(byChars.records).length).toBeLessThanOrEqual(MAX_WATCH_STATE_CHARS);
		expect(byChars.records.id99).toBeDefined();
	});
});

/** One step of a generated history of a Workfront. */
type Step =
	| { kind: 'update'; record: number; field: 'status' | 'priority' | 'name'; value: number }
	| { kind: 'create' }
	| { kind: 'delete'; record: number }
	| { kind: 'poll' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('update' as const),
			record: fc.nat(20),
			field: fc.constantFrom('status' as const, 'priority' as const, 'name' as const),
			value: fc.nat(3),
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'create' as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), record: fc.nat(20) }) },
	{ weight: 3, arbitrary: fc.constant({ kind: 'poll' as const }) },
);

const history = fc.record({
	initial: fc.integer({ min: 0, max: 12 }),
	steps: fc.array(stepArbitrary, { minLength: 3, maxLength: 60 }),
});

/**
 * Runs a history: the node's poll against the model of what it must emit. The model keeps, for
 * every record the node has seen (at the baseline or in a poll), its watched values at the last
 * poll; a poll must emit exactly the records whose current values differ, with those as old and
 * the current ones as new. Answers the emissions checked and the largest state seen.
 */
function run(
	{ initial, steps }: { initial: number; steps: Step[] },
	caps: WatchCaps,
	exact: boolean,
): { emitted: number; polls: number } {
	const store = new Store();
	let clock = T0;
	let created = 0;
	const ids: string[] = [];
	const create = () => {
		clock += 1;
		const id = `r${String(created++).padStart(3, '0')}`;
		ids.push(id);
		store.set(id, { status: 0, priority: 0, name: 0 }, clock);
	};
	for (let index = 0; index < initial; index += 1) create();
	clock += 1;
	let state = baseline(store.newestFirst(MAX_WATCHED_RECORDS), FIELDS, clock);
	// What the model expects the node to know: watched values at the last poll, per record.
	const known = new Map<string, IDataObject>();
	const watched = (id: string): IDataObject | undefined => {
		const record = store.records.get(id);
		return record && { priority: record.priority, status: record.status };
	};
	for (const id of Object.keys(state.records)) known.set(id, watched(id)!);
	let emitted = 0;
	let polls = 0;
	for (const step of steps) {
		clock += 1 + (step.kind === 'poll' ? 5000 : 0);
		if (step.kind === 'create') create();
		else if (step.kind === 'delete') {
			if (ids.length > 0) store.remove(ids[step.record % ids.length]);
		} else if (step.kind === 'update') {
			if (ids.length === 0) continue;
			const id = ids[step.record % ids.length];
			if (store.records.has(id)) store.set(id, { [step.field]: step.value }, clock);
		} else {
			polls += 1;
			const result = compareWatched(store.updatedSince(state), state, clock, caps);
			state = result.state;
			const seen = new Map(
				result.emit.map((record) => [String(record.ID), record.changes as IDataObject]),
			);
			// Nothing is emitted twice in one poll.
			expect(seen.size).toBe(result.emit.length);
			for (const [id, changes] of seen) {
				// Every emission is a real change since the last poll, with the right old and new.
				const before = known.get(id);
				const now = watched(id);
				expect(before).toBeDefined();
				const expected = Object.fromEntries(
					FIELDS.filter((field) => before![field] !== now![field]).map((field) => [
						field,
						{ old: before![field], new: now![field] },
					]),
				);
				expect(changes).toEqual(expected);
				expect(Object.keys(changes).length).toBeGreaterThan(0);
			}
			if (exact) {
				// And every change of a watched field of a known record is emitted.
				for (const [id, before] of known) {
					const now = watched(id);
					if (now && FIELDS.some((field) => before[field] !== now[field]))
						expect([id, seen.has(id)]).toEqual([id, true]);
				}
			}
			emitted += seen.size;
			// The model learns what the node could have seen: every record updated since the last poll.
			for (const id of ids) {
				const now = watched(id);
				if (!now) known.delete(id);
				else if (known.has(id) || id in state.records) known.set(id, now);
			}
			// The state stays within its bounds.
			expect(Object.keys(state.records).length).toBeLessThanOrEqual(caps.records);
			expect(JSON.stringify(state.records).length).toBeLessThanOrEqual(caps.chars);
		}
	}
	return { emitted, polls };
}

describe('watching fields, over generated histories', () => {
	test('under the bound: every change of a watched field is emitted exactly once, with its old and new value, and nothing else', () => {
		let emitted = 0;
		let polls = 0;
		holdsFor(
			'watch fields: exactly once under the bound',
			history,
			(generated) => {
				const counts = run(
					generated,
					{ records: MAX_WATCHED_RECORDS, chars: MAX_WATCH_STATE_CHARS },
					true,
				);
				emitted += counts.emitted;
				polls += counts.polls;
			},
			{ runs: 300 },
		);
		process.stderr.write(
			`[property] watch fields under the bound: ${polls} polls, ${emitted} changes emitted\n`,
		);
		expect(emitted).toBeGreaterThan(100);
	});

	test('at a bound of 1 to 4 records or 200 to 600 characters: what is emitted is right, nothing twice, the state within the bound', () => {
		let emitted = 0;
		holdsFor(
			'watch fields: sound within small bounds',
			fc.record({
				generated: history,
				records: fc.integer({ min: 1, max: 4 }),
				chars: fc.integer({ min: 200, max: 600 }),
			}),
			({ generated, records, chars }) => {
				emitted += run(generated, { records, chars }, false).emitted;
			},
			{ runs: 300 },
		);
		expect(emitted).toBeGreaterThan(20);
	});
});
