import { NodeOperationError, type IBinaryData } from 'n8n-workflow';

import { readBinaryFile } from '../../../../../nodes/shared/params/binaryInput';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

/** The file in an item's binary field, read in n8n-core's execution context (data held in memory). */
function contextWith(...binaries: Array<Record<string, IBinaryData> | undefined>) {
	const context = workfrontExecuteContext({
		parameters: { resource: 'document', operation: 'upload' },
		input: binaries.map(() => ({})),
	});
	context.getInputData().forEach((item, index) => {
		if (binaries[index]) item.binary = binaries[index];
	});
	return context;
}

const file = (text: string, extra: Partial<IBinaryData> = {}): IBinaryData => ({
	data: Buffer.from(text).toString('base64'),
	mimeType: 'text/plain',
	fileName: 'notes.txt',
	...extra,
});

function refusal(read: () => Promise<unknown>): Promise<NodeOperationError> {
	return read().then(
		() => {
			throw new Error('accepted');
		},
		(error: unknown) => {
			expect(error).toBeInstanceOf(NodeOperationError);
			return error as NodeOperationError;
		},
	);
}

test('the bytes, the file name and the type, from the field named (spaces around the name ignored)', async () => {
	const context = contextWith({ data: file('hello') });
	const read = await readBinaryFile(context, 0, ' data ');
	expect(read.data.toString()).toBe('hello');
	expect(read.fileName).toBe('notes.txt');
	expect(read.mimeType).toBe('text/plain');
});

test('each item its own file', async () => {
	const context = contextWith({ data: file('one') }, { data: file('two') });
	expect((await readBinaryFile(context, 1, 'data')).data.toString()).toBe('two');
});

test('no file name: the field’s name with the extension; no type: octet-stream', async () => {
	const context = contextWith(
		{ report: file('x', { fileName: undefined, fileExtension: 'pdf', mimeType: '' }) },
		{ report: file('x', { fileName: '' }) },
	);
	expect(await readBinaryFile(context, 0, 'report')).toMatchObject({
		fileName: 'report.pdf',
		mimeType: 'application/octet-stream',
	});
	expect((await readBinaryFile(context, 1, 'report')).fileName).toBe('report');
});

test('a missing field names the fields the item has', async () => {
	const context = contextWith({ file: file('x'), other: file('y') });
	const error = await refusal(async () => await readBinaryFile(context, 0, 'data'));
	expect(error.message).toBe('Item 1 has no binary field "data"');
	expect(error.description).toBe(
		'Its binary fields are: file, other. Set Input Binary Field to one of them.',
	);
});

test('an item without binary data says how to get some', async () => {
	const context = contextWith(undefined, undefined);
	const error = await refusal(async () => await readBinaryFile(context, 1, 'data'));
	expect(error.message).toBe('Item 2 has no binary field "data"');
	expect(error.description).toMatch(/^It has no binary data at all\. Put a file in it first/);
	expect(error.context.itemIndex).toBe(1);
});
