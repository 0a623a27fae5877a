import type { IDataObject } from 'n8n-workflow';

import { LOOKBACK_MS, parseWorkfrontDate } from './pollCursor';

/**
 * Watching fields ("Field Changed"): a poll compares the watched fields of the records changed
 * since the last poll with the values it remembers, and emits each record whose watched fields
 * differ, with the old and the new value. Workfront keeps no earlier value a poll could ask for
 * (its journal records only the fields an administrator tracks in the update feed), so the old
 * value is the one this trigger saw last: the state below.
 *
 * The state lives in the workflow's static data, which n8n saves with the workflow after every
 * poll that changed it, on the main instance, whichever worker runs the executions: so it survives
 * restarts and queue mode, as the poll cursor does. It is bounded twice:
 *
 * - MAX_WATCHED_RECORDS, 5,000 records: the first poll reads them in three requests of 2,000, and
 *   a few short fields each (a status, an owner ID, a custom dropdown) stay far under the next bound.
 * - MAX_WATCH_STATE_CHARS, 1,000,000 characters of JSON (about 1 MB), for long watched values (a
 *   description): the workflow is saved with its static data after each poll that changed it, so
 *   the state is kept to twice the poll cursor's own bound.
 *
 * Beyond either bound the records changed longest ago are forgotten first (a record changed
 * recently is the likeliest to change again). A forgotten record, or one never remembered (more
 * records than the bound when watching began), is remembered again when it next changes, and that
 * change cannot be emitted: its old value is unknown. Every change after it is. Records created
 * after watching began are remembered as they come, without being emitted (their fields did not
 * change; use the Created event for new records).
 */
export const MAX_WATCHED_RECORDS = 5_000;
export const MAX_WATCH_STATE_CHARS = 1_000_000;

export interface WatchCaps {
	records: number;
	chars: number;
}

export const WATCH_CAPS: WatchCaps = {
	records: MAX_WATCHED_RECORDS,
	chars: MAX_WATCH_STATE_CHARS,
};

export interface Remembered {
	/** The record's last update date when it was seen (epoch milliseconds). */
	at: number;
	/** The watched fields' values, as Workfront returned them (a missing field as null). */
	values: IDataObject;
}

export interface WatchState {
	/** The watched fields, sorted: another set starts again from a new baseline. */
	fields: string[];
	/**
	 * The newest update date seen (epoch milliseconds), never later than the poll that wrote it;
	 * each poll reads the records updated from LOOKBACK_MS before it.
	 */
	since: number;
	records: Record<string, Remembered>;
}

/** One change of one field, as the output shows it. */
export interface FieldChange {
	old: unknown;
	new: unknown;
}

const valueOf = (record: IDataObject, field: string) => record[field] ?? null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The characters an entry takes in static data, at least: `"<id>":{"at":<at>,"values":<values>},`
 * is its ID, its date and its values as JSON, and 21 characters of quotes, keys and punctuation.
 */
function charsOf(id: string, entry: Remembered): number {
	return id.length + String(entry.at).length + JSON.stringify(entry.values).length + 24;
}

/**
 * The state kept within the caps: the records updated most recently first, as many as fit both
 * bounds. Answers the state and how many records were forgotten.
 */
export function bounded(
	records: Record<string, Remembered>,
	caps: WatchCaps,
): { records: Record<string, Remembered>; forgotten: number } {
	const entries = Object.entries(records).sort(
		([idA, a], [idB, b]) => b.at - a.at || (idA < idB ? -1 : idA > idB ? 1 : 0),
	);
	const kept: Record<string, Remembered> = {};
	let chars = 0;
	let count = 0;
	for (const [id, entry] of entries) {
		const size = charsOf(id, entry);
		if (count >= caps.records || chars + size > caps.chars) continue;
		kept[id] = entry;
		chars += size;
		count += 1;
	}
	return { records: kept, forgotten: entries.length - count };
}

/** The fields as kept in the state: trimmed, without repeats, sorted. */
export function watchKey(fields: string[]): string[] {
	return [...new Set(fields.map((field) => field.trim()).filter(Boolean))].sort();
}

/**
 * The state kept in static data, made safe to use at `now`, or undefined when a new baseline is
 * needed: there is none (the first poll after activation), it watched other fields, or it is not a
 * state at all. Static data outlives versions of this node, so nothing in it is trusted: entries
 * that are not `{ at, values }` are dropped (their next change is not emitted), and a `since`
 * ahead of `now` (the host's clock went back) is brought back to it.
 */
export function readWatchState(
	stored: unknown,
	fields: string[],
	now: number,
): WatchState | undefined {
	if (!isObject(stored)) return undefined;
	const wanted = watchKey(fields);
	if (!Array.isArray(stored.fields) || JSON.stringify(stored.fields) !== JSON.stringify(wanted))
		return undefined;
	if (typeof stored.since !== 'number' || !Number.isFinite(stored.since)) return undefined;
	const records: Record<string, Remembered> = {};
	if (isObject(stored.records))
		for (const [id, entry] of Object.entries(stored.records))
			if (isObject(entry) && typeof entry.at === 'number' && isObject(entry.values))
				records[id] = { at: entry.at, values: entry.values };
	return { fields: wanted, since: Math.min(stored.since, now), records };
}

function remember(record: IDataObject, fields: string[]): Remembered | undefined {
	const at = parseWorkfrontDate(record.lastUpdateDate);
	if (Number.isNaN(at) || record.ID === undefined || record.ID === null) return undefined;
	return { at, values: Object.fromEntries(fields.map((field) => [field, valueOf(record, field)])) };
}

/**
 * The first poll's state: the watched values of `records` (the most recently updated first, as
 * the baseline search sorts them), within the caps. Nothing is emitted.
 */
export function baseline(
	records: IDataObject[],
	fields: string[],
	now: number,
	caps: WatchCaps = WATCH_CAPS,
): WatchState {
	const key = watchKey(fields);
	const remembered: Record<string, Remembered> = {};
	for (const record of records) {
		const entry = remember(record, key);
		if (entry && !(String(record.ID) in remembered)) remembered[String(record.ID)] = entry;
	}
	return { fields: key, since: now, records: bounded(remembered, caps).records };
}

/** Where the next poll's search starts. */
export function searchFrom(state: WatchState): number {
	return state.since - LOOKBACK_MS;
}

/**
 * Compares the records a poll returned (updated since `searchFrom`, sorted by date then ID) with
 * the remembered values. A remembered record whose watched fields differ is emitted once, as the
 * record with `changes`: `{ <field>: { old, new } }` for each watched field that differs; its new
 * values are remembered, so the same record returned by the next poll's look back, unchanged, is
 * not emitted again. A record not remembered is remembered, not emitted. `since` moves to the
 * newest date returned that is not ahead of `now`, as the poll cursor's does.
 */
export function compareWatched(
	records: IDataObject[],
	state: WatchState,
	now: number,
	caps: WatchCaps = WATCH_CAPS,
): { emit: IDataObject[]; state: WatchState; forgotten: number } {
	const remembered: Record<string, Remembered> = { ...state.records };
	const emit: IDataObject[] = [];
	let since = Math.min(state.since, now);
	// One copy per record: the last one returned, which is the newest (an update can move a record
	// between the pages of one search, and the search sorts by date).
	const latest = new Map<string, { record: IDataObject; entry: Remembered }>();
	for (const record of records) {
		const entry = remember(record, state.fields);
		if (!entry) continue;
		if (entry.at <= now) since = Math.max(since, entry.at);
		const id = String(record.ID);
		latest.delete(id);
		latest.set(id, { record, entry });
	}
	for (const [id, { record, entry }] of latest) {
		const before = remembered[id];
		if (before) {
			const changes: Record<string, FieldChange> = {};
			for (const field of state.fields)
				if (!same(before.values[field], entry.values[field]))
					changes[field] = { old: before.values[field] ?? null, new: entry.values[field] };
			if (Object.keys(changes).length > 0)
				emit.push({ ...record, changes: changes as IDataObject });
		}
		remembered[id] = entry;
	}
	const kept = bounded(remembered, caps);
	return {
		emit,
		state: { fields: state.fields, since, records: kept.records },
		forgotten: kept.forgotten,
	};
}
