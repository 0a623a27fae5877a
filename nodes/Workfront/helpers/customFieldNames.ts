import type { IDataObject } from 'n8n-workflow';

import type { WorkfrontContext } from '../transport/context';
import { customFormsOf } from './metadata';

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
