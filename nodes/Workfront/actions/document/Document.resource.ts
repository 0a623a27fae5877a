import type { INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { attachedToObjectType } from './attachedTo';
import * as download from './download.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export const operations = { upload, download, getMany };

// Get Many asks for the record's object type first; Upload asks for it right before the record
// it attaches to, and only for a new document (upload.operation.ts).
const attachedToTypes = showOnlyFor(
	{ resource: ['document'], operation: ['getMany'] },
	attachedToObjectType,
);

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		default: 'upload',
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a document as binary data',
				action: 'Download a document',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the documents of a record',
				action: 'Get many documents',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file as a document or a new version',
				action: 'Upload a document',
			},
		],
	},
	...attachedToTypes,
	...upload.description,
	...download.description,
	...getMany.description,
];
