import { argumentKind } from '../../../shared/params/actionArguments';

/** Fails the item with a message naming the argument and how to fix it. */
export type Fail = (message: string, help: string) => never;

/**
 * One argument as Workfront reads it, by its declared type: objects as JSON objects, lists as JSON
 * lists (comma-separated text is accepted), booleans as true/false, numbers and text as they are.
 */
export function serialiseArgument(
	label: string,
	type: string,
	value: unknown,
	fail: Fail,
	help: string,
): string {
	const kind = argumentKind(type);
	if (kind === 'list') {
		if (Array.isArray(value)) return JSON.stringify(value);
		const text = String(value).trim();
		if (!text.startsWith('['))
			return JSON.stringify(
				text
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean),
			);
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return JSON.stringify(parsed);
		} catch {
			// reported below
		}
		return fail(
			`${label} is not a list`,
			`Enter values separated by commas, or a JSON list such as ["a", "b"]. ${help}`,
		);
	}
	if (kind === 'object') {
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = JSON.parse(value);
			} catch {
				return fail(`${label} is not valid JSON`, `${help}.`);
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			return fail(`${label} must be a JSON object`, `Workfront reads it as a ${type}. ${help}.`);
		return JSON.stringify(parsed);
	}
	if (kind === 'boolean') {
		const text = String(value).trim().toLowerCase();
		if (text !== 'true' && text !== 'false')
			return fail(`${label} must be true or false`, `Got "${String(value)}". ${help}`);
		return text;
	}
	if (kind === 'number' && !Number.isFinite(Number(value)))
		return fail(`${label} must be a number`, `Got "${String(value)}". ${help}`);
	return typeof value === 'string' ? value : JSON.stringify(value);
}
