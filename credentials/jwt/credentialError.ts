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

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** `%7e` or `%7E`, optionally encoded twice (`%257E`), as a server may quote a URL back. */
function percentForms(byte: number): string {
	const hex = byte.toString(16).toUpperCase().padStart(2, '0');
	const caseless = [...hex].map((digit) =>
		/[A-F]/.test(digit) ? `[${digit}${digit.toLowerCase()}]` : digit,
	);
	return `%(?:25)?${caseless.join('')}`;
}

/**
 * Every way one character of a secret can come back quoted in an answer: as itself, percent-encoded
 * (URL or form encoding, either hex case, once or twice), `+` for a space (form encoding), or
 * escaped in JSON (`\uXXXX`, `\"`, `\\`, `\/`). One pattern per character, so a mix of encodings in
 * one echo is matched as well.
 */
function characterPattern(char: string): string {
	const forms = new Set<string>([escapeRegExp(char)]);
	const bytes = Buffer.from(char, 'utf8');
	forms.add(bytes.length === 1 ? percentForms(bytes[0]) : [...bytes].map(percentForms).join(''));
	if (char === ' ') forms.add('\\+');
	const code = char.codePointAt(0) ?? 0;
	if (code <= 0xffff) {
		const hex = code.toString(16).padStart(4, '0');
		forms.add(
			`\\\\u${[...hex].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('')}`,
		);
	}
	if (char === '"' || char === '\\' || char === '/') forms.add(`\\\\${escapeRegExp(char)}`);
	return `(?:${[...forms].join('|')})`;
}

function secretPattern(secret: string): RegExp {
	return new RegExp([...secret].map(characterPattern).join(''), 'g');
}

/**
 * Parts of a secret that are secrets on their own: the signature of a JWT (its header and claims
 * are not secret, but the signature alone is what proves the key).
 */
function secretParts(secret: string): string[] {
	const parts = secret.split('.');
	return parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))
		? [secret, parts[2]]
		: [secret];
}

/**
 * Replaces every occurrence of each secret in `text`, in every encoding an answer can quote it in
 * (see characterPattern); for a JWT, its signature on its own too. Used on everything Workfront (or
 * whatever answers in its place) says before it reaches an error or an output item.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	const all = secrets
		.filter((secret): secret is string => typeof secret === 'string')
		.flatMap(secretParts)
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		// Longest first, so a secret that contains another is replaced whole.
		.sort((a, b) => b.length - a.length);
	for (const secret of all) result = result.replace(secretPattern(secret), REDACTED);
	return result;
}

/** redactSecrets over every string in a JSON-like value (an answer that becomes an output item). */
export function redactValue<T>(value: T, secrets: Array<string | undefined>): T {
	if (typeof value === 'string') return redactSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets)) as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [
				redactSecrets(key, secrets),
				redactValue(item, secrets),
			]),
		) as T;
	}
	return value;
}
