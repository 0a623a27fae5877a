/** The customer's time zone offset in the simulator (no daylight saving, to stay predictable). */
const OFFSET_MINUTES = -6 * 60;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Workfront's REST format: `2014-08-28T11:00:00:000-0600` (a colon before the milliseconds). */
export function formatDateTime(iso: string): string {
	const local = new Date(Date.parse(iso) + OFFSET_MINUTES * 60_000);
	const sign = OFFSET_MINUTES <= 0 ? '-' : '+';
	const offset = Math.abs(OFFSET_MINUTES);
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}:${pad(local.getUTCMilliseconds(), 3)}` +
		`${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
	);
}

/** Event payloads use a dot before the milliseconds: `2017-10-06T13:48:07.776-0600`. */
export function formatEventDateTime(iso: string): string {
	return formatDateTime(iso).replace(/:(\d{3})([+-]\d{4})$/, '.$1$2');
}

/** Reads ISO-8601 and Workfront's own format back into epoch milliseconds. */
export function parseDateTime(value: string): number {
	const workfront = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}):(\d{3})([+-]\d{4})$/.exec(value);
	if (workfront)
		return Date.parse(
			`${workfront[1]}.${workfront[2]}${workfront[3].slice(0, 3)}:${workfront[3].slice(3)}`,
		);
	return Date.parse(value);
}

const UNIT_MS: Record<string, number> = {
	h: 3_600_000,
	d: 86_400_000,
	w: 7 * 86_400_000,
	m: 30 * 86_400_000,
	y: 365 * 86_400_000,
};

/** `$$TODAY`, `$$NOW` and offsets such as `$$TODAY-7d` or `$$NOW+2h`. */
export function resolveWildcard(value: string, now: number): string {
	const match = /^\$\$(TODAY|NOW)(?:([+-]\d+)([hdwmy]))?$/i.exec(value.trim());
	if (!match) return value;
	let time = now;
	if (match[1].toUpperCase() === 'TODAY') {
		const day = new Date(now);
		time = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
	}
	if (match[2]) time += Number(match[2]) * UNIT_MS[match[3].toLowerCase()];
	return new Date(time).toISOString();
}
