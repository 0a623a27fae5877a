import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	peopleIdTypeOption,
	planningBatchSizeOption,
	planningDataProperties,
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { optionsCollection } from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { planningBulkResults } from '../../../shared/execution/planningBulk';
import { readPlanningId } from '../../../shared/params/planningIds';
import { readPlanningData } from '../../../shared/params/planningValues';
import { readPlanningBatchSize } from '../../../shared/params/sizes';
import {
	planningPath,
	planningRequest,
	requirePlanningCredential,
} from '../../../shared/transport/planning';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningRecord'], operation: ['create'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		...planningDataProperties('create'),
		optionsCollection([planningBatchSizeOption, peopleIdTypeOption]),
	],
);

interface NewRecord {
	recordTypeId: string;
	data: IDataObject;
}

/**
 * Creates records: `POST /v2/record-types/{id}/records/bulk` for up to 100 items (SPEC
 * bulkCreateRecords, 201 or 207), `POST …/records` for one (createRecord, 201). A create is never
 * sent twice: an item the answer leaves in doubt fails saying so.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<NewRecord> = {
		repeatable: false,
		prepare: async (itemIndex) => {
			requirePlanningCredential(this, itemIndex);
			const recordTypeId = readPlanningId(this, itemIndex, 'recordType', 'recordType');
			const data = await readPlanningData(this, itemIndex, recordTypeId, 'create');
			return { key: recordTypeId, payload: { recordTypeId, data } };
		},
		sendOne: async ({ itemIndex, payload }) =>
			await planningRequest(this, {
				method: 'POST',
				path: planningPath('record-types', payload.recordTypeId, 'records'),
				body: { data: payload.data },
				itemIndex,
			}),
		sendBatch: async (entries) =>
			planningBulkResults(
				this,
				await planningRequest(this, {
					method: 'POST',
					path: planningPath('record-types', entries[0].payload.recordTypeId, 'records', 'bulk'),
					body: entries.map(({ payload }) => ({ data: payload.data })),
					itemIndex: entries[0].itemIndex,
				}),
				entries,
				({ record, id }) => record ?? { id },
			),
	};
	return await runInBatches(this, items, plan, {
		batchSize: readPlanningBatchSize(this),
		atomic: false,
	});
}
