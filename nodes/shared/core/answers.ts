import type { IDataObject } from 'n8n-workflow';

/**
 * Workfront's answers, read in one place for the API and the token exchange alike. The API wraps
 * results in `{"data": …}` and failures in `{"error": {"class", "message"}}` (reference/workfront-api.md,
 * Adobe's OpenAPI file); the exchange endpoint's failure shape is not documented, so the plausible
 * OAuth and Adobe IMS spellings are read too.
 */

export interface WorkfrontErrorBody {
	class?: string;
	message?: string;
}

/** Where an answer may put its words, most specific first (`message` is Workfront's own). */
const MESSAGE_KEYS = ['message', 'error_description', 'errorMessage', 'detail', 'title'];

/** An answer's body as JSON when it is JSON text or bytes; anything else as it came. */
export function parseBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return body;
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

/** A parsed answer that is a JSON object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/**
 * Whether an answer reports a failure: an `error` with something in it counts even on HTTP 200.
 * Adobe documents the error object, not what a success says about errors; an empty one (`null`,
 * `""`, `{}`, `false`) is read as none, since taking a write that Workfront applied for a failure
 * would invite running it again.
 */
export function reportsError(body: unknown): boolean {
	const error = asObject(body)?.error;
	if (error === undefined || error === null || error === false || error === '') return false;
	return !(typeof error === 'object' && Object.keys(error).length === 0);
}

/** The first non-empty text among `keys` of an answer object. */
export function firstText(source: unknown, keys: string[]): string | undefined {
	const object = asObject(source);
	if (!object) return undefined;
	for (const key of keys) {
		const value = object[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** An answer's error class and words, from whichever of the known places it uses. */
export function readErrorBody(body: unknown): WorkfrontErrorBody | undefined {
	const object = asObject(body);
	if (!object) return undefined;
	const error = object.error;
	const errorClass = firstText(error, ['class']);
	const message =
		firstText(object, MESSAGE_KEYS) ??
		firstText(error, MESSAGE_KEYS) ??
		(typeof error === 'string' && error.trim() !== '' ? error.trim() : undefined);
	if (errorClass === undefined && message === undefined) return undefined;
	return { class: errorClass, message };
}

/** The `data` of an API answer, or the answer itself when it has none. */
export function dataOf(body: unknown): unknown {
	const object = asObject(body);
	return object && 'data' in object ? object.data : body;
}

/** Workfront answers a get with one object; one of its documents shows a one-element list. Both are accepted. */
export function singleRecord(answer: unknown): IDataObject {
	const record = Array.isArray(answer) ? answer[0] : answer;
	return record && typeof record === 'object' ? (record as IDataObject) : {};
}

/**
 * Whether an answer says "not logged in". Workfront says it with 401, and has been seen saying it,
 * with its AuthenticationException class, in the body of other statuses. Its words alone are not
 * enough: an error message may quote the user's own data ("Invalid session cleanup (Q3)"), and
 * taking that for a session problem would re-send a write.
 */
export function refusesSession(statusCode: number, body: unknown): boolean {
	if (statusCode === 401) return true;
	// Answers come as text; only one that names the class is worth parsing here.
	if (typeof body === 'string' && !body.includes('AuthenticationException')) return false;
	const parsed = typeof body === 'string' ? parseBody(body) : body;
	return readErrorBody(parsed)?.class?.endsWith('AuthenticationException') === true;
}
