import type { INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	recordIdProperty,
	recordLocator,
	returnFieldsOption,
} from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import {
	ACTION_CATALOG,
	argumentParameter,
	CUSTOM_ACTION,
	type ActionArgument,
} from './actionCatalog';

/**
 * Execute Action in the panel: the action list, a field for each argument of a built-in action,
 * the resource mapper for the arguments of any other action Workfront declares, and rows for
 * further arguments.
 */

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
