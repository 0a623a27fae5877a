import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ResourceMapperField,
} from 'n8n-workflow';

import { failItem } from '../../../shared/params/parameters';
import { readRecordId } from '../../../shared/params/recordId';
import type { QueryParams } from '../../../shared/transport/connection';
import { argumentParameter, builtInFor, CUSTOM_ACTION, findAction } from './actionCatalog';
import { serialiseArgument, type Fail } from './argumentValue';

/** What one item asks Execute Action to do: the action's name and its arguments, checked. */

/** The arguments of a listed action (its own parameters), then the additional rows. */
export function readArguments(
	context: IExecuteFunctions,
	itemIndex: number,
	chosen: string,
	objCode: string,
): QueryParams {
	const fail: Fail = (message, help) => failItem(context, itemIndex, message, help);
	const params: QueryParams = [];
	for (const argument of builtInFor(chosen, objCode)?.arguments ?? []) {
		if (argument.lookup) {
			params.push([
				argument.name,
				readRecordId(
					context,
					itemIndex,
					argumentParameter(chosen, argument.name),
					argument.displayName,
				),
			]);
			continue;
		}
		const raw = context.getNodeParameter(
			argumentParameter(chosen, argument.name),
			itemIndex,
			'',
		) as unknown;
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if (value === '' || value === undefined || value === null) {
			if (argument.required) fail(`${argument.displayName} is empty`, `${argument.description}.`);
			continue;
		}
		params.push([
			argument.name,
			serialiseArgument(
				argument.displayName,
				argument.declaredType,
				value,
				fail,
				argument.description,
			),
		]);
	}
	const extra =
		(context.getNodeParameter('arguments.argument', itemIndex, []) as Array<{
			name?: string;
			value?: unknown;
		}>) ?? [];
	extra.forEach((row, index) => {
		const name = String(row.name ?? '').trim();
		if (name === '')
			fail(`Argument ${index + 1}: Name is empty`, 'Enter the argument name, or remove the row.');
		params.push([
			name,
			typeof row.value === 'string' ? row.value : JSON.stringify(row.value ?? ''),
		]);
	});
	return params;
}

export function readActionName(context: IExecuteFunctions, itemIndex: number): string {
	const chosen = context.getNodeParameter('action', itemIndex) as string;
	if (findAction(chosen)) return chosen;
	// A built-in action's name is fixed; one from Workfront's metadata (or an expression) and "Other"
	// are checked, so that a name cannot reshape the path.
	const name = (
		chosen === CUSTOM_ACTION
			? String(context.getNodeParameter('customAction', itemIndex, ''))
			: String(chosen ?? '')
	).trim();
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
		failItem(
			context,
			itemIndex,
			name === '' ? 'Action Name is empty' : `Action Name "${name}" is not a Workfront action name`,
			'Enter the action as Workfront names it, e.g. approveApproval (letters and digits only).',
		);
	}
	return name;
}

/** The n8n field types the resource mapper stores, as the Workfront types they are sent as. */
const MAPPED_TYPES: Record<string, string> = {
	array: 'string[]',
	object: 'Object',
	boolean: 'boolean',
	number: 'number',
};

/**
 * The arguments of an action that Workfront's metadata declares (not a built-in one): the typed
 * fields of the resource mapper, or the input item's keys when it maps automatically.
 */
export function readMappedArguments(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
	chosen: string,
): QueryParams {
	if (findAction(chosen)?.kind === 'copy' || chosen === CUSTOM_ACTION) return [];
	const fail: Fail = (message, help) => failItem(context, itemIndex, message, help);
	const mode = context.getNodeParameter(
		'actionArguments.mappingMode',
		itemIndex,
		'defineBelow',
	) as string;
	const schema = (context.getNodeParameter('actionArguments.schema', itemIndex, []) ??
		[]) as ResourceMapperField[];
	const declared = new Map(schema.map((field) => [field.id, field]));
	const values =
		mode === 'autoMapInputData'
			? Object.fromEntries(
					Object.entries(items[itemIndex].json).filter(
						([key]) => declared.size === 0 || declared.has(key),
					),
				)
			: ((context.getNodeParameter('actionArguments.value', itemIndex, {}) ?? {}) as IDataObject);
	const params: QueryParams = [];
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		const field = declared.get(name);
		const type = MAPPED_TYPES[String(field?.type ?? 'string')] ?? 'string';
		params.push([
			name,
			serialiseArgument(
				`Argument ${name}`,
				type,
				value,
				fail,
				`Workfront declares ${name} of ${chosen} as ${field?.type ?? 'text'}`,
			),
		]);
	}
	return params;
}
