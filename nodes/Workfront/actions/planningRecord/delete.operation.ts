import {
	NodeApiError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	planningBatchSizeOption,
	planningIdProperty,
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { optionsCollection } from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { asNodeError } from '../../../shared/execution/perItem';
import { planningBulkResults } from '../../../shared/execution/planningBulk';
import { PLANNING_ID_KINDS, readPlanningId } from '../../../shared/params/planningIds';
import { readPlanningBatchSize } from '../../../shared/params/sizes';
import {
	planningPath,
	planningRequest,
	requirePlanningCredential,
} from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecord'], operation: ['delete'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		planningIdProperty(
			'recordId',
			'Record ID',
			PLANNING_ID_KINDS.record.example,
			'The record to delete, e.g. {{ $json.id }}',
		),
		optionsCollection([planningBatchSizeOption]),
	],
);

interface Removal {
	recordTypeId: string;
	id: string;
}

/**
 * Deletes `DELETE /v2/records/{id}` (deleteRecord, 204) for one, `DELETE
 * /v2/record-types/{id}/records/bulk` with `{"ids": […]}` (bulkDeleteRecords, 200 or 207) for up
 * to 100. A delete repeated changes nothing more, so items left in doubt are sent again alone.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<Removal> = {
		repeatable: true,
		prepare: async (itemIndex) => {
			requirePlanningCredential(this, itemIndex);
			const recordTypeId = readPlanningId(this, itemIndex, 'recordType', 'recordType');
			const id = readPlanningId(this, itemIndex, 'recordId', 'record');
			return { key: recordTypeId, payload: { recordTypeId, id } };
		},
		sendOne: async ({ itemIndex, payload }) => {
			await planningRequest(this, {
				method: 'DELETE',
				path: planningPath('records', payload.id),
				itemIndex,
			});
			return { deleted: true, id: payload.id };
		},
		// Sent again after a bulk request that may have deleted it: a record Planning no longer has
		// is what was asked for, whoever deleted it.
		resendOne: async ({ itemIndex, payload }) => {
			try {
				await planningRequest(this, {
					method: 'DELETE',
					path: planningPath('records', payload.id),
					itemIndex,
				});
				return { deleted: true, id: payload.id };
			} catch (error) {
				if (error instanceof NodeApiError && error.httpCode === '404')
					return { deleted: true, id: payload.id, alreadyGone: true };
				throw asNodeError(this.getNode(), error);
			}
		},
		sendBatch: async (entries) =>
			planningBulkResults(
				this,
				await planningRequest(this, {
					method: 'DELETE',
					path: planningPath('record-types', entries[0].payload.recordTypeId, 'records', 'bulk'),
					body: { ids: entries.map(({ payload }) => payload.id) },
					itemIndex: entries[0].itemIndex,
				}),
				entries,
				(_success, { payload }) => ({ deleted: true, id: payload.id }),
			),
	};
	return await runInBatches(this, items, plan, {
		batchSize: readPlanningBatchSize(this),
		atomic: false,
	});
}
