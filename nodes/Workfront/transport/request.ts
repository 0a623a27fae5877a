import { sleep, type IDataObject } from 'n8n-workflow';

import { sendWithSession, type RawResponse } from './authSession';
import { readConnection } from './connection';
import type { WorkfrontContext } from './context';
import { toNodeApiError } from './apiErrors';
import { hintForFailure } from './failureHints';
import { buildOptions, type WorkfrontRequest } from './requestOptions';
import { networkCode, transportFailure } from './transportErrors';

export type { WorkfrontRequest } from './requestOptions';
import {
	backoffMs,
	RETRY,
	retryAfterMs,
	shouldRetryNetworkError,
	shouldRetryStatus,
	type RequestKind,
} from './retryPolicy';

function parseBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return body;
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

/**
 * Sends one Workfront request with the credential's session and retries what is safe to retry;
 * answers with status, headers and body.
 * Every failure (an `error` key counts, even on HTTP 200) becomes a NodeApiError.
 */
export async function workfrontCall(
	context: WorkfrontContext,
	request: WorkfrontRequest,
): Promise<RawResponse> {
	const itemIndex = request.itemIndex ?? 0;
	const kind: RequestKind = request.kind ?? (request.method === 'GET' ? 'read' : 'write');
	const connection = await readConnection(context, itemIndex);

	for (let attempt = 1; ; attempt += 1) {
		let response: RawResponse;
		try {
			response = await sendWithSession(context, () => buildOptions(connection, request), itemIndex);
		} catch (error) {
			if (attempt < RETRY.maxAttempts && shouldRetryNetworkError(networkCode(error), kind)) {
				await sleep(backoffMs(attempt));
				continue;
			}
			throw transportFailure(context.getNode(), error, kind, itemIndex);
		}

		const isBytes = request.binary && response.statusCode < 400;
		const body = isBytes ? response.body : parseBody(response.body);
		const status = response.statusCode;
		const failed =
			status >= 400 || (!isBytes && body !== null && typeof body === 'object' && 'error' in body);
		if (!failed) return { ...response, body };
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

/** The one way the nodes call Workfront's REST API: the answer's `data`, or an error. */
export async function workfrontRequest<T = unknown>(
	context: WorkfrontContext,
	request: WorkfrontRequest,
): Promise<T> {
	const { body } = await workfrontCall(context, request);
	return (
		body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body
	) as T;
}

/** Downloads bytes (a document) with the same session, retries and errors as every other call. */
export async function workfrontDownload(
	context: WorkfrontContext,
	request: Omit<WorkfrontRequest, 'binary'>,
): Promise<{ data: Buffer; headers: Record<string, unknown> }> {
	const { body, headers } = await workfrontCall(context, { ...request, binary: true });
	return {
		data: Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer),
		headers: headers ?? {},
	};
}
