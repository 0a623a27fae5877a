/**
 * What Adobe documents about Workfront Planning's API v2, written once. Sources, cited below by
 * these names:
 * - SPEC: Adobe's OpenAPI file, AdobeDocs/Workfront-Planning-API `static/v2.json` (served as
 *   developer.adobe.com/wf-planning/v2.json; byte-identical to api-evangelist/workfront
 *   `openapi/workfront-planning-v2-openapi.json`);
 * - BASICS: *Planning API basics*, AdobeDocs/workfront.en
 *   `help/quicksilver/planning/general/planning-api-basics.md`;
 * - V2PAGE: the v2 landing page, AdobeDocs/Workfront-Planning-API `src/pages/index.md`.
 */
import type { IDataObject } from 'n8n-workflow';

import { asObject } from './answers';

/** Where Planning's API v2 lives on the Workfront host (SPEC `servers`: `https://{customer-domain}/maestro/api`, paths `/v2/…`). */
export const PLANNING_API_ROOT = 'maestro/api/v2';

/** SPEC `FieldDto.type`. Adobe reads lookups, created/updated by/at and approvals elsewhere but lists no type for them. */
export const PLANNING_FIELD_TYPES = [
	'TEXT',
	'PARAGRAPH',
	'NUMBER',
	'PERCENTAGE',
	'CURRENCY',
	'DATE',
	'SINGLE_SELECT',
	'MULTI_SELECT',
	'CHECKBOX',
	'REFERENCE',
	'USER',
	'FORMULA',
] as const;

export type PlanningFieldType = (typeof PLANNING_FIELD_TYPES)[number];

/** A Planning field as `GET /v2/record-types/{id}/fields` answers it (SPEC `FieldDto`), as far as the node reads it. */
export interface PlanningField {
	id: string;
	displayName: string;
	type: string;
	alias?: string;
	options?: Array<{ name?: unknown; displayName?: string }>;
	userOptions?: { multipleUsersAllowed?: boolean };
	referenceOptions?: { multiple?: boolean; recordTypeId?: string };
	lookupOptions?: IDataObject;
}

/**
 * Whether Planning computes a field itself, so that a record's value for it is never sent:
 * formulas (SPEC `FieldDto.formulaOptions`), lookups (created through a reference's `lookupFields`
 * and read back with `lookupOptions`, SPEC `FieldLookupOptionsDto`) and the system fields
 * (created/updated by/at, approved by: BASICS "Supported filter conditions by field type" lists
 * them; V2PAGE: "always included"). Adobe names no type for lookups or system fields in the
 * enum, so any type outside SPEC's writable ones counts as computed, except URL, which Adobe's
 * earlier field table lists among the text fields.
 */
export function isComputedField(field: Pick<PlanningField, 'type' | 'lookupOptions'>): boolean {
	if (field.lookupOptions && Object.keys(field.lookupOptions).length > 0) return true;
	const type = String(field.type ?? '').toUpperCase();
	if (type === 'URL') return false;
	return type === 'FORMULA' || !(PLANNING_FIELD_TYPES as readonly string[]).includes(type);
}

/** SPEC `FilterCondition` (20 values), with the field types BASICS lists each for. */
export const FILTER_CONDITIONS = [
	{ value: 'IS', name: 'Is', for: 'every type but multi-select, people and reference' },
	{
		value: 'IS_NOT',
		name: 'Is Not',
		for: 'text, numbers, dates, single-select, created/updated by',
	},
	{ value: 'CONTAINS', name: 'Contains', for: 'text, long text, formula' },
	{ value: 'DOES_NOT_CONTAIN', name: 'Does Not Contain', for: 'text, long text, formula' },
	{ value: 'GREATER_THAN', name: 'Greater Than', for: 'number, percentage, currency' },
	{
		value: 'GREATER_THAN_OR_EQUAL',
		name: 'Greater Than or Equal',
		for: 'number, percentage, currency',
	},
	{ value: 'LESS_THAN', name: 'Less Than', for: 'number, percentage, currency' },
	{ value: 'LESS_THAN_OR_EQUAL', name: 'Less Than or Equal', for: 'number, percentage, currency' },
	{ value: 'IS_AFTER', name: 'Is After', for: 'dates, created/updated at' },
	{ value: 'IS_BEFORE', name: 'Is Before', for: 'dates, created/updated at' },
	{ value: 'IS_BETWEEN', name: 'Is Between', for: 'dates, created/updated at (two values)' },
	{
		value: 'IS_NOT_BETWEEN',
		name: 'Is Not Between',
		for: 'dates, created/updated at (two values)',
	},
	{ value: 'IS_ANY_OF', name: 'Is Any Of', for: 'single-select, created/updated by (a list)' },
	{ value: 'IS_NONE_OF', name: 'Is None Of', for: 'single-select, created/updated by (a list)' },
	{ value: 'HAS_ANY_OF', name: 'Has Any Of', for: 'multi-select, people, reference (a list)' },
	{ value: 'HAS_ALL_OF', name: 'Has All Of', for: 'multi-select, people, reference (a list)' },
	{ value: 'HAS_NONE_OF', name: 'Has None Of', for: 'multi-select, people, reference (a list)' },
	{ value: 'IS_EXACTLY', name: 'Is Exactly', for: 'multi-select, people, reference (a list)' },
	{ value: 'IS_EMPTY', name: 'Is Empty', for: 'most types (no value)' },
	{ value: 'IS_NOT_EMPTY', name: 'Is Not Empty', for: 'most types (no value)' },
] as const;

export type FilterConditionName = (typeof FILTER_CONDITIONS)[number]['value'];

const CONDITION_NAMES = new Set<string>(FILTER_CONDITIONS.map(({ value }) => value));

export function isFilterCondition(value: unknown): value is FilterConditionName {
	return typeof value === 'string' && CONDITION_NAMES.has(value);
}

/** SPEC `FilterConditionDto.value`: "Omit for unary conditions (IS_EMPTY, IS_NOT_EMPTY)". */
export const UNARY_CONDITIONS: ReadonlySet<string> = new Set(['IS_EMPTY', 'IS_NOT_EMPTY']);
/** SPEC: "Use an array for range conditions (IS_BETWEEN)"; its negation takes the same two ends. */
export const RANGE_CONDITIONS: ReadonlySet<string> = new Set(['IS_BETWEEN', 'IS_NOT_BETWEEN']);
/** SPEC: "or multi-value conditions (IS_ANY_OF)"; BASICS shows lists for every `HAS_*` and IS_EXACTLY. */
export const LIST_CONDITIONS: ReadonlySet<string> = new Set([
	'IS_ANY_OF',
	'IS_NONE_OF',
	'HAS_ANY_OF',
	'HAS_ALL_OF',
	'HAS_NONE_OF',
	'IS_EXACTLY',
]);

/** SPEC `FilterOperator`. */
export const FILTER_OPERATORS = ['AND', 'OR'] as const;

/** SPEC `FilterConditionDto.value`, people fields: `{"id": …, "idType": "WF"}` or `"IMS"`. */
export const PEOPLE_ID_TYPES = ['WF', 'IMS'] as const;

// ---- Answers

/** One field's complaint in a problem detail (SPEC `V2FieldError`). */
export interface ProblemField {
	field?: string;
	message?: string;
	code?: string;
}

/**
 * Planning's error answer: RFC 7807 problem details (SPEC `V2ProblemDetail`: `title`, `status`,
 * `detail` "Always English", `errorCode`, `requestId`, `messageArguments`, `errors[]`). BASICS:
 * "Use `errorCode` (not `status`) to drive programmatic error handling"; V2PAGE: always log
 * `requestId`.
 */
export interface ProblemDetail {
	title?: string;
	status?: number;
	detail?: string;
	errorCode?: string;
	requestId?: string;
	errors: ProblemField[];
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A problem detail from an answer, or undefined when the answer is not one. */
export function readProblemDetail(body: unknown): ProblemDetail | undefined {
	const object = asObject(body);
	if (!object) return undefined;
	const errors = Array.isArray(object.errors)
		? object.errors
				.map(asObject)
				.filter((entry): entry is Record<string, unknown> => entry !== undefined)
				.map((entry) => ({
					field: text(entry.field),
					message: text(entry.message),
					code: text(entry.code),
				}))
		: [];
	const detail: ProblemDetail = {
		title: text(object.title),
		status: typeof object.status === 'number' ? object.status : undefined,
		detail: text(object.detail),
		errorCode: text(object.errorCode),
		requestId: text(object.requestId),
		errors,
	};
	const known = detail.title ?? detail.detail ?? detail.errorCode ?? detail.requestId;
	return known !== undefined || errors.length > 0 ? detail : undefined;
}

/** What a bulk answer says of one input item. */
export type BulkOutcome =
	| { kind: 'success'; record?: IDataObject; id?: string }
	| { kind: 'error'; code?: string; message: string; details?: IDataObject }
	/** The answer does not say (no result for the item, or contradictory results): it may have been applied. */
	| { kind: 'unknown'; reason: string };

/**
 * Each input item's outcome in a bulk answer (SPEC `RecordBulkResponseDto`, the same for 200, 201
 * and 207): `results` are "in the same order as the input", each with `requestIndex`, the
 * "Zero-based index of the input item", and `status` `success` or `error` (with `error.code` and
 * `message`). An item is paired by its `requestIndex`, or by its position when the answer gives
 * none. A result whose index is out of range, or two results for one item, make that item
 * unknown: the answer contradicts itself there. An item without a result is unknown too, with the
 * request-level `errors[]` (e.g. "58 items were skipped", SPEC's example) as the reason. Adobe is
 * silent on an all-success answer without `results`; one that says `status: "success"` with
 * `failed: 0` and `total` equal to the items sent is read as every item done.
 */
export function pairBulkResults(answer: unknown, count: number): BulkOutcome[] {
	const object = asObject(answer);
	const requestErrors = (Array.isArray(object?.errors) ? object.errors : [])
		.map(asObject)
		.map((entry) => [text(entry?.code), text(entry?.message)].filter(Boolean).join(': '))
		.filter(Boolean);
	const missing = (fallback: string): BulkOutcome => ({
		kind: 'unknown',
		reason: requestErrors.length > 0 ? requestErrors.join('; ') : fallback,
	});
	const results = Array.isArray(object?.results) ? object.results : undefined;
	if (!results || results.length === 0) {
		const allDone =
			object?.status === 'success' && object.failed === 0 && Number(object.total) === count;
		return Array.from({ length: count }, () =>
			allDone
				? { kind: 'success' as const }
				: missing('Workfront Planning answered the bulk request without a result for each item'),
		);
	}
	const claims: Array<Array<Record<string, unknown>>> = Array.from({ length: count }, () => []);
	results.forEach((entry, position) => {
		const result = asObject(entry);
		if (!result) return;
		const index = result.requestIndex === undefined ? position : result.requestIndex;
		if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < count)
			claims[index].push(result);
	});
	return claims.map((claimed) => {
		if (claimed.length === 0)
			return missing('Workfront Planning gave no result for this item in its bulk answer');
		if (claimed.length > 1)
			return {
				kind: 'unknown',
				reason: `Workfront Planning gave ${claimed.length} contradictory results for this item in its bulk answer`,
			};
		const [result] = claimed;
		if (result.status === 'success') {
			const record = asObject(result.record) as IDataObject | undefined;
			return { kind: 'success', record, id: text(result.id) };
		}
		if (result.status === 'error') {
			const error = asObject(result.error);
			return {
				kind: 'error',
				code: text(error?.code),
				message: text(error?.message) ?? 'Workfront Planning refused this item',
				details: asObject(error?.details) as IDataObject | undefined,
			};
		}
		return {
			kind: 'unknown',
			reason: `Workfront Planning answered this item with the status "${String(result.status)}"`,
		};
	});
}
