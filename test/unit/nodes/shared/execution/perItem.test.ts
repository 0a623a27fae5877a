import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { asNodeError, errorItem, forEachItem } from '../../../../../nodes/shared/execution/perItem';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

const node = { name: 'Workfront', type: 'n8n-nodes-workfront.workfront' } as INode;

const contextFor = (items: number, continueOnFail = false) =>
	workfrontExecuteContext({
		parameters: { resource: 'record', operation: 'get' },
		input: Array.from({ length: items }, (_, index) => ({ index })),
		continueOnFail,
	});

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { index } }));

test('every output item is paired with its input item; lists become several items', async () => {
	const output = await forEachItem(contextFor(2), items(2), async (itemIndex) =>
		itemIndex === 0 ? { ID: 'a' } : [{ ID: 'b' }, { ID: 'c' }],
	);
	expect(output).toEqual([
		{ json: { ID: 'a' }, pairedItem: { item: 0 } },
		{ json: { ID: 'b' }, pairedItem: { item: 1 } },
		{ json: { ID: 'c' }, pairedItem: { item: 1 } },
	]);
});

test('a failing item stops the node with an error naming it', async () => {
	const seen: number[] = [];
	const run = forEachItem(contextFor(3), items(3), async (itemIndex) => {
		seen.push(itemIndex);
		if (itemIndex === 1) throw new Error('Workfront is down');
		return { itemIndex };
	});
	await expect(run).rejects.toBeInstanceOf(NodeOperationError);
	await run.catch((error: NodeOperationError) => {
		expect(error.message).toBe('Workfront is down');
		expect(error.context.itemIndex).toBe(1);
	});
	expect(seen).toEqual([0, 1]);
});

test('with Continue On Fail, the failed item becomes an error item in its place', async () => {
	const output = await forEachItem(contextFor(3, true), items(3), async (itemIndex) => {
		if (itemIndex === 1)
			throw new NodeOperationError(node, 'Record ID is empty', { description: 'Enter an ID.' });
		return { itemIndex };
	});
	expect(output).toEqual([
		{ json: { itemIndex: 0 }, pairedItem: { item: 0 } },
		{ json: { error: 'Record ID is empty', description: 'Enter an ID.' }, pairedItem: { item: 1 } },
		{ json: { itemIndex: 2 }, pairedItem: { item: 2 } },
	]);
});

test("asNodeError keeps n8n's node errors, wraps anything else", () => {
	const own = new NodeOperationError(node, 'x');
	expect(asNodeError(node, own)).toBe(own);
	expect(asNodeError(node, 'text')).toBeInstanceOf(NodeOperationError);
	expect(asNodeError(node, 'text').message).toBe('text');
});

test('errorItem carries the HTTP code of an API error', () => {
	const error = new NodeApiError(
		node,
		{ message: 'Not found' },
		{ httpCode: '404', message: 'Not found' },
	);
	expect(errorItem(error, 4)).toEqual({
		json: expect.objectContaining({ error: 'Not found', httpCode: '404' }),
		pairedItem: { item: 4 },
	});
});
