import type { IExecuteFunctions } from 'n8n-workflow';

import type { QueryParams } from '../transport/context';

/** "Fields to Return" as Workfront's comma-separated `fields` parameter; accepts a list from an expression too. */
export function readReturnFields(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'options.fields',
): QueryParams {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const list = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',');
	const fields = list.map((field) => field.trim()).filter(Boolean);
	return fields.length > 0 ? [['fields', fields.join(',')]] : [];
}
