import { formsOf } from './customForms';
import { formatDateTime } from './dates';
import { unsupportedField } from './paths';
import { specFor, type ObjectSpec } from './schema';
import type { ObjectStore, WfRecord } from './store';

type Output = Record<string, unknown>;

/** `fields` as Workfront takes it: comma-separated, or a JSON array. */
export function parseFieldList(raw: string | undefined): string[] {
	if (!raw) return [];
	const text = raw.trim();
	if (text.startsWith('[')) {
		try {
			return (JSON.parse(text) as unknown[]).map(String);
		} catch {
			return [];
		}
	}
	return text
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
}

function renderValue(spec: ObjectSpec, name: string, value: unknown): unknown {
	if (value === undefined) return null;
	if (spec.fields[name]?.type === 'dateTime' && typeof value === 'string')
		return formatDateTime(value);
	return value;
}

function stub(spec: ObjectSpec, record: WfRecord): Output {
	const output: Output = { ID: record.ID, objCode: record.objCode };
	if (spec.fields.name) output.name = record.name ?? null;
	return output;
}

/** Adds one requested field path to the output object of `record`. */
function addField(
	store: ObjectStore,
	spec: ObjectSpec,
	record: WfRecord,
	output: Output,
	path: string,
	version: string,
): void {
	if (path === '*') {
		for (const name of Object.keys(spec.fields))
			output[name] = renderValue(spec, name, record[name]);
		return;
	}
	if (path === 'parameterValues') {
		output.parameterValues = { ...record.parameterValues };
		return;
	}
	if (path === 'objectCategories') {
		output.objectCategories = formsOf(record).map((categoryID, categoryOrder) => ({
			categoryID,
			categoryOrder,
			name: store.get('CTGY', categoryID)?.name ?? null,
		}));
		return;
	}
	if (path.startsWith('DE:')) {
		output[path] = record.parameterValues[path] ?? null;
		return;
	}
	const [head, ...rest] = path.split(':');
	if (spec.fields[head] && rest.length === 0) {
		output[head] = renderValue(spec, head, record[head]);
		return;
	}
	const reference = spec.references[head];
	if (reference) {
		const target = specFor(reference.objCode);
		const linked = record[reference.key]
			? store.get(target.objCode, String(record[reference.key]))
			: undefined;
		if (!linked) {
			output[head] = null;
			return;
		}
		const nested = (output[head] as Output | null) ?? stub(target, linked);
		if (rest.length > 0) addField(store, target, linked, nested, rest.join(':'), version);
		output[head] = nested;
		return;
	}
	const collection = spec.collections[head];
	if (collection) {
		const target = specFor(collection.objCode);
		const members = store
			.all(target.objCode)
			.filter((member) => member[collection.foreignKey] === record.ID);
		const existing =
			(output[head] as Output[] | undefined) ?? members.map((member) => stub(target, member));
		if (rest.length > 0)
			members.forEach((member, index) =>
				addField(store, target, member, existing[index], rest.join(':'), version),
			);
		output[head] = existing;
		return;
	}
	throw unsupportedField(spec, path, version);
}

/** What Workfront returns for a record: the common subset, plus every field asked for. */
export function project(
	store: ObjectStore,
	spec: ObjectSpec,
	record: WfRecord,
	fields: string[],
	version: string,
): Output {
	const output: Output = {};
	for (const name of spec.defaultFields) output[name] = renderValue(spec, name, record[name]);
	for (const path of fields) addField(store, spec, record, output, path, version);
	return output;
}

/** Checks every requested path against the schema, so a bad field fails even when nothing matches. */
export function validateFields(spec: ObjectSpec, fields: string[], version: string): void {
	for (const path of fields) validatePath(spec, path, path, version);
}

function validatePath(spec: ObjectSpec, path: string, whole: string, version: string): void {
	if (
		path === '*' ||
		path === 'parameterValues' ||
		path === 'objectCategories' ||
		path.startsWith('DE:')
	)
		return;
	const [head, ...rest] = path.split(':');
	if (spec.fields[head] && rest.length === 0) return;
	const link = spec.references[head] ?? spec.collections[head];
	if (!link) throw unsupportedField(spec, path === whole ? path : head, version);
	if (rest.length > 0) validatePath(specFor(link.objCode), rest.join(':'), whole, version);
}
