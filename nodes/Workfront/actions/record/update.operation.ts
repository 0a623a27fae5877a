import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readFieldValues } from '../../helpers/fieldValues';
import { readObjectCode, readRecordId } from '../../helpers/objectCode';
import { forEachItem } from '../../helpers/perItem';
import { readReturnFields } from '../../helpers/returnFields';
import { workfrontRequest } from '../../transport/request';
import { fieldValuesProperties } from '../common/fieldValues.description';
import {
	recordIdProperty,
	returnFieldsOption,
	optionsCollection,
} from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['update'] },
	[recordIdProperty('update'), ...fieldValuesProperties, optionsCollection([returnFieldsOption])],
);

/** Sends only the fields given: Workfront leaves every other field as it is. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const id = readRecordId(this, itemIndex);
		const values = readFieldValues(this, itemIndex);
		if (Object.keys(values).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update: no fields are given', {
				itemIndex,
				description: 'Add at least one field to change.',
			});
		}
		return await workfrontRequest<IDataObject>(this, {
			method: 'PUT',
			path: `${encodeURIComponent(objCode)}/${id}`,
			query: readReturnFields(this, itemIndex),
			body: values,
			itemIndex,
		});
	});
}
