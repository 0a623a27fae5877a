import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { readBatchSettings, runInBatches, type BatchPlan } from '../../helpers/batches';
import { sendBulkWrite } from '../../helpers/bulkWrite';
import { showOnlyFor } from '../../helpers/displayOptions';
import { readWriteValues } from '../../helpers/fieldValues';
import { readObjectCode, readRecordId } from '../../helpers/objectCode';
import { readReturnFields } from '../../helpers/returnFields';
import type { QueryParams } from '../../transport/context';
import { workfrontRequest } from '../../transport/request';
import { customFormsOption, fieldValuesProperties } from '../common/fieldValues.description';
import {
	batchOptions,
	optionsCollection,
	recordIdProperty,
	returnFieldsOption,
} from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['update'] },
	[
		recordIdProperty('update'),
		...fieldValuesProperties,
		optionsCollection([customFormsOption, returnFieldsOption, ...batchOptions(true)]),
	],
);

interface Change {
	objCode: string;
	id: string;
	values: IDataObject;
	fields: QueryParams;
}

/**
 * Sends only the fields given (Workfront leaves the others as they are), in bulk requests of up to
 * 100. Applying an update twice changes nothing more, so a failed batch is retried item by item.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<Change> = {
		repeatable: true,
		prepare: async (itemIndex) => {
			const objCode = readObjectCode(this, itemIndex);
			const id = readRecordId(this, itemIndex);
			const values = await readWriteValues(this, itemIndex, objCode);
			if (Object.keys(values).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Nothing to update: no fields are given', {
					itemIndex,
					description: 'Add at least one field to change.',
				});
			}
			const fields = await readReturnFields(this, itemIndex, objCode);
			return {
				key: `${objCode}|${JSON.stringify(fields)}`,
				payload: { objCode, id, values, fields },
			};
		},
		sendOne: async ({ itemIndex, payload }) =>
			await workfrontRequest<IDataObject>(this, {
				method: 'PUT',
				path: `${encodeURIComponent(payload.objCode)}/${payload.id}`,
				query: payload.fields,
				body: payload.values,
				itemIndex,
			}),
		sendBatch: async (entries, atomic) =>
			await sendBulkWrite(this, {
				method: 'PUT',
				objCode: entries[0].payload.objCode,
				fields: entries[0].payload.fields,
				bodies: entries.map(({ payload }) => ({ ...payload.values, ID: payload.id })),
				atomic,
				itemIndex: entries[0].itemIndex,
			}),
	};
	return await runInBatches(this, items, plan, readBatchSettings(this));
}
