import type { INodeProperties } from 'n8n-workflow';

import { OBJECT_TYPES, OTHER_OBJECT_TYPE } from '../../objectTypes';

const OBJECT_TYPE_OPTIONS = [
	...OBJECT_TYPES.map(({ objCode, label, description }) => ({
		name: label,
		value: objCode,
		description,
	})),
	{
		name: 'Other (Enter Object Code)',
		value: OTHER_OBJECT_TYPE,
		description: 'Any other Workfront object code, e.g. RSALLO or WORKITEM',
	},
];

export const objectTypeProperties: INodeProperties[] = [
	{
		displayName: 'Object Type',
		name: 'objectType',
		type: 'options',
		default: 'PROJ',
		options: OBJECT_TYPE_OPTIONS,
		description: 'The kind of Workfront record to work with',
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

export function recordIdProperty(action: string): INodeProperties {
	return {
		displayName: 'ID',
		name: 'id',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a',
		description: `The ID of the record to ${action} (32 characters; in Workfront it is in the address bar of the record)`,
	};
}

export const returnFieldsOption: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'e.g. *, owner:name, tasks:name, DE:Region',
	description:
		'Comma-separated fields to return besides the default ones: * for all fields, owner:name for a field of a referenced object, tasks:name for a collection, DE:&lt;name&gt; for a custom field',
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
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 100,
		description:
			'How many items go to Workfront in one request (at most 100, the default). 1 sends every item on its own.',
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
