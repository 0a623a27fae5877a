import type { INodeProperties } from 'n8n-workflow';

import { objectTypeProperties } from '../../../shared/descriptions/common.description';

/** The object type of the record a document is attached to, named as the document sees it. */
export const attachedToObjectType: INodeProperties[] = objectTypeProperties.map((property) =>
	property.name === 'objectType'
		? { ...property, displayName: 'Attached To Object Type Name or ID' }
		: property,
);
