// The one way the nodes reach Workfront Planning's API v2: the credential Adobe documents for it,
// the address below /maestro/api/v2, and its two kinds of paging. Everything else (the session,
// deadlines, same-origin redirects, safe retries, secrets kept out of errors) is workfrontCall's.

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { KINDS } from '../../../credentials/common/kinds';
import { asObject } from '../core/answers';
import { PLANNING_API_ROOT } from '../core/planning';
import { PLANNING_QUOTAS, PLANNING_SEARCH_PAGE_SIZE } from '../core/limits';
import type { RequestKind } from '../core/retryPolicy';
import {
	credentialKindOf,
	type HttpMethod,
	type QueryParams,
	type WorkfrontContext,
} from './connection';
import { workfrontCall } from './request';

/**
 * Planning takes Adobe IMS tokens only. BASICS ("Authentication"): "The Workfront Planning API
 * uses OAuth 2.0 … set up via the Adobe Developer Console", and "The `/login` endpoint and API key
 * authentication are not supported for Workfront Planning. Do not use `sessionID` or `apiKey`
 * parameters." The JWT and user-login credentials carry a Workfront session ID (kinds.ts), so a
 * Planning request with them is refused before anything is sent, with the way out.
 */
export function requirePlanningCredential(context: WorkfrontContext, itemIndex?: number): void {
	const kind = credentialKindOf(context);
	if (kind === 'serverToServer') return;
	throw new NodeOperationError(
		context.getNode(),
		`Workfront Planning does not accept the ${KINDS[kind].label} credential. Nothing was sent.`,
		{
			itemIndex,
			description: `Adobe documents the Planning API with Adobe IMS tokens only ("Do not use sessionID or apiKey", Planning API basics), and this credential sends a Workfront session ID. Set Authentication to "Adobe OAuth Server-to-Server" and choose an ${KINDS.serverToServer.label} credential (README: Workfront Planning).`,
		},
	);
}

export interface PlanningRequest {
	method: HttpMethod;
	/** Below /maestro/api/v2/, e.g. `records/Rc123` or `record-types/Rt1/records/bulk`. */
	path: string;
	query?: QueryParams;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	signal?: AbortSignal;
	/** A search is a POST that changes nothing: a read, retried as reads are (default: by method). */
	kind?: RequestKind;
}

/** Path segments as Planning's IDs are put into a path: encoded, so no ID can reshape it. */
export function planningPath(...segments: string[]): string {
	return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

/** One Planning request, answered with its status and parsed body; a failure is a NodeApiError (planningErrors.ts). */
export async function planningCall<T = unknown>(
	context: WorkfrontContext,
	request: PlanningRequest,
): Promise<{ status: number; body: T }> {
	requirePlanningCredential(context, request.itemIndex);
	const answer = await workfrontCall(context, {
		method: request.method,
		path: `${PLANNING_API_ROOT}/${request.path}`,
		fromOrigin: true,
		api: 'planning',
		query: request.query,
		body: request.body,
		itemIndex: request.itemIndex,
		signal: request.signal,
		kind: request.kind,
	});
	return { status: answer.statusCode, body: answer.body as T };
}

/** The answer of a Planning request: a DTO as it came (Planning has no `data` envelope; a record's own `data` is its field values). */
export async function planningRequest<T = IDataObject>(
	context: WorkfrontContext,
	request: PlanningRequest,
): Promise<T> {
	return (await planningCall<T>(context, request)).body;
}

/**
 * Every item of a cursor-paged list (SPEC `CursorResponse…Dto`: `content`, and `cursor` with
 * `nextCursor`, "Absent when there are no more pages", and `hasMore`), at most `max` of them;
 * `limit` is the page size asked. A cursor that comes back again would loop for ever, so it ends
 * the list with an error.
 */
export async function planningList(
	context: WorkfrontContext,
	path: string,
	options: {
		limit: number;
		/** The most items this list can hold (PLANNING_LIST_MOST): beyond it, it is stopped. */
		most: number;
		max?: number;
		query?: QueryParams;
		itemIndex?: number;
	},
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	const never = (why: string) =>
		new NodeOperationError(context.getNode(), `Workfront Planning ${why}; the list was stopped`, {
			itemIndex: options.itemIndex,
			description: `Reading ${path} would never end. The items before were not output. Try again later.`,
		});
	for (;;) {
		const wanted = options.max === undefined ? options.limit : options.max - items.length;
		const query: QueryParams = [
			...(options.query ?? []),
			['limit', String(Math.min(options.limit, wanted))],
		];
		if (cursor !== undefined) query.push(['cursor', cursor]);
		const page = asObject(
			await planningRequest(context, { method: 'GET', path, query, itemIndex: options.itemIndex }),
		);
		const content = Array.isArray(page?.content)
			? (page.content as unknown[]).filter((entry): entry is IDataObject => !!asObject(entry))
			: [];
		items.push(...content);
		const info = asObject(page?.cursor);
		const next = typeof info?.nextCursor === 'string' ? info.nextCursor : undefined;
		if (options.max !== undefined && items.length >= options.max)
			return items.slice(0, options.max);
		if (info?.hasMore !== true || !next || content.length === 0) return items;
		if (items.length > options.most)
			throw never(`listed more than ${options.most} items, more than Adobe allows there`);
		if (seen.has(next)) throw never('answered the same page cursor twice');
		seen.add(next);
		cursor = next;
	}
}

/**
 * Every record of a page-paged search (SPEC `RecordSearchPageDto`: `records`, a Spring page with
 * `content`, `number`, `totalPages`, `last`), at most `max`, read page after page at `pageSize`
 * until the page says it is the last. Zero-based `page` (SPEC). A record met twice (records
 * created while the pages are read move the later ones) is output once.
 */
export async function planningSearchAll(
	context: WorkfrontContext,
	path: string,
	options: {
		body: IDataObject;
		query?: QueryParams;
		max?: number;
		pageSize?: number;
		itemIndex?: number;
	},
): Promise<IDataObject[]> {
	const size = Math.min(
		options.pageSize ?? PLANNING_SEARCH_PAGE_SIZE,
		options.max ?? PLANNING_SEARCH_PAGE_SIZE,
	);
	const records: IDataObject[] = [];
	const seen = new Set<string>();
	// A record type holds at most PLANNING_QUOTAS.recordsPerRecordType records, so this many pages
	// read them all; a search that goes on is not Planning's.
	const mostPages = Math.ceil(PLANNING_QUOTAS.recordsPerRecordType / size) + 1;
	for (let page = 0; ; page += 1) {
		if (page >= mostPages) {
			throw new NodeOperationError(
				context.getNode(),
				`Workfront Planning's search went on beyond ${mostPages} pages of ${size}; it was stopped`,
				{
					itemIndex: options.itemIndex,
					description: `A record type holds at most ${PLANNING_QUOTAS.recordsPerRecordType} records. The records before were not output. Try again later.`,
				},
			);
		}
		const answer = asObject(
			await planningRequest(context, {
				method: 'POST',
				path,
				query: [...(options.query ?? []), ['page', String(page)], ['size', String(size)]],
				body: options.body,
				itemIndex: options.itemIndex,
				kind: 'read',
			}),
		);
		const found = asObject(answer?.records);
		const content = Array.isArray(found?.content)
			? (found.content as unknown[]).filter((entry): entry is IDataObject => !!asObject(entry))
			: [];
		let added = 0;
		for (const record of content) {
			const id = typeof record.id === 'string' ? record.id : undefined;
			if (id !== undefined && seen.has(id)) continue;
			if (id !== undefined) seen.add(id);
			records.push(record);
			added += 1;
			if (options.max !== undefined && records.length >= options.max) return records;
		}
		const totalPages = Number(found?.totalPages);
		const last =
			found?.last === true ||
			content.length === 0 ||
			(Number.isFinite(totalPages) && page + 1 >= totalPages);
		if (last) return records;
		// A page of records already output, said not to be the last: the next would be the same.
		if (added === 0) {
			throw new NodeOperationError(
				context.getNode(),
				'Workfront Planning answered a page of records already read; the search was stopped',
				{
					itemIndex: options.itemIndex,
					description:
						'Reading on would never end. The records before were not output. Try again later.',
				},
			);
		}
	}
}
