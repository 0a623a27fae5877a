import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

export interface WorkfrontErrorBody {
	class?: string;
	message?: string;
}

/** `{"error":{"class","message"}}`, or whatever of it a non-standard answer carries. */
export function readErrorBody(body: unknown): WorkfrontErrorBody | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const error = (body as { error?: unknown }).error;
	if (error && typeof error === 'object') {
		const { class: errorClass, message } = error as Record<string, unknown>;
		return {
			class: typeof errorClass === 'string' ? errorClass : undefined,
			message: typeof message === 'string' ? message : undefined,
		};
	}
	if (typeof error === 'string') return { message: error };
	const message = (body as { message?: unknown }).message;
	return typeof message === 'string' ? { message } : undefined;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Workfront does not support this operation on this object type.',
	401: 'Workfront did not accept a freshly exchanged token either. Open the Workfront JWT API credential and press Test; check that the user of User ID is active.',
	403: 'The Workfront user of this credential (its User ID) lacks access to this object. Share the object with that user in Workfront, give the user a higher access level, or use a credential for a user who has access.',
	404: 'Nothing with this ID exists in Workfront (or it was deleted). Check the ID and the object type.',
	410: 'This Workfront API version is retired. Choose a newer API Version in the Workfront JWT API credential.',
	429: "Workfront's limit of concurrent requests for your organisation was still reached after several retries. Try again later, or lower the node's concurrency.",
	500: 'Workfront could not process the request. If it persists, check the values sent (for example with Get first), or try later.',
	502: 'Workfront was not reachable through its gateway after several retries. Try again later.',
	503: 'Workfront was unavailable after several retries. Try again later.',
	504: 'Workfront did not answer in time after several retries. Try again later.',
};

export interface ApiFailure {
	status: number;
	body: unknown;
	itemIndex?: number;
	/** Extra help worked out by the caller, e.g. the closest valid field names. */
	hint?: string;
}

/** One error shape for every Workfront failure: Workfront's words, its error class, the status and a hint. */
export function toNodeApiError(node: INode, failure: ApiFailure): NodeApiError {
	const error = readErrorBody(failure.body);
	const message =
		error?.message ?? `Workfront answered HTTP ${failure.status} without an error message`;
	const hint = failure.hint ?? STATUS_HINTS[failure.status] ?? '';
	const description = [
		error?.class ? `${error.class} (HTTP ${failure.status}).` : `HTTP ${failure.status}.`,
		hint,
	]
		.filter(Boolean)
		.join(' ');
	return new NodeApiError(
		node,
		{
			error: { class: error?.class ?? null, message },
			httpCode: String(failure.status),
		} as JsonObject,
		{
			message: `Workfront: ${message}`,
			description,
			httpCode: String(failure.status),
			itemIndex: failure.itemIndex,
		},
	);
}
