import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { returnAllOrLimitProperties } from '../../../shared/descriptions/returnAllOrLimit';
import { readFilterQuery, readSortQuery } from '../../../shared/params/filterQuery';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { readReturnFields } from '../../../shared/params/returnFields';
import { searchAll } from '../../../shared/transport/paging';
import {
	filterProperties,
	rawFilterOption,
	sortOption,
} from '../../../shared/descriptions/filters.description';
import {
	returnFieldsOption,
	optionsCollection,
} from '../../../shared/descriptions/common.description';
import { readLimit, readConcurrency } from '../../../shared/params/sizes';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_PAGE_SIZE } from '../../../shared/core/limits';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['getMany'] },
	[
		...returnAllOrLimitProperties,
		...filterProperties,
		optionsCollection([
			returnFieldsOption,
			rawFilterOption,
			sortOption,
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_CONCURRENCY,
				description: `How many pages of ${MAX_PAGE_SIZE.toLocaleString('en-US')} to read at the same time when more than one is needed. Workfront limits concurrent requests per organisation; the default leaves room for other integrations.`,
			},
		]),
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const limit = readLimit(this, itemIndex);
		return await searchAll(this, {
			objCode,
			filters: readFilterQuery(this, itemIndex),
			shape: [
				...readSortQuery(this, itemIndex),
				...(await readReturnFields(this, itemIndex, objCode)),
			],
			limit,
			itemIndex,
			concurrency: readConcurrency(this, itemIndex),
		});
	});
}
