import type { INodeProperties } from 'n8n-workflow';

import { fieldPicker } from './common.description';
import { FILTER_OPERATORS, operatorsTaking } from '../core/filterOperators';

const VERSION_1 = { '@version': [1] };
const FROM_VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };

const VALUE_DESCRIPTION =
	'Dates as 2026-05-31 or 2026-05-31T17:00:00Z; Workfront wildcards such as $$TODAY-7d work too';

/**
 * A filter row's values. Version 2 offers the field's own values (issue 22): Value as a list of
 * the field's options with their labels (a status: New (NEW), In Progress (INP)), or of records for
 * a reference (projectID: projects by name), besides a Value typed as before; In List as the
 * field's values to tick. The list follows the row's field through `&field` (n8n resolves it
 * within the row, as its Data Table node does) and is read again when the field changes. Version 1
 * keeps the text boxes its saved workflows hold: a parameter's type never changes under a saved
 * value (n8n saves no defaults, so a changed type would silently change saved workflows).
 */
const filterValueProperties: INodeProperties[] = [
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: VALUE_DESCRIPTION,
		displayOptions: { show: { operator: operatorsTaking('value', 'range'), ...VERSION_1 } },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: `The field's values to choose from (its options, or records by name), or a value typed in. ${VALUE_DESCRIPTION}.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFilterValues', searchable: true },
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				placeholder: 'e.g. Launch, 2026-05-31 or $$TODAY-7d',
			},
		],
		displayOptions: { show: { operator: operatorsTaking('value', 'range'), ...FROM_VERSION_2 } },
	},
	{
		displayName: 'Value (Up To)',
		name: 'valueTo',
		type: 'string',
		default: '',
		description: 'The upper end of the range (inclusive)',
		displayOptions: { show: { operator: operatorsTaking('range') } },
	},
	{
		displayName: 'Values',
		name: 'values',
		type: 'string',
		default: '',
		placeholder: 'e.g. first, second',
		description:
			"Comma-separated values, or a JSON array: the field's codes for an option field (see the field's values in Workfront), IDs for a reference",
		displayOptions: { show: { operator: operatorsTaking('list'), ...VERSION_1 } },
	},
	{
		displayName: 'Value Names or IDs',
		name: 'values',
		type: 'multiOptions',
		typeOptions: {
			loadOptionsMethod: 'getFilterValueOptions',
			loadOptionsDependsOn: ['&field', 'objectType', 'objectCode'],
		},
		// A value no longer in the list (an option renamed in Workfront, a record beyond the first
		// 200) stays valid, as n8n's editor allows for such parameters, and still runs.
		allowArbitraryValues: true,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "The field's options, or its first 200 records by name for a reference; other values as an expression (comma-separated or a JSON array)",
		displayOptions: { show: { operator: operatorsTaking('list'), ...FROM_VERSION_2 } },
	},
];

/** Filters as rows, how they combine, and a raw filter for everything else. Shared by Get Many, Count and Report. */
export const filterProperties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					fieldPicker(
						'The field to filter on: a field of the object, a referenced field (owner:name) or a custom field (DE:&lt;name&gt;).',
					),
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equals',
						options: FILTER_OPERATORS.map(({ name, value, modifier }) => ({
							name,
							value,
							description: `Workfront modifier: ${modifier}`,
						})),
					},
					...filterValueProperties,
				],
			},
		],
	},
	{
		displayName: 'Match',
		name: 'filterCombination',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All Filters', value: 'all', description: 'A record must match every filter' },
			{
				name: 'Any Filter',
				value: 'any',
				description: "A record must match at least one filter (Workfront's OR groups)",
			},
		],
	},
];

export const rawFilterOption: INodeProperties = {
	displayName: 'Raw Filter',
	name: 'rawFilter',
	type: 'string',
	default: '',
	placeholder: 'e.g. status=CUR&priority=3&priority_Mod=gte',
	description:
		'Workfront filter parameters for anything the rows cannot express (EXISTS, OR:n: groups, bitwise modifiers), as a query string or a JSON object. Combined with the filter rows when Match is All Filters.',
};

export const sortOption: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Sort Field',
	default: {},
	options: [
		{
			displayName: 'Sort By',
			name: 'field',
			values: [
				fieldPicker('The field to sort by.'),
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					default: 'asc',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
						{ name: 'Ascending (Case-Insensitive)', value: 'ciasc' },
						{ name: 'Descending (Case-Insensitive)', value: 'cidesc' },
					],
				},
			],
		},
	],
};
