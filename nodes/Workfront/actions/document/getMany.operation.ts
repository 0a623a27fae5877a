import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { returnAllOrLimitProperties } from '../../../shared/descriptions/returnAllOrLimit';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { readReturnFields } from '../../../shared/params/returnFields';
import { searchAll } from '../../../shared/transport/paging';
import {
	optionsCollection,
	recordLocator,
	returnFieldsOption,
} from '../../../shared/descriptions/common.description';
import { readRecordId } from '../../../shared/params/recordId';
import { readLimit } from '../../../shared/params/sizes';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['document'], operation: ['getMany'] },
	[
		recordLocator(
			'objectId',
			'Record',
			'The record whose documents to list (of the object type above)',
		),
		...returnAllOrLimitProperties,
		optionsCollection([returnFieldsOption]),
	],
);

/** The documents attached to a record (docObjCode + objID), in pages like Get Many. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const objectId = readRecordId(this, itemIndex, 'objectId', 'Record');
		return await searchAll(this, {
			objCode: 'DOCU',
			filters: [
				['docObjCode', objCode],
				['objID', objectId],
			],
			shape: [['ID_Sort', 'asc'], ...(await readReturnFields(this, itemIndex, 'DOCU'))],
			limit: readLimit(this, itemIndex),
			itemIndex,
		});
	});
}
