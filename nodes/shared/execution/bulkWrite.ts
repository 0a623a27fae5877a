import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { QueryParams } from '../transport/connection';
import { workfrontRequest } from '../transport/request';
import { expectOnePerEntry } from './batches';

export interface BulkWrite {
	method: 'POST' | 'PUT';
	objCode: string;
	fields: QueryParams;
	/** One object per item; the array is the bulk request's body. */
	bodies: IDataObject[];
	atomic: boolean;
	itemIndex: number;
}

/**
 * One bulk create or edit. Non-atomic, Workfront returns one record per object sent; atomic, only
 * `success`, so each result is then what was sent, marked successful.
 */
export async function sendBulkWrite(
	context: IExecuteFunctions,
	write: BulkWrite,
): Promise<IDataObject[]> {
	const answer = await workfrontRequest(context, {
		method: write.method,
		path: encodeURIComponent(write.objCode),
		query: write.atomic ? [...write.fields, ['atomic', 'true']] : write.fields,
		body: write.bodies,
		itemIndex: write.itemIndex,
	});
	if (write.atomic)
		return write.bodies.map((body) => ({ success: true, objCode: write.objCode, ...body }));
	return expectOnePerEntry(context, answer, write.bodies.length);
}
