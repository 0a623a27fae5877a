import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asObject } from '../core/answers';
import { PLANNING_FIELD_TYPES } from '../core/planning';
import { listOf } from '../core/planningFilters';
import { failItem, readParameter } from './parameters';

interface FieldOptions {
	description?: string;
	selectOptions?: string;
	precision?: number;
	allowNegatives?: boolean;
	currency?: unknown;
	multipleUsersAllowed?: boolean;
	referencedRecordTypeId?: unknown;
	multiple?: boolean;
	formula?: string;
	isHtmlNative?: boolean;
	json?: unknown;
}

const NUMBERS = new Set(['NUMBER', 'PERCENTAGE', 'CURRENCY']);

/** A text setting as given, trimmed: an expression may give a number, or nothing. */
const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).trim();

/**
 * A new field as SPEC's `FieldDto` (createField): `displayName`, `type`, `description`, and the
 * options of its type only: `options` for selects (each `{displayName}`: `FieldOptionDto.name` is
 * "Name identifier for the option", which Adobe does not say a client sets), `numberOptions`,
 * `userOptions`, `referenceOptions`, `formulaOptions`, `isHtmlNative`. Additional Settings (JSON)
 * is merged last, for what the panel does not offer (lookups, date formats, back references).
 */
export function readFieldDefinition(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const displayName = String(readParameter(context, 'displayName', itemIndex, '') ?? '').trim();
	if (displayName === '')
		failItem(
			context,
			itemIndex,
			'Display Name is empty',
			'Enter the name of the new field, e.g. Budget.',
		);
	const type = String(readParameter(context, 'fieldType', itemIndex, 'TEXT'));
	if (!(PLANNING_FIELD_TYPES as readonly string[]).includes(type))
		failItem(
			context,
			itemIndex,
			`Type: "${type}" is not a Planning field type`,
			`Use one of ${PLANNING_FIELD_TYPES.join(', ')}.`,
		);
	const options = (readParameter(context, 'fieldOptions', itemIndex, {}) ?? {}) as FieldOptions;
	const field: IDataObject = { displayName, type };
	if (options.description) field.description = options.description;
	if (type === 'SINGLE_SELECT' || type === 'MULTI_SELECT') {
		const choices = listOf(options.selectOptions ?? '').map((name) => String(name));
		if (choices.length > 0) field.options = choices.map((name) => ({ displayName: name }));
	}
	if (NUMBERS.has(type)) {
		const numberOptions: IDataObject = {};
		if (options.precision !== undefined) numberOptions.precision = options.precision;
		if (options.allowNegatives !== undefined) numberOptions.allowNegatives = options.allowNegatives;
		const currency = text(options.currency);
		if (type === 'CURRENCY' && currency) numberOptions.currency = currency.toUpperCase();
		if (Object.keys(numberOptions).length > 0) field.numberOptions = numberOptions;
	}
	if (type === 'USER' && options.multipleUsersAllowed !== undefined)
		field.userOptions = { multipleUsersAllowed: options.multipleUsersAllowed };
	if (type === 'REFERENCE') {
		const referenceOptions: IDataObject = {};
		const recordTypeId = text(options.referencedRecordTypeId);
		if (recordTypeId) referenceOptions.recordTypeId = recordTypeId;
		if (options.multiple !== undefined) referenceOptions.multiple = options.multiple;
		if (Object.keys(referenceOptions).length > 0) field.referenceOptions = referenceOptions;
	}
	if (type === 'FORMULA' && options.formula) field.formulaOptions = { formula: options.formula };
	if (type === 'PARAGRAPH' && options.isHtmlNative !== undefined)
		field.isHtmlNative = options.isHtmlNative;
	let extra: unknown = options.json ?? {};
	if (typeof extra === 'string') {
		try {
			extra = extra.trim() === '' ? {} : (JSON.parse(extra) as unknown);
		} catch {
			extra = undefined;
		}
	}
	const object = asObject(extra);
	if (!object)
		failItem(
			context,
			itemIndex,
			'Field Options: Additional Settings (JSON) must be one JSON object',
			'Enter an object of FieldDto keys, e.g. {"dateOptions": {"dateFormat": "iso"}}.',
		);
	return { ...field, ...(object as IDataObject) };
}
