import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { OTHER_OBJECT_TYPE } from '../objectTypes';

/** The object code the item asks for: a listed type, or the code typed for "Other". */
export function readObjectCode(context: IExecuteFunctions, itemIndex: number): string {
	const chosen = String(context.getNodeParameter('objectType', itemIndex, 'PROJ'));
	const code = (
		chosen === OTHER_OBJECT_TYPE
			? String(context.getNodeParameter('objectCode', itemIndex, ''))
			: chosen
	).trim();
	if (!/^[A-Za-z][A-Za-z0-9_]{1,31}$/.test(code)) {
		throw new NodeOperationError(
			context.getNode(),
			code === '' ? 'Object Code is empty' : `Object Code "${code}" is not a Workfront object code`,
			{
				itemIndex,
				description:
					'Enter a Workfront objCode such as PROJ, TASK, OPTASK or BLIN (letters, digits and underscores).',
			},
		);
	}
	return code.toUpperCase();
}

const ID_IN_URL = /\/([0-9a-f]{32})(?=[/?#]|$)/i;

/**
 * A record ID from a parameter: a resource locator (from the list, by ID, or a Workfront URL), or
 * plain text from an expression, which may also be a pasted URL. Checked so that it cannot
 * reshape the request path.
 */
export function readRecordId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'id',
	label = 'Record',
): string {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const locator =
		raw && typeof raw === 'object' ? (raw as { mode?: string; value?: unknown }) : undefined;
	const value = locator ? locator.value : raw;
	let id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	};
	if (id === '') {
		fail(
			`${label} is empty`,
			`Pick the Workfront record from the list, enter its ID, or map it from a previous node, e.g. {{ $json.ID }}.`,
		);
	}
	if (locator?.mode === 'url' || /^https?:\/\//i.test(id)) {
		const match = ID_IN_URL.exec(id);
		if (match === null) {
			return fail(
				`${label}: the URL "${id}" does not contain a Workfront ID`,
				'Paste the address of the record as Workfront shows it, e.g. https://yourdomain.my.workfront.com/project/5f8e3a7b0000a1b2c3d4e5f60718293a/overview.',
			);
		}
		id = match[1];
	}
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		fail(
			`${label}: "${id}" is not a Workfront ID`,
			'Workfront IDs are 32 letters and digits, e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a.',
		);
	}
	return id;
}
