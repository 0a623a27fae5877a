import { failItem, readParameter, type ParameterContext } from './parameters';

const ID_IN_URL = /\/([0-9a-f]{32})(?=[/?#]|$)/i;

/** A record ID that cannot be used, with advice for the person who typed it. */
export class RecordIdError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

/**
 * A record ID from a parameter value: a resource locator (from the list, by ID, or a Workfront
 * URL), or plain text from an expression, which may also be a pasted URL. Checked so that it
 * cannot reshape a request path.
 */
export function parseRecordId(raw: unknown, label: string): string {
	const locator =
		raw && typeof raw === 'object' ? (raw as { mode?: string; value?: unknown }) : undefined;
	const value = locator ? locator.value : raw;
	let id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '') {
		throw new RecordIdError(
			`${label} is empty`,
			'Pick the Workfront record from the list, enter its ID, or map it from a previous node, e.g. {{ $json.ID }}.',
		);
	}
	if (locator?.mode === 'url' || /^https?:\/\//i.test(id)) {
		const match = ID_IN_URL.exec(id);
		if (match === null) {
			throw new RecordIdError(
				`${label}: the URL "${id}" does not contain a Workfront ID`,
				'Paste the address of the record as Workfront shows it, e.g. https://yourdomain.my.workfront.com/project/5f8e3a7b0000a1b2c3d4e5f60718293a/overview.',
			);
		}
		id = match[1];
	}
	// Workfront's IDs are 32 letters and digits (GUIDs, as in Adobe's "API basics" URIs). A shorter
	// word in an ID's place is read by Workfront as the name of an action ("The action t needs an ID
	// parameter", HTTP 422), so it is refused here, with the advice any other malformed ID gets.
	if (!/^[A-Za-z0-9]{32}$/.test(id)) {
		throw new RecordIdError(
			`${label}: "${id}" is not a Workfront ID`,
			'Workfront IDs are 32 letters and digits, e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a.',
		);
	}
	return id;
}

/** The record ID an item's parameter holds, or an error naming the item. */
export function readRecordId(
	context: ParameterContext,
	itemIndex: number,
	parameter = 'id',
	label = 'Record',
): string {
	try {
		return parseRecordId(readParameter(context, parameter, itemIndex, ''), label);
	} catch (error) {
		// parseRecordId throws nothing else.
		const { message, description } = error as RecordIdError;
		return failItem(context, itemIndex, message, description);
	}
}
