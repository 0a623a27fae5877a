import type { INodeProperties } from 'n8n-workflow';

import { fieldPicker } from './common.description';
import { FILTER_OPERATORS, operatorsTaking } from '../core/filterOperators';

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
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Dates as 2026-05-31 or 2026-05-31T17:00:00Z; Workfront wildcards such as $$TODAY-7d work too',
						displayOptions: { show: { operator: operatorsTaking('value', 'range') } },
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
						placeholder: 'e.g. CUR, PLN',
						description: 'Comma-separated values, or a JSON array',
						displayOptions: { show: { operator: operatorsTaking('list') } },
					},
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
