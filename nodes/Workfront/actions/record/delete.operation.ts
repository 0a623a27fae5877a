import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readObjectCode } from '../../../shared/params/objectCode';
import type { QueryParams } from '../../../shared/transport/connection';
import { workfrontRequest } from '../../../shared/transport/request';
import {
	batchOptions,
	optionsCollection,
	recordIdProperty,
} from '../../../shared/descriptions/common.description';
import { readRecordId } from '../../../shared/params/recordId';
import { readBatchSettings } from '../../../shared/params/sizes';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['delete'] },
	[
		recordIdProperty('delete'),
		{
			displayName: 'Force',
			name: 'force',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the record together with what depends on it (tasks, hours, documents). Without it, Workfront refuses to delete a record that still has dependants.',
		},
		optionsCollection(batchOptions(false)),
	],
);

interface Removal {
	objCode: string;
	id: string;
	query: QueryParams;
}

/** Deletes in bulk requests of up to 100 IDs; a failed batch is retried item by item. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<Removal> = {
		repeatable: true,
		prepare: async (itemIndex) => {
			const objCode = readObjectCode(this, itemIndex);
			const id = readRecordId(this, itemIndex);
			const force = this.getNodeParameter('force', itemIndex, false) as boolean;
			const query: QueryParams = force ? [['force', 'true']] : [];
			return { key: `${objCode}|${force}`, payload: { objCode, id, query } };
		},
		sendOne: async ({ itemIndex, payload }) => {
			await workfrontRequest(this, {
				method: 'DELETE',
				path: `${encodeURIComponent(payload.objCode)}/${payload.id}`,
				query: payload.query,
				itemIndex,
			});
			return { deleted: true, ID: payload.id, objCode: payload.objCode };
		},
		sendBatch: async (entries) => {
			const { objCode, query } = entries[0].payload;
			await workfrontRequest(this, {
				method: 'DELETE',
				path: encodeURIComponent(objCode),
				query: [['id', entries.map(({ payload }) => payload.id).join(',')], ...query],
				itemIndex: entries[0].itemIndex,
			});
			return entries.map(({ payload }) => ({ deleted: true, ID: payload.id, objCode }));
		},
	};
	return await runInBatches(this, items, plan, { ...readBatchSettings(this), atomic: false });
}
