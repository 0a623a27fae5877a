import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import { PLANNING_CURSOR_LIMIT, PLANNING_LIST_MOST } from '../core/limits';
import { isComputedField, type PlanningField } from '../core/planning';
import type { WorkfrontContext } from '../transport/connection';
import { planningList, planningPath } from '../transport/planning';

/** Fields read in one run, by record type: a picker, the mapper and the item loop ask once. */
const runFields = new WeakMap<object, Map<string, Promise<PlanningField[]>>>();

/** The fields of a record type (`GET /v2/record-types/{recordTypeId}/fields`, cursor-paged, at most 500: SPEC "Fields" tag). */
export async function recordTypeFields(
	context: WorkfrontContext,
	recordTypeId: string,
	itemIndex?: number,
): Promise<PlanningField[]> {
	let byType = runFields.get(context);
	if (!byType) {
		byType = new Map();
		runFields.set(context, byType);
	}
	let fields = byType.get(recordTypeId);
	if (!fields) {
		fields = planningList(context, planningPath('record-types', recordTypeId, 'fields'), {
			limit: PLANNING_CURSOR_LIMIT.fields,
			most: PLANNING_LIST_MOST.fields,
			itemIndex,
		}).then((content) => content.map(toField));
		byType.set(recordTypeId, fields);
		fields.catch(() => byType?.delete(recordTypeId));
	}
	return await fields;
}

/**
 * A field's options as Adobe describes them (a list of objects, SPEC FieldOptionDto); anything else
 * an answer holds there is no option, rather than a TypeError when the mapper is built.
 */
function optionsOf(field: { options?: unknown }): NonNullable<PlanningField['options']> {
	return Array.isArray(field.options)
		? (field.options as unknown[]).filter(
				(option): option is NonNullable<PlanningField['options']>[number] =>
					option !== null && typeof option === 'object' && !Array.isArray(option),
			)
		: [];
}

function toField(raw: IDataObject): PlanningField {
	const options = Array.isArray(raw.options) ? optionsOf(raw) : undefined;
	return {
		...(raw as unknown as PlanningField),
		id: String(raw.id ?? ''),
		displayName: String(raw.displayName ?? raw.id ?? ''),
		type: String(raw.type ?? ''),
		options,
	};
}

/**
 * How each Planning type appears in the mapper: the editor's type, and a word after the column's
 * name. The word is how a run knows the Planning type of a column without asking Planning again
 * (the editor stores the columns it showed with the node): numbers, people and references are
 * written differently from text. Adobe documents no value shape per field type (SPEC
 * `RecordBaseDto.data`: "key-value pairs where keys are field IDs"; its example sends text and a
 * date as "2026-03-15"); the shapes below follow its filter values (lists for multi-value
 * fields, `{id, idType}` for people).
 */
const COLUMN_KINDS: Record<string, { word: string; type: (field: PlanningField) => FieldType }> = {
	TEXT: { word: 'text', type: () => 'string' },
	URL: { word: 'text', type: () => 'string' },
	PARAGRAPH: { word: 'long text', type: () => 'string' },
	NUMBER: { word: 'number', type: () => 'number' },
	PERCENTAGE: { word: 'percentage', type: () => 'number' },
	CURRENCY: { word: 'currency', type: () => 'number' },
	DATE: { word: 'date', type: () => 'dateTime' },
	CHECKBOX: { word: 'checkbox', type: () => 'boolean' },
	SINGLE_SELECT: {
		word: 'single select',
		type: (field) => (optionsOf(field).length ? 'options' : 'string'),
	},
	MULTI_SELECT: { word: 'multi-select', type: () => 'array' },
	USER: {
		word: 'people',
		type: (field) => (field.userOptions?.multipleUsersAllowed ? 'array' : 'string'),
	},
	REFERENCE: {
		word: 'reference',
		type: (field) => (field.referenceOptions?.multiple === false ? 'string' : 'array'),
	},
};

/** The Planning kind of a column as its name says it, e.g. "Budget (currency)" → CURRENCY. */
export function columnKind(column: Pick<ResourceMapperField, 'displayName'>): string | undefined {
	// Only the last bracket is read: a regular expression over the whole name backtracks on names
	// made of many "(a, " (a field's name is Planning's, a column's name runs per item and key).
	const name = column.displayName;
	const open = name.lastIndexOf('(');
	const word =
		open >= 0 && name.endsWith(')')
			? /^([a-z -]+)(?:, [^)]*)?$/.exec(name.slice(open + 1, -1))?.[1]
			: undefined;
	return Object.entries(COLUMN_KINDS).find(
		([type, kind]) => kind.word === word && type !== 'URL',
	)?.[0];
}

/** "Banana, Apple" for a select's options, so a list column says what it takes. */
function optionList(field: PlanningField): string {
	// Without brackets, so that the kind stays the last bracketed word of the column's name.
	const names = optionsOf(field).map((option) =>
		String(option.displayName ?? option.name).replace(/[()]/g, ''),
	);
	return names.length > 0
		? `: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`
		: '';
}

/**
 * The resource mapper's columns for a record type: one per field Planning lets a record write,
 * typed; select fields with their options (the option's `name` is sent, shown by its
 * `displayName`: SPEC `FieldOptionDto`). Formula and lookup fields, which Planning computes, are
 * listed read-only and removed, so they are never sent.
 */
export function planningColumns(fields: PlanningField[]): ResourceMapperField[] {
	return fields.map((field) => {
		const type = String(field.type).toUpperCase();
		const kind = COLUMN_KINDS[type];
		if (isComputedField(field) || !kind) {
			return {
				id: field.id,
				displayName: `${field.displayName} (computed by Planning)`,
				required: false,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				readOnly: true,
				removed: true,
				type: 'string' as FieldType,
			};
		}
		const columnType = kind.type(field);
		const suffix = type === 'MULTI_SELECT' ? optionList(field) : '';
		return {
			id: field.id,
			displayName: `${field.displayName} (${kind.word}${suffix ? `, ${suffix.slice(2)}` : ''})`,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: columnType,
			...(columnType === 'options'
				? {
						options: optionsOf(field).map((option) => ({
							name: String(option.displayName ?? option.name),
							value: String(option.name ?? option.displayName),
						})),
					}
				: {}),
		};
	});
}
