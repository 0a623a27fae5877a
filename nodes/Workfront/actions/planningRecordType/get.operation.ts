import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { readPlanningId } from '../../../shared/params/planningIds';
import { planningPath, planningRequest } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecordType'], operation: ['get'] },
	[workspaceForRecordType, recordTypeLocator],
);

/** `GET /v2/record-types/{id}` (getRecordType). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningRequest(this, {
			method: 'GET',
			path: planningPath(
				'record-types',
				readPlanningId(this, itemIndex, 'recordType', 'recordType'),
			),
			itemIndex,
		}),
	);
}
