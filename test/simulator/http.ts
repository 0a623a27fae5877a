import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as the simulator's handlers see it: parameters merged the way Workfront merges them. */
export interface SimRequest {
	method: string;
	/** Path without the query string, e.g. /attask/api/v21.0/project/search */
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	contentType: string;
	/** Route parameters filled in by the router (`:name` segments). */
	params: Record<string, string>;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Raw bytes or text sent as they are (downloads, HTML pages). */
	raw?: Buffer | string;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
	return { status, body, headers };
}

/** Workfront's success envelope. */
export function data(value: unknown, status = 200): SimResponse {
	return { status, body: { data: value } };
}

/** Workfront's error envelope: `{"error":{"class","message"}}`. */
export function apiError(status: number, errorClass: string, message: string): SimResponse {
	return {
		status,
		body: {
			error: {
				class: errorClass,
				message,
				title: null,
				msgKey: 'exception.attask',
				attributes: [''],
				code: 0,
			},
		},
	};
}

export function formParams(request: SimRequest): URLSearchParams {
	if (request.contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
		return new URLSearchParams(request.rawBody.toString('utf8'));
	}
	return new URLSearchParams();
}

export function writeResponse(response: ServerResponse, result: SimResponse): void {
	const headers: Record<string, string> = { ...result.headers };
	let payload: Buffer | string = '';
	if (result.raw !== undefined) {
		payload = result.raw;
	} else if (result.body !== undefined) {
		payload = JSON.stringify(result.body);
		headers['content-type'] ??= 'application/json;charset=UTF-8';
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	response.writeHead(result.status, headers);
	response.end(payload);
}
