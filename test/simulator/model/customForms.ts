import { parseDateTime } from './dates';
import type { ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

/**
 * Display types as Workfront stores them (PARAM.displayType), Adobe's codes: SLCT (dropdown), RDIO
 * (radio buttons), CHCK (checkboxes), MULT (multi-select dropdown) from Experience League's
 * "Kick-start scenario: multiple-option custom field import" ("The Display Type must be entered as
 * it would appear in the database"); TYAH (API v11 notes), RICH (v12), EXTRNL, MULTEXTRNL and the
 * other WIDGET successors (v19), INTRNL and MULTINTRNL (v20). Adobe documents no code for a
 * single-line text box, a paragraph or a date field: the simulator writes TEXT, TEXTAREA and DATE
 * for those (its own words, marked as such), which the node treats as text, as it treats any code
 * it does not know.
 */
export type DisplayType =
	| 'SLCT'
	| 'RDIO'
	| 'CHCK'
	| 'MULT'
	| 'TYAH'
	| 'RICH'
	| 'EXTRNL'
	| 'MULTEXTRNL'
	| 'INTRNL'
	| 'MULTINTRNL'
	| 'TEXT'
	| 'TEXTAREA'
	| 'DATE'
	// Any other code: a test of a code the node does not know.
	| (string & {});

/** Display types whose value is a list of option values (Adobe's `DE:CustomCheckBoxes` example). */
export const MULTI_VALUE_DISPLAY_TYPES = ['CHCK', 'MULT', 'MULTEXTRNL', 'MULTINTRNL'];
/** Display types whose value is one of the options. */
export const CHOICE_DISPLAY_TYPES = ['SLCT', 'RDIO'];

export interface CustomFieldDefinition {
	name: string;
	label?: string;
	/** Adobe documents TEXT, NMBR and CURC (kick-start import), RICH, DRTN, HTML; DATE is the simulator's. */
	dataType?: 'TEXT' | 'NMBR' | 'CURC' | 'DATE';
	displayType?: DisplayType;
	options?: string[];
}

export interface CustomFormDefinition {
	name: string;
	objCode: string;
	fields: CustomFieldDefinition[];
}

/** Creates a custom form (CTGY) with its fields (PARAM, options, form-field links), reusing fields by name. */
export function defineCustomForm(store: ObjectStore, form: CustomFormDefinition): WfRecord {
	const category = store.insert('CTGY', { name: form.name, catObjCode: form.objCode });
	form.fields.forEach((field, index) => {
		let parameter = findParameter(store, field.name);
		if (!parameter) {
			parameter = store.insert('PARAM', {
				name: field.name,
				label: field.label ?? field.name,
				dataType: field.dataType ?? 'TEXT',
				displayType: field.displayType ?? (field.options ? 'SLCT' : 'TEXT'),
			});
			for (const value of field.options ?? [])
				store.insert('POPT', { parameterID: parameter.ID, value, label: value });
		}
		store.insert('CTGYPA', {
			categoryID: category.ID,
			parameterID: parameter.ID,
			displayOrder: index,
		});
	});
	return category;
}

export function findParameter(store: ObjectStore, name: string): WfRecord | undefined {
	return store.all('PARAM').find((parameter) => parameter.name === name);
}

function parameterIdsOfForms(store: ObjectStore, categoryIds: string[]): Set<string> {
	const forms = new Set(categoryIds);
	return new Set(
		store
			.all('CTGYPA')
			.filter((link) => forms.has(String(link.categoryID)))
			.map((link) => String(link.parameterID)),
	);
}

export function formsOf(record: WfRecord | undefined): string[] {
	if (!record) return [];
	if (Array.isArray(record.objectCategories)) return record.objectCategories as string[];
	return typeof record.categoryID === 'string' && record.categoryID ? [record.categoryID] : [];
}

/** The forms a write leaves on a record: `objectCategories` replaces them, `categoryID` sets the first. */
export function resolveForms(
	store: ObjectStore,
	spec: ObjectSpec,
	input: Record<string, unknown>,
	existing?: WfRecord,
): string[] | undefined {
	const given = input.objectCategories;
	let forms: string[] | undefined;
	if (given !== undefined) {
		if (!Array.isArray(given))
			throw invalidParameter('objectCategories must be a list of {categoryID, categoryOrder}');
		forms = given.map((entry) => String((entry as { categoryID?: unknown })?.categoryID ?? ''));
	} else if (typeof input.categoryID === 'string' && input.categoryID) {
		forms = [input.categoryID, ...formsOf(existing).filter((id) => id !== input.categoryID)];
	}
	for (const id of forms ?? []) {
		const category = store.get('CTGY', id);
		if (!category) throw invalidParameter(`Custom form ${id} does not exist`);
		if (category.catObjCode !== spec.objCode) {
			throw invalidParameter(
				`Custom form '${String(category.name)}' is for ${String(category.catObjCode)} and cannot be attached to a ${spec.name}`,
			);
		}
	}
	return forms;
}

function optionValues(store: ObjectStore, parameter: WfRecord): string[] {
	return store
		.all('POPT')
		.filter((option) => option.parameterID === parameter.ID)
		.map((option) => String(option.value));
}

/** Checks custom field values against their definitions and the record's forms. */
export function validateCustomValues(
	store: ObjectStore,
	spec: ObjectSpec,
	values: Record<string, unknown>,
	forms: string[],
): void {
	const onForms = parameterIdsOfForms(store, forms);
	for (const [key, value] of Object.entries(values)) {
		const name = key.slice(3);
		const parameter = findParameter(store, name);
		if (!parameter) throw invalidParameter(`Custom field '${name}' does not exist`);
		if (!onForms.has(parameter.ID)) {
			throw invalidParameter(
				`Custom field '${name}' is not on a custom form attached to this ${spec.name}; attach a form that has it`,
			);
		}
		if (value === null || value === '') continue;
		const wrong = (expected: string) =>
			invalidParameter(
				`Invalid value ${JSON.stringify(value)} for custom field '${String(parameter.label)}': expected ${expected}`,
			);
		const options = optionValues(store, parameter);
		if (parameter.dataType === 'NMBR' || parameter.dataType === 'CURC') {
			if (typeof value === 'boolean' || !Number.isFinite(Number(value))) throw wrong('a number');
		} else if (parameter.dataType === 'DATE') {
			if (Number.isNaN(parseDateTime(String(value)))) throw wrong('a date');
		}
		if (MULTI_VALUE_DISPLAY_TYPES.includes(String(parameter.displayType))) {
			const list = Array.isArray(value) ? value : [value];
			if (list.some((item) => !options.includes(String(item))))
				throw wrong(`values from ${JSON.stringify(options)}`);
		} else if (CHOICE_DISPLAY_TYPES.includes(String(parameter.displayType))) {
			if (!options.includes(String(value))) throw wrong(`one of ${JSON.stringify(options)}`);
		}
	}
}
