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
	/** Reads are retried on transient failures; writes only when Workfront certainly did nothing. */
	kind?: RequestKind;
	/** The path is relative to the Workfront host (e.g. a document's downloadURL), not the API. */
	fromOrigin?: boolean;
	/** A multipart body, made anew for every attempt: a stream can be sent only once. */
	multipart?: () => FormData;
	/** Answer with the raw bytes (a download) instead of JSON. */
	binary?: boolean;
}

/** The HTTP request for one attempt. */
export function buildOptions(
	connection: Connection,
	request: WorkfrontRequest,
): IHttpRequestOptions {
	const query = request.query ?? [];
	const base = request.fromOrigin ? connection.origin : connection.apiBase;
	const url = `${base}/${request.path.replace(/^\/+/, '')}`;
	const fullUrl =
		query.length > 0 ? `${url}${url.includes('?') ? '&' : '?'}${encodeQuery(query)}` : url;
	const common = {
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(request.binary ? { encoding: 'arraybuffer' as const, json: false } : { json: true }),
	};
	if (request.multipart) {
		const form = request.multipart();
		return {
			...common,
			method: request.method,
			url: fullUrl,
			body: form,
			headers: form.getHeaders(),
		};
	}
	if (Buffer.byteLength(fullUrl) <= MAX_URI_BYTES) {
		return { ...common, method: request.method, url: fullUrl, body: request.body };
	}
	// Too long for a URI: Workfront takes the same parameters in a POST body with `method=`.
	const form: QueryParams = [...query, ['method', request.method]];
	if (request.body !== undefined) form.push(['updates', JSON.stringify(request.body)]);
	return {
		...common,
		method: 'POST',
		url,
		body: encodeQuery(form),
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	};
}
