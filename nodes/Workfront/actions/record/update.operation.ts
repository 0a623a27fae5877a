import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { runInBatches, type BatchPlan } from '../../../shared/execution/batches';
import { sendBulkWrite } from '../../../shared/execution/bulkWrite';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readAttachForms, readWriteValues } from '../../../shared/params/fieldValues';
import { withFormsOfCustomFields } from '../../../shared/workfront/customFields';
import { MATCH_COLUMN } from '../../../shared/workfront/mapperColumns';
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
	recordIdProperty,
	returnFieldsOption,
} from '../../../shared/descriptions/common.description';
import { readRecordId, RecordIdError, parseRecordId } from '../../../shared/params/recordId';
import { readBatchSettings } from '../../../shared/params/sizes';
import { failItem } from '../../../shared/params/parameters';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['update'] },
	[
		// Map Each Field matches the record on its ID column instead, as n8n's other mapper nodes do.
		{ ...recordIdProperty('update'), displayOptions: { hide: { inputMode: ['mapper'] } } },
		...fieldValuesProperties('update'),
		optionsCollection([
			attachFormsOption,
			customFormsOption,
			returnFieldsOption,
			...batchOptions(true),
		]),
	],
);

/**
 * The record an item updates. With Map Each Field it is the ID column (the column to match on), or
 * the input item's ID when the mapper maps automatically; otherwise the Record parameter.
 */
function recordToUpdate(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): string {
	const mode = context.getNodeParameter('inputMode', itemIndex, 'mapper') as string;
	if (mode !== 'mapper') return readRecordId(context, itemIndex);
	const automatic =
		context.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') ===
		'autoMapInputData';
	const raw = automatic ? context.getInputData()[itemIndex]?.json?.ID : values[MATCH_COLUMN];
	delete values[MATCH_COLUMN];
	try {
		return parseRecordId(raw, `${MATCH_COLUMN} (the field to match on)`);
	} catch (error) {
		const { message, description } = error as RecordIdError;
		return failItem(
			context,
			itemIndex,
			message,
			automatic
				? 'Map Each Field maps the input item automatically, so the record to update is its ID key. Give each item an ID, or map the fields below.'
				: `${description} Map Each Field updates the record whose ID is in the ID field.`,
		);
	}
}

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
			const read = await readWriteValues(this, itemIndex, objCode, 'update');
			const matched = this.getNodeParameter('inputMode', itemIndex, 'mapper') === 'mapper';
			if (Object.keys(read).filter((key) => !matched || key !== MATCH_COLUMN).length === 0) {
				failItem(
					this,
					itemIndex,
					'Nothing to update: no fields are given',
					'Add at least one field to change.',
				);
			}
			const id = recordToUpdate(this, itemIndex, read);
			const values = await withFormsOfCustomFields(this, itemIndex, objCode, read, {
				attach: readAttachForms(this, itemIndex),
				recordId: id,
			});
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
