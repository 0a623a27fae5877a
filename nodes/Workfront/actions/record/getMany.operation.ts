import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../helpers/displayOptions';
import { readFilterQuery, readSortQuery } from '../../helpers/filterQuery';
import { readObjectCode } from '../../helpers/objectCode';
import { forEachItem } from '../../helpers/perItem';
import { readReturnFields } from '../../helpers/returnFields';
import { searchAll } from '../../transport/paging';
import { filterProperties, rawFilterOption, sortOption } from '../common/filters.description';
import { returnFieldsOption, optionsCollection } from '../common/common.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['getMany'] },
	[
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		...filterProperties,
		optionsCollection([returnFieldsOption, rawFilterOption, sortOption]),
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : readLimit(this, itemIndex);
		return await searchAll(this, {
			objCode,
			query: [
				...readFilterQuery(this, itemIndex),
				...readSortQuery(this, itemIndex),
				...readReturnFields(this, itemIndex),
			],
			limit,
			itemIndex,
		});
	});
}

function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Limit must be a whole number of 1 or more (it is ${limit})`,
			{
				itemIndex,
				description: 'Enter how many records to return, or turn on Return All.',
			},
		);
	}
	return limit;
}
