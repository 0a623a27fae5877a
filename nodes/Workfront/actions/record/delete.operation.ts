import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readObjectCode, readRecordId } from '../../helpers/objectCode';
import { forEachItem } from '../../helpers/perItem';
import { workfrontRequest } from '../../transport/request';
import { recordIdProperty } from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['delete'] },
	[
		recordIdProperty('delete'),
		{
			displayName: 'Force',
			name: 'force',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the record together with what depends on it (tasks, hours, documents). Without it, Workfront refuses to delete a record that still has dependants.',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const id = readRecordId(this, itemIndex);
		const force = this.getNodeParameter('force', itemIndex, false) as boolean;
		await workfrontRequest(this, {
			method: 'DELETE',
			path: `${encodeURIComponent(objCode)}/${id}`,
			query: force ? [['force', 'true']] : [],
			itemIndex,
		});
		return { deleted: true, ID: id, objCode };
	});
}
