import type { FieldType, ResourceMapperField } from 'n8n-workflow';

import type { WorkfrontContext } from '../transport/connection';
import { customFormsOf, objectMetadata, type CustomField, type FieldMetadata } from './metadata';

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

function customType(field: CustomField): FieldType {
	if (['CHECKBOX', 'MULTISELECT'].includes(field.displayType)) return 'array';
	if (['DROPDOWN', 'RADIO'].includes(field.displayType) && field.options.length > 0)
		return 'options';
	if (field.dataType === 'NMBR' || field.dataType === 'CURC') return 'number';
	if (field.dataType === 'DATE') return 'dateTime';
	return 'string';
}

/** "Current (CUR)" where Workfront has a label, the bare code where it has none. */
function optionName(value: string, label: string): string {
	return label && label !== value ? `${label} (${value})` : value;
}

/**
 * The columns of Create and Update for an object type: its writable fields from Workfront's
 * metadata, typed, with Workfront's allowed values, then the custom fields of its forms (named
 * DE:<name>, shown by label). Only Create marks Workfront's required fields required: an Update
 * changes the fields given and leaves the others, so asking for `name` again would block it. Update
 * gets an ID column to match records on instead.
 */
export async function mapperColumns(
	context: WorkfrontContext,
	objCode: string,
	operation: string,
	purpose: 'editor' | 'values' = 'editor',
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
	const standard: ResourceMapperField[] = metadata.fields
		.filter((field) => !field.readOnly && !SYSTEM_FIELDS.has(field.name))
		.map((field) => ({
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
		}));
	const customColumns: ResourceMapperField[] = custom.map((field) => ({
		id: `DE:${field.name}`,
		displayName: `${field.label} (custom field on ${field.forms.join(', ')}${numberHint(customType(field))})`,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: shown(customType(field)),
		...(customType(field) === 'options'
			? { options: field.options.map((value) => ({ name: value, value })) }
			: {}),
	}));
	return [...match, ...standard, ...customColumns];
}
