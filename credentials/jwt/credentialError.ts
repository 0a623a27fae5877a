import { UserError } from 'n8n-workflow';

/**
 * A problem with what the user typed into the Workfront JWT API credential, or with how Workfront
 * answered it. The message says what is wrong, which field to check and how to fix it; it never
 * carries a secret, so it is safe to show, log and put in an output item.
 */
export class WorkfrontCredentialError extends UserError {
	constructor(
		message: string,
		readonly field?: string,
	) {
		super(message);
		this.name = 'WorkfrontCredentialError';
	}
}

const REDACTED = '[redacted]';

/** Replaces every occurrence of each secret (and of its URL-encoded form) in `text`. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join(REDACTED);
		}
	}
	return result;
}
