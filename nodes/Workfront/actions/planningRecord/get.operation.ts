import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planningIdProperty } from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_ID_KINDS, readPlanningId } from '../../../shared/params/planningIds';
import { planningPath, planningRequest } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecord'], operation: ['get'] },
	[
		planningIdProperty(
			'recordId',
			'Record ID',
			PLANNING_ID_KINDS.record.example,
			'The record to read, e.g. {{ $json.id }}',
		),
	],
);

/** `GET /v2/records/{id}` (getRecord): the record with its `data`, keyed by field ID (v2 has no projection here). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningRequest(this, {
			method: 'GET',
			path: planningPath('records', readPlanningId(this, itemIndex, 'recordId', 'record')),
			itemIndex,
		}),
	);
}
