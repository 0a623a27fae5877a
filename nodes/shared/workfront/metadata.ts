import type { IDataObject } from 'n8n-workflow';

import type { WorkfrontContext } from '../transport/connection';
import { workfrontRequest } from '../transport/request';
import { MAX_PAGE_SIZE } from '../core/limits';

export interface FieldMetadata {
	name: string;
	label: string;
	fieldType: string;
	required: boolean;
	readOnly: boolean;
	possibleValues?: Array<{ value: string; label: string }>;
}

export interface ActionMetadata {
	name: string;
	label: string;
	/** As declared, e.g. `{name: 'task', type: 'Task'}` or `{name: 'ids', type: 'string[]'}`. */
	arguments: Array<{ name: string; type: string }>;
}

/** A reference of an object type (`owner`), the object type it points at and its ID field. */
export interface ReferenceMetadata {
	name: string;
	label: string;
	/** The referenced object's code (`USER`), from `typeObjCode`; empty when metadata omits it. */
	objCode: string;
	/** The field that holds the referenced record's ID: `<reference>ID` (`ownerID`). */
	idField: string;
}

export interface ObjectMetadata {
	fields: FieldMetadata[];
	references: string[];
	/** The references with the object type each points at, in metadata's order. */
	referenceTypes: ReferenceMetadata[];
	collections: string[];
	/** The actions of the object type (`actions` of the metadata, official client fixtures/metadata.json). */
	actions: ActionMetadata[];
}

export interface CustomField {
	/** The name Workfront uses after DE:, e.g. `Region` for `DE:Region`. */
	name: string;
	label: string;
	dataType: string;
	displayType: string;
	options: string[];
	/** The names of the forms the field is on. */
	forms: string[];
	/** The IDs of those forms, in the same order. */
	formIds: string[];
}

export interface CustomForm {
	ID: string;
	name: string;
}

/** Metadata is read once per node run (the context) and object type. */
const cache = new WeakMap<object, Map<string, Promise<unknown>>>();

function cached<T>(context: WorkfrontContext, key: string, load: () => Promise<T>): Promise<T> {
	let entries = cache.get(context);
	if (!entries) {
		entries = new Map();
		cache.set(context, entries);
	}
	let entry = entries.get(key) as Promise<T> | undefined;
	if (!entry) {
		entry = load();
		entries.set(key, entry);
		entry.catch(() => entries?.delete(key));
	}
	return entry;
}

function asRecord(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** GET /<objCode>/metadata, reduced to what the pickers and the resource mapper need. */
export async function objectMetadata(
	context: WorkfrontContext,
	objCode: string,
): Promise<ObjectMetadata> {
	return await cached(context, `metadata:${objCode}`, async () => {
		const metadata = asRecord(
			await workfrontRequest(context, {
				method: 'GET',
				path: `${encodeURIComponent(objCode)}/metadata`,
			}),
		);
		const fields = Object.entries(asRecord(metadata.fields)).map(([name, raw]) => {
			const field = asRecord(raw);
			const flags = Array.isArray(field.flags) ? field.flags.map(String) : [];
			const possibleValues = Array.isArray(field.possibleValues)
				? field.possibleValues.map((option) => {
						const { value, label } = asRecord(option);
						return { value: String(value), label: String(label ?? value) };
					})
				: undefined;
			return {
				name,
				label: String(field.label ?? name),
				fieldType: String(field.fieldType ?? 'string'),
				required: flags.includes('REQUIRED'),
				readOnly: flags.includes('READ_ONLY'),
				possibleValues,
			};
		});
		const actions = Object.entries(asRecord(metadata.actions)).map(([name, raw]) => {
			const action = asRecord(raw);
			return {
				name,
				label: String(action.label ?? name),
				arguments: (Array.isArray(action.arguments) ? action.arguments : [])
					.map((argument) => asRecord(argument))
					.filter((argument) => typeof argument.name === 'string' && argument.name !== '')
					.map((argument) => ({
						name: String(argument.name),
						type: String(argument.type ?? 'string'),
					})),
			};
		});
		// A reference as the official client's fixtures/metadata.json writes it: `enteredBy` with
		// typeObjCode USER; the ID beside it is the field `enteredByID`.
		const referenceTypes = Object.entries(asRecord(metadata.references)).map(([name, raw]) => {
			const reference = asRecord(raw);
			return {
				name,
				label: String(reference.label ?? name),
				objCode: String(reference.typeObjCode ?? reference.objCode ?? '').toUpperCase(),
				idField: `${name}ID`,
			};
		});
		return {
			fields,
			references: Object.keys(asRecord(metadata.references)),
			referenceTypes,
			collections: Object.keys(asRecord(metadata.collections)),
			actions,
		};
	});
}

/** The custom forms for an object type and the custom fields on them. */
export async function customFormsOf(
	context: WorkfrontContext,
	objCode: string,
): Promise<{ forms: CustomForm[]; fields: CustomField[] }> {
	return await cached(context, `forms:${objCode}`, async () => {
		const forms = await workfrontRequest<IDataObject[]>(context, {
			method: 'GET',
			path: 'ctgy/search',
			query: [
				['catObjCode', objCode],
				[
					'fields',
					'categoryParameters:parameter:*,categoryParameters:parameter:parameterOptions:value',
				],
				['name_Sort', 'asc'],
				['$$LIMIT', String(MAX_PAGE_SIZE)],
			],
		});
		const fields = new Map<string, CustomField>();
		for (const form of Array.isArray(forms) ? forms : []) {
			for (const link of (form.categoryParameters as IDataObject[] | undefined) ?? []) {
				const parameter = asRecord(link.parameter);
				const name = String(parameter.name ?? '');
				if (!name) continue;
				const field = fields.get(name) ?? {
					name,
					label: String(parameter.label ?? name),
					dataType: String(parameter.dataType ?? 'TEXT'),
					displayType: String(parameter.displayType ?? 'TEXT'),
					options: ((parameter.parameterOptions as IDataObject[] | undefined) ?? []).map((option) =>
						String(option.value),
					),
					forms: [],
					formIds: [],
				};
				field.forms.push(String(form.name));
				field.formIds.push(String(form.ID));
				fields.set(name, field);
			}
		}
		return {
			forms: (Array.isArray(forms) ? forms : []).map((form) => ({
				ID: String(form.ID),
				name: String(form.name),
			})),
			fields: [...fields.values()],
		};
	});
}
