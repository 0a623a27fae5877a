import { ACTIONS } from './actions';
import { OBJECT_SPECS, type ObjectSpec } from './schema';

const FIELD_TYPES: Record<string, string> = {
	string: 'string',
	int: 'int',
	double: 'double',
	currency: 'double',
	boolean: 'boolean',
	date: 'date',
	dateTime: 'dateTime',
	enum: 'string',
	id: 'string',
};

/** GET /metadata: the object types this Workfront has. */
export function listObjects() {
	return {
		objects: Object.fromEntries(
			OBJECT_SPECS.map((spec) => [
				spec.objCode,
				{ objCode: spec.objCode, name: spec.name, label: spec.label },
			]),
		),
	};
}

/** GET /<obj>/metadata, in the shape of the official client's fixture. */
export function describeObject(spec: ObjectSpec) {
	return {
		objCode: spec.objCode,
		name: spec.name,
		label: spec.label,
		url: `/attask/api/${spec.name.toLowerCase()}`,
		fields: Object.fromEntries(
			Object.entries(spec.fields).map(([name, field]) => [
				name,
				{
					label: field.label,
					fieldType: FIELD_TYPES[field.type],
					flags: [
						...(field.readOnly ? ['READ_ONLY'] : []),
						...(field.required ? ['REQUIRED'] : []),
					],
					...(field.enumValues
						? {
								enumType: `${spec.objCode}.${name}`,
								possibleValues: field.enumValues.map((value) => ({ value, label: value })),
							}
						: {}),
				},
			]),
		),
		references: Object.fromEntries(
			Object.entries(spec.references).map(([name, reference]) => [
				name,
				{ objCode: reference.objCode, referenceField: reference.key },
			]),
		),
		collections: Object.fromEntries(
			Object.entries(spec.collections).map(([name, collection]) => [
				name,
				{ objCode: collection.objCode },
			]),
		),
		actions: Object.fromEntries(
			spec.actions
				.filter((name) => name in ACTIONS)
				.map((name) => [name, { label: name, arguments: [] }]),
		),
		operations: ['add', 'count', 'delete', 'edit', 'get', 'report', 'search'],
	};
}
