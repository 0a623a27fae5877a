import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	planningAliasedOption,
	planningFieldsToReturn,
	planningFilterProperties,
	planningReturnAll,
	planningSortProperty,
	recordTypeLocator,
	SEARCH_PAGE_NOTE,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { optionsCollection } from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { readPlanningId } from '../../../shared/params/planningIds';
import {
	readPlanningFilter,
	readPlanningProjection,
	readPlanningSort,
	readScopeWorkspaces,
} from '../../../shared/params/planningSearch';
import { readLimit } from '../../../shared/params/sizes';
import { planningPath, planningSearchAll } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecord'], operation: ['search'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		...planningReturnAll(SEARCH_PAGE_NOTE),
		...planningFilterProperties,
		planningSortProperty,
		optionsCollection([
			planningFieldsToReturn,
			planningAliasedOption,
			{
				displayName: 'Workspaces (Global Record Types)',
				name: 'scopeWorkspaceIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. Ws69b14f7e0e38f35f28c3ccee, Ws69a976d02587b929c9e26dfa',
				description: 'For a global record type: the workspaces to search in, separated by commas',
			},
		]),
	],
);

/**
 * `POST /v2/record-types/{id}/records/search` (searchRecordsPost) with Adobe's typed filter, sort
 * and projection; one output item per record. Return All reads page after page.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const recordTypeId = readPlanningId(this, itemIndex, 'recordType', 'recordType');
		// The record type is in the path too; SPEC's body declares it as well, and a body is required
		// (n8n would drop an empty one).
		const body: IDataObject = { recordTypeId };
		const filter = readPlanningFilter(this, itemIndex);
		if (filter) body.filter = filter;
		const sort = readPlanningSort(this, itemIndex);
		if (sort.length > 0) body.sort = sort;
		const scope = readScopeWorkspaces(this, itemIndex);
		if (scope.length > 0) body.scopeWorkspaceIds = scope;
		return await planningSearchAll(
			this,
			planningPath('record-types', recordTypeId, 'records', 'search'),
			{
				body,
				query: readPlanningProjection(this, itemIndex),
				max: readLimit(this, itemIndex),
				itemIndex,
			},
		);
	});
}
