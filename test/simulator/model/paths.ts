import { specFor, type FieldSpec, type ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

export function unsupportedField(spec: ObjectSpec, field: string, version: string) {
	const model = version.startsWith('v') ? version.slice(1).replace('.', '_') : 'INTERNAL';
	return invalidParameter(`APIModel V${model} does not support field ${field} (${spec.name})`);
}

export interface ResolvedPath {
	values: unknown[];
	field?: FieldSpec;
}

/**
 * Follows a field path such as `name`, `owner:name`, `project:owner:emailAddr`,
 * `assignments:assignedToID` or `DE:Region` from a record to its values (several, through a
 * collection). Unknown names fail the way Workfront fails them.
 */
export function resolvePath(
	store: ObjectStore,
	spec: ObjectSpec,
	records: WfRecord[],
	path: string,
	version: string,
): ResolvedPath {
	if (path.startsWith('DE:')) {
		return { values: records.map((record) => record.parameterValues[path] ?? null) };
	}
	const [head, ...rest] = path.split(':');
	const field = spec.fields[head];
	if (field && rest.length === 0)
		return { values: records.map((record) => record[head] ?? null), field };
	const reference = spec.references[head];
	if (reference) {
		const target = specFor(reference.objCode);
		const linked = records
			.map((record) =>
				record[reference.key]
					? store.get(target.objCode, String(record[reference.key]))
					: undefined,
			)
			.filter((record): record is WfRecord => record !== undefined);
		if (rest.length === 0) return { values: linked.map((record) => record.ID) };
		const resolved = resolvePath(store, target, linked, rest.join(':'), version);
		return linked.length === 0 ? { values: [null], field: resolved.field } : resolved;
	}
	const collection = spec.collections[head];
	if (collection) {
		const target = specFor(collection.objCode);
		const ids = new Set(records.map((record) => record.ID));
		const members = store
			.all(target.objCode)
			.filter((member) => ids.has(String(member[collection.foreignKey])));
		if (rest.length === 0) return { values: members.map((member) => member.ID) };
		return resolvePath(store, target, members, rest.join(':'), version);
	}
	throw unsupportedField(spec, path, version);
}
