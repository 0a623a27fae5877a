import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { redactSecrets } from '../../../shared/core/errors';
import { optionsCollection, recordLocator } from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { asItemError, errorItem } from '../../../shared/execution/perItem';
import { workfrontDownload, workfrontRequest } from '../../../shared/transport/request';
import { readRecordId } from '../../../shared/params/recordId';
import { singleRecord } from '../../../shared/core/answers';
import { DOWNLOAD_MAX_MB } from '../../../shared/core/limits';
import { failItem, readWholeNumber } from '../../../shared/params/parameters';

const DEFAULT_MAX_FILE_MB = DOWNLOAD_MAX_MB.default;

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['document'], operation: ['download'] },
	[
		recordLocator('documentId', 'Document', 'The document to download', 'searchDocuments'),
		{
			displayName: 'Version ID',
			name: 'versionId',
			type: 'string',
			default: '',
			description:
				'ID of the version to download (a Document Version record); empty for the latest',
		},
		optionsCollection([
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the file in',
			},
			{
				displayName: 'Max File Size (MB)',
				name: 'maxFileSizeMb',
				type: 'number',
				typeOptions: { minValue: DOWNLOAD_MAX_MB.min, maxValue: DOWNLOAD_MAX_MB.max },
				default: DEFAULT_MAX_FILE_MB,
				description:
					"A larger file fails the item with a clear error instead of filling n8n's memory (n8n holds a download in memory before storing it)",
			},
			{
				displayName: 'Metadata Only',
				name: 'metadataOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the document and version details, without the file',
			},
		]),
	],
);

const METADATA_FIELDS =
	'downloadURL,description,docObjCode,objID,currentVersion:fileName,currentVersion:version,currentVersion:docSize,currentVersion:fileType';

/** The file name Workfront sends in Content-Disposition (RFC 5987 `filename*` first). */
function fileNameFrom(disposition: unknown): string | undefined {
	const text = typeof disposition === 'string' ? disposition : '';
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(text)?.[1];
	if (encoded) {
		// A malformed escape (a bare %) must not cost the bytes that did arrive: keep the text as sent.
		try {
			return decodeURIComponent(encoded);
		} catch {
			return encoded;
		}
	}
	return /filename="?([^";]+)"?/i.exec(text)?.[1];
}

async function downloadOne(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const documentId = readRecordId(context, itemIndex, 'documentId', 'Document');
	// Checked before anything is sent, as the document ID is.
	const versionText = String(context.getNodeParameter('versionId', itemIndex, '') ?? '').trim();
	const versionId = versionText ? readRecordId(context, itemIndex, 'versionId', 'Version ID') : '';
	const metadata = singleRecord(
		await workfrontRequest(context, {
			method: 'GET',
			path: `docu/${documentId}`,
			query: [['fields', METADATA_FIELDS]],
			itemIndex,
		}),
	);
	if (context.getNodeParameter('options.metadataOnly', itemIndex, false))
		return { json: metadata, pairedItem: { item: itemIndex } };
	const currentVersion = (metadata.currentVersion as IDataObject | undefined) ?? {};

	const maxBytes =
		readWholeNumber(context, 'options.maxFileSizeMb', itemIndex, {
			label: 'Max File Size (MB)',
			min: DOWNLOAD_MAX_MB.min,
			max: DOWNLOAD_MAX_MB.max,
			fallback: DOWNLOAD_MAX_MB.default,
			advice: `Enter the largest file to keep, in MB (${DOWNLOAD_MAX_MB.default} by default).`,
		}) *
		1024 *
		1024;
	const declaredSize = versionId ? undefined : Number(currentVersion.docSize) || undefined;
	if (declaredSize !== undefined && declaredSize > maxBytes) {
		failItem(
			context,
			itemIndex,
			`The document is ${Math.ceil(declaredSize / (1024 * 1024))} MB, more than Max File Size (${maxBytes / (1024 * 1024)} MB); nothing was downloaded`,
			`Raise Options > Max File Size (up to ${DOWNLOAD_MAX_MB.max} MB), or turn on Metadata Only to get its details without the file.`,
		);
	}
	const downloadPath = String(
		metadata.downloadURL || `/internal/document/download?ID=${documentId}`,
	);
	const { data, headers, token } = await workfrontDownload(context, {
		method: 'GET',
		path: downloadPath,
		fromOrigin: true,
		query: versionId ? [['versionID', versionId]] : [],
		itemIndex,
		// The current version's size; another version's is not known here, so the default applies.
		transferBytes: declaredSize,
		maxBytes,
	});
	// The headers are whatever answered: they reach the output item, so the token is kept out.
	const fileName = redactSecrets(
		fileNameFrom(headers['content-disposition']) ??
			String(currentVersion.fileName ?? metadata.name ?? documentId),
		[token],
	);
	const mimeType = redactSecrets(
		String(headers['content-type'] ?? currentVersion.fileType ?? 'application/octet-stream'),
		[token],
	)
		.split(';')[0]
		.trim();
	const field = String(
		context.getNodeParameter('options.binaryPropertyName', itemIndex, 'data') || 'data',
	);
	const binary = {
		...(context.getInputData()[itemIndex]?.binary ?? {}),
		[field]: await context.helpers.prepareBinaryData(data, fileName, mimeType),
	};
	return {
		json: { ...metadata, ...(versionId ? { versionID: versionId } : {}) },
		binary,
		pairedItem: { item: itemIndex },
	};
}

/** Downloads each item's document as binary data with Workfront's file name and MIME type. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
		try {
			output.push(await downloadOne(this, itemIndex));
		} catch (error) {
			const itemError = asItemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	}
	return output;
}
