import type { IDataObject } from 'n8n-workflow';

/** How far back each poll looks again, for clock differences and changes committed late. */
export const LOOKBACK_MS = 60_000;

export interface PollCursor {
	/** The newest change date seen so far (epoch milliseconds). */
	since: number;
	/** `ID|date` of the changes within the lookback window already emitted. */
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

/**
 * Picks the records not emitted yet from a poll's results (sorted by date, then ID), and moves
 * the cursor. A record counts once per change: the same ID with a newer date is a new update.
 */
export function takeNew(
	records: IDataObject[],
	cursor: PollCursor,
	event: PollEvent,
): { emit: IDataObject[]; cursor: PollCursor } {
	const dateField = dateFieldFor(event);
	const seen = new Set(cursor.seen);
	let since = cursor.since;
	const emit: IDataObject[] = [];
	const keys: Array<{ key: string; date: number }> = cursor.seen.map((key) => ({
		key,
		date: Number(key.split('|')[1]),
	}));
	for (const record of records) {
		const date = parseWorkfrontDate(record[dateField]);
		if (Number.isNaN(date)) continue;
		const key = `${String(record.ID)}|${date}`;
		if (seen.has(key)) continue;
		seen.add(key);
		keys.push({ key, date });
		since = Math.max(since, date);
		if (event === 'updated' && parseWorkfrontDate(record.entryDate) === date) continue;
		emit.push(record);
	}
	return {
		emit,
		cursor: {
			since,
			seen: keys.filter(({ date }) => date >= since - LOOKBACK_MS).map(({ key }) => key),
		},
	};
}
