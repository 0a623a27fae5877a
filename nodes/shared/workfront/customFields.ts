import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { WorkfrontContext } from '../transport/connection';
import { workfrontRequest } from '../transport/request';
import { customFormsOf, type CustomField } from './metadata';

/**
 * Workfront's own field names are lower camel case (`plannedCompletionDate`) or paths
 * (`owner:name`); anything else that is not `DE:`-prefixed is taken for a custom field's label or
 * name, such as `Campaign Region` or `Region`.
 */
function mayBeCustomFieldLabel(key: string): boolean {
	return (
		!key.startsWith('DE:') &&
		key !== 'ID' &&
		key !== '*' &&
		!/^[a-z][A-Za-z0-9]*(:[A-Za-z0-9*]+)*$/.test(key)
	);
}

/** Maps labels and bare names of custom fields to their `DE:` names; other keys stay as they are. */
async function labelMap(
	context: WorkfrontContext,
	objCode: string,
	keys: string[],
): Promise<Map<string, string>> {
	const candidates = keys.filter(mayBeCustomFieldLabel);
	const map = new Map<string, string>();
	if (candidates.length === 0) return map;
	const { fields } = await customFormsOf(context, objCode);
	for (const key of candidates) {
		const wanted = key.trim().toLowerCase();
		const field = fields.find(
			({ label, name }) => label.toLowerCase() === wanted || name.toLowerCase() === wanted,
		);
		if (field) map.set(key, `DE:${field.name}`);
	}
	return map;
}

/** Field values keyed by custom-field labels get their `DE:` names. */
export async function withCustomFieldNames(
	context: WorkfrontContext,
	objCode: string,
	values: IDataObject,
): Promise<IDataObject> {
	const map = await labelMap(context, objCode, Object.keys(values));
	if (map.size === 0) return values;
	return Object.fromEntries(
		Object.entries(values).map(([key, value]) => [map.get(key) ?? key, value]),
	);
}

/** "Fields to Return" with custom-field labels get their `DE:` names. */
export async function fieldListWithCustomFieldNames(
	context: WorkfrontContext,
	objCode: string,
	fields: string[],
): Promise<string[]> {
	const map = await labelMap(context, objCode, fields);
	return fields.map((field) => map.get(field) ?? field);
}

function formIdsOf(categories: unknown): string[] {
	return (Array.isArray(categories) ? categories : [])
		.map((entry) => String((entry as IDataObject)?.categoryID ?? ''))
		.filter(Boolean);
}

/** The forms attached to a record now (Workfront's objectCategories collection). */
async function attachedForms(
	context: WorkfrontContext,
	objCode: string,
	recordId: string,
	itemIndex: number,
): Promise<string[]> {
	const record = await workfrontRequest<IDataObject>(context, {
		method: 'GET',
		path: `${encodeURIComponent(objCode)}/${recordId}`,
		query: [['fields', 'objectCategories']],
		itemIndex,
	});
	return formIdsOf(record?.objectCategories);
}

/**
 * Workfront refuses a custom field unless a form that has it is attached to the record. The
 * resource mapper offers the custom fields of every form of the object type, so a user who picks
 * one expects it to work: with `attach` (Options > Attach Forms of Custom Fields, on unless turned
 * off), the forms the given custom fields need are added to the record's forms. Turned off, a Create
 * that would be refused fails here, naming the options to use.
 *
 * On Update, Workfront's objectCategories replaces the attached forms, so the record's current
 * forms are read first (one request, only when a custom field is given and no form list is).
 */
export async function withFormsOfCustomFields(
	context: WorkfrontContext,
	itemIndex: number,
	objCode: string,
	values: IDataObject,
	{ attach, recordId }: { attach: boolean; recordId?: string },
): Promise<IDataObject> {
	const customNames = Object.keys(values)
		.filter((key) => key.startsWith('DE:'))
		.map((key) => key.slice(3));
	if (customNames.length === 0) return values;
	const chosen = formIdsOf(values.objectCategories);
	if (recordId !== undefined && !attach) return values;
	const { fields, forms } = await customFormsOf(context, objCode);
	const needed = customNames
		.map((name) => fields.find((field) => field.name === name))
		.filter((field): field is CustomField => field !== undefined && field.formIds.length > 0);
	if (needed.length === 0) return values;
	const current =
		chosen.length > 0 || recordId === undefined
			? chosen
			: await attachedForms(context, objCode, recordId, itemIndex);
	const missing: string[] = [];
	for (const field of needed) {
		if (field.formIds.some((id) => current.includes(id) || missing.includes(id))) continue;
		if (!attach) {
			const formName = field.forms[0];
			throw new NodeOperationError(
				context.getNode(),
				`Custom field '${field.label}' (DE:${field.name}) is on the form '${formName}', which is not attached`,
				{
					itemIndex,
					description: `Workfront accepts a custom field only when a form that has it is attached. Choose '${formName}' in Options > Custom Form Names or IDs, or turn on Options > Attach Forms of Custom Fields.`,
				},
			);
		}
		missing.push(field.formIds[0]);
	}
	if (missing.length === 0) return values;
	const known = new Set(forms.map(({ ID }) => ID));
	return {
		...values,
		objectCategories: [...current, ...missing.filter((id) => known.has(id))].map(
			(categoryID, categoryOrder) => ({ categoryID, categoryOrder }),
		),
	};
}
