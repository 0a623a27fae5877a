/**
 * Planning's typed search filters (SPEC `FilterGroupDto`, `FilterConditionDto`, `FilterNodeDto`):
 * a group `{operator: AND|OR, conditions: [...]}` whose conditions are leaves
 * `{fieldId, condition, value?, matchExternalId?}` or groups again, to any depth (BASICS shows an
 * OR of ANDs). Built here from the panel's rows, or checked when given as JSON, so that a wrong
 * filter is refused before anything is sent, naming the condition at fault.
 */
import type { IDataObject } from 'n8n-workflow';

import { asObject } from './answers';
import { PLANNING_MAX_FILTER_DEPTH } from './limits';
import {
	FILTER_OPERATORS,
	LIST_CONDITIONS,
	PEOPLE_ID_TYPES,
	RANGE_CONDITIONS,
	UNARY_CONDITIONS,
	isFilterCondition,
} from './planning';

export interface FilterCondition extends IDataObject {
	fieldId: string;
	condition: string;
	value?: IDataObject[string];
	matchExternalId?: boolean;
}

export interface FilterGroup extends IDataObject {
	operator: 'AND' | 'OR';
	conditions: Array<FilterCondition | FilterGroup>;
}

/** One condition row as the panel keeps it. */
export interface ConditionRow {
	field?: unknown;
	condition?: unknown;
	value?: unknown;
	valueTo?: unknown;
	/** People fields: `plain` (Planning reads the ID by the customer's setup), `WF` or `IMS`. */
	idType?: unknown;
	matchExternalId?: unknown;
}

/** A filter that cannot be sent: where, what is wrong, how to fix it. */
export class FilterProblem extends Error {
	constructor(
		message: string,
		readonly advice: string,
	) {
		super(message);
		this.name = 'FilterProblem';
	}
}

/** A list typed as JSON (`["a","b"]`) or as values separated by commas. */
export function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	const text = String(value ?? '').trim();
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON: a name that starts with "[" is split like any other text.
		}
	}
	return text
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/**
 * A people value as Planning reads it: plain (SPEC: "plain string values are interpreted as Adobe
 * IMS user IDs when the customer is IMS-migrated; otherwise … Workfront user IDs"), or typed
 * `{"id": …, "idType": "WF"|"IMS"}` "to avoid ambiguity".
 */
export function personValue(id: unknown, idType: unknown): unknown {
	const type = String(idType ?? 'plain');
	if (!(PEOPLE_ID_TYPES as readonly string[]).includes(type)) return id;
	if (id && typeof id === 'object') return id;
	return { id: String(id), idType: type };
}

/** A condition row as a `FilterConditionDto`, or a FilterProblem naming `where`. */
export function conditionFromRow(row: ConditionRow, where: string): FilterCondition {
	const fieldId = String(row.field ?? '').trim();
	if (fieldId === '')
		throw new FilterProblem(
			`${where}: Field is empty`,
			'Choose the field to filter on, or enter its ID or alias; or remove the condition.',
		);
	const condition = String(row.condition ?? 'IS');
	if (!isFilterCondition(condition))
		throw new FilterProblem(
			`${where}: "${condition}" is not a Planning filter condition`,
			'Choose a condition from the list.',
		);
	const built: FilterCondition = { fieldId, condition };
	const person = (value: unknown) => personValue(value, row.idType);
	if (RANGE_CONDITIONS.has(condition)) {
		const from = String(row.value ?? '').trim();
		const to = String(row.valueTo ?? '').trim();
		if (from === '' || to === '')
			throw new FilterProblem(
				`${where}: ${condition === 'IS_BETWEEN' ? 'Is Between' : 'Is Not Between'} needs both ends`,
				'Enter Value and Value (Up To), e.g. 2026-01-01 and 2026-03-31.',
			);
		built.value = [from, to];
	} else if (LIST_CONDITIONS.has(condition)) {
		const values = listOf(row.value);
		if (values.length === 0)
			throw new FilterProblem(
				`${where}: ${condition} needs at least one value`,
				'Enter the values separated by commas, or a JSON list such as ["Web", "Email"].',
			);
		built.value = values.map(person) as IDataObject[];
	} else if (!UNARY_CONDITIONS.has(condition)) {
		const value = row.value;
		built.value = (
			typeof value === 'string' ? person(value.trim()) : person(value ?? '')
		) as IDataObject[string];
	}
	if (row.matchExternalId === true) built.matchExternalId = true;
	return built;
}

/** AND or OR, from the panel's Match (`all`/`any`) or Adobe's own words. */
export function operatorOf(match: unknown): 'AND' | 'OR' {
	const text = String(match ?? 'AND').toUpperCase();
	return text === 'OR' || text === 'ANY' ? 'OR' : 'AND';
}

/**
 * A filter given as JSON (one `FilterGroupDto`), checked as SPEC describes it: `operator` AND or
 * OR and `conditions` (at least one) are required in a group; `fieldId` (not empty) and a known
 * `condition` in a leaf. A node is a group when it has `conditions` or `operator`. Deeper than
 * PLANNING_MAX_FILTER_DEPTH is refused rather than read.
 */
export function checkFilterGroup(value: unknown, where = 'Filter (JSON)', depth = 1): FilterGroup {
	const group = asObject(value);
	if (!group)
		throw new FilterProblem(
			`${where} is not a filter group`,
			'Enter one JSON object such as {"operator": "AND", "conditions": [{"fieldId": "F123", "condition": "IS", "value": "Active"}]}.',
		);
	if (depth > PLANNING_MAX_FILTER_DEPTH)
		throw new FilterProblem(
			`${where} nests groups deeper than ${PLANNING_MAX_FILTER_DEPTH} levels`,
			'Flatten the filter: groups of the same operator can be merged.',
		);
	if (!(FILTER_OPERATORS as readonly unknown[]).includes(group.operator))
		throw new FilterProblem(
			`${where}: operator must be "AND" or "OR" (it is ${JSON.stringify(group.operator ?? null)})`,
			'Every group needs "operator": "AND" or "OR".',
		);
	if (!Array.isArray(group.conditions) || group.conditions.length === 0)
		throw new FilterProblem(
			`${where}: conditions must be a list of at least one condition`,
			'Every group needs "conditions": [ … ] with one condition or group at least.',
		);
	const conditions = group.conditions.map((node: unknown, index: number) => {
		const at = `${where}, condition ${index + 1}`;
		const object = asObject(node);
		if (object && ('conditions' in object || 'operator' in object))
			return checkFilterGroup(object, at, depth + 1);
		if (!object || typeof object.fieldId !== 'string' || object.fieldId.trim() === '')
			throw new FilterProblem(
				`${at}: fieldId is missing`,
				'Each condition needs "fieldId" (a field ID or alias) and "condition".',
			);
		if (!isFilterCondition(object.condition))
			throw new FilterProblem(
				`${at}: "${String(object.condition)}" is not a Planning filter condition`,
				"Use one of Adobe's conditions, e.g. IS, CONTAINS, IS_BETWEEN (not BETWEEN), HAS_ANY_OF.",
			);
		return object as FilterCondition;
	});
	return { ...(group as IDataObject), operator: group.operator as 'AND' | 'OR', conditions };
}
