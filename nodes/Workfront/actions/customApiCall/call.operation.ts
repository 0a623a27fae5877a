import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { forEachItem } from '../../helpers/perItem';
import { CREDENTIAL_TYPE, type HttpMethod, type QueryParams } from '../../transport/context';
import { toQueryParams } from '../../transport/query';
import { workfrontRequest } from '../../transport/request';

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

function fail(context: IExecuteFunctions, itemIndex: number, message: string, help: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description: help });
}

/** Accepts what people paste: a bare path, a path with /attask/api/<v>/, or a whole URL. */
function readPath(context: IExecuteFunctions, itemIndex: number): string {
	const raw = String(context.getNodeParameter('path', itemIndex, '')).trim();
	const path = raw
		.replace(/^https?:\/\/[^/]+/i, '')
		.replace(/^\/?attask\/api(?:-unsupported|-internal)?\/(v\d+\.\d+\/)?/i, '')
		.replace(/^\/+/, '');
	if (path === '')
		fail(
			context,
			itemIndex,
			'Path is empty',
			'Enter the path after /attask/api/<version>/, e.g. proj/search.',
		);
	if (path.split(/[/?]/).some((segment) => segment === '..')) {
		fail(
			context,
			itemIndex,
			`Path "${raw}" may not contain ".."`,
			'Enter a path below /attask/api/<version>/.',
		);
	}
	return path;
}

function readQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
): { path: string; query: QueryParams } {
	const [bare, inline] = path.split('?', 2);
	const rows =
		(context.getNodeParameter('queryParameters.parameter', itemIndex, []) as Array<{
			name?: string;
			value?: unknown;
		}>) ?? [];
	const query: QueryParams = inline ? [...new URLSearchParams(inline)] : [];
	rows.forEach((row, index) => {
		const name = String(row.name ?? '').trim();
		if (name === '')
			fail(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: Name is empty`,
				'Enter the parameter name, or remove the row.',
			);
		if (/^(sessionID|apiKey)$/i.test(name)) {
			fail(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: ${name} is set by the credential`,
				'Remove it: the node authenticates every call itself.',
			);
		}
		query.push(...toQueryParams({ [name]: row.value ?? '' }));
	});
	return { path: bare, query };
}

function readBody(
	context: IExecuteFunctions,
	itemIndex: number,
	method: HttpMethod,
): IDataObject | IDataObject[] | undefined {
	if (method !== 'POST' && method !== 'PUT') return undefined;
	const raw = context.getNodeParameter('body', itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string') return raw as IDataObject;
	try {
		return JSON.parse(raw) as IDataObject;
	} catch {
		return fail(
			context,
			itemIndex,
			'Body (JSON) is not valid JSON',
			'Enter a JSON object or list, or leave it empty.',
		);
	}
}

/** Removes the session token from answers that echo it (GET session does), so it never reaches an output item. */
async function currentToken(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

function redactToken(value: unknown, token: string): unknown {
	if (token === '') return value;
	if (typeof value === 'string')
		return value === token ? '[redacted]' : value.split(token).join('[redacted]');
	if (Array.isArray(value)) return value.map((item) => redactToken(item, token));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, redactToken(item, token)]),
		);
	}
	return value;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const method = this.getNodeParameter('method', itemIndex, 'GET') as HttpMethod;
		const { path, query } = readQuery(this, itemIndex, readPath(this, itemIndex));
		const answer = await workfrontRequest(this, {
			method,
			path,
			query,
			body: readBody(this, itemIndex, method),
			itemIndex,
		});
		const clean = redactToken(answer, await currentToken(this, itemIndex));
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
