import type { INodeProperties } from 'n8n-workflow';

import { OTHER_OBJECT_TYPE } from '../core/objectTypes';
import { MAX_BATCH_SIZE } from '../core/limits';

export const objectTypeProperties: INodeProperties[] = [
	{
		displayName: 'Object Type Name or ID',
		name: 'objectType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getObjectTypes' },
		default: 'PROJ',
		description:
			'The kind of Workfront record to work with (its object code, e.g. PROJ, TASK, OPTASK). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Object Code',
		name: 'objectCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. BLIN',
		description:
			"Workfront's code for the object type (its objCode), as listed in Workfront's API Explorer",
		displayOptions: { show: { objectType: [OTHER_OBJECT_TYPE] } },
	},
];

/** Where a record ID is asked: pick it from a list searched by name, type it, or paste its Workfront URL. */
export function recordLocator(
	name: string,
	displayName: string,
	description: string,
	searchListMethod = 'searchRecords',
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder:
					'e.g. https://yourdomain.my.workfront.com/project/5f8e3a7b0000a1b2c3d4e5f60718293a/overview',
			},
		],
	};
}

export function recordIdProperty(action: string): INodeProperties {
	return recordLocator('id', 'Record', `The record to ${action}`);
}

export const returnFieldsOption: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: {
		loadOptionsMethod: 'getReturnFields',
		loadOptionsDependsOn: ['objectType', 'objectCode'],
	},
	default: [],
	description:
		'Fields to return besides the default ones, from your Workfront\'s metadata: * for all fields, owner:name for a field of a referenced object, tasks:name for a collection, custom fields by DE:&lt;name&gt; or label. An expression may give any of these as a comma-separated list. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The "Options" collection every operation puts its optional settings in. */
export function optionsCollection(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
		...extra,
	};
}

/** Batch Size and Atomic, for the operations that write in bulk. */
export function batchOptions(withAtomic: boolean): INodeProperties[] {
	const batchSize: INodeProperties = {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: MAX_BATCH_SIZE,
		description: `How many items go to Workfront in one request (at most ${MAX_BATCH_SIZE}, the default). 1 sends every item on its own.`,
	};
	const atomic: INodeProperties = {
		displayName: 'Atomic',
		name: 'atomic',
		type: 'boolean',
		default: false,
		description:
			'Whether each batch is all or nothing: if one record of it fails, none is applied. Workfront then answers only "success", so the output items carry the values sent, not the saved records.',
	};
	return withAtomic ? [batchSize, atomic] : [batchSize];
}

/** A field of the chosen object type, picked from Workfront's metadata or given by expression. */
export function fieldPicker(about: string): INodeProperties {
	return {
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getFields',
			loadOptionsDependsOn: ['objectType', 'objectCode'],
		},
		default: '',
		// n8n's wording for every dynamic list, after what the field is for.
		description: `${about} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}
