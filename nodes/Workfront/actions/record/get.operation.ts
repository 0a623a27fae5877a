import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readObjectCode, readRecordId } from '../../helpers/objectCode';
import { singleRecord } from '../../helpers/singleRecord';
import { forEachItem } from '../../helpers/perItem';
import { readReturnFields } from '../../helpers/returnFields';
import { workfrontRequest } from '../../transport/request';
import {
	recordIdProperty,
	returnFieldsOption,
	optionsCollection,
} from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['get'] },
	[recordIdProperty('get'), optionsCollection([returnFieldsOption])],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const id = readRecordId(this, itemIndex);
		return singleRecord(
			await workfrontRequest(this, {
				method: 'GET',
				path: `${encodeURIComponent(objCode)}/${id}`,
				query: await readReturnFields(this, itemIndex, objCode),
				itemIndex,
			}),
		);
	});
}
