/**
 * Records as the simulator's Planning reads, writes, filters and sorts them. Sources: SPEC (Adobe's
 * OpenAPI file, AdobeDocs/Workfront-Planning-API static/v2.json), BASICS (*Planning API basics*,
 * AdobeDocs/workfront.en help/quicksilver/planning/general/planning-api-basics.md). Where Adobe is
 * silent the comment says so, and the simulator takes the strict reading, so that the node is
 * tested against the narrowest server Adobe's words allow.
 */
import type { Field, PlanningRecord, PlanningStore } from './store';

/** A refusal, answered as SPEC's `V2ProblemDetail`. */
export class PlanningFault extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		readonly title: string,
		detail: string,
		readonly errors: Array<{ field?: string; message: string; code?: string }> = [],
	) {
		super(detail);
	}
}

export const validation = (detail: string, field?: string) =>
	new PlanningFault(400, 'VALIDATION_FAILED', 'Bad Request', detail, [
		{ field, message: detail, code: 'Invalid' },
	]);

/**
 * Fields Planning computes. SPEC's type enum lists FORMULA; lookups are fields with
 * `lookupOptions`. Adobe is silent on what a write to one does; the simulator refuses it (400), so
 * that the node's promise never to send one is tested.
 */
export function computed(field: Field): boolean {
	return field.type === 'FORMULA' || field.lookupOptions !== undefined;
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const personId = (value: unknown): string | undefined =>
	typeof value === 'string'
		? value
		: value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
			? (value as { id: string }).id
			: undefined;

/**
 * One value checked against its field's type. Adobe documents no value shape per type (SPEC
 * `RecordBaseDto.data`: "key-value pairs where keys are field IDs"); the simulator takes the shapes
 * Adobe's filters use: text for text, JSON numbers for numbers, true/false for checkboxes, a date
 * (`2026-03-15`, SPEC's example, or an ISO instant), an option's `name` for a single select, a list
 * of names for a multi-select, a list of record IDs for a reference, a user ID or SPEC's typed
 * `{id, idType}` for people (a list when the field allows several).
 */
export function checkValue(field: Field, value: unknown): unknown {
	const where = `data.${field.id}`;
	if (value === null) return null;
	const names = new Set((field.options ?? []).map((option) => option.name));
	switch (field.type) {
		case 'TEXT':
		case 'PARAGRAPH':
			if (typeof value !== 'string') throw validation(`${field.displayName} takes text`, where);
			return value;
		case 'NUMBER':
		case 'PERCENTAGE':
		case 'CURRENCY':
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw validation(`${field.displayName} takes a number`, where);
			return value;
		case 'CHECKBOX':
			if (typeof value !== 'boolean')
				throw validation(`${field.displayName} takes true or false`, where);
			return value;
		case 'DATE':
			if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
				throw validation(`${field.displayName} takes a date`, where);
			return value;
		case 'SINGLE_SELECT':
			if (typeof value !== 'string' || !names.has(value))
				throw validation(
					`${field.displayName}: ${JSON.stringify(value)} is not one of its options`,
					where,
				);
			return value;
		case 'MULTI_SELECT':
			if (!isList(value) || !value.every((entry) => typeof entry === 'string' && names.has(entry)))
				throw validation(`${field.displayName} takes a list of its options`, where);
			return value;
		case 'REFERENCE':
			if (!isList(value) || !value.every((entry) => typeof entry === 'string'))
				throw validation(`${field.displayName} takes a list of record IDs`, where);
			// SPEC "Limits and Quotas": at most 500 connections per reference field.
			if (value.length > 500)
				throw new PlanningFault(
					403,
					'RECORD_CONNECTION_LIMIT_EXCEEDED',
					'Forbidden',
					`${field.displayName} holds at most 500 connections`,
				);
			return value;
		case 'USER': {
			const people = isList(value) ? value : [value];
			if (!field.userOptions?.multipleUsersAllowed && isList(value))
				throw validation(`${field.displayName} takes one person`, where);
			for (const person of people) {
				const typed =
					person && typeof person === 'object' ? (person as { idType?: unknown }) : undefined;
				if (
					personId(person) === undefined ||
					(typed && !['WF', 'IMS'].includes(String(typed.idType)))
				)
					throw validation(
						`${field.displayName} takes user IDs or {"id", "idType": "WF"|"IMS"}`,
						where,
					);
			}
			return value;
		}
		default:
			return value;
	}
}

/**
 * A record's `data` as written: keys must be the record type's field IDs (SPEC: "keys are field
 * IDs"); computed fields are refused. `patch`: PATCH's merge semantics (patchRecord: "Setting a
 * field value to JSON null … explicitly clears that field; omitting the key leaves the field
 * untouched", and list fields take `[{"op": "add"|"remove", "value": [...]}]`).
 */
export function writeData(
	store: PlanningStore,
	recordTypeId: string,
	incoming: unknown,
	before: Record<string, unknown> = {},
): Record<string, unknown> {
	if (incoming === undefined) return { ...before };
	if (!incoming || typeof incoming !== 'object' || Array.isArray(incoming))
		throw validation('data must be an object of field IDs and values', 'data');
	const fields = new Map(store.fieldsOf(recordTypeId).map((field) => [field.id, field]));
	const data = { ...before };
	for (const [key, raw] of Object.entries(incoming as Record<string, unknown>)) {
		const field = fields.get(key);
		if (!field) throw validation(`No field with ID ${key} in this record type`, `data.${key}`);
		if (computed(field))
			throw validation(
				`${field.displayName} is computed by Planning and cannot be written`,
				`data.${key}`,
			);
		let value = raw;
		const operations =
			isList(raw) &&
			raw.length > 0 &&
			raw.every((entry) => entry && typeof entry === 'object' && 'op' in (entry as object));
		if (operations) {
			if (!['MULTI_SELECT', 'REFERENCE', 'USER'].includes(field.type))
				throw validation(`${field.displayName} is not a list field`, `data.${key}`);
			let list = isList(data[key]) ? [...(data[key] as unknown[])] : [];
			for (const { op, value: values } of raw as Array<{ op: string; value: unknown }>) {
				if (!isList(values) || !['add', 'remove'].includes(op))
					throw validation(
						'A list operation is {"op": "add"|"remove", "value": [...]}',
						`data.${key}`,
					);
				const ids = (values as unknown[]).map((entry) => personId(entry) ?? entry);
				list =
					op === 'add'
						? [
								...list,
								...values.filter(
									(entry) =>
										!list.some(
											(existing) => (personId(existing) ?? existing) === (personId(entry) ?? entry),
										),
								),
							]
						: list.filter((existing) => !ids.includes(personId(existing) ?? existing));
			}
			value = list;
		}
		if (value === null) {
			delete data[key];
			continue;
		}
		data[key] = checkValue(field, value);
	}
	return data;
}

/** The record's data with formula values worked out (the simulator's formulas are functions of its data). */
export function computedData(
	store: PlanningStore,
	record: PlanningRecord,
): Record<string, unknown> {
	const data = { ...record.data };
	for (const field of store.fieldsOf(record.recordTypeId))
		if (field.compute) data[field.id] = field.compute(record.data);
	return data;
}

/** SPEC `RecordDto`, its `data` keyed by field ID, or by alias with `aliased=true`; only `fieldIds` with a projection. */
export function recordDto(
	store: PlanningStore,
	record: PlanningRecord,
	options: { aliased?: boolean; fieldIds?: Set<string> } = {},
): Record<string, unknown> {
	const fields = new Map(store.fieldsOf(record.recordTypeId).map((field) => [field.id, field]));
	const data: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(computedData(store, record))) {
		const field = fields.get(key);
		if (
			options.fieldIds &&
			!options.fieldIds.has(key) &&
			!(field && options.fieldIds.has(field.alias))
		)
			continue;
		data[options.aliased && field ? field.alias : key] = value;
	}
	const { recordTypeId, ...rest } = record;
	const recordType = store.recordTypes.get(recordTypeId);
	return {
		...rest,
		recordTypeId,
		...(options.aliased && recordType ? { recordTypeAlias: recordType.alias } : {}),
		data,
	};
}

// ---- Filters (SPEC FilterGroupDto / FilterConditionDto; meanings from BASICS' modifier table).

/** BASICS "Supported filter conditions by field type": a condition outside its type's row is a 400 ("invalid filter"). */
const CONDITIONS_BY_TYPE: Record<string, string[]> = {
	TEXT: ['CONTAINS', 'DOES_NOT_CONTAIN', 'IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	PARAGRAPH: ['CONTAINS', 'DOES_NOT_CONTAIN', 'IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	FORMULA: ['CONTAINS', 'DOES_NOT_CONTAIN', 'IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	NUMBER: [
		'IS',
		'IS_NOT',
		'GREATER_THAN',
		'GREATER_THAN_OR_EQUAL',
		'LESS_THAN',
		'LESS_THAN_OR_EQUAL',
		'IS_EMPTY',
		'IS_NOT_EMPTY',
	],
	DATE: [
		'IS',
		'IS_NOT',
		'IS_AFTER',
		'IS_BEFORE',
		'IS_BETWEEN',
		'IS_NOT_BETWEEN',
		'IS_EMPTY',
		'IS_NOT_EMPTY',
	],
	SINGLE_SELECT: ['IS', 'IS_NOT', 'IS_ANY_OF', 'IS_NONE_OF', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	MULTI_SELECT: [
		'HAS_ANY_OF',
		'HAS_ALL_OF',
		'IS_EXACTLY',
		'HAS_NONE_OF',
		'IS_EMPTY',
		'IS_NOT_EMPTY',
	],
	USER: ['HAS_ANY_OF', 'HAS_ALL_OF', 'IS_EXACTLY', 'HAS_NONE_OF', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	REFERENCE: ['HAS_ANY_OF', 'HAS_ALL_OF', 'IS_EXACTLY', 'HAS_NONE_OF', 'IS_EMPTY', 'IS_NOT_EMPTY'],
	CHECKBOX: ['IS'],
};
CONDITIONS_BY_TYPE.PERCENTAGE = CONDITIONS_BY_TYPE.NUMBER;
CONDITIONS_BY_TYPE.CURRENCY = CONDITIONS_BY_TYPE.NUMBER;

const invalidFilter = (detail: string) =>
	new PlanningFault(400, 'VALIDATION_FAILED', 'Bad Request', `Invalid filter: ${detail}`);

const lower = (value: unknown) => String(personId(value) ?? value ?? '').toLowerCase();
const empty = (value: unknown) =>
	value === undefined || value === null || value === '' || (isList(value) && value.length === 0);
const asNumber = (value: unknown) => (typeof value === 'number' ? value : Number(value));
const asTime = (value: unknown) => Date.parse(String(value));

/** Whether a record passes one condition. BASICS' examples compare text without regard to case ("$is": "new product launch" finds "New Product Launch"). */
function passes(
	field: Field,
	value: unknown,
	condition: string,
	wanted: unknown,
	external: boolean,
): boolean {
	const list = isList(value) ? value : empty(value) ? [] : [value];
	const wantedList = isList(wanted) ? wanted : [wanted];
	const has = (entry: unknown) => list.some((item) => lower(item) === lower(entry));
	const number = ['NUMBER', 'PERCENTAGE', 'CURRENCY'].includes(field.type);
	const compare = (a: unknown, b: unknown) =>
		field.type === 'DATE' ? asTime(a) - asTime(b) : asNumber(a) - asNumber(b);
	void external;
	switch (condition) {
		case 'IS':
			if (field.type === 'CHECKBOX')
				return (value === true) === (wanted === true || wanted === 'true');
			if (number) return !empty(value) && asNumber(value) === asNumber(wanted);
			if (field.type === 'DATE')
				return !empty(value) && String(value).slice(0, 10) === String(wanted).slice(0, 10);
			return !empty(value) && lower(value) === lower(wanted);
		case 'IS_NOT':
			return !passes(field, value, 'IS', wanted, external);
		case 'CONTAINS':
			return !empty(value) && lower(value).includes(lower(wanted));
		case 'DOES_NOT_CONTAIN':
			return !passes(field, value, 'CONTAINS', wanted, external);
		case 'GREATER_THAN':
			return !empty(value) && compare(value, wanted) > 0;
		case 'GREATER_THAN_OR_EQUAL':
			return !empty(value) && compare(value, wanted) >= 0;
		case 'LESS_THAN':
			return !empty(value) && compare(value, wanted) < 0;
		case 'LESS_THAN_OR_EQUAL':
			return !empty(value) && compare(value, wanted) <= 0;
		case 'IS_AFTER':
			return !empty(value) && asTime(value) > asTime(wanted);
		case 'IS_BEFORE':
			return !empty(value) && asTime(value) < asTime(wanted);
		case 'IS_BETWEEN':
			return (
				!empty(value) && compare(value, wantedList[0]) >= 0 && compare(value, wantedList[1]) <= 0
			);
		case 'IS_NOT_BETWEEN':
			return !passes(field, value, 'IS_BETWEEN', wanted, external);
		case 'IS_ANY_OF':
			return !empty(value) && wantedList.some((entry) => lower(entry) === lower(value));
		case 'IS_NONE_OF':
			return !passes(field, value, 'IS_ANY_OF', wanted, external);
		case 'HAS_ANY_OF':
			return wantedList.some(has);
		case 'HAS_ALL_OF':
			return wantedList.every(has);
		case 'HAS_NONE_OF':
			return !wantedList.some(has);
		case 'IS_EXACTLY':
			return list.length === wantedList.length && wantedList.every(has);
		case 'IS_EMPTY':
			return empty(value);
		case 'IS_NOT_EMPTY':
			return !empty(value);
		default:
			throw invalidFilter(`unknown condition ${condition}`);
	}
}

type FilterNode = {
	operator?: string;
	conditions?: FilterNode[];
	fieldId?: string;
	condition?: string;
	value?: unknown;
	matchExternalId?: boolean;
};

/** The field a filter, sort or projection names: its ID or alias (SPEC: "ID or alias of the field"). */
export function fieldNamed(
	store: PlanningStore,
	recordTypeId: string,
	name: string,
): Field | undefined {
	return store.fieldsOf(recordTypeId).find((field) => field.id === name || field.alias === name);
}

/** Checks a filter tree once, before any record is read: unknown fields and conditions outside their type's row fail the search. */
export function checkFilter(store: PlanningStore, recordTypeId: string, node: FilterNode): void {
	if (node.conditions) {
		for (const child of node.conditions) checkFilter(store, recordTypeId, child);
		return;
	}
	const field = fieldNamed(store, recordTypeId, String(node.fieldId));
	if (!field) throw invalidFilter(`no field ${String(node.fieldId)} in this record type`);
	const allowed = CONDITIONS_BY_TYPE[field.type];
	if (allowed && !allowed.includes(String(node.condition)))
		throw invalidFilter(
			`${String(node.condition)} does not apply to ${field.type} field ${field.displayName}`,
		);
	const unary = ['IS_EMPTY', 'IS_NOT_EMPTY'].includes(String(node.condition));
	const range = ['IS_BETWEEN', 'IS_NOT_BETWEEN'].includes(String(node.condition));
	if (!unary && node.value === undefined)
		throw invalidFilter(`${String(node.condition)} needs a value`);
	if (range && (!isList(node.value) || node.value.length !== 2))
		throw invalidFilter(`${String(node.condition)} needs a list of two values`);
	// BASICS ("External reference fields"): an unresolved single external ID is a 400.
	if (node.matchExternalId && field.type === 'REFERENCE' && !isList(node.value))
		throw invalidFilter(`the external ID ${String(node.value)} could not be resolved`);
}

export function matches(store: PlanningStore, record: PlanningRecord, node: FilterNode): boolean {
	if (node.conditions) {
		const results = node.conditions.map((child) => matches(store, record, child));
		return node.operator === 'OR' ? results.some(Boolean) : results.every(Boolean);
	}
	const field = fieldNamed(store, record.recordTypeId, String(node.fieldId)) as Field;
	const data = computedData(store, record);
	return passes(
		field,
		data[field.id],
		String(node.condition),
		node.value,
		node.matchExternalId === true,
	);
}

/** Records in the order of `sort` (SortDto[]), then by creation and ID: getRecordsByRecordType's default is `createdAt,ASC`. */
export function sorted(
	store: PlanningStore,
	records: PlanningRecord[],
	sort: Array<{ fieldId: string; direction?: string }>,
): PlanningRecord[] {
	const keys = sort.map(({ fieldId, direction }) => {
		const field = fieldNamed(store, records[0]?.recordTypeId ?? '', fieldId);
		if (records.length > 0 && !field)
			throw invalidFilter(`cannot sort by ${fieldId}: no such field`);
		return { field, descending: direction === 'desc' };
	});
	// Each record's values worked out once, not once per comparison.
	const values = new Map(
		keys.length > 0 ? records.map((record) => [record.id, computedData(store, record)]) : [],
	);
	return [...records].sort((a, b) => {
		for (const { field, descending } of keys) {
			if (!field) continue;
			const x = values.get(a.id)?.[field.id];
			const y = values.get(b.id)?.[field.id];
			if (x === y) continue;
			if (x === undefined || x === null) return 1;
			if (y === undefined || y === null) return -1;
			const order =
				typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
			if (order !== 0) return descending ? -order : order;
		}
		return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
	});
}
