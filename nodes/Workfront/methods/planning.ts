import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type ResourceMapperFields,
} from 'n8n-workflow';

import { asObject } from '../../shared/core/answers';
import { PLANNING_CURSOR_LIMIT } from '../../shared/core/limits';
import { isComputedField } from '../../shared/core/planning';
import { parsePlanningId, type PlanningIdKind } from '../../shared/params/planningIds';
import { planningColumns, recordTypeFields } from '../../shared/workfront/planningFields';
import { planningPath, planningRequest } from '../../shared/transport/planning';

/** The workspace or record type chosen in the panel now, checked as a run checks it. */
function chosenId(context: ILoadOptionsFunctions, parameter: string, kind: PlanningIdKind): string {
	const parsed = parsePlanningId(
		context.getCurrentNodeParameter(parameter, { extractValue: true }),
		kind,
	);
	if ('id' in parsed) return parsed.id;
	throw new NodeOperationError(context.getNode(), parsed.problem, { description: parsed.advice });
}

/**
 * One page of a cursor-paged list, filtered by name here: Planning's lists take no name filter
 * (SPEC: `cursor` and `limit` only). The editor sends the page's `nextCursor` back for more.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	limit: number,
	nameKey: string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const query: Array<[string, string]> = [['limit', String(limit)]];
	if (paginationToken) query.push(['cursor', paginationToken]);
	const page = asObject(await planningRequest(context, { method: 'GET', path, query }));
	// Entries that are not objects (a null) are no records, rather than a TypeError in the list.
	const content = (Array.isArray(page?.content) ? (page.content as unknown[]) : []).filter(
		(entry): entry is IDataObject => asObject(entry) !== undefined,
	);
	const wanted = (filter ?? '').trim().toLowerCase();
	const cursor = asObject(page?.cursor);
	return {
		results: content
			.map((entry) => ({ name: String(entry[nameKey] ?? entry.id), value: String(entry.id) }))
			.filter(({ name }) => wanted === '' || name.toLowerCase().includes(wanted)),
		paginationToken:
			cursor?.hasMore === true && typeof cursor.nextCursor === 'string'
				? cursor.nextCursor
				: undefined,
	};
}

/** Workspaces, searched by name (`GET /v2/workspaces`). */
export async function searchPlanningWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'workspaces',
		PLANNING_CURSOR_LIMIT.workspaces,
		'name',
		filter,
		paginationToken,
	);
}

/** The record types of the chosen workspace, searched by name (`GET /v2/workspaces/{id}/record-types`). */
export async function searchPlanningRecordTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspaceId = chosenId(this, 'workspace', 'workspace');
	return await searchPage(
		this,
		planningPath('workspaces', workspaceId, 'record-types'),
		PLANNING_CURSOR_LIMIT.recordTypes,
		'displayName',
		filter,
		paginationToken,
	);
}

/** The chosen record type's fields, by name, for filters, sorts and Fields to Return. */
export async function getPlanningFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await recordTypeFields(this, chosenId(this, 'recordType', 'recordType'));
	return fields.map((field) => ({
		name: `${field.displayName} (${field.type.toLowerCase().replace(/_/g, ' ')}${isComputedField(field) ? ', computed' : ''})`,
		value: field.id,
		description: field.alias ? `Alias: ${field.alias}` : field.id,
	}));
}

/** The resource mapper's columns: the chosen record type's fields (planningFields.ts). */
export async function getPlanningColumns(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const fields = await recordTypeFields(this, chosenId(this, 'recordType', 'recordType'));
	return { fields: planningColumns(fields) };
}
