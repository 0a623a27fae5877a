import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	readBatchSettings,
	readConcurrency,
	readLimit,
} from '../../../../../nodes/shared/params/sizes';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

const getMany = (parameters: IDataObject) =>
	workfrontExecuteContext({
		parameters: { resource: 'record', operation: 'getMany', ...parameters },
	});
const create = (options: IDataObject) =>
	workfrontExecuteContext({
		parameters: { resource: 'record', operation: 'create', inputMode: 'json', options },
	});

function message(read: () => unknown): string {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return (error as Error).message;
	}
	throw new Error('it was accepted');
}

test('Limit: undefined for Return All, else a whole number of 1 or more (50 by default)', () => {
	expect(readLimit(getMany({ returnAll: true, limit: 0 }), 0)).toBeUndefined();
	expect(readLimit(getMany({}), 0)).toBe(50);
	expect(readLimit(getMany({ limit: 2500 }), 0)).toBe(2500);
	expect(message(() => readLimit(getMany({ limit: 0 }), 0))).toBe(
		'Limit must be a whole number of 1 or more (it is 0)',
	);
});

test('Concurrency: 5 by default, at most 10', () => {
	expect(readConcurrency(getMany({ returnAll: true }), 0)).toBe(5);
	expect(readConcurrency(getMany({ returnAll: true, options: { concurrency: 10 } }), 0)).toBe(10);
	expect(
		message(() => readConcurrency(getMany({ returnAll: true, options: { concurrency: 11 } }), 0)),
	).toBe('Concurrency must be a whole number from 1 to 10 (it is 11)');
});

test('Batch Size and Atomic: 100 and off by default; a bad size fails the run, not an item', () => {
	expect(readBatchSettings(create({}))).toEqual({ batchSize: 100, atomic: false });
	expect(readBatchSettings(create({ batchSize: 1, atomic: true }))).toEqual({
		batchSize: 1,
		atomic: true,
	});
	expect(message(() => readBatchSettings(create({ batchSize: 101 })))).toBe(
		'Batch Size must be a whole number from 1 to 100 (it is 101)',
	);
});
