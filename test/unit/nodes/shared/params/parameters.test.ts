import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	failItem,
	readParameter,
	readWholeNumber,
} from '../../../../../nodes/shared/params/parameters';
import { workfrontExecuteContext, workfrontPollContext } from '../../../../harness/executeContext';

const rule = { label: 'Batch Size', min: 1, max: 100, fallback: 100, advice: 'Enter 1 to 100.' };

function failure(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('it was accepted');
}

test('readParameter: per item for the Workfront node, expressions resolved', () => {
	const context = workfrontExecuteContext({
		parameters: { resource: 'record', operation: 'get', id: '={{ $json.id }}' },
		input: [{ id: 'first' }, { id: 'second' }],
	});
	expect(readParameter(context, 'id', 1)).toBe('second');
	expect(readParameter(context, 'missing', 0, 'fallback')).toBe('fallback');
});

test('readParameter: a trigger has one set of parameters', () => {
	const context = workfrontPollContext({ objectType: 'TASK' });
	expect(readParameter(context, 'objectType', 0)).toBe('TASK');
});

test('failItem: the message, the advice and the item', () => {
	const context = workfrontExecuteContext({ parameters: { resource: 'record', operation: 'get' } });
	const error = failure(() => failItem(context, 2, 'Record ID is empty', 'Enter the ID.'));
	expect(error.message).toBe('Record ID is empty');
	expect(error.description).toBe('Enter the ID.');
	expect(error.context.itemIndex).toBe(2);
	expect(failure(() => failItem(context, undefined, 'x', 'y')).context.itemIndex).toBeUndefined();
});

describe('readWholeNumber', () => {
	const context = (value: unknown, input?: IDataObject[]) =>
		workfrontExecuteContext({
			parameters: { resource: 'record', operation: 'create', options: { batchSize: value } },
			input,
		});

	test('a whole number within the range, from a number, text or an expression', () => {
		expect(readWholeNumber(context(20), 'options.batchSize', 0, rule)).toBe(20);
		expect(
			readWholeNumber(context('={{ $json.n }}', [{ n: '7' }]), 'options.batchSize', 0, rule),
		).toBe(7);
	});

	test('anything else fails, naming the field, the range and the value', () => {
		const error = failure(() => readWholeNumber(context(0), 'options.batchSize', 0, rule));
		expect(error.message).toBe('Batch Size must be a whole number from 1 to 100 (it is 0)');
		expect(error.description).toBe('Enter 1 to 100.');
		expect(error.context.itemIndex).toBe(0);
		const run = failure(() => readWholeNumber(context(2.5), 'options.batchSize', undefined, rule));
		expect(run.message).toBe('Batch Size must be a whole number from 1 to 100 (it is 2.5)');
		expect(run.context.itemIndex).toBeUndefined();
	});
});
