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
import { nameOf, objectTypeName, optionNames } from '../shared/descriptions/subtitle';
import { credentialTest, listSearch, loadOptions, resourceMapping } from './methods';

const OPERATION_NAMES = {
	...optionNames(record.description, 'operation'),
	...optionNames(document.description, 'operation'),
};

export class Workfront implements INodeType {
	// The lint rule recognises only a literal subtitle; this one is built from the operation and
	// object type lists, so that it names them as the panel does.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: 'Workfront',
		name: 'workfront',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Get Many: Task" on the canvas, as the panel names them, not getMany: TASK.
		subtitle: `={{ $parameter["resource"] === "customApiCall" ? $parameter["method"] + " " + $parameter["path"] : ${nameOf('$parameter["operation"]', OPERATION_NAMES)} + ": " + ($parameter["resource"] === "document" ? "Document" : ${objectTypeName}) }}`,
		description: 'Create, read, search, update, report on and act on any Adobe Workfront object',
		defaults: { name: 'Workfront' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'workfrontJwtApi', required: true, testedBy: 'workfrontJwtApiTest' }],
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

	methods = { loadOptions, listSearch, resourceMapping, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
