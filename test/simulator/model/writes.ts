import { formsOf, resolveForms, validateCustomValues } from './customForms';
import { parseDateTime } from './dates';
import { unsupportedField } from './paths';
import { specFor, type FieldSpec, type ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

export const BULK_LIMIT = 100;

function coerce(spec: ObjectSpec, name: string, field: FieldSpec, value: unknown): unknown {
	if (value === null || value === '') return field.type === 'string' ? value : null;
	const wrongType = () =>
		invalidParameter(
			`Invalid value ${JSON.stringify(value)} for field '${field.label}' (${spec.name}.${name}): expected ${field.type}`,
		);
	switch (field.type) {
		case 'int': {
			const number = Number(value);
			if (!Number.isInteger(number)) throw wrongType();
			return number;
		}
		case 'double':
		case 'currency': {
			const number = Number(value);
			if (!Number.isFinite(number) || typeof value === 'boolean') throw wrongType();
			return number;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw wrongType();
		case 'date':
		case 'dateTime': {
			const time = parseDateTime(String(value));
			if (Number.isNaN(time)) throw wrongType();
			return field.type === 'date'
				? new Date(time).toISOString().slice(0, 10)
				: new Date(time).toISOString();
		}
		case 'enum':
			if (!field.enumValues?.includes(String(value))) {
				throw invalidParameter(
					`Invalid custom enum value(s) for field '${field.label}': ['${String(value)}']`,
				);
			}
			return String(value);
		default:
			if (typeof value === 'object') throw wrongType();
			return String(value);
	}
}

/**
 * Validates a create or an edit and returns the values to store. Unknown fields, wrong types,
 * invalid enum values, read-only fields and dangling references fail as Workfront fails them.
 */
export function validateWrite(
	store: ObjectStore,
	spec: ObjectSpec,
	input: unknown,
	version: string,
	mode: 'create' | 'edit',
	existing?: WfRecord,
): Record<string, unknown> {
	if (!input || typeof input !== 'object' || Array.isArray(input)) {
		throw invalidParameter(`Expected an object of field values for ${spec.name}`);
	}
	const values: Record<string, unknown> = {};
	const parameterValues: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
		if (name === 'ID' || name === 'objCode' || name === 'objectCategories') continue;
		if (name.startsWith('DE:')) {
			parameterValues[name] = value;
			continue;
		}
		if (name === 'parameterValues' && value && typeof value === 'object') {
			Object.assign(parameterValues, value);
			continue;
		}
		const field = spec.fields[name];
		if (!field) throw unsupportedField(spec, name, version);
		if (field.readOnly)
			throw invalidParameter(`Field '${field.label}' (${spec.name}.${name}) is read-only`);
		values[name] = coerce(spec, name, field, value);
	}
	for (const reference of Object.values(spec.references)) {
		const id = values[reference.key];
		if (typeof id === 'string' && id && !store.get(reference.objCode, id)) {
			throw invalidParameter(
				`${specFor(reference.objCode).name} with ID ${id} was not found (${spec.name}.${reference.key})`,
			);
		}
	}
	if (mode === 'create') {
		for (const [name, field] of Object.entries(spec.fields)) {
			if (
				field.required &&
				(values[name] === undefined || values[name] === null || values[name] === '')
			) {
				throw invalidParameter(`Required field '${field.label}' (${spec.name}.${name}) is missing`);
			}
		}
	}
	const forms = resolveForms(store, spec, input as Record<string, unknown>, existing);
	if (forms) {
		values.objectCategories = forms;
		values.categoryID = forms[0] ?? null;
	}
	validateCustomValues(store, spec, parameterValues, forms ?? formsOf(existing));
	if (Object.keys(parameterValues).length > 0) values.parameterValues = parameterValues;
	return values;
}

export function checkBulkSize(count: number): void {
	if (count > BULK_LIMIT) {
		throw invalidParameter(
			`A bulk request may hold at most ${BULK_LIMIT} objects; this one has ${count}`,
		);
	}
}

/** Dependants that a plain delete refuses to remove (a force delete takes them along). */
export function dependants(
	store: ObjectStore,
	spec: ObjectSpec,
	record: WfRecord,
): Array<{ objCode: string; id: string }> {
	const found: Array<{ objCode: string; id: string }> = [];
	for (const collection of Object.values(spec.collections)) {
		for (const member of store.all(collection.objCode)) {
			if (member[collection.foreignKey] === record.ID)
				found.push({ objCode: collection.objCode, id: member.ID });
		}
	}
	return found;
}

export function deleteRecord(
	store: ObjectStore,
	spec: ObjectSpec,
	record: WfRecord,
	force: boolean,
): void {
	const children = dependants(store, spec, record);
	if (children.length > 0 && !force) {
		throw invalidParameter(
			`${spec.name} ${record.ID} still has ${children.length} dependent object(s); delete them first or delete with force=true`,
		);
	}
	for (const child of children) {
		const childRecord = store.get(child.objCode, child.id);
		if (childRecord) deleteRecord(store, specFor(child.objCode), childRecord, true);
	}
	store.remove(spec.objCode, record.ID);
}
