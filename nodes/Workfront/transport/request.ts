import { sleep, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { sendWithSession, type RawResponse } from './authSession';
import { readConnection } from './connection';
import type { HttpMethod, QueryParams, WorkfrontContext } from './context';
import { toNodeApiError } from './apiErrors';
import { hintForFailure } from './failureHints';
import { encodeQuery, MAX_URI_BYTES } from './query';
import { networkCode, transportFailure } from './transportErrors';
import {
	backoffMs,
	RETRY,
	retryAfterMs,
	shouldRetryNetworkError,
	shouldRetryStatus,
	type RequestKind,
} from './retryPolicy';

export interface WorkfrontRequest {
	method: HttpMethod;
	/** Below /attask/api/<version>/, e.g. `proj/search` or `task/<id>/markDone`. */
	path: string;
	query?: QueryParams;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Reads are retried on transient failures; writes only when Workfront certainly did nothing. */
	kind?: RequestKind;
}

function buildOptions(apiBase: string, request: WorkfrontRequest): IHttpRequestOptions {
	const query = request.query ?? [];
	const url = `${apiBase}/${request.path.replace(/^\/+/, '')}`;
	const fullUrl = query.length > 0 ? `${url}?${encodeQuery(query)}` : url;
	const common = { returnFullResponse: true, ignoreHttpStatusErrors: true, json: true } as const;
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

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * The one way the nodes talk to Workfront's REST API: builds the URL, sends it with the
 * credential's session, retries what is safe to retry, unwraps `data` and turns every failure
 * (an `error` key counts, even on HTTP 200) into a NodeApiError.
 */
export async function workfrontRequest<T = unknown>(
	context: WorkfrontContext,
	request: WorkfrontRequest,
): Promise<T> {
	const itemIndex = request.itemIndex ?? 0;
	const kind: RequestKind = request.kind ?? (request.method === 'GET' ? 'read' : 'write');
	const { apiBase } = await readConnection(context, itemIndex);
	const options = buildOptions(apiBase, request);

	for (let attempt = 1; ; attempt += 1) {
		let response: RawResponse;
		try {
			response = await sendWithSession(context, options, itemIndex);
		} catch (error) {
			if (attempt < RETRY.maxAttempts && shouldRetryNetworkError(networkCode(error), kind)) {
				await sleep(backoffMs(attempt));
				continue;
			}
			throw transportFailure(context.getNode(), error, kind, itemIndex);
		}

		const body = parseBody(response.body);
		const status = response.statusCode;
		const failed = status >= 400 || (body !== null && typeof body === 'object' && 'error' in body);
		if (!failed) {
			return (
				body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body
			) as T;
		}
		if (attempt < RETRY.maxAttempts && shouldRetryStatus(status, kind)) {
			await sleep(retryAfterMs(response.headers?.['retry-after']) ?? backoffMs(attempt));
			continue;
		}
		const hint = await hintForFailure(
			request.path,
			status,
			body,
			async (objCode) =>
				await workfrontRequest<IDataObject>(context, {
					method: 'GET',
					path: `${encodeURIComponent(objCode)}/metadata`,
					itemIndex,
				}),
		);
		throw toNodeApiError(context.getNode(), { status, body, itemIndex, hint });
	}
}
