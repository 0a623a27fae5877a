import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { redactValue } from '../../../shared/core/errors';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { readBody, readPath, readQuery } from './callRequest';
import type { HttpMethod } from '../../../shared/transport/connection';
import { currentToken } from '../../../shared/transport/authSession';
import { workfrontCall } from '../../../shared/transport/request';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['customApiCall'], operation: ['call'] },
	[
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			default: 'GET',
			options: [
				{ name: 'GET', value: 'GET' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
				{ name: 'DELETE', value: 'DELETE' },
			],
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. work/myWork or proj/5f8e…/calculateTimeline',
			description: "The part after /attask/api/&lt;version&gt;/ (the version is the credential's)",
		},
		{
			displayName: 'Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '',
			description: 'Sent as the JSON body, e.g. {"name": "New project"} or a list for bulk calls',
			displayOptions: { show: { method: ['POST', 'PUT'] } },
		},
		{
			displayName: 'Split Lists Into Items',
			name: 'splitLists',
			type: 'boolean',
			default: true,
			description: 'Whether a list in the answer becomes one output item per element',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const method = this.getNodeParameter('method', itemIndex, 'GET') as HttpMethod;
		const target = await readPath(this, itemIndex);
		const query = readQuery(this, itemIndex, target.query);
		const { body, token, text } = await workfrontCall(this, {
			method,
			path: target.path,
			query,
			body: readBody(this, itemIndex, method, query),
			itemIndex,
			fromOrigin: target.fromOrigin,
		});
		const answer =
			body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body;
		// Answers such as GET session quote the token: the one this call sent, and the one stored now.
		const clean = redactValue(answer, [token, await currentToken(this, itemIndex)], text);
		const split = this.getNodeParameter('splitLists', itemIndex, true) as boolean;
		if (Array.isArray(clean))
			return split
				? (clean as IDataObject[]).map((entry) =>
						entry && typeof entry === 'object' ? entry : { value: entry },
					)
				: { data: clean };
		return clean && typeof clean === 'object'
			? (clean as IDataObject)
			: { value: clean as IDataObject[string] };
	});
}
