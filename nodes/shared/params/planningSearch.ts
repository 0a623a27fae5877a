import type { IDataObject } from 'n8n-workflow';

import type { QueryParams } from '../transport/connection';
import {
	checkFilterGroup,
	conditionFromRow,
	FilterProblem,
	listOf,
	operatorOf,
	type ConditionRow,
	type FilterCondition,
	type FilterGroup,
} from '../core/planningFilters';
import { asNodeError } from '../execution/perItem';
import { failItem, readParameter, type ParameterContext } from './parameters';

interface GroupRow {
	match?: unknown;
	conditions?: { condition?: ConditionRow[] };
}

function parseJson(context: ParameterContext, itemIndex: number, raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return failItem(
			context,
			itemIndex,
			'Filter (JSON) is not valid JSON',
			'Enter one filter group, e.g. {"operator": "AND", "conditions": [{"fieldId": "F123", "condition": "IS", "value": "Active"}]}.',
		);
	}
}

/**
 * The search filter (SPEC `RecordSearchRequestDto.filter`, one `FilterGroupDto`) of an item, or
 * undefined for every record. From the panel: Match (AND/OR) over the conditions and the
 * condition groups (each with its own Match), so an OR of ANDs is one group per AND; or from
 * Filter (JSON), any depth. A filter that cannot be sent fails the item before anything is sent.
 */
export function readPlanningFilter(
	context: ParameterContext,
	itemIndex: number,
): FilterGroup | undefined {
	try {
		if (readParameter(context, 'filterMode', itemIndex, 'conditions') === 'json') {
			const raw = readParameter(context, 'filterJson', itemIndex, '');
			if (raw === '' || raw === undefined || raw === null) return undefined;
			return checkFilterGroup(parseJson(context, itemIndex, raw));
		}
		const rows = (readParameter(context, 'filterConditions.condition', itemIndex, []) ??
			[]) as ConditionRow[];
		const groups = (readParameter(context, 'filterGroups.group', itemIndex, []) ??
			[]) as GroupRow[];
		const conditions: Array<FilterCondition | FilterGroup> = rows.map((row, index) =>
			conditionFromRow(row, `Condition ${index + 1}`),
		);
		groups.forEach((group, groupIndex) => {
			const inner = (group.conditions?.condition ?? []).map((row, index) =>
				conditionFromRow(row, `Condition Group ${groupIndex + 1}, Condition ${index + 1}`),
			);
			if (inner.length === 0)
				throw new FilterProblem(
					`Condition Group ${groupIndex + 1} has no condition`,
					'Add a condition to the group, or remove the group.',
				);
			conditions.push({ operator: operatorOf(group.match), conditions: inner });
		});
		if (conditions.length === 0) return undefined;
		return {
			operator: operatorOf(readParameter(context, 'filterMatch', itemIndex, 'AND')),
			conditions,
		};
	} catch (error) {
		if (error instanceof FilterProblem)
			return failItem(context, itemIndex, error.message, error.advice);
		throw asNodeError(context.getNode(), error);
	}
}

/** Sort rows as SPEC `SortDto[]` (`fieldId`, `direction` asc or desc). */
export function readPlanningSort(context: ParameterContext, itemIndex: number): IDataObject[] {
	const rows = (readParameter(context, 'sort.field', itemIndex, []) ?? []) as Array<{
		field?: unknown;
		direction?: unknown;
	}>;
	return rows.map((row, index) => {
		const fieldId = String(row.field ?? '').trim();
		if (fieldId === '')
			failItem(
				context,
				itemIndex,
				`Sort ${index + 1}: Field is empty`,
				'Choose the field to sort by, or remove the row.',
			);
		return { fieldId, direction: row.direction === 'desc' ? 'desc' : 'asc' };
	});
}

/**
 * The query of a search: Fields to Return as `fieldIds` (SPEC: "List of field IDs to include in
 * the record's data", default `*`; sent comma-separated as SPEC's example writes it), and
 * `aliased` (answer `data` keys as field aliases).
 */
export function readPlanningProjection(context: ParameterContext, itemIndex: number): QueryParams {
	const query: QueryParams = [];
	const fields = listOf(readParameter(context, 'options.fields', itemIndex, []))
		.map((field) => String(field).trim())
		.filter(Boolean);
	if (fields.length > 0) query.push(['fieldIds', fields.join(',')]);
	if (readParameter(context, 'options.aliased', itemIndex, false) === true)
		query.push(['aliased', 'true']);
	return query;
}

/** Options > Workspaces (Global Record Types): SPEC `RecordSearchRequestDto.scopeWorkspaceIds`. */
export function readScopeWorkspaces(context: ParameterContext, itemIndex: number): string[] {
	return listOf(readParameter(context, 'options.scopeWorkspaceIds', itemIndex, ''))
		.map((id) => String(id).trim())
		.filter(Boolean);
}
