import type { IDataObject } from 'n8n-workflow';

import type { QueryParams, WorkfrontContext } from './context';
import { workfrontRequest } from './request';

/** Workfront's largest page. */
export const MAX_PAGE_SIZE = 2000;

export interface SearchOptions {
	objCode: string;
	/** Filters, fields and sorts; paging parameters are added here. */
	query: QueryParams;
	/** Stop after this many records; undefined means all of them. */
	limit?: number;
	itemIndex: number;
}

/**
 * Reads every matching record (or the first `limit`) with `$$FIRST`/`$$LIMIT` pages of up to
 * 2000. The caller's query must carry a total order (ID last), or pages could repeat or skip
 * records; a page shorter than asked for is the last.
 */
export async function searchAll(
	context: WorkfrontContext,
	options: SearchOptions,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const wanted = options.limit ?? Number.POSITIVE_INFINITY;
	while (records.length < wanted) {
		const size = Math.min(MAX_PAGE_SIZE, wanted - records.length);
		const page = await workfrontRequest<IDataObject[]>(context, {
			method: 'GET',
			path: `${encodeURIComponent(options.objCode)}/search`,
			query: [...options.query, ['$$FIRST', String(records.length)], ['$$LIMIT', String(size)]],
			itemIndex: options.itemIndex,
		});
		const list = Array.isArray(page) ? page : [];
		for (const record of list) records.push(record);
		if (list.length < size) break;
	}
	return records;
}
