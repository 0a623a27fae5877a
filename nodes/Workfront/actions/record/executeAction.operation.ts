import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type ResourceMapperField,
} from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { readReturnFields } from '../../../shared/params/returnFields';
import type { QueryParams } from '../../../shared/transport/connection';
import { workfrontRequest } from '../../../shared/transport/request';
import {
	recordIdProperty,
	recordLocator,
	returnFieldsOption,
	optionsCollection,
} from '../../../shared/descriptions/common.description';
import { argumentKind } from '../../../shared/params/actionArguments';
import {
	ACTION_CATALOG,
	argumentParameter,
	CUSTOM_ACTION,
	builtInFor,
	findAction,
	type ActionArgument,
} from './actionCatalog';
import { readRecordId } from '../../../shared/params/recordId';
import { failItem } from '../../../shared/params/parameters';

const BOOLEAN_CHOICES = [
	{ name: "Workfront's Default", value: '' },
	{ name: 'Yes', value: 'true' },
	{ name: 'No', value: 'false' },
];

function argumentProperty(
	action: string,
	argument: ActionArgument,
	objCodes: string[] | undefined,
): INodeProperties {
	// Only on the object types whose declared arguments these fields match; elsewhere the
	// resource mapper shows what Workfront declares.
	const displayOptions = {
		show: { action: [action], ...(objCodes ? { objectType: objCodes } : {}) },
	};
	if (argument.lookup) {
		const name = argumentParameter(action, argument.name);
		return {
			...recordLocator(name, argument.displayName, argument.description, argument.lookup),
			displayOptions,
		};
	}
	// Yes/no arguments offer "Workfront's default" too, so nothing is sent unless the user chose.
	const options = argument.boolean ? BOOLEAN_CHOICES : argument.options;
	return {
		displayName: argument.displayName,
		name: argumentParameter(action, argument.name),
		type: options ? 'options' : argument.json ? 'json' : 'string',
		...(options ? { options } : {}),
		default: argument.default ?? '',
		required: argument.required ?? false,
		description: argument.description,
		displayOptions,
	};
}

/** The built-in actions and "Other": the fallback of the action list, and its friendly names. */
export const ACTION_OPTIONS = [
	...ACTION_CATALOG.map(({ name, value, description: help }) => ({
		name,
		value,
		description: help,
	})),
	{
		name: 'Other (Enter Action Name)',
		value: CUSTOM_ACTION,
		description: "Any action listed in Workfront's API Explorer",
	},
];

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['executeAction'] },
	[
		recordIdProperty('run the action on'),
		{
			displayName: 'Action Name or ID',
			name: 'action',
			type: 'options',
			default: 'markDone',
			// The actions Workfront declares for the object type (GET /<obj>/metadata), with the
			// built-in ones under friendly names; the built-in list alone when metadata cannot be read.
			typeOptions: {
				loadOptionsMethod: 'getActions',
				loadOptionsDependsOn: ['objectType', 'objectCode'],
			},
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Action Arguments',
			name: 'actionArguments',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			description:
				'The arguments Workfront declares for the action, with their types (besides the fields above)',
			typeOptions: {
				loadOptionsDependsOn: ['objectType', 'objectCode', 'action'],
				resourceMapper: {
					resourceMapperMethod: 'getActionArguments',
					mode: 'add',
					fieldWords: { singular: 'argument', plural: 'arguments' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			displayOptions: {
				hide: { action: [...ACTION_CATALOG.map(({ value }) => value), CUSTOM_ACTION] },
			},
		},
		{
			displayName: 'Action Name',
			name: 'customAction',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. approveApproval',
			description: 'The Workfront action, exactly as the API names it',
			displayOptions: { show: { action: [CUSTOM_ACTION] } },
		},
		...ACTION_CATALOG.flatMap((action) =>
			action.arguments.map((argument) => argumentProperty(action.value, argument, action.objCodes)),
		),
		{
			displayName: 'Additional Arguments',
			name: 'arguments',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Argument',
			default: {},
			description: 'Further arguments of the action, by their Workfront names',
			options: [
				{
					displayName: 'Argument',
					name: 'argument',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Text; JSON objects and lists are sent as they are',
						},
					],
				},
			],
		},
		optionsCollection([returnFieldsOption], { displayOptions: { show: { action: ['copy'] } } }),
	],
);

type Fail = (message: string, help: string) => never;

/**
 * One argument as Workfront reads it, by its declared type: objects as JSON objects, lists as JSON
 * lists (comma-separated text is accepted), booleans as true/false, numbers and text as they are.
 */
function serialiseArgument(
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

/** The arguments of a listed action (its own parameters), then the additional rows. */
function readArguments(
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

function readActionName(context: IExecuteFunctions, itemIndex: number): string {
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
function readMappedArguments(
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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const id = readRecordId(this, itemIndex);
		const chosen = this.getNodeParameter('action', itemIndex) as string;
		const action = readActionName(this, itemIndex);
		const args = [
			...readArguments(this, itemIndex, chosen, objCode),
			...readMappedArguments(this, items, itemIndex, chosen),
		];
		if (findAction(chosen)?.kind === 'copy') {
			return await workfrontRequest<IDataObject>(this, {
				method: 'POST',
				path: encodeURIComponent(objCode),
				query: [
					['copySourceID', id],
					...args,
					...(await readReturnFields(this, itemIndex, objCode)),
				],
				itemIndex,
			});
		}
		const answer = await workfrontRequest<IDataObject | null>(this, {
			method: 'PUT',
			path: `${encodeURIComponent(objCode)}/${id}/${action}`,
			query: args,
			itemIndex,
		});
		return {
			action,
			ID: id,
			objCode,
			...(answer && typeof answer === 'object' ? answer : { result: answer }),
		};
	});
}
