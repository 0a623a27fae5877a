import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as customApiCall from './actions/customApiCall/CustomApiCall.resource';
import * as document from './actions/document/Document.resource';
import * as record from './actions/record/Record.resource';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Workfront implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Workfront',
		name: 'workfront',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["resource"] === "customApiCall" ? $parameter["method"] + " " + $parameter["path"] : $parameter["resource"] === "document" ? $parameter["operation"] + ": document" : $parameter["operation"] + ": " + ($parameter["objectType"] === "__other" ? $parameter["objectCode"] : $parameter["objectType"]) }}',
		description: 'Create, read, search, update, report on and act on any Adobe Workfront object',
		defaults: { name: 'Workfront' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'workfrontJwtApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'record',
				options: [
					{
						name: 'Record',
						value: 'record',
						description: 'Projects, tasks, issues, users, hours and every other object type',
					},
					{
						name: 'Document',
						value: 'document',
						description: 'Upload and download files attached to records',
					},
					{
						name: 'Custom API Call',
						value: 'customApiCall',
						description: 'Any Workfront REST endpoint',
					},
				],
			},
			...record.description,
			...document.description,
			...customApiCall.description,
		],
	};

	methods = { loadOptions, listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
