import { NodeOperationError, type INode } from 'n8n-workflow';

import type { RequestKind } from './retryPolicy';

const NETWORK_FAILURES: Array<{ codes: string[]; message: string; phrases?: RegExp }> = [
	{ codes: ['ENOTFOUND', 'EAI_AGAIN'], message: 'the Workfront host could not be found' },
	{
		codes: ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'],
		message: 'Workfront could not be reached',
	},
	{
		codes: ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'],
		message: 'Workfront did not answer in time',
		phrases: /timeout of \d+ms exceeded/i,
	},
	{
		codes: ['ECONNRESET', 'EPIPE'],
		message: 'the connection to Workfront was lost',
		phrases: /socket hang up|closed unexpectedly/i,
	},
];

/**
 * The system error code of a failed request. n8n wraps network errors in a NodeApiError and, in
 * some versions, drops the original as its cause; the code then survives only in the texts it keeps.
 */
export function networkCode(error: unknown): string | undefined {
	const candidate = error as {
		code?: unknown;
		cause?: { code?: unknown };
		message?: unknown;
		messages?: unknown;
	};
	const code = candidate?.cause?.code ?? candidate?.code;
	if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	const texts = [
		candidate?.message,
		...(Array.isArray(candidate?.messages) ? candidate.messages : []),
	]
		.map(String)
		.join('\n');
	for (const failure of NETWORK_FAILURES) {
		const named = failure.codes.find((name) => texts.includes(name));
		if (named) return named;
		if (failure.phrases?.test(texts)) return failure.codes[0];
	}
	return undefined;
}

/**
 * Turns a failure to get any answer into an error fit to show. n8n's own errors for it may carry
 * the request, headers included, so only their message goes on. A write that may have reached
 * Workfront says so, since it is deliberately not repeated.
 */
export function transportFailure(
	node: INode,
	error: unknown,
	kind: RequestKind,
	itemIndex: number,
): NodeOperationError {
	const code = networkCode(error);
	const known = NETWORK_FAILURES.find(({ codes }) => code !== undefined && codes.includes(code));
	if (!known) {
		// Not a network failure: what the credential's preAuthentication reported (wrong secret, bad
		// key, …), already worded for people and free of secrets.
		const message =
			error instanceof Error && error.message ? error.message : 'The request to Workfront failed';
		return new NodeOperationError(node, message, {
			itemIndex,
			description:
				'If this names a credential field, open the Workfront JWT API credential, correct it and press Test.',
		});
	}
	const inDoubt =
		kind === 'write' && code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EAI_AGAIN';
	return new NodeOperationError(node, `Workfront: ${known.message}`, {
		itemIndex,
		description: inDoubt
			? 'The change may or may not have been applied. It was not sent again, so that nothing is created or changed twice: check in Workfront before running this item again.'
			: 'Check the Workfront URL of the credential and the network of the machine running n8n, then try again.',
	});
}
