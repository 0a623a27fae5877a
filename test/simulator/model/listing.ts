import { parseDateTime } from './dates';
import type { RequestParams } from './params';
import { resolvePath } from './paths';
import type { ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

export const MAX_LIMIT = 2000;
export const DEFAULT_LIMIT = 100;

interface SortKey {
	field: string;
	direction: string;
	order: number;
}

function sortKeys(params: RequestParams): SortKey[] {
	const keys: SortKey[] = [];
	for (const [key, value] of params.entries) {
		const match = /^(.+?)(?:_(\d+))?_Sort$/.exec(key);
		if (!match || match[1].startsWith('OR:')) continue;
		const direction = value.toLowerCase();
		if (!['asc', 'desc', 'ciasc', 'cidesc'].includes(direction)) {
			throw invalidParameter(
				`Invalid sort direction ${value} for ${match[1]}: use asc, desc, ciasc or cidesc`,
			);
		}
		keys.push({ field: match[1], direction, order: match[2] ? Number(match[2]) : 0 });
	}
	return keys.sort((a, b) => a.order - b.order);
}

function sortValue(value: unknown, insensitive: boolean): number | string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return Number(value);
	const text = String(value);
	if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return parseDateTime(text);
	return insensitive ? text.toLowerCase() : text;
}

/** Orders records by the `_Sort` parameters; without any, in the order they were created. */
export function sortRecords(
	store: ObjectStore,
	spec: ObjectSpec,
	records: WfRecord[],
	params: RequestParams,
	version: string,
): WfRecord[] {
	const keys = sortKeys(params);
	if (keys.length === 0) return records;
	const decorated = records.map((record) => ({
		record,
		values: keys.map(({ field, direction }) =>
			sortValue(
				resolvePath(store, spec, [record], field, version).values[0],
				direction.startsWith('ci'),
			),
		),
	}));
	decorated.sort((a, b) => {
		for (let index = 0; index < keys.length; index += 1) {
			const left = a.values[index];
			const right = b.values[index];
			if (left === right) continue;
			const descending = keys[index].direction.endsWith('desc');
			if (left === null) return descending ? 1 : -1;
			if (right === null) return descending ? -1 : 1;
			const order = left < right ? -1 : 1;
			return descending ? -order : order;
		}
		return 0;
	});
	return decorated.map(({ record }) => record);
}

/** `$$FIRST` and `$$LIMIT`, with Workfront's maximum of 2000. */
export function page(records: WfRecord[], params: RequestParams): WfRecord[] {
	const first = Number(params.get('$$FIRST') ?? 0);
	const limit = Number(params.get('$$LIMIT') ?? DEFAULT_LIMIT);
	if (!Number.isInteger(first) || first < 0)
		throw invalidParameter(`Invalid $$FIRST ${params.get('$$FIRST')}`);
	if (!Number.isInteger(limit) || limit < 0)
		throw invalidParameter(`Invalid $$LIMIT ${params.get('$$LIMIT')}`);
	if (limit > MAX_LIMIT) {
		throw invalidParameter(
			`The requested limit ${limit} is greater than the maximum allowed limit of ${MAX_LIMIT}`,
		);
	}
	return records.slice(first, first + limit);
}
