import { UserError } from 'n8n-workflow';

import { compileRedactor } from './redaction';

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

export { REDACTED } from './redaction';

/**
 * `text` with each secret replaced by REDACTED wherever it appears, in every encoding a server can
 * quote it in (see redaction.ts); for a JWT, its signature on its own too. Used on everything
 * Workfront (or whatever answers in its place) says before it reaches an error or an output item.
 * The secrets are compiled once per set, so calling this per string costs one cache look-up.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	return compileRedactor(secrets).text(text);
}

/**
 * redactSecrets over every string in a JSON-like value, keys included (an answer that becomes an
 * output item). The very same value when nothing in it holds a secret. `json`: the JSON text the
 * value was parsed from, when there is one (read instead of writing the value out again).
 */
export function redactValue<T>(value: T, secrets: Array<string | undefined>, json?: string): T {
	return compileRedactor(secrets).value(value, json);
}
