import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readFieldValues } from '../../helpers/fieldValues';
import { readObjectCode } from '../../helpers/objectCode';
import { forEachItem } from '../../helpers/perItem';
import { readReturnFields } from '../../helpers/returnFields';
import { workfrontRequest } from '../../transport/request';
import { fieldValuesProperties } from '../common/fieldValues.description';
import { returnFieldsOption, optionsCollection } from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['create'] },
	[...fieldValuesProperties, optionsCollection([returnFieldsOption])],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		return await workfrontRequest<IDataObject>(this, {
			method: 'POST',
			path: encodeURIComponent(objCode),
			query: readReturnFields(this, itemIndex),
			body: readFieldValues(this, itemIndex),
			itemIndex,
		});
	});
}
