import { NodeOperationError, type INode } from 'n8n-workflow';

import { redactSecrets } from '../../../credentials/jwt/credentialError';
import { failureFor, networkCode } from '../../shared/transport/networkFailures';
import type { RequestKind } from './retryPolicy';

export { networkCode } from '../../shared/transport/networkFailures';

/**
 * Turns a failure to get any answer into an error fit to show. n8n's own errors for it may carry
 * the request, headers included, so only their message goes on, free of the token. A write that
 * may have reached Workfront says so, since it is deliberately not repeated.
 */
export function transportFailure(
	node: INode,
	error: unknown,
	kind: RequestKind,
	itemIndex: number,
	secrets: string[] = [],
): NodeOperationError {
	// Already worded by the transport itself (for example a token Workfront keeps refusing).
	if (error instanceof NodeOperationError) return error;
	const code = networkCode(error);
	const known = failureFor(code);
	if (!known) {
		// Not a network failure: what the credential's preAuthentication reported (wrong secret, bad
		// key, …), already worded for people and free of secrets — redacted again all the same.
		const message =
			error instanceof Error && error.message
				? redactSecrets(error.message, secrets)
				: 'The request to Workfront failed';
		return new NodeOperationError(node, message, {
			itemIndex,
			description:
				'If this names a credential field, open the Workfront JWT API credential, correct it and press Test.',
		});
	}
	const inDoubt = kind === 'write' && known.sent === 'maybe';
	return new NodeOperationError(node, `Workfront ${known.what}`, {
		itemIndex,
		description: inDoubt
			? 'The change may or may not have been applied. It was not sent again, so that nothing is created or changed twice: check in Workfront before running this item again.'
			: known.advice,
	});
}
