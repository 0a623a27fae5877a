import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readObjectCode, readRecordId } from '../../helpers/objectCode';
import { forEachItem } from '../../helpers/perItem';
import { readReturnFields } from '../../helpers/returnFields';
import type { QueryParams } from '../../transport/context';
import { workfrontRequest } from '../../transport/request';
import {
	recordIdProperty,
	recordLocator,
	returnFieldsOption,
	optionsCollection,
} from '../common/common.description';
import {
	ACTION_CATALOG,
	argumentParameter,
	CUSTOM_ACTION,
	findAction,
	type ActionArgument,
} from './actionCatalog';

function argumentProperty(action: string, argument: ActionArgument): INodeProperties {
	const displayOptions = { show: { action: [action] } };
	if (argument.lookup) {
		const name = argumentParameter(action, argument.name);
		return {
			...recordLocator(name, argument.displayName, argument.description, argument.lookup),
			displayOptions,
		};
	}
	return {
		displayName: argument.displayName,
		name: argumentParameter(action, argument.name),
		type: argument.options ? 'options' : argument.json ? 'json' : 'string',
		...(argument.options ? { options: argument.options } : {}),
		default: argument.default ?? '',
		required: argument.required ?? false,
		description: argument.description,
		displayOptions: { show: { action: [action] } },
	};
}

const ACTION_OPTIONS = [
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
			displayName: 'Action',
			name: 'action',
			type: 'options',
			default: 'markDone',
			options: ACTION_OPTIONS,
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
			action.arguments.map((argument) => argumentProperty(action.value, argument)),
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

/** The arguments of a listed action (its own parameters), then the additional rows. */
function readArguments(context: IExecuteFunctions, itemIndex: number, chosen: string): QueryParams {
	const fail = (message: string, help: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description: help });
	};
	const params: QueryParams = [];
	for (const argument of findAction(chosen)?.arguments ?? []) {
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
		if (argument.json && typeof value === 'string') {
			try {
				JSON.parse(value);
			} catch {
				fail(`${argument.displayName} is not valid JSON`, `${argument.description}.`);
			}
		}
		params.push([argument.name, typeof value === 'string' ? value : JSON.stringify(value)]);
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
	if (chosen !== CUSTOM_ACTION) return chosen;
	// A listed action's name is fixed; only "Other" takes a typed name, checked so it cannot reshape the path.
	const name = String(context.getNodeParameter('customAction', itemIndex, '')).trim();
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
		throw new NodeOperationError(
			context.getNode(),
			name === '' ? 'Action Name is empty' : `Action Name "${name}" is not a Workfront action name`,
			{
				itemIndex,
				description:
					'Enter the action as Workfront names it, e.g. approveApproval (letters and digits only).',
			},
		);
	}
	return name;
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
		const args = readArguments(this, itemIndex, chosen);
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
