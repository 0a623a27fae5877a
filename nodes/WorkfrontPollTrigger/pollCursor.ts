import type { IDataObject } from 'n8n-workflow';

/** How far back each poll looks again, for clock differences and changes committed late. */
export const LOOKBACK_MS = 60_000;

/**
 * The most changes the cursor remembers. It lives in the workflow's static data, which n8n saves
 * with the workflow after every poll that changes it: 10,000 keys of about 46 characters are under
 * 0.5 MB, and cover a bulk change of 10,000 records (five full pages) within one look back. A poll
 * that would remember more forgets the oldest first (see `remember`): a forgotten change may be
 * emitted again if a later poll still returns it unchanged, but no change is ever missed for it.
 */
export const MAX_REMEMBERED = 10_000;

export interface PollCursor {
	/**
	 * The newest change date seen so far (epoch milliseconds), never later than the poll that
	 * wrote it: a record dated in the future does not move it.
	 */
	since: number;
	/**
	 * `ID|date` of the changes already taken (emitted, or passed over as creations by Updated)
	 * that a later poll can still return: those dated within the look back, and those dated in
	 * the future. At most MAX_REMEMBERED.
	 */
	seen: string[];
}

/** Workfront's `2026-05-18T17:00:00:000-0600` (colon before the milliseconds) and plain ISO-8601. */
export function parseWorkfrontDate(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const workfront = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})[:.](\d{3})([+-]\d{2})(\d{2})$/.exec(
		value,
	);
	if (workfront)
		return Date.parse(`${workfront[1]}.${workfront[2]}${workfront[3]}:${workfront[4]}`);
	return Date.parse(value);
}

export type PollEvent = 'created' | 'updated' | 'createdOrUpdated';

export function dateFieldFor(event: PollEvent): 'entryDate' | 'lastUpdateDate' {
	return event === 'created' ? 'entryDate' : 'lastUpdateDate';
}

interface Remembered {
	id: string;
	date: number;
	key: string;
}

function keyOf(id: string, date: number): string {
	return `${id}|${date}`;
}

/** A stored key back into its parts; the date is after the last `|`, whatever the ID holds. */
function parseKey(key: unknown): Remembered | undefined {
	if (typeof key !== 'string') return undefined;
	const bar = key.lastIndexOf('|');
	const date = Number(key.slice(bar + 1));
	if (bar < 0 || !Number.isFinite(date)) return undefined;
	return { id: key.slice(0, bar), date, key };
}

/**
 * The cursor kept in static data, made safe to use at `now`, or undefined when there is none (the
 * first poll after activation). Static data outlives versions of this node and survives clock
 * changes, so nothing in it is trusted: a date ahead of `now` (written before this rule existed,
 * or the host's clock went back) is brought back to `now`, which can only make the next poll look
 * further back; a date that is not a number restarts from `now`, as an activation does; keys that
 * are not `ID|date` are dropped (the next `takeNew` keeps no more than MAX_REMEMBERED).
 */
export function readCursor(stored: unknown, now: number): PollCursor | undefined {
	if (!stored || typeof stored !== 'object') return undefined;
	const { since, seen } = stored as { since?: unknown; seen?: unknown };
	return {
		since: typeof since === 'number' && Number.isFinite(since) ? Math.min(since, now) : now,
		seen: Array.isArray(seen) ? seen.filter((key) => parseKey(key) !== undefined) : [],
	};
}

/**
 * What to remember for the next poll, and where it starts. A change needs remembering while a
 * later poll can return it again: while its date is within LOOKBACK_MS of `since`, or ahead of it.
 * When that is more than `cap`, `since` moves to `now` first (allowed: every change committed
 * after this poll is still looked for a full LOOKBACK_MS back from it, and the older changes that
 * this poll returned have all been emitted), so that the changes of the past fall out of the
 * window; if that is not enough (more than `cap` changes in the last minute or in the future), the
 * oldest are forgotten: they may be emitted once more, never missed.
 */
function remember(
	kept: Remembered[],
	since: number,
	now: number,
	cap: number,
): { since: number; seen: string[] } {
	const within = (from: number) => kept.filter(({ date }) => date >= from - LOOKBACK_MS);
	let keys = within(since);
	if (keys.length > cap) {
		since = now;
		keys = within(since);
	}
	if (keys.length > cap) {
		// Newest first; a stable sort keeps the order of equal dates.
		keys = [...keys].sort((a, b) => b.date - a.date).slice(0, cap);
	}
	return { since, seen: keys.map(({ key }) => key) };
}

/**
 * Picks the records not emitted yet from a poll's results (sorted by date, then ID), and moves
 * the cursor. A change is a record's ID with its date (Workfront gives no version number): the
 * same ID with another date is a new change.
 *
 * `now` is the poll's own time, read before the search. The cursor never moves beyond it: a
 * record dated later (a clock ahead, imported data, a hostile server) is emitted once and
 * remembered until its date falls out of the look back, but says nothing about how far Workfront
 * has got, so changes made later with earlier, real dates are still found.
 */
export function takeNew(
	records: IDataObject[],
	cursor: PollCursor,
	event: PollEvent,
	now: number,
	cap: number = MAX_REMEMBERED,
): { emit: IDataObject[]; cursor: PollCursor } {
	const dateField = dateFieldFor(event);
	const before = cursor.seen.map(parseKey).filter((key): key is Remembered => key !== undefined);
	const seen = new Set(before.map(({ key }) => key));
	let since = Math.min(cursor.since, now);
	const emit: IDataObject[] = [];
	const fresh: Remembered[] = [];
	// The dates each returned record has in this poll's results: usually one, two when an update
	// moved it between the pages of one search.
	const returned = new Map<string, Set<number>>();
	for (const record of records) {
		const date = parseWorkfrontDate(record[dateField]);
		// Workfront only returns records whose date matched the search's `gte`, so a record
		// without a readable date is not one of its answers to this search.
		if (Number.isNaN(date)) continue;
		const id = String(record.ID);
		const dates = returned.get(id) ?? new Set<number>();
		dates.add(date);
		returned.set(id, dates);
		const key = keyOf(id, date);
		if (seen.has(key)) continue;
		seen.add(key);
		fresh.push({ id, date, key });
		if (date <= now) since = Math.max(since, date);
		if (event === 'updated' && parseWorkfrontDate(record.entryDate) === date) continue;
		emit.push(record);
	}
	// A remembered change of a record that came back with another date is gone from Workfront:
	// forgetting it loses nothing and keeps the state to what can still be returned.
	const current = before.filter(({ id, date }) => returned.get(id)?.has(date) ?? true);
	return { emit, cursor: remember([...current, ...fresh], since, now, cap) };
}
