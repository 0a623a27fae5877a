import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import {
	isDateDataType,
	isListFieldType,
	isMultiValueDisplay,
	isNumberDataType,
	isOneOfOptionsDisplay,
} from '../core/customFieldTypes';
import { MAPPER_REFERENCE_LIST } from '../core/limits';
import type { WorkfrontContext } from '../transport/connection';
import {
	customFormsOf,
	objectMetadata,
	type CustomField,
	type FieldMetadata,
	type ReferenceMetadata,
} from './metadata';
import { referenceChoices, type ReferenceChoices } from './referenceChoices';

/** Fields Workfront sets itself; the mapper does not offer them even when metadata does not flag them. */
const SYSTEM_FIELDS = new Set([
	'ID',
	'objCode',
	'entryDate',
	'lastUpdateDate',
	'enteredByID',
	'lastUpdatedByID',
]);

/** The column Update matches records on, as n8n's other mapper nodes call it ("Column to match on"). */
export const MATCH_COLUMN = 'ID';

function standardType(field: FieldMetadata): FieldType {
	if (field.possibleValues?.length) return 'options';
	if (isListFieldType(field.fieldType)) return 'array';
	switch (field.fieldType) {
		case 'int':
		case 'double':
		case 'currency':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'date':
		case 'dateTime':
			return 'dateTime';
		default:
			return 'string';
	}
}

/**
 * A custom field's column type. A list when Workfront says so either way: its display type is a
 * multi-value one (CHCK, MULT, …, any case), or the object's metadata declares `DE:<name>` with a
 * list type (`string[]`), whatever its display type (issue 22: a multi-select whose display type
 * the node did not know reached Workfront as the text of a list).
 */
function customType(field: CustomField, declaredLists: Set<string>): FieldType {
	if (isMultiValueDisplay(field.displayType) || declaredLists.has(`DE:${field.name}`))
		return 'array';
	if (isOneOfOptionsDisplay(field.displayType) && field.options.length > 0) return 'options';
	if (isNumberDataType(field.dataType)) return 'number';
	if (isDateDataType(field.dataType)) return 'dateTime';
	return 'string';
}

/** "Current (CUR)" where Workfront has a label, the bare code where it has none. */
function optionName(value: string, label: string): string {
	return label && label !== value ? `${label} (${value})` : value;
}

/** The reference whose ID a field holds (`projectID` → project, PROJ), if it is one. */
function referenceOf(
	field: string,
	references: ReferenceMetadata[],
): ReferenceMetadata | undefined {
	return references.find((reference) => reference.idField === field && reference.objCode);
}

/** Values the user typed into a column (not expressions): they stay choices of its list. */
function keptChoices(value: unknown): INodePropertyOptions[] {
	if (typeof value !== 'string' || value === '' || value.startsWith('=')) return [];
	return [{ name: `${value} (not in the list)`, value }];
}

/**
 * The columns of Create and Update for an object type: its writable fields from Workfront's
 * metadata, typed, with Workfront's allowed values, then the custom fields of its forms (named
 * DE:<name>, shown by label). Only Create marks Workfront's required fields required: an Update
 * changes the fields given and leaves the others, so asking for `name` again would block it. Update
 * gets an ID column to match records on instead.
 *
 * For the editor, a field that holds a reference's ID (`projectID`, `ownerID`, any `<reference>ID`
 * the metadata declares) lists the referenced records by name, bounded (MAPPER_REFERENCE_LIST);
 * `mapped` are the values already in the columns, kept as choices so that an ID picked or typed
 * earlier is never flagged. At run time (purpose 'values') no record is searched: a reference is
 * sent as the ID mapped, in the list or not.
 */
export async function mapperColumns(
	context: WorkfrontContext,
	objCode: string,
	operation: string,
	purpose: 'editor' | 'values' = 'editor',
	mapped: Record<string, unknown> = {},
): Promise<ResourceMapperField[]> {
	/**
	 * n8n's editor shows an added number column's empty value as 0 and stores that 0, so a number
	 * column the user added and left alone would set the field to 0 (seen in n8n 1.123's editor).
	 * The editor therefore gets number columns as text columns, which stay empty until typed in;
	 * the values are sent as numbers (purpose 'values', the types the node converts to).
	 */
	const shown = (type: FieldType): FieldType =>
		purpose === 'editor' && type === 'number' ? 'string' : type;
	const numberHint = (type: FieldType) =>
		purpose === 'editor' && type === 'number' ? ', a number' : '';
	const metadata = await objectMetadata(context, objCode);
	const { fields: custom } = await customFormsOf(context, objCode).catch(() => ({
		fields: [] as CustomField[],
	}));
	const customNames = new Set(custom.map(({ name }) => `DE:${name}`));
	const declaredLists = new Set(
		metadata.fields
			.filter((field) => field.name.startsWith('DE:') && isListFieldType(field.fieldType))
			.map(({ name }) => name),
	);
	const isCreate = operation !== 'update';
	const match: ResourceMapperField[] = isCreate
		? []
		: [
				{
					id: MATCH_COLUMN,
					displayName: MATCH_COLUMN,
					required: true,
					defaultMatch: true,
					canBeUsedToMatch: true,
					display: true,
					type: 'string',
				},
			];
	const writable = metadata.fields.filter(
		(field) => !field.readOnly && !SYSTEM_FIELDS.has(field.name) && !customNames.has(field.name),
	);
	const references = new Map(
		writable.flatMap((field) => {
			const reference = referenceOf(field.name, metadata.referenceTypes);
			return reference && !field.possibleValues?.length ? [[field.name, reference] as const] : [];
		}),
	);
	const records =
		purpose === 'editor'
			? await referenceChoices(
					context,
					writable
						.filter((field) => references.has(field.name))
						.map((field) => ({
							objCode: references.get(field.name)?.objCode ?? '',
							required: isCreate && field.required,
						})),
				)
			: new Map<string, ReferenceChoices>();
	const standard: ResourceMapperField[] = writable.map((field) => {
		const reference = references.get(field.name);
		const list = reference ? records.get(reference.objCode) : undefined;
		if (reference && list) {
			const kept = keptChoices(mapped[field.name]).filter(
				({ value }) => !list.options.some((option) => option.value === value),
			);
			const more = list.partial
				? `, first ${MAPPER_REFERENCE_LIST.records} by name; map others by expression`
				: '';
			return {
				id: field.name,
				displayName: `${field.label} (${field.name}${more})`,
				required: isCreate && field.required,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: 'options',
				options: [...list.options, ...kept],
			};
		}
		return {
			id: field.name,
			displayName:
				field.label === field.name && standardType(field) !== 'number'
					? field.name
					: `${field.label} (${field.name}${numberHint(standardType(field))})`,
			required: isCreate && field.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: shown(standardType(field)),
			...(field.possibleValues?.length
				? {
						options: field.possibleValues.map(({ value, label }) => ({
							name: optionName(value, label),
							value,
						})),
					}
				: {}),
		};
	});
	const customColumns: ResourceMapperField[] = custom.map((field) => ({
		id: `DE:${field.name}`,
		displayName: `${field.label} (custom field on ${field.forms.join(', ')}${numberHint(customType(field, declaredLists))})`,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: shown(customType(field, declaredLists)),
		...(customType(field, declaredLists) === 'options'
			? { options: field.options.map((value) => ({ name: value, value })) }
			: {}),
	}));
	return [...match, ...standard, ...customColumns];
}
