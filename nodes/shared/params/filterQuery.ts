import type { QueryParams } from '../transport/connection';
import { findOperator } from '../core/filterOperators';
import { readParameter, type ParameterContext, failItem } from './parameters';

interface FilterRow {
	field?: string;
	operator?: string;
	value?: unknown;
	valueTo?: unknown;
	values?: unknown;
}

interface SortRow {
	field?: string;
	direction?: string;
}

type Fail = (message: string, description: string) => never;

/**
 * A row's Value as text: version 1 keeps it as text, version 2 as a resource locator (picked from
 * the field's values, or typed), whose value is the text.
 */
function valueText(raw: unknown): string {
	const value =
		raw && typeof raw === 'object' && !Array.isArray(raw)
			? (raw as { value?: unknown }).value
			: raw;
	return String(value ?? '');
}

function listValues(raw: unknown, label: string, fail: Fail): string[] {
	let list: unknown[];
	if (Array.isArray(raw)) list = raw;
	else {
		const text = String(raw ?? '').trim();
		if (text.startsWith('[')) {
			try {
				list = JSON.parse(text) as unknown[];
			} catch {
				return fail(
					`${label}: Values is not a valid JSON array`,
					'Enter comma-separated values, e.g. CUR, PLN, or a JSON array.',
				);
			}
		} else list = text.split(',');
	}
	const values = list.map((value) => String(value).trim()).filter((value) => value !== '');
	if (values.length === 0)
		fail(`${label}: Values is empty`, 'Enter at least one value, separated by commas.');
	return values;
}

/** The parameters of one filter row; `prefix` puts it in an OR group (`OR:2:`). */
function rowParams(row: FilterRow, index: number, prefix: string, fail: Fail): QueryParams {
	const field = String(row.field ?? '').trim();
	const label = `Filter ${index + 1}${field ? ` (${field})` : ''}`;
	if (field === '')
		fail(
			`${label}: Field is empty`,
			'Enter the field to filter on, e.g. status, or remove the filter.',
		);
	const operator = findOperator(row.operator ?? 'equals');
	if (!operator)
		return fail(
			`${label}: unknown operator "${String(row.operator)}"`,
			'Pick an operator from the list.',
		);
	const key = `${prefix}${field}`;
	const params: QueryParams = [];
	switch (operator.takes) {
		case 'nothing':
			params.push([key, '']);
			break;
		case 'list':
			for (const value of listValues(row.values, label, fail)) params.push([key, value]);
			break;
		case 'range': {
			const from = valueText(row.value).trim();
			const to = String(row.valueTo ?? '').trim();
			if (from === '' || to === '')
				fail(`${label}: Between needs a Value and a To Value`, 'Enter both ends of the range.');
			params.push([key, from], [`${key}_Range`, to]);
			break;
		}
		default:
			params.push([key, valueText(row.value)]);
	}
	params.push([`${key}_Mod`, operator.modifier]);
	return params;
}

/** A raw filter as a query string or a JSON object, turned into parameters. */
function parseRawFilter(raw: string, fail: Fail): QueryParams {
	const text = raw.trim();
	if (text === '') return [];
	if (text.startsWith('[')) {
		return fail(
			'Raw Filter is a JSON list',
			'Enter a JSON object such as {"status": "CUR"} or a query string such as status=CUR&priority_Mod=gte.',
		);
	}
	if (text.startsWith('{')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return fail(
				'Raw Filter is not valid JSON',
				'Enter a JSON object such as {"status": "CUR"} or a query string such as status=CUR&priority_Mod=gte.',
			);
		}
		return Object.entries(parsed as Record<string, unknown>).flatMap(([key, value]) =>
			(Array.isArray(value) ? value : [value]).map((item): [string, string] => {
				// Workfront's filters are text: a null or an object would go as "null" or
				// "[object Object]", matching something else than meant.
				if (item === null) {
					return fail(
						`Raw Filter: "${key}" is null`,
						`To match an empty field, write "${key}_Mod": "isnull" instead.`,
					);
				}
				if (typeof item === 'object') {
					return fail(
						`Raw Filter: "${key}" is an object`,
						'Each value must be text, a number, true/false, or a list of them, e.g. {"status": ["CUR", "PLN"]}.',
					);
				}
				return [key, String(item)];
			}),
		);
	}
	return [...new URLSearchParams(text.replace(/^\?/, ''))];
}

/**
 * The filter rows, combined by All or Any, plus the raw filter. With Any, the first row is the base
 * filter set and every further row its own `OR:<n>:` group: Workfront ORs the groups with the base.
 */
export function readFilterQuery(context: ParameterContext, itemIndex: number): QueryParams {
	const fail: Fail = (message, description) => failItem(context, itemIndex, message, description);
	const rows = (readParameter(context, 'filters.filter', itemIndex, []) as FilterRow[]) ?? [];
	const combination = readParameter(context, 'filterCombination', itemIndex, 'all') as string;
	const raw = parseRawFilter(
		String(readParameter(context, 'options.rawFilter', itemIndex, '') ?? ''),
		fail,
	);
	if (combination === 'any' && raw.length > 0 && rows.length > 1) {
		fail(
			'Raw Filter cannot be combined with Match: Any Filters',
			'Write the alternatives in the Raw Filter as Workfront OR groups (OR:1:field=value&OR:2:field=value), or set Match to All Filters.',
		);
	}
	const params: QueryParams = [...raw];
	const seen = new Map<string, number>();
	rows.forEach((row, index) => {
		const prefix = combination === 'any' && index > 0 ? `OR:${index}:` : '';
		if (prefix === '') {
			const field = String(row.field ?? '').trim();
			const earlier = seen.get(field);
			if (earlier !== undefined) {
				fail(
					`Filter ${index + 1} (${field}): the field is already filtered by filter ${earlier + 1}`,
					'Workfront takes one condition per field when all filters must match: use Between for a range, In List for several values, or the Raw Filter.',
				);
			}
			seen.set(field, index);
		}
		params.push(...rowParams(row, index, prefix, fail));
	});
	return moveLoginNamesToJson(params);
}

/** Field names Workfront reads as credentials when they are plain parameters (lower case). */
const LOGIN_NAMES = new Set(['username', 'password', 'apikey']);

/**
 * Workfront parses `username`, `password` and `apiKey` before authentication and then does not use
 * them as filters; Adobe's advice is to send them in the JSON `filters` parameter (Experience League,
 * API basics, "Using Filter Parameters"). Those conditions, with their `_Mod`/`_Range` and OR-group
 * forms, go there; repeated ones (In List) become a JSON list.
 */
export function moveLoginNamesToJson(params: QueryParams): QueryParams {
	const isLoginName = (key: string) =>
		LOGIN_NAMES.has(
			key
				.replace(/^OR:\d+:/, '')
				.replace(/_(Mod|Range)$/, '')
				.toLowerCase(),
		);
	const moved = params.filter(([key]) => isLoginName(key));
	if (moved.length === 0) return params;
	const json: Record<string, string | string[]> = {};
	for (const [key, value] of moved) {
		const known = json[key];
		json[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
	}
	return [...params.filter(([key]) => !isLoginName(key)), ['filters', JSON.stringify(json)]];
}

/**
 * The sort parameters, numbered in order, always ending with ID so that every record has one
 * place in the order: without it, Workfront's pages may repeat or skip records.
 */
export function readSortQuery(context: ParameterContext, itemIndex: number): QueryParams {
	const fail: Fail = (message, description) => failItem(context, itemIndex, message, description);
	const rows = (readParameter(context, 'options.sort.field', itemIndex, []) as SortRow[]) ?? [];
	const keys = rows.map((row, index) => {
		const field = String(row.field ?? '').trim();
		if (field === '')
			fail(
				`Sort ${index + 1}: Field is empty`,
				'Enter the field to sort by, e.g. plannedCompletionDate, or remove the row.',
			);
		return { field, direction: row.direction ?? 'asc' };
	});
	if (!keys.some(({ field }) => field === 'ID')) keys.push({ field: 'ID', direction: 'asc' });
	if (keys.length === 1) return [[`${keys[0].field}_Sort`, keys[0].direction]];
	return keys.map(({ field, direction }, index): [string, string] => [
		`${field}_${index + 1}_Sort`,
		direction,
	]);
}
