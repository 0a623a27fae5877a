import type { IDataObject } from 'n8n-workflow';

import { readErrorBody } from './apiErrors';
import { closestNames, unknownFieldIn } from './fieldHints';

export type MetadataLoader = (objCode: string) => Promise<IDataObject>;

/** Fields of an object type, from Workfront's metadata; fetched only when a request named a field it does not know. */
async function knownFields(loadMetadata: MetadataLoader, objCode: string): Promise<string[]> {
	try {
		const metadata = await loadMetadata(objCode);
		return [
			...Object.keys((metadata.fields as IDataObject) ?? {}),
			...Object.keys((metadata.references as IDataObject) ?? {}),
			...Object.keys((metadata.collections as IDataObject) ?? {}),
		];
	} catch {
		return [];
	}
}

/** Extra help for a failure, where one can be worked out: for an unknown field, the closest valid names. */
export async function hintForFailure(
	path: string,
	status: number,
	body: unknown,
	loadMetadata: MetadataLoader,
): Promise<string | undefined> {
	const field = unknownFieldIn(readErrorBody(body)?.message);
	const objCode = path.split('/')[0];
	if (!field || !objCode || objCode === 'metadata') return undefined;
	const root = field.split(':')[0];
	const suggestions = closestNames(root, await knownFields(loadMetadata, objCode));
	const advice = `Field names are case-sensitive; custom fields are written DE:<name>; references and collections use a colon (owner:name).`;
	return suggestions.length > 0
		? `Workfront has no field "${root}" on this object type (HTTP ${status}). Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}? ${advice}`
		: `Workfront has no field "${root}" on this object type (HTTP ${status}). ${advice}`;
}
