import type { IDataObject } from 'n8n-workflow';

import type { QueryParams, WorkfrontContext } from './connection';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_PAGE_SIZE } from '../core/limits';
import { RequestCancelled, workfrontRequest } from './request';

export interface SearchOptions {
	objCode: string;
	/** Filters only: they are sent to `count` as well. */
	filters: QueryParams;
	/** Sorts (ID last, for a total order) and fields. */
	shape: QueryParams;
	/** Stop after this many records; undefined means all of them. */
	limit?: number;
	itemIndex: number;
	/** Pages read at the same time after the first one. */
	concurrency?: number;
}

/**
 * Runs `work` over `count` indexes with at most `limit` running at once. The first failure stops
 * the pool: no further index starts, the `signal` handed to the running ones aborts them, and that
 * first failure is what the caller gets (not the cancellations it caused).
 */
export async function pooled(
	count: number,
	limit: number,
	work: (index: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
	const stop = new AbortController();
	let failure: { error: unknown } | undefined;
	let next = 0;
	const worker = async () => {
		while (next < count && !stop.signal.aborted) {
			const index = next;
			next += 1;
			try {
				await work(index, stop.signal);
			} catch (error) {
				if (!failure && !(error instanceof RequestCancelled)) failure = { error };
				stop.abort();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	if (failure) throw failure.error;
}

/** A failed page's error, told which page it was; the records read so far are not output. */
function pageFailure(
	context: WorkfrontContext,
	error: unknown,
	itemIndex: number,
	where: { page: number; pages: number; first: number; size: number },
): NodeApiError | NodeOperationError {
	// A cancellation (this page stopped because another failed) passes through unchanged.
	if (error instanceof RequestCancelled) return error;
	const which = `Reading page ${where.page} of ${where.pages} (records ${where.first + 1} to ${where.first + where.size}) failed; the other pages were stopped and nothing was output.`;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = [which, error.description].filter(Boolean).join(' ');
		return error;
	}
	const message = error instanceof Error ? error.message : 'Reading a page failed';
	return new NodeOperationError(context.getNode(), message, { itemIndex, description: which });
}

/**
 * Reads every matching record (or the first `limit`) in `$$FIRST`/`$$LIMIT` pages of up to 2000.
 * The first page is read alone: most searches end there. When it is full, `count` tells how many
 * pages remain and they are read `concurrency` at a time, each into its own slot so the order is
 * that of sequential paging; the sort ends with ID, so no page repeats or skips a record.
 */
export async function searchAll(
	context: WorkfrontContext,
	options: SearchOptions,
): Promise<IDataObject[]> {
	const wanted = options.limit ?? Number.POSITIVE_INFINITY;
	const readPage = async (first: number, size: number, signal?: AbortSignal) => {
		const page = await workfrontRequest<IDataObject[]>(context, {
			method: 'GET',
			path: `${encodeURIComponent(options.objCode)}/search`,
			query: [
				...options.filters,
				...options.shape,
				['$$FIRST', String(first)],
				['$$LIMIT', String(size)],
			],
			itemIndex: options.itemIndex,
			signal,
		});
		return Array.isArray(page) ? page : [];
	};

	const records = await readPage(0, Math.min(MAX_PAGE_SIZE, wanted));
	if (records.length < MAX_PAGE_SIZE || records.length >= wanted) return records.slice(0, wanted);

	const answer = await workfrontRequest<{ count?: unknown }>(context, {
		method: 'GET',
		path: `${encodeURIComponent(options.objCode)}/count`,
		query: options.filters,
		itemIndex: options.itemIndex,
	});
	const total = Math.min(wanted, Math.max(records.length, Number(answer?.count ?? 0)));
	const offsets: number[] = [];
	for (let offset = records.length; offset < total; offset += MAX_PAGE_SIZE) offsets.push(offset);
	const pages: Array<IDataObject[] | undefined> = new Array(offsets.length);
	await pooled(
		offsets.length,
		options.concurrency ?? DEFAULT_CONCURRENCY,
		async (index, signal) => {
			const first = offsets[index];
			const size = Math.min(MAX_PAGE_SIZE, total - first);
			try {
				pages[index] = await readPage(first, size, signal);
			} catch (error) {
				throw pageFailure(context, error, options.itemIndex, {
					page: index + 2,
					pages: offsets.length + 1,
					first,
					size,
				});
			}
		},
	);
	for (let index = 0; index < pages.length; index += 1) {
		for (const record of pages[index] ?? []) records.push(record);
		pages[index] = undefined;
	}
	return records;
}
