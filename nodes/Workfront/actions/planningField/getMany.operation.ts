import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	planningReturnAll,
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_CURSOR_LIMIT, PLANNING_LIST_MOST } from '../../../shared/core/limits';
import { readPlanningId } from '../../../shared/params/planningIds';
import { readLimit } from '../../../shared/params/sizes';
import { planningList, planningPath } from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningField'], operation: ['getMany'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		...planningReturnAll(`read ${PLANNING_CURSOR_LIMIT.fields} at a time`),
	],
);

/** `GET /v2/record-types/{id}/fields` (getFieldsByRecordType), cursor-paged at its largest page. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) =>
		planningList(
			this,
			planningPath(
				'record-types',
				readPlanningId(this, itemIndex, 'recordType', 'recordType'),
				'fields',
			),
			{
				limit: PLANNING_CURSOR_LIMIT.fields,
				most: PLANNING_LIST_MOST.fields,
				max: readLimit(this, itemIndex),
				itemIndex,
			},
		),
	);
}
