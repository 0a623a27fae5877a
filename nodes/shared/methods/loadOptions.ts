import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { customFormsOf, objectMetadata } from '../workfront/metadata';
import { OBJECT_TYPES, OTHER_OBJECT_TYPE } from '../core/objectTypes';
import { workfrontRequest } from '../transport/request';
import { currentObjectCode } from './currentObjectCode';

const OTHER = {
	name: 'Other (Enter Object Code)',
	value: OTHER_OBJECT_TYPE,
	description: 'Any other Workfront object code',
};

function builtInTypes(): INodePropertyOptions[] {
	return [
		...OBJECT_TYPES.map(({ objCode, label, description }) => ({
			name: label,
			value: objCode,
			description,
		})),
		OTHER,
	];
}

/** The object types this Workfront has (GET /metadata); the built-in list when metadata cannot be read. */
export async function getObjectTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const answer =
			(await workfrontRequest<IDataObject>(this, { method: 'GET', path: 'metadata' })) ?? {};
		const objects = Object.values((answer.objects as Record<string, IDataObject>) ?? {});
		if (objects.length === 0) return builtInTypes();
		const options = objects
			.map((object) => ({
				name: String(object.label ?? object.name ?? object.objCode),
				value: String(object.objCode),
				description: `${String(object.name ?? '')} (${String(object.objCode)})`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		return [...options, OTHER];
	} catch {
		return builtInTypes();
	}
}

/** Fields of the chosen object type: its own, `reference:name` for its references, and its custom fields. */
export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const objCode = currentObjectCode(this);
	const metadata = await objectMetadata(this, objCode);
	const { fields: custom } = await customFormsOf(this, objCode).catch(() => ({ fields: [] }));
	return [
		...metadata.fields.map(({ name, label }) => ({ name: `${label} (${name})`, value: name })),
		...metadata.references.flatMap((reference) => [
			{ name: `${reference}: Name`, value: `${reference}:name` },
			{ name: `${reference}: ID`, value: `${reference}:ID` },
		]),
		...custom.map(({ name, label }) => ({
			name: `${label} (Custom Field DE:${name})`,
			value: `DE:${name}`,
		})),
	];
}

/** Like getFields, plus * (all fields) and the collections, for "Fields to Return". */
export async function getReturnFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const objCode = currentObjectCode(this);
	const fields = await getFields.call(this);
	const { collections } = await objectMetadata(this, objCode);
	return [
		{ name: 'All Fields (*)', value: '*' },
		...fields,
		...collections.map((collection) => ({
			name: `${collection} (Collection): Name`,
			value: `${collection}:name`,
		})),
	];
}

export async function getCustomForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { forms } = await customFormsOf(this, currentObjectCode(this));
	return forms.map(({ ID, name }) => ({ name, value: ID }));
}
