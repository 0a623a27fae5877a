import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { readPlanningId } from '../../../shared/params/planningIds';
import { planningPath, planningRequest } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningWorkspace'], operation: ['get'] },
	[workspaceLocator],
);

/** `GET /v2/workspaces/{id}` (getWorkspace). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningRequest(this, {
			method: 'GET',
			path: planningPath('workspaces', readPlanningId(this, itemIndex, 'workspace', 'workspace')),
			itemIndex,
		}),
	);
}
