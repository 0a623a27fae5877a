import { parseDateTime, resolveWildcard } from './dates';
import type { RequestParams } from './params';
import { resolvePath } from './paths';
import type { FieldSpec, ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

interface Condition {
	field: string;
	values: string[];
	mod?: string;
	range?: string;
}

type Group = Map<string, Condition>;

const RESERVED = new Set([
	'fields',
	'method',
	'map',
	'updates',
	'filters',
	'action',
	'copySourceID',
	'options',
	'force',
	'atomic',
	// `id` is the list of a multi-get (`GET /<obj>?id=a,b`); `ID` is a field and filters a search.
	'id',
	'sessionID',
]);

function isReserved(key: string): boolean {
	return RESERVED.has(key) || key.startsWith('$$') || /_(\d+_)?(Sort|GroupBy|AggFunc)$/.test(key);
}

function conditionFor(group: Group, field: string): Condition {
	let condition = group.get(field);
	if (!condition) {
		condition = { field, values: [] };
		group.set(field, condition);
	}
	return condition;
}

/** Splits parameters into the base filter set and the `OR:<n>:` groups. */
export function parseFilterGroups(params: RequestParams): { base: Group; orGroups: Group[] } {
	const base: Group = new Map();
	const orGroups = new Map<number, Group>();
	for (const [rawKey, value] of params.entries) {
		if (isReserved(rawKey)) continue;
		let key = rawKey;
		let group = base;
		const or = /^OR:(\d+):(.+)$/.exec(rawKey);
		if (or) {
			const index = Number(or[1]);
			if (!orGroups.has(index)) orGroups.set(index, new Map());
			group = orGroups.get(index) as Group;
			key = or[2];
		}
		if (key.endsWith('_Mod')) conditionFor(group, key.slice(0, -4)).mod = value;
		else if (key.endsWith('_Range')) conditionFor(group, key.slice(0, -6)).range = value;
		else conditionFor(group, key).values.push(value);
	}
	return {
		base,
		orGroups: [...orGroups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group),
	};
}

type Kind = 'number' | 'date' | 'boolean' | 'text';

function kindOf(field?: FieldSpec): Kind {
	switch (field?.type) {
		case 'int':
		case 'double':
		case 'currency':
			return 'number';
		case 'date':
		case 'dateTime':
			return 'date';
		case 'boolean':
			return 'boolean';
		default:
			return 'text';
	}
}

function comparable(
	value: unknown,
	kind: Kind,
	insensitive: boolean,
): number | string | boolean | null {
	if (value === null || value === undefined || value === '') return null;
	if (kind === 'number') return Number(value);
	if (kind === 'date') return parseDateTime(String(value));
	if (kind === 'boolean') return String(value).toLowerCase() === 'true';
	return insensitive ? String(value).toLowerCase() : String(value);
}

function likeToRegExp(pattern: string, insensitive: boolean): RegExp {
	const escaped = pattern
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/%/g, '.*')
		.replace(/_/g, '.');
	return new RegExp(`^${escaped}$`, insensitive ? 'is' : 's');
}

const MODIFIERS = new Set([
	'eq',
	'ne',
	'nee',
	'cieq',
	'cine',
	'lt',
	'lte',
	'gt',
	'gte',
	'contains',
	'cicontains',
	'notcontains',
	'cinotcontains',
	'like',
	'cilike',
	'startswith',
	'between',
	'cibetween',
	'notbetween',
	'cinotbetween',
	'in',
	'ciin',
	'notin',
	'cinotin',
	'isnull',
	'notnull',
	'isblank',
	'notblank',
]);

/** A date-only value compared with a date-time field matches the whole day, as in Workfront. */
function dayBounds(value: string): [number, number] | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
	const start = Date.parse(`${value}T00:00:00Z`);
	return [start, start + 86_400_000 - 1];
}

function equalsValue(
	left: unknown,
	right: unknown,
	kind: Kind,
	wanted: string | undefined,
): boolean {
	const bounds = kind === 'date' && wanted ? dayBounds(wanted) : undefined;
	if (bounds) return (left as number) >= bounds[0] && (left as number) <= bounds[1];
	return left === right;
}

function matchOne(
	actual: unknown,
	condition: Condition,
	field: FieldSpec | undefined,
	now: number,
): boolean {
	const kind = kindOf(field);
	const mod = (
		condition.mod ??
		(condition.range !== undefined ? 'between' : condition.values.length > 1 ? 'in' : 'eq')
	).toLowerCase();
	const insensitive = mod.startsWith('ci');
	const wanted = condition.values.map((value) => resolveWildcard(value, now));
	const left = comparable(actual, kind, insensitive);
	const right = comparable(wanted[0], kind, insensitive);
	switch (mod) {
		case 'isnull':
		case 'isblank':
			return left === null;
		case 'notnull':
		case 'notblank':
			return left !== null;
		case 'eq':
		case 'cieq':
			return left !== null && equalsValue(left, right, kind, wanted[0]);
		case 'ne':
		case 'cine':
			return left === null || !equalsValue(left, right, kind, wanted[0]);
		case 'nee':
			return left !== null && !equalsValue(left, right, kind, wanted[0]);
		case 'lt':
			return left !== null && right !== null && left < right;
		case 'lte':
			return left !== null && right !== null && left <= right;
		case 'gt':
			return left !== null && right !== null && left > right;
		case 'gte':
			return left !== null && right !== null && left >= right;
		case 'contains':
		case 'cicontains':
			return left !== null && String(left).includes(String(right ?? ''));
		case 'notcontains':
		case 'cinotcontains':
			return left === null || !String(left).includes(String(right ?? ''));
		case 'startswith':
			return left !== null && String(left).startsWith(String(right ?? ''));
		case 'like':
		case 'cilike':
			return (
				left !== null && likeToRegExp(String(wanted[0] ?? ''), insensitive).test(String(actual))
			);
		case 'between':
		case 'cibetween':
		case 'notbetween':
		case 'cinotbetween': {
			const upper = comparable(resolveWildcard(condition.range ?? '', now), kind, insensitive);
			const inside =
				left !== null && right !== null && upper !== null && left >= right && left <= upper;
			return mod.includes('not') ? !inside : inside;
		}
		case 'in':
		case 'ciin':
		case 'notin':
		case 'cinotin': {
			const set = wanted
				.flatMap((value) => (field?.type === 'id' ? value.split(',') : [value]))
				.map((value) => comparable(value, kind, insensitive));
			const inside = left !== null && set.includes(left);
			return mod.includes('not') ? !inside : inside;
		}
		default:
			return false;
	}
}

function matchGroup(
	store: ObjectStore,
	spec: ObjectSpec,
	record: WfRecord,
	group: Group,
	version: string,
): boolean {
	for (const condition of group.values()) {
		const mod = condition.mod?.toLowerCase();
		if (mod && !MODIFIERS.has(mod))
			throw invalidParameter(`Unknown modifier ${condition.mod} for field ${condition.field}`);
		const { values, field } = resolvePath(store, spec, [record], condition.field, version);
		const candidates = values.length === 0 ? [null] : values;
		const negative = mod !== undefined && /^(ci)?(ne|nee|not.*)$/.test(mod);
		const test = (value: unknown) => matchOne(value, condition, field, store.nowMs());
		if (negative ? !candidates.every(test) : !candidates.some(test)) return false;
	}
	return true;
}

/** The records that match the request's filters: the base set OR any OR group. */
export function filterRecords(
	store: ObjectStore,
	spec: ObjectSpec,
	params: RequestParams,
	version: string,
): WfRecord[] {
	const { base, orGroups } = parseFilterGroups(params);
	const records = store.all(spec.objCode);
	if (base.size === 0 && orGroups.length === 0) return records;
	return records.filter(
		(record) =>
			(base.size > 0 && matchGroup(store, spec, record, base, version)) ||
			orGroups.some((group) => matchGroup(store, spec, record, group, version)),
	);
}
