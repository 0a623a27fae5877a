import type { INodeProperties } from 'n8n-workflow';

import { FILTER_CONDITIONS } from '../core/planning';
import { PLANNING_MAX_BATCH_SIZE, PLANNING_SEARCH_PAGE_SIZE } from '../core/limits';
import { PLANNING_ID_KINDS } from '../params/planningIds';

/** The workspace, picked from a list searched by name or given by ID. */
export const workspaceLocator: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspace',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Workfront Planning workspace',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPlanningWorkspaces', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${PLANNING_ID_KINDS.workspace.example}`,
		},
	],
};

/** The record type, picked from the chosen workspace's record types searched by name, or given by ID. */
export const recordTypeLocator: INodeProperties = {
	displayName: 'Record Type',
	name: 'recordType',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The record type (for example Campaigns); the list shows the record types of the workspace chosen above',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPlanningRecordTypes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${PLANNING_ID_KINDS.recordType.example}`,
		},
	],
};

/** The workspace list only helps pick a record type: by ID, a record type needs no workspace. */
export const workspaceForRecordType: INodeProperties = {
	...workspaceLocator,
	required: false,
	description:
		'The workspace whose record types the Record Type list shows; not sent, and not needed when the record type is given by ID',
};

export function planningIdProperty(
	name: string,
	displayName: string,
	example: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${example}`,
		description,
	};
}

/** A field of the chosen record type, from its fields, or given as an ID or alias by expression. */
function fieldOption(displayName: string, about: string): INodeProperties {
	return {
		displayName,
		name: 'field',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getPlanningFields',
			loadOptionsDependsOn: ['recordType.value'],
		},
		default: '',
		description: `${about} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

const conditionFields: INodeProperties[] = [
	fieldOption('Field Name or ID', 'The field to filter on (its ID or alias).'),
	{
		displayName: 'Condition',
		name: 'condition',
		type: 'options',
		default: 'IS',
		options: [...FILTER_CONDITIONS]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map(({ name, value, for: types }) => ({ name, value, description: `For ${types}` })),
		description: "Adobe's condition; which ones a field takes depends on its type",
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description:
			'What to compare with. For Is Any Of, Has Any Of and the other list conditions: values separated by commas or a JSON list. Dates as 2026-03-31 or 2026-03-31T20:00:00.000Z. Select options by name.',
		displayOptions: { hide: { condition: ['IS_EMPTY', 'IS_NOT_EMPTY'] } },
	},
	{
		displayName: 'Value (Up To)',
		name: 'valueTo',
		type: 'string',
		default: '',
		description: 'The upper end of the range',
		displayOptions: { show: { condition: ['IS_BETWEEN', 'IS_NOT_BETWEEN'] } },
	},
	{
		displayName: 'People ID Type',
		name: 'idType',
		type: 'options',
		default: 'plain',
		description:
			'For people fields (people, created by, updated by, approved by): which kind of user ID the values are',
		options: [
			{
				name: 'As Planning Reads It',
				value: 'plain',
				description:
					'Plain IDs: Adobe IMS IDs when your organisation is IMS-migrated, else Workfront IDs',
			},
			{ name: 'Adobe IMS ID', value: 'IMS', description: 'Each value sent typed, with idType IMS' },
			{
				name: 'Workfront User ID',
				value: 'WF',
				description: 'Each value sent typed, with idType WF',
			},
		],
	},
	{
		displayName: 'Match External ID',
		name: 'matchExternalId',
		type: 'boolean',
		default: false,
		description:
			'Whether the values are IDs of the external objects an external reference field connects (Workfront project IDs, AEM paths), rather than Planning record IDs',
	},
];

/** Match, the conditions, the condition groups, or Filter (JSON): Planning's typed filter. */
export const planningFilterProperties: INodeProperties[] = [
	{
		displayName: 'Filter Mode',
		name: 'filterMode',
		type: 'options',
		default: 'conditions',
		options: [
			{
				name: 'Conditions',
				value: 'conditions',
				description: 'Conditions and groups of conditions, chosen in the panel',
			},
			{
				name: 'JSON',
				value: 'json',
				description: "One filter group in Adobe's JSON: any nesting of AND and OR",
			},
		],
	},
	{
		displayName: 'Match',
		name: 'filterMatch',
		type: 'options',
		default: 'AND',
		options: [
			{ name: 'All Conditions and Groups', value: 'AND' },
			{ name: 'Any Condition or Group', value: 'OR' },
		],
		displayOptions: { show: { filterMode: ['conditions'] } },
	},
	{
		displayName: 'Conditions',
		name: 'filterConditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: { filterMode: ['conditions'] } },
		options: [{ name: 'condition', displayName: 'Condition', values: conditionFields }],
	},
	{
		displayName: 'Condition Groups',
		name: 'filterGroups',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition Group',
		default: {},
		description:
			'Groups of conditions with their own Match, each counting as one condition of the Match above: an OR of ANDs is Match Any with one group per AND',
		displayOptions: { show: { filterMode: ['conditions'] } },
		options: [
			{
				name: 'group',
				displayName: 'Group',
				values: [
					{
						displayName: 'Match',
						name: 'match',
						type: 'options',
						default: 'AND',
						options: [
							{ name: 'All Conditions in the Group', value: 'AND' },
							{ name: 'Any Condition in the Group', value: 'OR' },
						],
					},
					{
						displayName: 'Conditions',
						name: 'conditions',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Condition',
						default: {},
						options: [{ name: 'condition', displayName: 'Condition', values: conditionFields }],
					},
				],
			},
		],
	},
	{
		displayName: 'Filter (JSON)',
		name: 'filterJson',
		type: 'json',
		default: '',
		placeholder:
			'{"operator": "OR", "conditions": [{"fieldId": "F693ab1c96f11ea3f4175e710", "condition": "IS", "value": "Active"}, {"operator": "AND", "conditions": [...]}]}',
		description:
			"Adobe's FilterGroupDto: operator AND or OR, and conditions that are either {fieldId, condition, value} or groups again. Empty: every record.",
		displayOptions: { show: { filterMode: ['json'] } },
	},
];

export const planningSortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Sort Field',
	default: {},
	options: [
		{
			name: 'field',
			displayName: 'Field',
			values: [
				fieldOption('Field Name or ID', 'The field to sort by (its ID or alias).'),
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					default: 'asc',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
				},
			],
		},
	],
};

export const planningFieldsToReturn: INodeProperties = {
	displayName: 'Fields to Return Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: {
		loadOptionsMethod: 'getPlanningFields',
		loadOptionsDependsOn: ['recordType.value'],
	},
	default: [],
	description:
		'Only these fields in each record\'s data (Planning always adds created and updated by and at); none: every field. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const planningAliasedOption: INodeProperties = {
	displayName: 'Keys as Field Aliases',
	name: 'aliased',
	type: 'boolean',
	default: false,
	description:
		"Whether each record's data is keyed by the fields' aliases (such as name) instead of their IDs",
};

export const planningBatchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: PLANNING_MAX_BATCH_SIZE },
	default: PLANNING_MAX_BATCH_SIZE,
	description: `How many items go to Workfront Planning in one bulk request (at most ${PLANNING_MAX_BATCH_SIZE}, the default). 1 sends every item on its own.`,
};

/** Return All / Limit of a Planning list or search. */
export function planningReturnAll(pageNote: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			hint: `Results are ${pageNote}`,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const SEARCH_PAGE_NOTE = `read in pages of ${PLANNING_SEARCH_PAGE_SIZE.toLocaleString('en-US')} records`;

/** How a Create or an Update gives the record's field values. */
export function planningDataProperties(operation: 'create' | 'update'): INodeProperties[] {
	return [
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			default: 'mapper',
			options: [
				{
					name: 'Map Each Field',
					value: 'mapper',
					description: "One column per field of the record type, typed; or each input item's keys",
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'One JSON object of field IDs and values, sent as written',
				},
			],
		},
		{
			displayName: 'Fields',
			name: 'dataColumns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: ['recordType.value'],
				resourceMapper: {
					resourceMapperMethod: 'getPlanningColumns',
					// Update names its record in Record ID, so its mapper has no column to match on.
					mode: operation === 'create' ? 'add' : 'map',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			displayOptions: { show: { inputMode: ['mapper'] } },
		},
		{
			displayName: 'Data (JSON)',
			name: 'dataJson',
			type: 'json',
			default: '{}',
			placeholder:
				'{"F693ab1c96f11ea3f4175e710": "Spring launch", "F693ab1c96f11ea3f4175e711": "2026-03-15"}',
			description:
				operation === 'create'
					? "The record's field values, keyed by field ID"
					: 'The fields to change, keyed by field ID; null clears a field, the others stay as they are',
			displayOptions: { show: { inputMode: ['json'] } },
		},
	];
}

export const peopleIdTypeOption: INodeProperties = {
	displayName: 'People ID Type',
	name: 'peopleIdType',
	type: 'options',
	default: 'plain',
	description: 'How the user IDs given to people fields are sent',
	options: [
		{ name: 'Plain IDs', value: 'plain', description: 'As given' },
		{ name: 'Adobe IMS IDs', value: 'IMS', description: 'Each user sent typed, with idType IMS' },
		{
			name: 'Workfront User IDs',
			value: 'WF',
			description: 'Each user sent typed, with idType WF',
		},
	],
};

export const listChangeOption: INodeProperties = {
	displayName: 'List Fields',
	name: 'listChange',
	type: 'options',
	default: 'replace',
	description:
		'What a value given to a list field (multi-select, reference, several people) does to the list',
	options: [
		{ name: 'Add to the List', value: 'add', description: 'Sent as {"op": "add", "value": […]}' },
		{
			name: 'Remove From the List',
			value: 'remove',
			description: 'Sent as {"op": "remove", "value": […]}',
		},
		{
			name: 'Replace the List',
			value: 'replace',
			description: 'The list becomes the values given',
		},
	],
};
