import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = { create, get, search, update, delete: deleteRecord };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['planningRecord'] } },
		default: 'search',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create records of a record type, up to 100 a request',
				action: 'Create a planning record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete records, up to 100 a request',
				action: 'Delete a planning record',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a record by ID',
				action: 'Get a planning record',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search the records of a record type with filters, sort and fields',
				action: 'Search planning records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the fields given of records, up to 100 a request',
				action: 'Update a planning record',
			},
		],
	},
	...create.description,
	...get.description,
	...search.description,
	...update.description,
	...deleteRecord.description,
];
