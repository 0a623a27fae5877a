import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['planningWorkspace'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a workspace',
				action: 'Get a planning workspace',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the workspaces the credential can see',
				action: 'Get many planning workspaces',
			},
		],
	},
	...get.description,
	...getMany.description,
];
