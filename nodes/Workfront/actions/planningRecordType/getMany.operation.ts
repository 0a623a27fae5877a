import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	planningReturnAll,
	workspaceLocator,
} from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_CURSOR_LIMIT, PLANNING_LIST_MOST } from '../../../shared/core/limits';
import { readPlanningId } from '../../../shared/params/planningIds';
import { readLimit } from '../../../shared/params/sizes';
import { planningList, planningPath } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecordType'], operation: ['getMany'] },
	[workspaceLocator, ...planningReturnAll(`read ${PLANNING_CURSOR_LIMIT.recordTypes} at a time`)],
);

/** `GET /v2/workspaces/{id}/record-types` (getRecordTypesByWorkspace), cursor-paged at its largest page. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningList(
			this,
			planningPath(
				'workspaces',
				readPlanningId(this, itemIndex, 'workspace', 'workspace'),
				'record-types',
			),
			{
				limit: PLANNING_CURSOR_LIMIT.recordTypes,
				most: PLANNING_LIST_MOST.recordTypes,
				max: readLimit(this, itemIndex),
				itemIndex,
			},
		),
	);
}
