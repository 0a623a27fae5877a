import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	recordIdProperty,
	returnFieldsOption,
	optionsCollection,
} from '../../../shared/descriptions/common.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { readObjectCode } from '../../../shared/params/objectCode';
import { readReturnFields } from '../../../shared/params/returnFields';
import { workfrontRequest } from '../../../shared/transport/request';
import { readRecordId } from '../../../shared/params/recordId';
import { singleRecord } from '../../../shared/core/answers';

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
