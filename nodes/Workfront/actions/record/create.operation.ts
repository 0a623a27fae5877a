import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { sendBulkWrite } from '../../../shared/execution/bulkWrite';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readAttachForms, readWriteValues } from '../../../shared/params/fieldValues';
import { withFormsOfCustomFields } from '../../../shared/workfront/customFields';
import { readObjectCode } from '../../../shared/params/objectCode';
import { readReturnFields } from '../../../shared/params/returnFields';
import type { QueryParams } from '../../../shared/transport/connection';
import { workfrontRequest } from '../../../shared/transport/request';
import {
	attachFormsOption,
	customFormsOption,
	fieldValuesProperties,
} from '../../../shared/descriptions/fieldValues.description';
import {
	batchOptions,
	optionsCollection,
	returnFieldsOption,
} from '../../../shared/descriptions/common.description';
import { readBatchSettings } from '../../../shared/params/sizes';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['create'] },
	[
		...fieldValuesProperties('create'),
		optionsCollection([
			attachFormsOption,
			customFormsOption,
			returnFieldsOption,
			...batchOptions(true),
		]),
	],
);

interface NewRecord {
	objCode: string;
	values: IDataObject;
	fields: QueryParams;
}

/** Creates in bulk requests of up to 100; a failed batch is never sent again, so nothing is created twice. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const plan: BatchPlan<NewRecord> = {
		repeatable: false,
		prepare: async (itemIndex) => {
			const objCode = readObjectCode(this, itemIndex);
			const fields = await readReturnFields(this, itemIndex, objCode);
			const values = await withFormsOfCustomFields(
				this,
				itemIndex,
				objCode,
				await readWriteValues(this, itemIndex, objCode, 'create'),
				{ attach: readAttachForms(this, itemIndex) },
			);
			return { key: `${objCode}|${JSON.stringify(fields)}`, payload: { objCode, values, fields } };
		},
		sendOne: async ({ itemIndex, payload }) =>
			await workfrontRequest<IDataObject>(this, {
				method: 'POST',
				path: encodeURIComponent(payload.objCode),
				query: payload.fields,
				body: payload.values,
				itemIndex,
			}),
		sendBatch: async (entries, atomic) =>
			await sendBulkWrite(this, {
				method: 'POST',
				objCode: entries[0].payload.objCode,
				fields: entries[0].payload.fields,
				bodies: entries.map(({ payload }) => payload.values),
				atomic,
				itemIndex: entries[0].itemIndex,
			}),
	};
	return await runInBatches(this, items, plan, readBatchSettings(this));
}
