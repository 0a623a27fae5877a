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
import { readConnection } from '../../../shared/transport/connection';
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
		{
			// n8n hands an agent only the JSON of a tool's items: a binary file never reaches the
			// model (n8n-core drops it with a warning, or answers "The Tool attempted to return
			// binary data" when there is no JSON). As a tool, Download therefore answers with the
			// document's details and where to fetch it.
			displayName: 'Output for the Agent',
			name: 'agentOutput',
			type: 'options',
			default: 'details',
			options: [
				{
					name: 'Details and Download Link',
					value: 'details',
					description:
						"The document's name, type, size and version, its page in Workfront and its download address",
				},
				{
					name: 'File',
					value: 'file',
					description:
						'The file as binary data, for the nodes after the agent (the agent sees only the details)',
				},
			],
			displayOptions: { show: { '@tool': [true] } },
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

/**
 * What an agent gets instead of the file: the details, the document's page in Workfront (for a
 * person) and its download address (which needs a Workfront login or this node's Download).
 */
async function detailsForAgent(
	context: IExecuteFunctions,
	metadata: IDataObject,
	documentId: string,
	versionId: string,
): Promise<IDataObject> {
	const { origin } = await readConnection(context, 0);
	const version = (metadata.currentVersion as IDataObject | undefined) ?? {};
	const path = String(metadata.downloadURL || `/internal/document/download?ID=${documentId}`);
	return {
		...metadata,
		...(versionId ? { versionID: versionId } : {}),
		fileName: version.fileName ?? metadata.name,
		fileType: version.fileType,
		size: version.docSize,
		workfrontUrl: `${origin}/document/${documentId}/details`,
		downloadUrl: `${origin}${path.startsWith('/') ? '' : '/'}${path}${versionId ? `${path.includes('?') ? '&' : '?'}versionID=${versionId}` : ''}`,
		howToGetTheFile:
			'The file is not passed to agents. Open workfrontUrl in Workfront, or download it in a workflow with the Workfront node (Document > Download, this document ID).',
	};
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
	// Hidden unless the node is a tool: 'file' then, as before.
	if (context.getNodeParameter('agentOutput', itemIndex, 'file') === 'details')
		return {
			json: await detailsForAgent(context, metadata, documentId, versionId),
			pairedItem: { item: itemIndex },
		};
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
