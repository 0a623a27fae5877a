import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planningIdProperty } from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_ID_KINDS, readPlanningId } from '../../../shared/params/planningIds';
import { planningPath, planningRequest } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningField'], operation: ['get'] },
	[planningIdProperty('fieldId', 'Field ID', PLANNING_ID_KINDS.field.example, 'The field to read')],
);

/** `GET /v2/fields/{id}` (getField): the field with its type and options. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningRequest(this, {
			method: 'GET',
			path: planningPath('fields', readPlanningId(this, itemIndex, 'fieldId', 'field')),
			itemIndex,
		}),
	);
}
