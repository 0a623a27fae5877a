import type { INodeExecutionData } from 'n8n-workflow';

import { testFiles } from '../harness/binaryRegistry';

/** An input item carrying a file in its binary field `data`, as a previous node would hand it. */
export function fileItem(key: string, data: Buffer, fileName: string, mimeType: string) {
	testFiles.set(key, data);
	return { $binary: { data: { key, fileName, mimeType } } };
}

/** Document > Upload of the item's `data` file to the project `objectId`. */
export const uploadParameters = (objectId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'upload',
	objectType: 'PROJ',
	objectId,
	binaryPropertyName: 'data',
	...extra,
});

/** Document > Download of `documentId`. */
export const download = (documentId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'download',
	documentId,
	...extra,
});

/** The bytes of an output item's binary field. */
export function bytesOf(item: INodeExecutionData | undefined, field = 'data'): Buffer {
	const binary = item?.binary?.[field];
	if (!binary) throw new Error(`No binary field ${field}`);
	return Buffer.from(binary.data, 'base64');
}
