import type { QueryParams } from '../transport/connection';
import { fieldListWithCustomFieldNames } from '../workfront/customFields';
import { readParameter, type ParameterContext } from './parameters';

/**
 * "Fields to Return" as Workfront's comma-separated `fields` parameter. Takes the picker's list or
 * a comma-separated text from an expression; custom fields may be given by label.
 */
export async function readReturnFields(
	context: ParameterContext,
	itemIndex: number,
	objCode: string,
	parameter = 'options.fields',
): Promise<QueryParams> {
	const raw = readParameter(context, parameter, itemIndex, '') as unknown;
	const list = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((field) => field.trim())
		.filter(Boolean);
	if (list.length === 0) return [];
	return [['fields', (await fieldListWithCustomFieldNames(context, objCode, list)).join(',')]];
}
