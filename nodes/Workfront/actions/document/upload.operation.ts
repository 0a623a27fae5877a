import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { readBinaryFile } from '../../../shared/params/binaryInput';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { readReturnFields } from '../../../shared/params/returnFields';
import { workfrontRequest } from '../../../shared/transport/request';
import { isHeaderSafeMimeType, multipartFile } from '../../../shared/transport/multipart';
import {
	optionsCollection,
	recordLocator,
	returnFieldsOption,
} from '../../../shared/descriptions/common.description';
import { readRecordId } from '../../../shared/params/recordId';
import { attachedToObjectType } from './attachedTo';

const show = { resource: ['document'], operation: ['upload'] };

export const description: INodeProperties[] = showOnlyFor(show, [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Upload As',
		name: 'uploadAs',
		type: 'options',
		default: 'newDocument',
		options: [
			{
				name: 'New Document',
				value: 'newDocument',
				description: 'A new document attached to a record',
			},
			{
				name: 'New Version of a Document',
				value: 'newVersion',
				description: 'The next version of an existing document',
			},
		],
	},
	// The object type right above the record it names, and only where a record is attached to.
	...attachedToObjectType.map((property) => ({
		...property,
		displayOptions: {
			show: { ...property.displayOptions?.show, uploadAs: ['newDocument'] },
		},
	})),
	{
		...recordLocator(
			'objectId',
			'Attach To',
			'The record the document belongs to (of the object type above)',
		),
		displayOptions: { show: { uploadAs: ['newDocument'] } },
	},
	{
		...recordLocator(
			'documentId',
			'Document',
			'The document that gets a new version',
			'searchDocuments',
		),
		displayOptions: { show: { uploadAs: ['newVersion'] } },
	},
	{
		displayName: 'Version',
		name: 'versionLabel',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3 or v2.1',
		description:
			"The new version's label. Empty: one more than the number of versions the document has.",
		displayOptions: { show: { uploadAs: ['newVersion'] } },
	},
	{
		...optionsCollection([
			{
				displayName: 'Document Name',
				name: 'documentName',
				type: 'string',
				default: '',
				description: "The document's name in Workfront (default: the file name)",
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				description: "ID of the record's document folder to put the document in",
			},
			returnFieldsOption,
		]),
		displayOptions: { show: { uploadAs: ['newDocument'] } },
	},
]);

/** The label typed, or one more than the number of versions the document has. */
async function nextVersionLabel(
	context: IExecuteFunctions,
	itemIndex: number,
	documentId: string,
): Promise<string> {
	const typed = String(context.getNodeParameter('versionLabel', itemIndex, '') ?? '').trim();
	if (typed !== '') return typed;
	const { count } = await workfrontRequest<{ count: number }>(context, {
		method: 'GET',
		path: 'docv/count',
		query: [['documentID', documentId]],
		itemIndex,
	});
	return String((Number(count) || 0) + 1);
}

/**
 * Uploads the item's file (multipart, part `uploadedFile`, with file name and type) and turns the
 * returned handle into a Document, or into a new version of one. The file is read into memory once
 * and copied once more into the request body (multipart.ts says why).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const file = await readBinaryFile(
			this,
			itemIndex,
			String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
		);
		const uploadAs = this.getNodeParameter('uploadAs', itemIndex, 'newDocument') as string;
		const objCode = uploadAs === 'newDocument' ? readObjectCode(this, itemIndex) : 'DOCV';
		const target =
			uploadAs === 'newDocument'
				? readRecordId(this, itemIndex, 'objectId', 'Attach To')
				: readRecordId(this, itemIndex, 'documentId', 'Document');
		if (!isHeaderSafeMimeType(file.mimeType)) {
			throw new NodeOperationError(
				this.getNode(),
				`The file's MIME type is not one: ${JSON.stringify(file.mimeType.slice(0, 100))}`,
				{
					itemIndex,
					description:
						'A MIME type looks like type/subtype, e.g. application/pdf, with no line breaks. Set it where the file is made (e.g. Options > MIME Type), or leave it empty for application/octet-stream.',
				},
			);
		}
		const multipart = multipartFile({ field: 'uploadedFile', ...file });
		if (multipart === undefined) {
			throw new NodeOperationError(this.getNode(), 'The file could not be put in an upload', {
				itemIndex,
				description:
					'Every multipart boundary drawn (128 random bits each) occurs in the file itself, which only a file made to contain them does.',
			});
		}
		const { handle } = await workfrontRequest<{ handle: string }>(this, {
			method: 'POST',
			path: 'upload',
			itemIndex,
			transferBytes: multipart.body.length,
			multipart,
		});
		try {
			if (uploadAs === 'newVersion') {
				// DOCV `version` is REQUIRED before API v22 (What's new in API version 22: "Removed
				// the validator REQUIRED"), so it is always sent.
				const version = await nextVersionLabel(this, itemIndex, target);
				return await workfrontRequest<IDataObject>(this, {
					method: 'POST',
					path: 'docv',
					body: { documentID: target, handle, fileName: file.fileName, version },
					itemIndex,
				});
			}
			const name =
				String(this.getNodeParameter('options.documentName', itemIndex, '') ?? '').trim() ||
				file.fileName;
			const descriptionText = String(
				this.getNodeParameter('options.description', itemIndex, '') ?? '',
			).trim();
			const folderId = String(
				this.getNodeParameter('options.folderId', itemIndex, '') ?? '',
			).trim();
			return await workfrontRequest<IDataObject>(this, {
				method: 'POST',
				path: 'docu',
				query: await readReturnFields(this, itemIndex, 'DOCU'),
				body: {
					name,
					handle,
					docObjCode: objCode,
					objID: target,
					currentVersion: { version: '1', fileName: file.fileName },
					...(descriptionText ? { description: descriptionText } : {}),
					...(folderId ? { folderID: folderId } : {}),
				},
				itemIndex,
			});
		} catch (error) {
			const cause = error as { message?: string; description?: string };
			throw new NodeOperationError(
				this.getNode(),
				`The file was uploaded to Workfront (handle ${handle}) but the ${uploadAs === 'newVersion' ? 'new version' : 'document'} was not created: ${cause.message ?? 'unknown error'}`,
				{
					itemIndex,
					description:
						`${cause.description ?? ''} Nothing else was changed in Workfront; the uploaded file is unused and can be uploaded again.`.trim(),
				},
			);
		}
	});
}
