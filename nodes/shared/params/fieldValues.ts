import { type IDataObject, type IExecuteFunctions, type ResourceMapperField } from 'n8n-workflow';

import { parseDate } from '../core/dates';
import { withCustomFieldNames } from '../workfront/customFields';
import { mapperColumns } from '../workfront/mapperColumns';
import { readParameter, failItem } from './parameters';
import { parseRecordId, type RecordIdError } from './recordId';

interface FieldRow {
	name?: string;
	valueType?: string;
	stringValue?: unknown;
	numberValue?: unknown;
	booleanValue?: unknown;
	dateTimeValue?: unknown;
	jsonValue?: unknown;
	recordValue?: unknown;
}

/** A number given as one or as text (typed rows and mapper columns alike); undefined if it is not one. */
function asNumber(value: unknown): number | undefined {
	// Blank text is no number (Number('') is 0, which would quietly set the field to 0).
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** true/false given as a boolean or as text; undefined otherwise. */
function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	return value === 'true' || value === 'false' ? value === 'true' : undefined;
}

type Where = { context: IExecuteFunctions; itemIndex: number; label: string };

/** A number, or an error naming the field and what to enter instead. */
function checkedNumber(
	{ context, itemIndex, label }: Where,
	value: unknown,
	advice: string,
): number {
	return (
		asNumber(value) ??
		failItem(context, itemIndex, `${label}: "${String(value)}" is not a number`, advice)
	);
}

/** true or false, or an error naming the field. */
function checkedBoolean(
	{ context, itemIndex, label }: Where,
	value: unknown,
	advice: string,
): boolean {
	return (
		asBoolean(value) ??
		failItem(context, itemIndex, `${label}: "${String(value)}" is not true or false`, advice)
	);
}

function parseJsonText(value: unknown): unknown {
	return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function rowValue(
	context: IExecuteFunctions,
	itemIndex: number,
	row: FieldRow,
	label: string,
): unknown {
	switch (row.valueType ?? 'string') {
		case 'number':
			return checkedNumber(
				{ context, itemIndex, label },
				row.numberValue,
				'Enter a number, or change the Value Type.',
			);
		case 'boolean':
			return checkedBoolean(
				{ context, itemIndex, label },
				row.booleanValue,
				'Choose true or false, or change the Value Type.',
			);
		case 'dateTime': {
			const text = String(row.dateTimeValue ?? '');
			// ISO 8601, or Workfront's own form (a version 1 output mapped into this row).
			const time = parseDate(text);
			if (text === '' || Number.isNaN(time)) {
				failItem(
					context,
					itemIndex,
					`${label}: "${text}" is not a date`,
					'Enter a date such as 2026-05-31 or 2026-05-31T17:00:00Z.',
				);
			}
			return new Date(time).toISOString();
		}
		case 'json':
			try {
				return parseJsonText(row.jsonValue);
			} catch {
				return failItem(
					context,
					itemIndex,
					`${label}: the value is not valid JSON`,
					'Enter JSON such as ["A","B"] or {"key": "value"}, or change the Value Type.',
				);
			}
		case 'null':
			return null;
		case 'record':
			try {
				return parseRecordId(row.recordValue, `${label}: Record`);
			} catch (error) {
				// parseRecordId throws nothing else.
				const { message, description } = error as RecordIdError;
				return failItem(context, itemIndex, message, description);
			}
		default:
			return row.stringValue === undefined || row.stringValue === null
				? ''
				: String(row.stringValue);
	}
}

/** The input item's own keys as field values: no expression per field, the cheapest way to map many items. */
function inputItemFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const ignored = new Set(
		String(readParameter(context, 'ignoreFields', itemIndex, '') ?? '')
			.split(',')
			.map((key) => key.trim())
			.filter(Boolean),
	);
	ignored.add('ID');
	ignored.add('objCode');
	const json = context.getInputData()[itemIndex]?.json ?? {};
	const values: IDataObject = {};
	for (const [key, value] of Object.entries(json)) if (!ignored.has(key)) values[key] = value;
	if (Object.keys(values).length === 0) {
		failItem(
			context,
			itemIndex,
			'The input item has no fields to send',
			'Map Input Fields Automatically sends the keys of each input item; this one has none (or only left-out ones).',
		);
	}
	return values;
}

interface MapperParameter {
	mappingMode?: string;
	schema?: ResourceMapperField[];
}

/** A column's label for messages: as the mapper shows it, with the Workfront name. */
function columnLabel(column: ResourceMapperField | undefined, key: string): string {
	const shown = column?.displayName ?? key;
	return shown.includes(key) ? shown : `${shown} (${key})`;
}

/**
 * A mapper value as the type of its column. The editor keeps what is typed into a list or number
 * column as text (`["Web"]`, `12`) and a date as a date object; Workfront wants a JSON list, a
 * number and an ISO date.
 */
function typedColumn(
	context: IExecuteFunctions,
	itemIndex: number,
	column: ResourceMapperField | undefined,
	key: string,
	value: unknown,
): unknown {
	const label = `Fields: ${columnLabel(column, key)}`;
	switch (column?.type) {
		case 'array': {
			if (Array.isArray(value)) return value;
			if (typeof value !== 'string') return [value];
			const text = value.trim();
			if (!text.startsWith('[')) {
				return text
					.split(',')
					.map((entry) => entry.trim())
					.filter(Boolean);
			}
			let parsed: unknown;
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = undefined;
			}
			if (!Array.isArray(parsed)) {
				failItem(
					context,
					itemIndex,
					`${label}: ${text} is not a list`,
					'Enter a JSON list such as ["Web", "Email"], or the values separated by commas: Web, Email.',
				);
			}
			return parsed;
		}
		case 'number':
			return checkedNumber(
				{ context, itemIndex, label },
				value,
				'Enter a number such as 1200, or map one from a previous node.',
			);
		case 'boolean':
			return checkedBoolean({ context, itemIndex, label }, value, 'Choose true or false.');
		case 'dateTime': {
			const asDate = value as { toISO?: () => string };
			if (typeof asDate.toISO === 'function') return asDate.toISO();
			if (value instanceof Date) return value.toISOString();
			const text = String(value);
			if (Number.isNaN(parseDate(text))) {
				failItem(
					context,
					itemIndex,
					`${label}: "${text}" is not a date`,
					'Enter a date such as 2026-05-31 or 2026-05-31T17:00:00Z.',
				);
			}
			return text;
		}
		default: {
			const asDate = value as { toISO?: () => string };
			return typeof asDate.toISO === 'function' ? asDate.toISO() : value;
		}
	}
}

/** The columns the editor stored with the node; hand-written workflows may have none. */
function storedSchema(context: IExecuteFunctions): ResourceMapperField[] | undefined {
	const columns = context.getNode().parameters.columns as MapperParameter | undefined;
	return Array.isArray(columns?.schema) && columns.schema.length > 0 ? columns.schema : undefined;
}

/**
 * The resource mapper's values, each as its column's type. A column the user added but left
 * empty, or removed, is not sent: only what the user filled in reaches Workfront.
 */
async function mappedColumns(
	context: IExecuteFunctions,
	itemIndex: number,
	objCode: string,
	operation: string,
): Promise<IDataObject> {
	const mappingMode = readParameter(
		context,
		'columns.mappingMode',
		itemIndex,
		'defineBelow',
	) as string;
	if (mappingMode === 'autoMapInputData') return inputItemFields(context, itemIndex);
	const columns = (readParameter(
		context,
		'columns.value',
		itemIndex,
		{},
		{ skipValidation: true },
	) ?? {}) as IDataObject;
	const filled = Object.entries(columns).filter(
		([, value]) => value !== undefined && value !== null && value !== '',
	);
	// Text typed into a column (a list, or a number, which the editor offers as text) is converted
	// to the type Workfront's metadata gives the field; the editor's stored columns say which
	// columns were removed.
	const stored = storedSchema(context) ?? [];
	const types = filled.some(([, value]) => typeof value === 'string')
		? await mapperColumns(context, objCode, operation, 'values')
		: stored;
	const values: IDataObject = {};
	for (const [key, value] of filled) {
		if (stored.find(({ id }) => id === key)?.removed) continue;
		const column = types.find(({ id }) => id === key) ?? stored.find(({ id }) => id === key);
		values[key] = typedColumn(context, itemIndex, column, key, value) as IDataObject[string];
	}
	return values;
}

/** The custom forms chosen to attach, as Workfront's objectCategories. */
function readCustomForms(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = readParameter(context, 'options.customForms', itemIndex, []) as unknown;
	const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((id) => String(id).trim())
		.filter(Boolean);
	return ids.map((categoryID, categoryOrder) => ({ categoryID, categoryOrder }));
}

/**
 * Everything a Create or Update sends: the field values, custom fields given by label renamed to
 * their DE: names, and the custom forms to attach.
 */
export async function readWriteValues(
	context: IExecuteFunctions,
	itemIndex: number,
	objCode: string,
	operation: 'create' | 'update' = 'create',
): Promise<IDataObject> {
	const values = await withCustomFieldNames(
		context,
		objCode,
		await readFieldValues(context, itemIndex, objCode, operation),
	);
	const forms = readCustomForms(context, itemIndex);
	if (forms.length > 0) values.objectCategories = forms;
	return values;
}

/**
 * The field values of a Create or Update, from typed rows, one JSON object or the input item itself. Custom fields
 * keep their DE: names. Rows are checked one by one, so an error names the row and the field.
 */
export async function readFieldValues(
	context: IExecuteFunctions,
	itemIndex: number,
	objCode: string,
	operation: 'create' | 'update' = 'create',
): Promise<IDataObject> {
	const mode = readParameter(context, 'inputMode', itemIndex, 'mapper') as string;
	if (mode === 'auto') return inputItemFields(context, itemIndex);
	if (mode === 'mapper') return await mappedColumns(context, itemIndex, objCode, operation);
	if (mode === 'json') {
		const raw = readParameter(context, 'fieldsJson', itemIndex, '{}') as unknown;
		let parsed: unknown;
		try {
			parsed = parseJsonText(raw);
		} catch {
			failItem(
				context,
				itemIndex,
				'Fields (JSON) is not valid JSON',
				'Enter one JSON object, e.g. {"name": "Launch", "status": "CUR"}.',
			);
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			failItem(
				context,
				itemIndex,
				'Fields (JSON) must be one JSON object',
				'Enter an object of field names and values, e.g. {"name": "Launch"}.',
			);
		}
		return parsed as IDataObject;
	}

	const rows = (readParameter(context, 'fieldValues.field', itemIndex, []) as FieldRow[]) ?? [];
	const values: IDataObject = {};
	rows.forEach((row, index) => {
		const name = String(row.name ?? '').trim();
		const label = `Field ${index + 1}${name ? ` (${name})` : ''}`;
		if (name === '')
			failItem(
				context,
				itemIndex,
				`${label}: Field Name is empty`,
				'Enter the Workfront field name, e.g. name or DE:Region, or remove the row.',
			);
		if (Object.hasOwn(values, name))
			failItem(context, itemIndex, `${label}: the field is set twice`, 'Remove one of the rows.');
		values[name] = rowValue(context, itemIndex, row, label) as IDataObject[string];
	});
	return values;
}

/** Options > Attach Forms of Custom Fields: whether forms a custom field needs are attached (on unless turned off). */
export function readAttachForms(context: IExecuteFunctions, itemIndex: number): boolean {
	return Boolean(readParameter(context, 'options.attachForms', itemIndex, true));
}
