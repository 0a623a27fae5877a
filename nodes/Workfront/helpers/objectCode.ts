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

/** A record ID from a parameter, checked so that it cannot reshape the request path. */
export function readRecordId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'id',
	label = 'ID',
): string {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Enter the ${label} of the Workfront record, or map it from a previous node, e.g. {{ $json.ID }}.`,
		});
	}
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		throw new NodeOperationError(context.getNode(), `${label} "${id}" is not a Workfront ID`, {
			itemIndex,
			description:
				'Workfront IDs are 32 letters and digits, e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a.',
		});
	}
	return id;
}
