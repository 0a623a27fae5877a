import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['planningField'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a field to a record type',
				action: 'Create a planning field',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a field',
				action: 'Get a planning field',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the fields of a record type',
				action: 'Get many planning fields',
			},
		],
	},
	...create.description,
	...get.description,
	...getMany.description,
];
