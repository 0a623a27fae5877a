import type { INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { objectTypeProperties } from '../../../shared/descriptions/common.description';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as executeAction from './executeAction.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as report from './report.operation';
import * as update from './update.operation';

export const operations = {
	create,
	get,
	getMany,
	update,
	delete: deleteRecord,
	count,
	report,
	executeAction,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		default: 'get',
		options: [
			{
				name: 'Count',
				value: 'count',
				description: 'Count the records that match filters',
				action: 'Count records',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a record',
				action: 'Create a record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a record',
				action: 'Delete a record',
			},
			{
				name: 'Execute Action',
				value: 'executeAction',
				description: 'Run a Workfront action on a record (copy, move, mark done, …)',
				action: 'Execute an action on a record',
			},
			{ name: 'Get', value: 'get', description: 'Get a record by ID', action: 'Get a record' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Search records with filters',
				action: 'Get many records',
			},
			{
				name: 'Report',
				value: 'report',
				description: 'Group records and aggregate their fields',
				action: 'Report on records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a record',
				action: 'Update a record',
			},
		],
	},
	...showOnlyFor({ resource: ['record'] }, objectTypeProperties),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteRecord.description,
	...count.description,
	...report.description,
	...executeAction.description,
];
