import type { QueryParams } from './context';

/** Workfront's documented URI limit (Akamai); longer queries go in a POST body with `method=`. */
export const MAX_URI_BYTES = 8892;

export function encodeQuery(params: QueryParams): string {
	return params
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/** Turns a plain object into parameters: arrays repeat the key, objects become JSON. */
export function toQueryParams(values: Record<string, unknown>): QueryParams {
	const params: QueryParams = [];
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			params.push([
				key,
				item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item),
			]);
		}
	}
	return params;
}
