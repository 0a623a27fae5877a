import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	readBody,
	readPath,
	readQuery,
} from '../../../../../../nodes/Workfront/actions/customApiCall/callRequest';
import { workfrontExecuteContext } from '../../../../../harness/executeContext';
import { createHelper } from '../../../../../harness/runWorkflow';

/**
 * What a Custom API Call item asks for, read in n8n-core's execution context with a stored
 * credential (nothing is sent). The calls as Workfront receives them, and
 * each refusal through the node, are in
 * test/integration/nodes/Workfront/actions/customApiCall/call.operation.test.ts; here, what the
 * readers return.
 */
const ORIGIN = 'https://acme.my.workfront.com';
const helper = createHelper({ url: ORIGIN, accessToken: '' });
const context = (parameters: IDataObject) =>
	workfrontExecuteContext({
		parameters: { resource: 'customApiCall', operation: 'call', ...parameters },
		helper,
	});

async function refusal(read: () => unknown): Promise<NodeOperationError> {
	try {
		await read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('accepted');
}

describe('readPath', () => {
	test.each([
		['proj/search', { path: 'proj/search', fromOrigin: false, query: undefined }],
		['  /proj/search  ', { path: 'proj/search', fromOrigin: false, query: undefined }],
		['/attask/api/v19.0/task/search?a=1', { path: 'task/search', fromOrigin: false, query: 'a=1' }],
		['attask/api/proj/count', { path: 'proj/count', fromOrigin: false, query: undefined }],
		[
			'task/search?name=Why?&x=1',
			{ path: 'task/search', fromOrigin: false, query: 'name=Why?&x=1' },
		],
		[
			'/attask/api-unsupported/proj/search',
			{ path: 'attask/api-unsupported/proj/search', fromOrigin: true, query: undefined },
		],
		[
			`${ORIGIN}/attask/api/v21.0/proj/search?fields=*`,
			{ path: 'proj/search', fromOrigin: false, query: 'fields=*' },
		],
		[
			'//acme.my.workfront.com/attask/api/proj',
			{ path: 'proj', fromOrigin: false, query: undefined },
		],
		['proj/100%done', { path: 'proj/100%25done', fromOrigin: false, query: undefined }],
		['proj/caf%C3%A9', { path: 'proj/caf%C3%A9', fromOrigin: false, query: undefined }],
	])('%p → %p', async (path, target) => {
		expect(await readPath(context({ path }), 0)).toEqual(target);
	});

	test.each([
		['', 'Path is empty'],
		['/attask/api/v21.0/', 'Path is empty'],
		['proj/../user', 'Path "proj/../user" may not contain "." or ".." segments'],
		['proj/%2e%2e/user', 'Path "proj/%2e%2e/user" may not contain "." or ".." segments'],
		['proj/..;x/user', 'Path "proj/..;x/user" may not contain "." or ".." segments'],
		['proj/a#b', 'Path "proj/a#b" contains #'],
		['proj\\search', 'Path "proj\\search" contains a backslash'],
		['proj/\tsearch', 'Path contains a tab or a line break'],
		['/attask/other/proj', 'Path "/attask/other/proj" is not below one of Workfront\'s API roots'],
		['https://evil.example/attask/api/proj', 'Path is a URL on evil.example, but this credential'],
		[`${ORIGIN}/home`, `Path "${ORIGIN}/home" is not below one of Workfront's API roots`],
		['proj/%FF', 'Path: %FF is not a UTF-8 percent-escape'],
	])('%p is refused: %s…', async (path, start) => {
		const error = await refusal(async () => await readPath(context({ path }), 0));
		expect(error.message.startsWith(start)).toBe(true);
	});

	test('the item that failed is named', async () => {
		const error = await refusal(async () => await readPath(context({ path: '' }), 0));
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('readQuery', () => {
	const rows = (...parameter: IDataObject[]) => context({ queryParameters: { parameter } });

	test("the Path's query read as a form, then the rows, in order, repeats kept", () => {
		expect(
			readQuery(
				rows({ name: ' status ', value: 'CUR' }, { name: 'fields', value: 'a+b%' }),
				0,
				'status=PLN&&name=a+b%20c&flag&',
			),
		).toEqual([
			['status', 'PLN'],
			['name', 'a b c'],
			['flag', ''],
			['status', 'CUR'],
			['fields', 'a+b%'],
		]);
	});

	test('no query and no rows: none', () => {
		expect(readQuery(context({}), 0, undefined)).toEqual([]);
	});

	test.each([
		[
			{ name: 'sessionID', value: 'x' },
			undefined,
			'Query Parameter 1: sessionID is set by the credential',
		],
		[{ name: '  ', value: 'x' }, undefined, 'Query Parameter 1: Name is empty'],
		[undefined, 'APIKEY=1', 'Path: APIKEY in the query is set by the credential'],
		[undefined, '=1', 'Path: "=1" in the query has no parameter name'],
		[
			{ name: 'method', value: 'PUT' },
			'method=GET',
			'Path / Query Parameters: method is given 2 times (method=GET, method=PUT)',
		],
	])('%p with the query %p is refused: %s', async (row, query, message) => {
		const error = await refusal(() => readQuery(row ? rows(row) : context({}), 0, query));
		expect(error.message).toBe(message);
	});
});

describe('readBody', () => {
	test('POST and PUT send the JSON given; GET and DELETE none', () => {
		const body = '{"name":"Launch"}';
		expect(readBody(context({ method: 'POST', body }), 0, 'POST', [])).toEqual({ name: 'Launch' });
		expect(readBody(context({ method: 'PUT', body: '[{"ID":"1"}]' }), 0, 'PUT', [])).toEqual([
			{ ID: '1' },
		]);
		expect(readBody(context({ method: 'GET', body }), 0, 'GET', [])).toBeUndefined();
		expect(readBody(context({ method: 'DELETE', body }), 0, 'DELETE', [])).toBeUndefined();
		expect(readBody(context({ method: 'POST', body: '' }), 0, 'POST', [])).toBeUndefined();
	});

	test('JSON that does not parse, or a body method=GET would ignore, is refused', async () => {
		expect(
			(await refusal(() => readBody(context({ method: 'POST', body: '{' }), 0, 'POST', [])))
				.message,
		).toBe('Body (JSON) is not valid JSON');
		expect(
			(
				await refusal(() =>
					readBody(context({ method: 'POST', body: '{}' }), 0, 'POST', [['method', 'get']]),
				)
			).message,
		).toBe('Body (JSON) would be ignored: method=GET makes this call a read');
	});
});
