import type {
	FieldType,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import {
	customFormsOf,
	objectMetadata,
	type CustomField,
	type FieldMetadata,
} from '../helpers/metadata';
import { currentObjectCode } from './currentObjectCode';

/** Fields Workfront sets itself; the mapper does not offer them even when metadata does not flag them. */
const SYSTEM_FIELDS = new Set([
	'ID',
	'objCode',
	'entryDate',
	'lastUpdateDate',
	'enteredByID',
	'lastUpdatedByID',
]);

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

/**
 * The columns of Create and Update: the object type's writable fields from Workfront's metadata,
 * typed, with Workfront's allowed values and required flags, then the custom fields of its forms
 * (named DE:<name>, shown by label).
 */
export async function getColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const objCode = currentObjectCode(this);
	const metadata = await objectMetadata(this, objCode);
	const { fields: custom } = await customFormsOf(this, objCode).catch(() => ({
		fields: [] as CustomField[],
	}));
	const standard: ResourceMapperField[] = metadata.fields
		.filter((field) => !field.readOnly && !SYSTEM_FIELDS.has(field.name))
		.map((field) => ({
			id: field.name,
			displayName: field.label === field.name ? field.name : `${field.label} (${field.name})`,
			required: field.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: standardType(field),
			...(field.possibleValues?.length
				? { options: field.possibleValues.map(({ value, label }) => ({ name: label, value })) }
				: {}),
		}));
	const customColumns: ResourceMapperField[] = custom.map((field) => ({
		id: `DE:${field.name}`,
		displayName: `${field.label} (custom field on ${field.forms.join(', ')})`,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: customType(field),
		...(customType(field) === 'options'
			? { options: field.options.map((value) => ({ name: value, value })) }
			: {}),
	}));
	return { fields: [...standard, ...customColumns] };
}
