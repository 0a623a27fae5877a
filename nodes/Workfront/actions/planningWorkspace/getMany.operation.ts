import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planningReturnAll } from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_CURSOR_LIMIT, PLANNING_LIST_MOST } from '../../../shared/core/limits';
import { readLimit } from '../../../shared/params/sizes';
import { planningList } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningWorkspace'], operation: ['getMany'] },
	planningReturnAll(`read ${PLANNING_CURSOR_LIMIT.workspaces} at a time`),
);

/** `GET /v2/workspaces` (getWorkspaces), cursor-paged at its largest page. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningList(this, 'workspaces', {
			limit: PLANNING_CURSOR_LIMIT.workspaces,
			most: PLANNING_LIST_MOST.workspaces,
			max: readLimit(this, itemIndex),
			itemIndex,
		}),
	);
}
