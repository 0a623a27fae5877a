import type { IDataObject, IExecuteFunctions, ResourceMapperField } from 'n8n-workflow';

import { asObject } from '../core/answers';
import { isComputedField, type PlanningField } from '../core/planning';
import { listOf, personValue } from '../core/planningFilters';
import { columnKind, recordTypeFields } from '../workfront/planningFields';
import { failItem, readParameter } from './parameters';
import { isIsoDate } from '../core/dates';

/** Options of Create and Update that shape the values sent. */
interface ValueSettings {
	/** People values: plain IDs, or typed `{id, idType}` (WF or IMS). */
	idType: string;
	/** Update: list fields replaced, or the values added to / removed from them. */
	listChange: 'replace' | 'add' | 'remove';
}

/** The Planning types whose values are lists: with Update's add/remove they become operations. */
const LIST_TYPES = new Set(['MULTI_SELECT', 'REFERENCE']);

type Where = { context: IExecuteFunctions; itemIndex: number; label: string };

function number({ context, itemIndex, label }: Where, value: unknown): number {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof parsed === 'number' && Number.isFinite(parsed)) return parsed;
	return failItem(
		context,
		itemIndex,
		`${label}: "${String(value)}" is not a number`,
		'Enter a number such as 1200 or 0.25, or map one from a previous node.',
	);
}

function boolean({ context, itemIndex, label }: Where, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return failItem(
		context,
		itemIndex,
		`${label}: "${String(value)}" is not true or false`,
		'Choose true or false.',
	);
}

/**
 * A date as typed: a date alone (`2026-03-15`, as SPEC's `data` example writes one) stays as it
 * is; the editor's date-times (Luxon objects) become ISO text; anything else must be an ISO 8601
 * date or date-time of a day that exists (JavaScript's Date.parse also takes "foo 1" and rolls
 * 2026-02-31 over to March).
 */
function date({ context, itemIndex, label }: Where, value: unknown): string {
	const luxon = value as { toISO?: () => string };
	if (typeof luxon?.toISO === 'function') return luxon.toISO();
	if (value instanceof Date) return value.toISOString();
	const text = String(value).trim();
	if (!isIsoDate(text))
		failItem(
			context,
			itemIndex,
			`${label}: "${text}" is not a date`,
			'Enter a date such as 2026-03-15 or 2026-03-15T17:00:00Z.',
		);
	return text;
}

/** A value as the Planning type of its field wants it (Adobe's shapes: see planningFields.ts). */
function typed(
	where: Where,
	type: string | undefined,
	value: unknown,
	settings: ValueSettings,
): unknown {
	switch (type) {
		case 'NUMBER':
		case 'PERCENTAGE':
		case 'CURRENCY':
			return number(where, value);
		case 'CHECKBOX':
			return boolean(where, value);
		case 'DATE':
			return date(where, value);
		case 'MULTI_SELECT':
		case 'REFERENCE':
			return listOf(value).map((entry) => (typeof entry === 'string' ? entry.trim() : entry));
		case 'USER':
			// A user ID holds no comma, so text with one is several people.
			return Array.isArray(value) || (typeof value === 'string' && /^\s*\[|,/.test(value))
				? listOf(value).map((id) => personValue(id, settings.idType))
				: personValue(typeof value === 'string' ? value.trim() : value, settings.idType);
		default: {
			const luxon = value as { toISO?: () => string };
			return typeof luxon?.toISO === 'function' ? luxon.toISO() : value;
		}
	}
}

/** A column's Planning type: the word in its name, or the editor's type for a column without one. */
function columnType(column: ResourceMapperField | undefined): string | undefined {
	if (!column) return undefined;
	const kind = columnKind(column);
	if (kind) return kind;
	if (column.type === 'number') return 'NUMBER';
	if (column.type === 'boolean') return 'CHECKBOX';
	if (column.type === 'dateTime') return 'DATE';
	if (column.type === 'array') return 'MULTI_SELECT';
	return undefined;
}

const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The mapper's values (Map Each Field, Define Below), typed by the columns the editor stored with
 * the node, so no request is needed to learn the field types: a run of 1,000 items costs the bulk
 * requests alone. Read-only (computed) and removed columns are never sent, nor empty ones.
 */
function definedColumns(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: ValueSettings,
): { values: IDataObject; types: Map<string, string | undefined> } {
	const values = (readParameter(
		context,
		'dataColumns.value',
		itemIndex,
		{},
		{ skipValidation: true },
	) ?? {}) as IDataObject;
	const stored = (
		context.getNode().parameters.dataColumns as { schema?: ResourceMapperField[] } | undefined
	)?.schema;
	const schema = Array.isArray(stored) ? stored : [];
	const data: IDataObject = {};
	const types = new Map<string, string | undefined>();
	for (const [key, value] of Object.entries(values)) {
		const column = schema.find(({ id }) => id === key);
		if (!filled(value) || column?.removed || column?.readOnly) continue;
		const type = columnType(column);
		const label = `Fields: ${column?.displayName ?? key}`;
		data[key] = typed({ context, itemIndex, label }, type, value, settings) as IDataObject[string];
		types.set(key, type);
	}
	return { values: data, types };
}

/**
 * Map Automatically: the input item's keys (or, for a Planning record from a Get or Search, its
 * `data`), matched to the record type's fields by ID, alias or name; what matches no writable
 * field is left out, and computed fields are never sent. One read of the fields per run.
 */
async function inputItemColumns(
	context: IExecuteFunctions,
	itemIndex: number,
	recordTypeId: string,
	settings: ValueSettings,
): Promise<{ values: IDataObject; types: Map<string, string | undefined> }> {
	const json = context.getInputData()[itemIndex]?.json ?? {};
	const source =
		asObject(json.data) && typeof json.recordTypeId === 'string'
			? (json.data as IDataObject)
			: json;
	const fields = await recordTypeFields(context, recordTypeId, itemIndex);
	const find = (key: string): PlanningField | undefined =>
		fields.find((field) => field.id === key) ??
		fields.find((field) => field.alias === key) ??
		fields.find((field) => field.displayName === key);
	const values: IDataObject = {};
	const types = new Map<string, string | undefined>();
	for (const [key, value] of Object.entries(source)) {
		const field = find(key);
		if (!field || isComputedField(field) || value === undefined) continue;
		const type = field.type.toUpperCase();
		values[field.id] =
			value === null
				? null
				: (typed(
						{ context, itemIndex, label: `Input field ${key}` },
						type,
						value,
						settings,
					) as IDataObject[string]);
		types.set(field.id, type);
	}
	if (Object.keys(values).length === 0)
		failItem(
			context,
			itemIndex,
			'The input item has no field of this record type',
			'Map Automatically sends the input keys that name a field of the record type (its ID, alias or name); this item has none. Use Define Below, or rename the keys.',
		);
	return { values, types };
}

function dataJson(context: IExecuteFunctions, itemIndex: number): IDataObject {
	let parsed: unknown = readParameter(context, 'dataJson', itemIndex, '{}');
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed) as unknown;
		} catch {
			return failItem(
				context,
				itemIndex,
				'Data (JSON) is not valid JSON',
				'Enter one JSON object of field IDs and values, e.g. {"F693ab1c96f11ea3f4175e710": "Spring launch"}.',
			);
		}
	}
	const object = asObject(parsed);
	if (!object)
		return failItem(
			context,
			itemIndex,
			'Data (JSON) must be one JSON object',
			'Enter an object of field IDs and values, e.g. {"F693ab1c96f11ea3f4175e710": "Spring launch"}.',
		);
	return object as IDataObject;
}

/** A list already written as Adobe's operational updates: `[{"op": "add", "value": …}, …]`. */
function isOperationList(value: unknown[]): boolean {
	return (
		value.length > 0 &&
		value.every((entry) => typeof asObject(entry)?.op === 'string' && 'value' in (entry as object))
	);
}

export function readValueSettings(context: IExecuteFunctions, itemIndex: number): ValueSettings {
	const change = readParameter(context, 'options.listChange', itemIndex, 'replace');
	return {
		idType: String(readParameter(context, 'options.peopleIdType', itemIndex, 'plain')),
		listChange: change === 'add' || change === 'remove' ? change : 'replace',
	};
}

/**
 * A record's `data` (SPEC `RecordBaseDto.data`: "key-value pairs where keys are field IDs") for a
 * Create or an Update: from the mapper, one JSON object (sent as written), or the input item.
 * Update sends only the fields given (PATCH, merge-patch: "omitted fields remain unchanged"); with
 * Options > List Fields set to add or remove, list values become SPEC's operational updates
 * `[{"op": "add", "value": [...]}]` (patchRecord's description).
 */
export async function readPlanningData(
	context: IExecuteFunctions,
	itemIndex: number,
	recordTypeId: string,
	operation: 'create' | 'update',
): Promise<IDataObject> {
	const settings = readValueSettings(context, itemIndex);
	if (readParameter(context, 'inputMode', itemIndex, 'mapper') === 'json') {
		const written = dataJson(context, itemIndex);
		if (operation === 'update' && settings.listChange !== 'replace') {
			// Types are unknown here: every list given is a list field's values, unless it is
			// already written as Adobe's operations, which is sent as it is.
			for (const [key, value] of Object.entries(written)) {
				if (Array.isArray(value) && !isOperationList(value))
					written[key] = [{ op: settings.listChange, value }] as IDataObject[];
			}
		}
		return written;
	}
	const auto =
		readParameter(context, 'dataColumns.mappingMode', itemIndex, 'defineBelow') ===
		'autoMapInputData';
	const { values, types } = auto
		? await inputItemColumns(context, itemIndex, recordTypeId, settings)
		: definedColumns(context, itemIndex, settings);
	if (operation === 'update' && settings.listChange !== 'replace') {
		for (const [key, type] of types) {
			if (type === undefined || !(LIST_TYPES.has(type) || Array.isArray(values[key]))) continue;
			values[key] = [{ op: settings.listChange, value: values[key] }] as IDataObject[];
		}
	}
	return values;
}
