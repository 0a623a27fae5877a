import { declaredActions } from './adobeFacts';
import { findSpec, OBJECT_SPECS, type ObjectSpec } from './schema';

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

/**
 * Labels of enumerated values, as Workfront's metadata gives them next to the codes
 * (`possibleValues: [{ value, label }]`); the labels are those of Workfront's web UI (Adobe
 * Experience League, "Project statuses", "Task statuses", "Issue statuses" and "Issue types").
 * Values without an entry here keep the code as their label, as Workfront does for codes it has no
 * label for.
 */
const ENUM_LABELS: Record<string, Record<string, string>> = {
	'PROJ.status': {
		PLN: 'Planning',
		CUR: 'Current',
		ONH: 'On Hold',
		CPL: 'Complete',
		DED: 'Dead',
		REQ: 'Requested',
		APR: 'Approved',
		IDA: 'Idea',
	},
	'TASK.status': { NEW: 'New', INP: 'In Progress', CPL: 'Complete' },
	'OPTASK.status': { NEW: 'New', INP: 'In Progress', CLS: 'Closed', AWF: 'Awaiting Feedback' },
	'OPTASK.opTaskType': {
		BUG: 'Bug Report',
		ISU: 'Issue',
		REQ: 'Request',
		CHG: 'Change Order',
		RSK: 'Risk',
	},
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
export function describeObject(
	spec: ObjectSpec,
	declared: Record<string, { label: string; fieldType: string }> = {},
) {
	return {
		objCode: spec.objCode,
		name: spec.name,
		label: spec.label,
		url: `/attask/api/${spec.name.toLowerCase()}`,
		fields: Object.fromEntries([
			...Object.entries(spec.fields).map(([name, field]) => [
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
								possibleValues: field.enumValues.map((value) => ({
									value,
									label: ENUM_LABELS[`${spec.objCode}.${name}`]?.[value] ?? value,
								})),
							}
						: {}),
				},
			]),
			...Object.entries(declared).map(([name, field]) => [name, { ...field, flags: [] }]),
		]),
		// As the official client's fixtures/metadata.json writes a reference: its label, the
		// referenced object's code in `typeObjCode` and its name in `fieldType` (e.g. `enteredBy`:
		// typeObjCode USER, fieldType User); the ID field beside it is `<reference>ID`.
		references: Object.fromEntries(
			Object.entries(spec.references).map(([name, reference]) => [
				name,
				{
					label: name.replace(/^./, (first) => first.toUpperCase()),
					typeObjCode: reference.objCode,
					fieldType: findSpec(reference.objCode)?.name ?? reference.objCode,
					url: `/attask/api/${reference.objCode.toLowerCase()}/metadata`,
				},
			]),
		),
		collections: Object.fromEntries(
			Object.entries(spec.collections).map(([name, collection]) => [
				name,
				{
					label: name,
					typeObjCode: collection.objCode,
					fieldType: findSpec(collection.objCode)?.name ?? collection.objCode,
				},
			]),
		),
		// Actions in the shape of the official client's fixtures/metadata.json ({arguments:[{name,type}],
		// label}), with the actions and argument types Adobe's OpenAPI declares for the object type.
		actions: Object.fromEntries(
			Object.entries(declaredActions(spec.objCode) ?? {}).map(([name, args]) => [
				name,
				{
					label: name,
					arguments: args.map(({ name: argName, type }) => ({ name: argName, type })),
				},
			]),
		),
		operations: ['add', 'count', 'delete', 'edit', 'get', 'report', 'search'],
	};
}
