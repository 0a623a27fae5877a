// The one way the nodes reach Workfront's REST API: a request's address and options, then its
// attempts with the credential's session, same-origin redirects, safe retries and clear errors.

import {
	type IDataObject,
	NodeOperationError,
	type INode,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { redactValue } from '../core/errors';
import { SUBSCRIPTION_REQUEST } from '../../../credentials/common/authenticateRequest';
import { KINDS } from '../../../credentials/common/kinds';
import { sensitiveEndpoint } from '../../../credentials/common/sensitiveEndpoints';
import { sendWithSession, type RawResponse } from './authSession';
import type { MultipartBody } from './multipart';
import {
	type QueryParams,
	credentialKindOf,
	readConnection,
	type Connection,
	type WorkfrontContext,
	type HttpMethod,
} from './connection';
import { toNodeApiError, hintForFailure, transportFailure } from './errors';
import { toPlanningApiError } from './planningErrors';
import { networkCode, TIMEOUT_CODE } from '../core/networkFailures';
import {
	untilAborted,
	backoffMs,
	pause,
	RETRY,
	retryAfterMs,
	shouldRetryNetworkError,
	shouldRetryStatus,
	type RequestKind,
} from '../core/retryPolicy';
import { dataOf, parseBody, reportsError } from '../core/answers';
import { redirectTarget } from '../core/url';
import { DOWNLOAD_MAX_MB, MAX_ERROR_BODY_BYTES, MAX_URI_BYTES } from '../core/limits';

export function encodeQuery(params: QueryParams): string {
	return params
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/** Turns a plain object into parameters: arrays repeat the key, objects become JSON. */
export function toQueryParams(values: Record<string, unknown>): QueryParams {
	const params: QueryParams = [];
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			params.push([
				key,
				item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item),
			]);
		}
	}
	return params;
}

// ---- Building one request: its address, its options, its deadline.

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
	/** A multipart body (multipart.ts); bytes, so a redirect can send them again. */
	multipart?: MultipartBody;
	/** Answer with the raw bytes (a download) instead of JSON. */
	binary?: boolean;
	/** Bytes expected to go up or down, when known: the timeout grows with them. */
	transferBytes?: number;
	/** The most bytes a download keeps (a binary answer); more fails the request. */
	maxBytes?: number;
	/** Aborts the request (and stops its retries) when the work it belongs to has failed. */
	signal?: AbortSignal;
	/**
	 * A request of the Workfront Trigger's subscription code: the one caller allowed the Event
	 * Subscription API (credentials/common/sensitiveEndpoints.ts).
	 */
	managesSubscriptions?: true;
	/**
	 * A request made only to explain another one's failure (the metadata behind a field hint): sent
	 * once, no redirect followed, and its own failure is never explained, so a hint costs at most
	 * one extra request whatever the answers say.
	 */
	explaining?: true;
	/**
	 * Workfront Planning's API (`/maestro/api/v2`, see planning.ts) rather than the classic one:
	 * plain JSON answers (no `data` envelope, no `method=` override, no error key on success),
	 * failures as problem details.
	 */
	api?: 'planning';
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
		...(request.managesSubscriptions ? { [SUBSCRIPTION_REQUEST]: true as const } : {}),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Bytes come as a stream, read here with a bound (readBounded): n8n would buffer any length.
		// Everything else comes as text and is parsed here, so that the text stays at hand: the
		// check of an answer for secrets reads it instead of writing the parsed value out again.
		...(request.binary
			? { encoding: 'stream' as const, json: false }
			: { encoding: 'text' as const, json: true }),
	};
	if (request.multipart) {
		const { body, contentType } = request.multipart;
		return {
			...common,
			method: request.method,
			url,
			body,
			headers: { 'Content-Type': contentType, 'Content-Length': String(body.length) },
		};
	}
	// Only the classic API reads a query from a POST body with `method=`; Planning's URLs are short.
	if (
		request.api === 'planning' ||
		Buffer.byteLength(url) <= MAX_URI_BYTES ||
		url !== requestUrl(connection, request)
	) {
		return { ...common, method: request.method, url, body: request.body };
	}
	// Too long for a URI: Workfront takes the same parameters in a POST body with `method=`.
	// The method Workfront acts on stays the one the request already names, if it names one.
	const query = request.query ?? [];
	const named = query.some(([key]) => key.toLowerCase() === 'method');
	const form: QueryParams = named ? [...query] : [...query, ['method', request.method]];
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

// ---- Sending it: attempts, redirects, retries, errors.

export interface WorkfrontAnswer extends RawResponse {
	/** The token the answered request carried: whatever the answer becomes must not contain it. */
	token: string;
	/** The answer's text, when `body` was parsed from it (not for bytes). */
	text?: string;
}

/** Work this request belonged to failed elsewhere (another page of the same Return All). */
export class RequestCancelled extends NodeOperationError {
	constructor(node: INode) {
		super(node, 'Cancelled because other work of the same operation failed');
		this.name = 'RequestCancelled';
	}
}

const MAX_REDIRECTS = 5;

interface ByteStream {
	destroy?: (error?: Error) => void;
	[Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

function destroyStream(body: unknown): void {
	const stream = body as ByteStream | null;
	if (stream && typeof stream.destroy === 'function') stream.destroy();
}

/**
 * A binary answer's bytes, at most `limit` of them: undefined when there are more (the stream is
 * then destroyed, so no more is read). A declared Content-Length above the limit stops it at once.
 */
async function readBounded(response: RawResponse, limit: number): Promise<Buffer | undefined> {
	const { body } = response;
	if (Buffer.isBuffer(body)) return body.length > limit ? undefined : body;
	if (body instanceof ArrayBuffer) return body.byteLength > limit ? undefined : Buffer.from(body);
	const stream = body as ByteStream | null;
	if (!stream || typeof stream[Symbol.asyncIterator] !== 'function') {
		return Buffer.from(typeof body === 'string' ? body : '');
	}
	const declared = Number(headerOf(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > limit) {
		destroyStream(stream);
		return undefined;
	}
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream as AsyncIterable<Buffer | string>) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		total += bytes.length;
		if (total > limit) {
			destroyStream(stream);
			return undefined;
		}
		chunks.push(bytes);
	}
	return Buffer.concat(chunks, total);
}

function tooLarge(context: WorkfrontContext, limit: number, itemIndex: number): NodeOperationError {
	const megabytes = Math.round((limit / (1024 * 1024)) * 100) / 100;
	return new NodeOperationError(
		context.getNode(),
		`The file is larger than ${megabytes} MB, the most this download keeps; nothing was kept`,
		{
			itemIndex,
			description: `Raise Options > Max File Size (up to ${DOWNLOAD_MAX_MB.max} MB) if the document really is that large. n8n holds a downloaded file in memory before storing it.`,
		},
	);
}

class AttemptTimedOut extends Error {
	readonly code = TIMEOUT_CODE;
}

/** What stops a request besides its own deadline: its sibling work failing, the execution stopping. */
function stopSignals(context: WorkfrontContext, request: WorkfrontRequest): AbortSignal[] {
	const withCancel = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return [request.signal, withCancel.getExecutionCancelSignal?.()].filter(
		(signal): signal is AbortSignal => signal !== undefined,
	);
}

/** What one attempt came to: an answer, or what went wrong, for workfrontCall to word. */
type Attempt = { ok: true; answer: WorkfrontAnswer } | { ok: false; failure: unknown };

/**
 * One attempt with its deadline. The abort signal goes to n8n both as the request's own and as
 * the execution's cancel signal, which n8n-core puts in its place for node requests; the
 * execution's own cancel signal is kept in, so a stopped execution still stops the request.
 * A failure is returned, not thrown: only workfrontCall turns it into the node's error.
 */
async function sendAttempt(
	context: WorkfrontContext,
	connection: Connection,
	request: WorkfrontRequest,
	url: string,
	itemIndex: number,
): Promise<Attempt> {
	const deadline = attemptDeadlineMs(connection, request);
	const timer = new AbortController();
	const finished = new AbortController();
	// n8n's timer (pause), ended with the attempt by `finished`.
	void pause(deadline, finished.signal).then(
		() => timer.abort(new AttemptTimedOut(`No answer within ${deadline} ms`)),
		() => undefined,
	);
	const signal = AbortSignal.any([timer.signal, ...stopSignals(context, request)]);
	const caller = Object.create(context, {
		getExecutionCancelSignal: { value: () => signal },
	}) as WorkfrontContext;
	try {
		const { response, token } = await untilAborted(
			sendWithSession(
				caller,
				() => ({
					...buildOptions(connection, request, url),
					abortSignal: signal,
					timeout: deadline,
				}),
				itemIndex,
			),
			signal,
		);
		if (!request.binary) return { ok: true, answer: { ...response, token } };
		// Within this attempt's deadline: a body that trickles for ever ends with it.
		const limit =
			response.statusCode < 300
				? (request.maxBytes ?? Number.MAX_SAFE_INTEGER)
				: MAX_ERROR_BODY_BYTES;
		const body = await untilAborted(readBounded(response, limit), signal).catch(
			(error: unknown) => {
				destroyStream(response.body);
				return error instanceof Error ? error : new Error(String(error));
			},
		);
		if (body instanceof Error) {
			return { ok: false, failure: timer.signal.aborted ? timer.signal.reason : body };
		}
		if (body === undefined) return { ok: false, failure: tooLarge(context, limit, itemIndex) };
		return { ok: true, answer: { ...response, body, token } };
	} catch (error) {
		// A spent deadline is told by its own signal, whatever the HTTP client threw when it fired.
		return { ok: false, failure: timer.signal.aborted ? timer.signal.reason : error };
	} finally {
		finished.abort();
	}
}

/**
 * The pause before a retry, cut short when the work this request belongs to failed elsewhere (a
 * sibling page) or the execution was stopped: a Retry-After of a minute must not hold a failure.
 */
async function waitBeforeRetry(
	context: WorkfrontContext,
	request: WorkfrontRequest,
	milliseconds: number,
): Promise<void> {
	const signals = stopSignals(context, request);
	const stop = signals.length > 0 ? AbortSignal.any(signals) : undefined;
	await pause(milliseconds, stop).catch(() => undefined);
	if (stop?.aborted) throw new RequestCancelled(context.getNode());
}

function headerOf(headers: Record<string, unknown> | undefined, name: string): unknown {
	return headers?.[name] ?? headers?.[name.toLowerCase()];
}

/**
 * Where a redirect may be followed: to the same origin only, since the request carries the token;
 * a change (anything but a read) only on 307/308, which keep the method and body by definition.
 */
function redirectStep(
	context: WorkfrontContext,
	connection: Connection,
	response: RawResponse,
	from: string,
	kind: RequestKind,
	itemIndex: number,
): string {
	const location = headerOf(response.headers, 'location');
	const target = redirectTarget(location, from);
	const status = response.statusCode;
	if (target !== connection.origin) {
		throw new NodeOperationError(
			context.getNode(),
			`Workfront answered with a redirect (HTTP ${status}) to ${target}, another host; it was not followed`,
			{
				itemIndex,
				description: `The credential's token is only ever sent to ${connection.origin}. If your Workfront moved, enter its new host in the credential's Workfront URL.`,
			},
		);
	}
	if (kind === 'write' && status !== 307 && status !== 308) {
		throw new NodeOperationError(
			context.getNode(),
			`Workfront answered this change with a redirect (HTTP ${status}); it was not followed`,
			{
				itemIndex,
				description:
					"Following it would turn the change into a read. Check the path and the credential's Workfront URL.",
			},
		);
	}
	return new URL(String(Array.isArray(location) ? location[0] : location), from).href;
}

/**
 * What a request may still try. Attempts are counted for answers and failures, not for redirects
 * (a redirect is the same attempt going elsewhere); timeouts have a budget of their own, since
 * each may take the whole Request Timeout; a request made only to explain another's failure is
 * tried once.
 */
class Tries {
	private attempt = 1;
	private timeouts = 0;
	private redirects = 0;

	constructor(private readonly max: number) {}

	/** The pause before trying again after a failure without an answer, or undefined: no retry. */
	afterNetworkFailure(code: string | undefined, kind: RequestKind): number | undefined {
		if (code === TIMEOUT_CODE) this.timeouts += 1;
		const budget = code === TIMEOUT_CODE ? RETRY.maxTimeoutAttempts : RETRY.maxAttempts;
		if (this.attempt >= this.max || this.timeouts >= budget) return undefined;
		return shouldRetryNetworkError(code, kind) ? backoffMs(this.attempt++) : undefined;
	}

	/** The pause before trying again after an answer that failed, or undefined: no retry. */
	afterStatus(answer: RawResponse, kind: RequestKind): number | undefined {
		if (this.attempt >= this.max || !shouldRetryStatus(answer.statusCode, kind)) return undefined;
		const failed = this.attempt++;
		return retryAfterMs(headerOf(answer.headers, 'retry-after')) ?? backoffMs(failed);
	}

	/** Whether one more redirect is allowed (MAX_REDIRECTS in all). */
	redirect(): boolean {
		this.redirects += 1;
		return this.redirects <= MAX_REDIRECTS;
	}
}

function isRedirect(answer: RawResponse): boolean {
	const status = answer.statusCode;
	return status >= 300 && status < 400 && headerOf(answer.headers, 'location') !== undefined;
}

/**
 * An answer read as the request expects it: bytes kept as bytes, anything else parsed, with its
 * text kept (the check for secrets reads it); failed when its status says so, when it is a
 * redirect not followed, or when it reports an `error` (even on HTTP 200).
 */
function readAnswer(
	request: WorkfrontRequest,
	answer: WorkfrontAnswer,
): { failed: boolean; body: unknown; text?: string } {
	const status = answer.statusCode;
	const redirected = isRedirect(answer);
	const isBytes = request.binary === true && status < 400 && !redirected;
	const text = !isBytes && typeof answer.body === 'string' ? answer.body : undefined;
	const body = isBytes ? answer.body : parseBody(answer.body);
	// Only the classic API reports a failure in an `error` key of a success; Planning's answers are
	// plain JSON, its failures problem details with an error status.
	const classic = request.api !== 'planning';
	return {
		failed: redirected || status >= 400 || (!isBytes && classic && reportsError(body)),
		body,
		text,
	};
}

/**
 * A successful answer, cleaned of the token it was sent with before anything of it is output:
 * Workfront has no reason to quote it in a success, but whatever answers in its place might (a 207
 * whose items quote the request, an echo). The redactor reads the answer's own text first, so an
 * answer without the token costs a scan of that text (core/redaction.ts). Bytes (a download) are
 * the document's own and are not read.
 */
function answerFreeOfToken(
	request: WorkfrontRequest,
	answer: WorkfrontAnswer,
	read: { body: unknown; text?: string },
): WorkfrontAnswer {
	if (request.binary && Buffer.isBuffer(read.body)) return { ...answer, body: read.body };
	const clean = redactValue(read.body, [answer.token], read.text);
	// The text is the answer's own only while nothing was taken out of it.
	return { ...answer, body: clean, text: clean === read.body ? read.text : undefined };
}

/**
 * The error a failed answer becomes: Workfront's words, cleaned of the token (whatever answered
 * may quote the request back), with a hint that may cost one metadata read (never for a request
 * that is itself such a read).
 */
async function answerFailure(
	context: WorkfrontContext,
	request: WorkfrontRequest,
	answer: WorkfrontAnswer,
	read: { body: unknown; text?: string },
	itemIndex: number,
): Promise<Error> {
	const status = answer.statusCode;
	const clean = redactValue(read.body, [answer.token], read.text);
	if (request.api === 'planning') {
		return toPlanningApiError(context.getNode(), { status, body: clean, itemIndex });
	}
	const hint = request.explaining
		? undefined
		: await hintForFailure(
				request.path,
				status,
				clean,
				async (objCode) =>
					await workfrontRequest<IDataObject>(context, {
						method: 'GET',
						path: `${encodeURIComponent(objCode)}/metadata`,
						itemIndex,
						signal: request.signal,
						explaining: true,
					}),
			);
	return toNodeApiError(context.getNode(), {
		status,
		body: clean,
		itemIndex,
		hint,
		credential: credentialKindOf(context),
	});
}

/**
 * The credentials' destination rule, kept by the transport too, for every credential: the
 * user-login credential's token is attached by n8n's OAuth2 helper, where no check of the
 * credential runs, and the Custom API Call sends paths the user typed. Nothing leaves for another
 * origin, or for an endpoint that reveals or changes a session or a credential, whatever the
 * credential; checked before every attempt, redirects included.
 */
function refuseUnsafeDestination(
	context: WorkfrontContext,
	connection: Connection,
	request: WorkfrontRequest,
	url: string,
	itemIndex: number,
): void {
	const { label } = KINDS[credentialKindOf(context)];
	const target = new URL(url);
	if (target.origin !== connection.origin) {
		throw new NodeOperationError(
			context.getNode(),
			`The ${label} credential only sends its token to ${connection.origin}, but this request goes to ${target.origin}. Nothing was sent.`,
			{ itemIndex },
		);
	}
	const options = buildOptions(connection, request, url);
	const reason = sensitiveEndpoint({
		target,
		body: options.body,
		headers: options.headers,
		managesSubscriptions: request.managesSubscriptions === true,
		method: options.method,
	});
	if (reason) {
		throw new NodeOperationError(
			context.getNode(),
			`The ${label} credential is not used for this request: ${reason}. Nothing was sent.`,
			{
				itemIndex,
				description:
					"Its token is kept away from every endpoint that reveals or changes a session or a credential, so that whoever may use the credential cannot read its user's token or keys.",
			},
		);
	}
}

/**
 * Sends one Workfront request with the credential's session and retries what is safe to retry;
 * answers with status, headers, body and the token used. Every attempt has a deadline (the
 * credential's Request Timeout); same-origin redirects are followed, others refused. Every
 * failure (an `error` key counts, even on HTTP 200) becomes a NodeApiError free of the token.
 */
export async function workfrontCall(
	context: WorkfrontContext,
	request: WorkfrontRequest,
): Promise<WorkfrontAnswer> {
	const itemIndex = request.itemIndex ?? 0;
	const kind = requestKind(request);
	const connection = await readConnection(context, itemIndex);
	const tries = new Tries(request.explaining ? 1 : RETRY.maxAttempts);
	const cancelled = () => request.signal?.aborted === true;
	let url = requestUrl(connection, request);
	for (;;) {
		if (cancelled()) throw new RequestCancelled(context.getNode());
		refuseUnsafeDestination(context, connection, request, url, itemIndex);
		const sent = await sendAttempt(context, connection, request, url, itemIndex);
		if (!sent.ok) {
			if (cancelled()) throw new RequestCancelled(context.getNode());
			const pauseMs = tries.afterNetworkFailure(networkCode(sent.failure), kind);
			// A cancellation or an error the transport worded (NodeOperationError) passes unchanged.
			if (pauseMs === undefined)
				throw transportFailure(
					context.getNode(),
					sent.failure,
					kind,
					itemIndex,
					[],
					credentialKindOf(context),
				);
			await waitBeforeRetry(context, request, pauseMs);
			continue;
		}
		const { answer } = sent;
		if (isRedirect(answer) && !request.explaining) {
			url = redirectStep(context, connection, answer, url, kind, itemIndex);
			if (!tries.redirect()) {
				throw new NodeOperationError(context.getNode(), 'Workfront redirected too many times', {
					itemIndex,
					description: `More than ${MAX_REDIRECTS} redirects within ${connection.origin}. Check the path and the credential's Workfront URL.`,
				});
			}
			continue;
		}
		const read = readAnswer(request, answer);
		if (!read.failed) return answerFreeOfToken(request, answer, read);
		const pauseMs = tries.afterStatus(answer, kind);
		if (pauseMs === undefined) throw await answerFailure(context, request, answer, read, itemIndex);
		await waitBeforeRetry(context, request, pauseMs);
	}
}

/** The one way the nodes call Workfront's REST API: the answer's `data`, or an error. */
export async function workfrontRequest<T = unknown>(
	context: WorkfrontContext,
	request: WorkfrontRequest,
): Promise<T> {
	const { body } = await workfrontCall(context, request);
	return dataOf(body) as T;
}

/** Downloads bytes (a document) with the same session, retries and errors as every other call. */
export async function workfrontDownload(
	context: WorkfrontContext,
	request: Omit<WorkfrontRequest, 'binary'>,
): Promise<{ data: Buffer; headers: Record<string, unknown>; token: string }> {
	const { body, headers, token } = await workfrontCall(context, { ...request, binary: true });
	return {
		data: Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? '')),
		headers: headers ?? {},
		token,
	};
}
