import { errorCode, failureFor } from '../../nodes/shared/core/networkFailures';
import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';

/** The calls a credential makes itself, as a failure message names them. */
export type CredentialCall = 'exchange' | 'session check' | 'IMS token request';

/**
 * Maps a failure to reach one of the credential's own endpoints to a message; the original error
 * is dropped because it carries the request, secrets included.
 */
export function explainNetworkFailure(
	error: unknown,
	origin: string,
	call: CredentialCall = 'exchange',
): WorkfrontCredentialError {
	const code = errorCode(error);
	const known = failureFor(code);
	if (call === 'IMS token request') {
		// The IMS host is Adobe's, not a field of the credential: the advice is about the network.
		const what = known?.what ?? `failed before it answered${code ? ` (${code})` : ''}`;
		return new WorkfrontCredentialError(
			`Adobe IMS (${origin}) ${what} when n8n asked it for an access token. Check that this machine can reach ${origin} (DNS, firewall, proxy), then try again.`,
		);
	}
	const asked =
		call === 'exchange' ? 'asked it for an access token' : 'checked the access token (GET session)';
	if (known) {
		return new WorkfrontCredentialError(
			`${origin} ${known.what} when n8n ${asked}. ${known.advice}`,
			'Workfront URL',
		);
	}
	const what = call === 'exchange' ? 'The token exchange' : 'The session check';
	return new WorkfrontCredentialError(
		`${what} with ${origin} failed before Workfront answered${code ? ` (${code})` : ''}. Check Workfront URL and this machine's network, then try again.`,
		'Workfront URL',
	);
}
