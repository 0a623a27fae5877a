import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadOptions } from '../shared/methods';

/**
 * The fields Field Changed can watch: the object type's own fields and custom fields, as the field
 * pickers list them, without the fields of referenced objects (`owner:name`): a change there does
 * not change the watched record's last update date, which is how a poll finds the records to
 * compare, so it would go unseen.
 */
export async function getWatchableFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await loadOptions.getFields.call(this);
	return fields.filter(({ value }) => isWatchable(String(value)));
}

/** A field of the record itself (`status`) or one of its custom fields (`DE:Region`). */
export function isWatchable(field: string): boolean {
	return !field.includes(':') || field.startsWith('DE:');
}
