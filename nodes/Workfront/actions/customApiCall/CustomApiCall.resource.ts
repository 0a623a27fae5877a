import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export const operations = { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		default: 'call',
		options: [
			{
				name: 'Call',
				value: 'call',
				description: 'Call any Workfront REST endpoint',
				action: 'Make a custom API call',
			},
		],
	},
	...call.description,
];
