import type FormData from 'form-data';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Connection } from './connection';
import type { HttpMethod, QueryParams } from './context';
import { encodeQuery, MAX_URI_BYTES } from './query';
import type { RequestKind } from './retryPolicy';

export interface WorkfrontRequest {
	method: HttpMethod;
	/** Below /attask/api/<version>/, e.g. `proj/search` or `task/<id>/markDone`. */
	path: string;
	query?: QueryParams;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/**
	 * Reads are retried on transient failures; writes only when Workfront certainly did nothing.
	 * Worked out from the effective method when not given (see requestKind).
	 */
	kind?: RequestKind;
	/** The path is relative to the Workfront host (e.g. a document's downloadURL), not the API. */
	fromOrigin?: boolean;
	/** A multipart body, made anew for every attempt: a stream can be sent only once. */
	multipart?: () => FormData;
	/** Answer with the raw bytes (a download) instead of JSON. */
	binary?: boolean;
	/** Bytes expected to go up or down, when known: the timeout grows with them. */
	transferBytes?: number;
	/** Aborts the request (and stops its retries) when the work it belongs to has failed. */
	signal?: AbortSignal;
}

/**
 * The method Workfront acts on: its documented `method=` parameter overrides the HTTP method (a
 * GET with `method=POST` creates), so reads and writes are told apart by it, not by the verb.
 */
export function effectiveMethod(request: Pick<WorkfrontRequest, 'method' | 'query'>): string {
	const override = (request.query ?? []).find(([key]) => key.toLowerCase() === 'method')?.[1];
	return (override ?? request.method).trim().toUpperCase();
}

export function requestKind(request: WorkfrontRequest): RequestKind {
	if (request.kind) return request.kind;
	return effectiveMethod(request) === 'GET' ? 'read' : 'write';
}

/** The full address of a request, before any redirect. */
export function requestUrl(connection: Connection, request: WorkfrontRequest): string {
	const base = request.fromOrigin ? connection.origin : connection.apiBase;
	const url = `${base}/${request.path.replace(/^\/+/, '')}`;
	const query = request.query ?? [];
	return query.length > 0 ? `${url}${url.includes('?') ? '&' : '?'}${encodeQuery(query)}` : url;
}

/** The HTTP request for one attempt, to `url` (the request's own address, or where it was redirected). */
export function buildOptions(
	connection: Connection,
	request: WorkfrontRequest,
	url: string,
): IHttpRequestOptions {
	const common = {
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(request.binary ? { encoding: 'arraybuffer' as const, json: false } : { json: true }),
	};
	if (request.multipart) {
		const form = request.multipart();
		return { ...common, method: request.method, url, body: form, headers: form.getHeaders() };
	}
	if (Buffer.byteLength(url) <= MAX_URI_BYTES || url !== requestUrl(connection, request)) {
		return { ...common, method: request.method, url, body: request.body };
	}
	// Too long for a URI: Workfront takes the same parameters in a POST body with `method=`.
	const form: QueryParams = [...(request.query ?? []), ['method', request.method]];
	if (request.body !== undefined) form.push(['updates', JSON.stringify(request.body)]);
	return {
		...common,
		method: 'POST',
		url: requestUrl(connection, { ...request, query: [] }),
		body: encodeQuery(form),
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	};
}

/** Transfers are given at least 64 KB/s on top of the timeout, so a large file is not cut off. */
const SLOWEST_TRANSFER_BYTES_PER_SECOND = 64 * 1024;

/** How long one attempt may take in all, from the credential's Request Timeout. */
export function attemptDeadlineMs(connection: Connection, request: WorkfrontRequest): number {
	// A download of unknown size gets ten timeouts: enough for large files, still bounded.
	if (request.binary && request.transferBytes === undefined) return connection.timeoutMs * 10;
	const bytes = request.transferBytes ?? 0;
	return connection.timeoutMs + Math.ceil((bytes / SLOWEST_TRANSFER_BYTES_PER_SECOND) * 1000);
}
