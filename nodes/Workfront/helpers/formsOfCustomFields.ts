import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { workfrontRequest } from '../transport/request';
import { customFormsOf, type CustomField } from './metadata';

function formIdsOf(categories: unknown): string[] {
	return (Array.isArray(categories) ? categories : [])
		.map((entry) => String((entry as IDataObject)?.categoryID ?? ''))
		.filter(Boolean);
}

/** The forms attached to a record now (Workfront's objectCategories collection). */
async function attachedForms(
	context: IExecuteFunctions,
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
 * one expects it to work: with Options > Attach Forms of Custom Fields (on unless turned off),
 * the forms the given custom fields need are added to the record's forms. Turned off, a Create
 * that would be refused fails here, naming the options to use.
 *
 * On Update, Workfront's objectCategories replaces the attached forms, so the record's current
 * forms are read first (one request, only when a custom field is given and no form list is).
 */
export async function withFormsOfCustomFields(
	context: IExecuteFunctions,
	itemIndex: number,
	objCode: string,
	values: IDataObject,
	recordId?: string,
): Promise<IDataObject> {
	const customNames = Object.keys(values)
		.filter((key) => key.startsWith('DE:'))
		.map((key) => key.slice(3));
	if (customNames.length === 0) return values;
	const attach = context.getNodeParameter('options.attachForms', itemIndex, true) as boolean;
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
