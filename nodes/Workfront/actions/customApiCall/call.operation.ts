import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { redactValue } from '../../../../credentials/jwt/credentialError';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import {
	CREDENTIAL_TYPE,
	type HttpMethod,
	type QueryParams,
} from '../../../shared/transport/connection';
import { toQueryParams, workfrontCall } from '../../../shared/transport/request';
import { failItem } from '../../../shared/params/parameters';

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

/** Decodes percent-escapes until nothing changes, so `%252e` is seen as the `.` it stands for. */
function fullyDecoded(text: string): string | undefined {
	let current = text;
	for (let round = 0; round < 5; round += 1) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(current);
		} catch {
			return undefined;
		}
		if (decoded === current) return current;
		current = decoded;
	}
	return undefined;
}

/** Where a pasted path is sent: below the versioned API, or below one of Workfront's other API roots. */
interface CallTarget {
	path: string;
	/** `/attask/api-unsupported/…` and `/attask/api-internal/…` are kept as given, from the host. */
	fromOrigin: boolean;
}

/**
 * Accepts what people paste: a bare path, a path with /attask/api/<v>/, or a whole URL (its host is
 * dropped: calls only ever go to the credential's host). The path must stay below the API root it
 * names, so it is checked as Workfront would read it: percent-escapes decoded (repeatedly) and
 * backslashes read as slashes, `;parameters` dropped from each segment, no `.` or `..` segment; `#` would silently cut off the query, so it
 * is refused.
 */
function readPath(context: IExecuteFunctions, itemIndex: number): CallTarget {
	const raw = String(context.getNodeParameter('path', itemIndex, '')).trim();
	const withoutHost = raw.replace(/^https?:\/\/[^/]+/i, '');
	const otherRoot = /^\/?(attask\/api-(?:unsupported|internal))\//i.exec(withoutHost);
	const path = otherRoot
		? `${otherRoot[1]}/${withoutHost.slice(otherRoot[0].length)}`
		: withoutHost.replace(/^\/?attask\/api\/(v\d+\.\d+\/)?/i, '').replace(/^\/+/, '');
	if (path === '' || (otherRoot && path === `${otherRoot[1]}/`))
		failItem(
			context,
			itemIndex,
			'Path is empty',
			'Enter the path after /attask/api/<version>/, e.g. proj/search.',
		);
	if (path.includes('#')) {
		failItem(
			context,
			itemIndex,
			`Path "${raw}" contains #`,
			'Everything after # would be dropped, Query Parameters included. Write it as %23, or put the value in Query Parameters.',
		);
	}
	const [pathPart] = path.split('?', 1);
	const decoded = fullyDecoded(pathPart);
	// Java servers drop `;parameters` from a segment before resolving dots: `..;x` is `..` there.
	const segments = decoded
		?.replace(/\\/g, '/')
		.split('/')
		.map((segment) => segment.split(';')[0]);
	if (!segments || segments.some((segment) => segment === '..' || segment === '.')) {
		failItem(
			context,
			itemIndex,
			`Path "${raw}" may not contain "." or ".." segments (also not percent-encoded, or with backslashes)`,
			'Enter a path below /attask/api/<version>/, e.g. proj/search.',
		);
	}
	return { path, fromOrigin: otherRoot !== null };
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
			failItem(
				context,
				itemIndex,
				`Query Parameter ${index + 1}: Name is empty`,
				'Enter the parameter name, or remove the row.',
			);
		if (/^(sessionID|apiKey)$/i.test(name)) {
			failItem(
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
		return failItem(
			context,
			itemIndex,
			'Body (JSON) is not valid JSON',
			'Enter a JSON object or list, or leave it empty.',
		);
	}
}

/** The token stored with the credential now (another execution may have exchanged since the call). */
async function storedToken(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const method = this.getNodeParameter('method', itemIndex, 'GET') as HttpMethod;
		const target = readPath(this, itemIndex);
		const { path, query } = readQuery(this, itemIndex, target.path);
		const { body, token } = await workfrontCall(this, {
			method,
			path,
			query,
			body: readBody(this, itemIndex, method),
			itemIndex,
			fromOrigin: target.fromOrigin,
		});
		const answer =
			body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body;
		// Answers such as GET session quote the token: the one this call sent, and the one stored now.
		const clean = redactValue(answer, [token, await storedToken(this, itemIndex)]);
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
