import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	listChangeOption,
	peopleIdTypeOption,
	planningBatchSizeOption,
	planningDataProperties,
	planningIdProperty,
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { optionsCollection } from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { planningBulkResults } from '../../../shared/execution/planningBulk';
import { PLANNING_ID_KINDS, readPlanningId } from '../../../shared/params/planningIds';
import { readPlanningData } from '../../../shared/params/planningValues';
import { readPlanningBatchSize } from '../../../shared/params/sizes';
import {
	planningPath,
	planningRequest,
	requirePlanningCredential,
} from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecord'], operation: ['update'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		planningIdProperty(
			'recordId',
			'Record ID',
			PLANNING_ID_KINDS.record.example,
			'The record to change, e.g. {{ $json.id }}',
		),
		...planningDataProperties('update'),
		optionsCollection([planningBatchSizeOption, listChangeOption, peopleIdTypeOption]),
	],
);

/** Whether a record's data holds a list operation (`[{"op": "add", "value": …}]`, patchRecord). */
function sendsListOperations(data: IDataObject): boolean {
	return Object.values(data).some(
		(value) =>
			Array.isArray(value) &&
			value.some((entry) => entry !== null && typeof entry === 'object' && 'op' in entry),
	);
}

interface Change {
	recordTypeId: string;
	id: string;
	data: IDataObject;
}

/**
 * Changes only the fields given: `PATCH /v2/records/{id}` (patchRecord, merge-patch) for one,
 * `PATCH /v2/record-types/{id}/records/bulk` (bulkPatchRecords, 200 or 207, each with its `id`)
 * for up to 100. Replacing values gives the same result when repeated, so items a bulk answer
 * leaves in doubt are sent again one by one; adding to or removing from lists is not repeated.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<Change> = {
		// Decided per item from what it sends: a list operation (add, remove) would apply twice.
		repeatable: ({ payload }) => !sendsListOperations(payload.data),
		prepare: async (itemIndex) => {
			requirePlanningCredential(this, itemIndex);
			const recordTypeId = readPlanningId(this, itemIndex, 'recordType', 'recordType');
			const id = readPlanningId(this, itemIndex, 'recordId', 'record');
			const data = await readPlanningData(this, itemIndex, recordTypeId, 'update');
			return { key: recordTypeId, payload: { recordTypeId, id, data } };
		},
		sendOne: async ({ itemIndex, payload }) =>
			await planningRequest(this, {
				method: 'PATCH',
				path: planningPath('records', payload.id),
				body: { data: payload.data },
				itemIndex,
			}),
		sendBatch: async (entries) =>
			planningBulkResults(
				this,
				await planningRequest(this, {
					method: 'PATCH',
					path: planningPath('record-types', entries[0].payload.recordTypeId, 'records', 'bulk'),
					body: entries.map(({ payload }) => ({ id: payload.id, data: payload.data })),
					itemIndex: entries[0].itemIndex,
				}),
				entries,
				({ record }, { payload }) => record ?? { id: payload.id },
			),
	};
	return await runInBatches(this, items, plan, {
		batchSize: readPlanningBatchSize(this),
		atomic: false,
	});
}
