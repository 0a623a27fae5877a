import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getViews from './getViews.operation';

export const operations = { get, getMany, getViews };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['planningRecordType'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a record type',
				action: 'Get a planning record type',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the record types of a workspace',
				action: 'Get many planning record types',
			},
			{
				name: 'Get Views',
				value: 'getViews',
				description: 'List the views of a record type',
				action: 'Get the views of a planning record type',
			},
		],
	},
	...get.description,
	...getMany.description,
	...getViews.description,
];
