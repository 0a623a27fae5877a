/**
 * Workfront's date-times, and the form n8n reads.
 *
 * Workfront's REST answers write them as `2026-10-08T18:00:00:000-0600`: a colon before the
 * milliseconds and an offset without a colon (Adobe, Experience League "API basics", the
 * `plannedStartDate` example; the official client's fixtures, e.g. `get.json`:
 * `2017-03-08T17:00:00:000+0400`). Adobe calls this ISO 8601, but it is not: Luxon's
 * `DateTime.fromISO` (what n8n's `toDateTime()`, Date & Time and IF nodes use) and `Date.parse`
 * both refuse it. n8n writes ISO 8601 with an offset, `2026-10-08T18:00:00.000-06:00` (Luxon's
 * `toISO()`), and that is what version 2 of the nodes outputs.
 *
 * Event subscription payloads use a dot (`2017-10-06T13:36:28.722-0600`, Adobe's "Event
 * subscription message format"), which Luxon and Date already read; they are left as they are.
 */

/** The length of `YYYY-MM-DDTHH:mm:ss:SSS±hhmm`: a string of any other length is not one. */
const WORKFRONT_DATE_LENGTH = 28;

/** The shape, checked once the length and the colon before the milliseconds match. */
const WORKFRONT_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d:\d{3}[+-]\d{4}$/;

/** The characters of the ISO form being written (one array, reused: the module is synchronous). */
const ISO_CODES: number[] = new Array<number>(WORKFRONT_DATE_LENGTH + 1).fill(0);

/** The number of the two digits at `at` (the shape is checked first). */
const twoDigits = (text: string, at: number) =>
	(text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

function daysIn(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `2026-10-08T18:00:00:000-0600` as ISO 8601, `2026-10-08T18:00:00.000-06:00` (the same instant,
 * the same wall time and offset); undefined for anything else, a string that only looks like one
 * (month 13, 25 o'clock, 31 February) included. Constant time: the length and one character are
 * checked first (most strings stop there), then 28 characters at fixed places.
 */
export function workfrontDateToIso(value: string): string | undefined {
	if (value.length !== WORKFRONT_DATE_LENGTH || value.charCodeAt(19) !== 58) return undefined;
	if (!WORKFRONT_DATE.test(value)) return undefined;
	const month = twoDigits(value, 5);
	const day = twoDigits(value, 8);
	const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || twoDigits(value, 17) > 59)
		return undefined;
	// ISO 8601 offsets run to ±23:59; Workfront's are real time zones (-12:00 to +14:00).
	if (twoDigits(value, 24) > 23 || twoDigits(value, 26) > 59) return undefined;
	// Written out as one flat string: joining slices would leave a chain of string pieces per date,
	// which costs several times as much to keep (bench/dates.ts measures both against JSON.parse).
	for (let at = 0; at < 19; at += 1) ISO_CODES[at] = value.charCodeAt(at);
	ISO_CODES[19] = 46; // .
	for (let at = 20; at < 26; at += 1) ISO_CODES[at] = value.charCodeAt(at);
	ISO_CODES[26] = 58; // :
	ISO_CODES[27] = value.charCodeAt(26);
	ISO_CODES[28] = value.charCodeAt(27);
	return String.fromCharCode(...ISO_CODES);
}

/**
 * A date given to the node, read whichever way it comes: ISO 8601 (what n8n writes), or
 * Workfront's own form (an output of version 1 of these nodes, or of another Workfront tool).
 * Epoch milliseconds, NaN when it is not a date.
 */
export function parseDate(text: string): number {
	return Date.parse(workfrontDateToIso(text.trim()) ?? text);
}

/** ISO 8601 as people and n8n write it: a date, or a date-time with an optional offset. */
const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Whether text is an ISO 8601 date or date-time of a day that exists (`2026-02-31` is not one,
 * though JavaScript's Date.parse rolls it over to March), as Planning's date fields take them.
 */
export function isIsoDate(text: string): boolean {
	const found = ISO_DATE.exec(text.trim());
	if (!found) return false;
	const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
	const calendar = new Date(Date.UTC(year, month - 1, day));
	const time = [found[4], found[5], found[6]].map((part) => Number(part ?? 0));
	return (
		calendar.getUTCFullYear() === year &&
		calendar.getUTCMonth() === month - 1 &&
		calendar.getUTCDate() === day &&
		time[0] < 24 &&
		time[1] < 60 &&
		time[2] < 60
	);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every string value in `value` that is a Workfront date-time, rewritten as ISO 8601, in place;
 * keys and every other value stay as they are. Linear in the size of the JSON: each string is
 * looked at once, in constant time. Walks with its own stack, so depth costs no call stack.
 */
export function toIsoDates<T>(value: T): T {
	const pending: unknown[] = [value];
	while (pending.length > 0) {
		const current = pending.pop();
		if (current === null || typeof current !== 'object') continue;
		if (Array.isArray(current)) {
			for (let index = 0; index < current.length; index += 1) {
				const entry = current[index] as Json;
				if (typeof entry === 'string') {
					const iso = workfrontDateToIso(entry);
					if (iso !== undefined) current[index] = iso;
				} else if (entry !== null && typeof entry === 'object') pending.push(entry);
			}
			continue;
		}
		const record = current as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const entry = record[key];
			if (typeof entry === 'string') {
				const iso = workfrontDateToIso(entry);
				if (iso !== undefined) record[key] = iso;
			} else if (entry !== null && typeof entry === 'object') pending.push(entry);
		}
	}
	return value;
}

/**
 * The first version of the nodes whose output dates are ISO 8601 (issue 22): saved workflows keep
 * the version they were saved with, and with it Workfront's own form.
 */
export const ISO_DATES_FROM_VERSION = 2;

/** Whether a node of this type version outputs ISO 8601 dates. */
export const outputsIsoDates = (typeVersion: number): boolean =>
	typeVersion >= ISO_DATES_FROM_VERSION;
