import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { isMultiValueDisplay, isOneOfOptionsDisplay } from '../core/customFieldTypes';
import { customFormsOf, objectMetadata } from '../workfront/metadata';
import { searchChoices } from '../workfront/referenceChoices';
import { currentObjectCode } from './currentObjectCode';
import { searchRecordsOf } from './recordSearch';

/** What a field's values are: one of a closed list, a record of an object type, or anything. */
type FieldValues =
	| { kind: 'options'; options: INodePropertyOptions[] }
	| { kind: 'records'; objCode: string }
	| { kind: 'free' };

/** "Current (CUR)" where Workfront has a label, the bare code where it has none. */
const optionName = (value: string, label: string) =>
	label && label !== value ? `${label} (${value})` : value;

/** Paths such as `project:owner:ID` go through at most this many references. */
const MAX_PATH_DEPTH = 4;

/**
 * The values a field of an object type takes, from Workfront's metadata: its `possibleValues`
 * (status codes, with labels); the options of a dropdown, radio, checkbox or multi-select custom
 * field; the records of the object type a reference points at, for `<reference>ID`
 * (`projectID`) and `<reference>:ID` (`project:ID`); a referenced object's field (`project:status`)
 * as that object's field.
 */
export async function fieldValuesOf(
	context: ILoadOptionsFunctions,
	objCode: string,
	field: string,
	depth = 0,
): Promise<FieldValues> {
	const name = field.trim();
	if (name.startsWith('DE:')) {
		const { fields } = await customFormsOf(context, objCode);
		const custom = fields.find((candidate) => `DE:${candidate.name}` === name);
		if (
			custom &&
			custom.options.length > 0 &&
			(isOneOfOptionsDisplay(custom.displayType) || isMultiValueDisplay(custom.displayType))
		)
			return {
				kind: 'options',
				options: custom.options.map((value) => ({ name: value, value })),
			};
		return { kind: 'free' };
	}
	const metadata = await objectMetadata(context, objCode);
	const [head, ...rest] = name.split(':');
	if (rest.length > 0) {
		const reference = metadata.referenceTypes.find((candidate) => candidate.name === head);
		if (!reference?.objCode || depth >= MAX_PATH_DEPTH) return { kind: 'free' };
		if (rest.length === 1 && rest[0] === 'ID')
			return { kind: 'records', objCode: reference.objCode };
		return await fieldValuesOf(context, reference.objCode, rest.join(':'), depth + 1);
	}
	const own = metadata.fields.find((candidate) => candidate.name === name);
	if (own?.possibleValues?.length)
		return {
			kind: 'options',
			options: own.possibleValues.map(({ value, label }) => ({
				name: optionName(value, label),
				value,
			})),
		};
	const reference = metadata.referenceTypes.find(
		(candidate) => candidate.idField === name && candidate.objCode,
	);
	return reference ? { kind: 'records', objCode: reference.objCode } : { kind: 'free' };
}

/** The sibling a row's picker depends on (`&field` of a filter row, `&name` of a field row). */
function sibling(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(`&${name}`);
	return typeof value === 'string' ? value.trim() : '';
}

const matches = (option: INodePropertyOptions, filter?: string) =>
	!filter ||
	option.name.toLowerCase().includes(filter.toLowerCase()) ||
	String(option.value).toLowerCase().includes(filter.toLowerCase());

/**
 * A filter row's Value, From List: the values of the row's field (`&field`), searched by the text
 * typed: options with their labels, or records by name a page at a time. For a field without a
 * list (a name, a number, a date) the text typed is offered as it is, so any value can be picked.
 */
export async function searchFilterValues(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const field = sibling(this, 'field');
	const values = field ? await fieldValuesOf(this, currentObjectCode(this), field) : undefined;
	if (values?.kind === 'records')
		return await searchRecordsOf(this, values.objCode, filter, paginationToken);
	const options =
		values?.kind === 'options' ? values.options.filter((option) => matches(option, filter)) : [];
	const typed = filter?.trim()
		? [{ name: `${filter.trim()} (as typed)`, value: filter.trim() }]
		: [];
	return {
		results: [
			...options.map(({ name, value }) => ({ name, value: String(value) })),
			...(options.some(({ value }) => value === filter?.trim()) ? [] : typed),
		],
	};
}

/** Records a filter's In List offers at once (the options list is not searched page by page). */
const LISTED_RECORDS = 200;

/**
 * A filter row's Values (In List, Not In List): the values of the row's field, options with their
 * labels or the first records by name. Empty for a field without a list: its values are typed as
 * an expression. The parameter allows other values, so a list that changed never flags a saved one.
 */
export async function getFilterValueOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const field = sibling(this, 'field');
	if (!field) return [];
	const values = await fieldValuesOf(this, currentObjectCode(this), field);
	if (values.kind === 'options') return values.options;
	if (values.kind === 'records')
		return (await searchChoices(this, values.objCode, LISTED_RECORDS)).options;
	return [];
}

/**
 * A field row's Record, From List: the records of the object type the row's field (`&name`)
 * references (`projectID` of a task: projects), searched by name.
 */
export async function searchReferencedRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const objCode = currentObjectCode(this);
	const field = sibling(this, 'name');
	const values = field ? await fieldValuesOf(this, objCode, field) : undefined;
	if (values?.kind !== 'records') {
		throw new NodeOperationError(
			this.getNode(),
			field
				? `${field} is not a reference field of ${objCode}, so there is no list of records for it`
				: 'Enter the Field Name first, e.g. projectID',
			{
				description:
					"A record list follows the field: enter a field that holds a record's ID (such as projectID, assignedToID, ownerID), or choose By ID.",
			},
		);
	}
	return await searchRecordsOf(this, values.objCode, filter, paginationToken);
}
