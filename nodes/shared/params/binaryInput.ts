import type { IExecuteFunctions } from 'n8n-workflow';

import { failItem } from './parameters';

export interface BinaryFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/** The file in an item's binary field, with a clear error naming the field and what the item has instead. */
export async function readBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
): Promise<BinaryFile> {
	const name = field.trim();
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const entry = binary[name];
	if (!entry) {
		const available = Object.keys(binary);
		failItem(
			context,
			itemIndex,
			`Item ${itemIndex + 1} has no binary field "${name}"`,
			available.length
				? `Its binary fields are: ${available.join(', ')}. Set Input Binary Field to one of them.`
				: 'It has no binary data at all. Put a file in it first, e.g. with Read/Write Files from Disk or an HTTP Request that downloads one.',
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, name);
	return {
		data,
		fileName: entry.fileName || `${name}${entry.fileExtension ? `.${entry.fileExtension}` : ''}`,
		mimeType: entry.mimeType || 'application/octet-stream',
	};
}
