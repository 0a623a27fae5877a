import { formParams, type SimRequest } from '../http';
import { invalidParameter } from './store';

/** Parameter names Workfront reads as credentials (API basics); `cookie` is a header, not listed. */
export const AUTH_PARAMETERS = new Set(['username', 'password', 'apiKey']);

/**
 * All parameters of a request merged as Workfront merges them: query string first, then the form
 * body, then the JSON `filters` parameter. Repeated keys stay repeated (they mean `in`).
 */
export class RequestParams {
	readonly entries: Array<[string, string]> = [];

	/** A JSON request body (object or array), when one was sent. */
	jsonBody: unknown;

	/** The `updates` parameter, parsed. */
	updates: unknown;

	constructor(request: SimRequest) {
		// Workfront "parses certain parameters before checking for different authentication methods
		// (i.e., username, password, apiKey, cookie)" and then does not use them as filters; such
		// values belong in the JSON `filters` parameter (Experience League, API basics, "Using Filter
		// Parameters"). The simulator drops them from the query and form, and keeps them from `filters`.
		for (const entry of request.query) if (!AUTH_PARAMETERS.has(entry[0])) this.entries.push(entry);
		for (const entry of formParams(request))
			if (!AUTH_PARAMETERS.has(entry[0])) this.entries.push(entry);
		if (request.contentType.startsWith('application/json') && request.rawBody.length > 0) {
			this.jsonBody = parseJson(request.rawBody.toString('utf8'), 'the JSON body');
		}
		const updates = this.get('updates');
		if (updates !== undefined) this.updates = parseJson(updates, 'the updates parameter');
		const filters = this.get('filters');
		if (filters !== undefined) {
			const parsed = parseJson(filters, 'the filters parameter');
			for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
				for (const item of Array.isArray(value) ? value : [value])
					this.entries.push([key, String(item)]);
			}
		}
	}

	get(key: string): string | undefined {
		return this.entries.find(([name]) => name === key)?.[1];
	}

	getAll(key: string): string[] {
		return this.entries.filter(([name]) => name === key).map(([, value]) => value);
	}

	/** IDs given as `id=a,b` or repeated `id=a&id=b` (either case of the key). */
	ids(): string[] {
		return [...this.getAll('id'), ...this.getAll('ID')]
			.flatMap((value) => value.split(','))
			.map((id) => id.trim())
			.filter(Boolean);
	}

	flag(key: string): boolean {
		return (this.get(key) ?? '').toLowerCase() === 'true';
	}
}

function parseJson(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw invalidParameter(`Could not parse ${what} as JSON`);
	}
}
