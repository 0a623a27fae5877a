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
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, searchAll } from '../../transport/paging';
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
				description:
					'How many pages of 2,000 to read at the same time when more than one is needed. Workfront limits concurrent requests per organisation; the default leaves room for other integrations.',
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
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : readLimit(this, itemIndex);
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

function readConcurrency(context: IExecuteFunctions, itemIndex: number): number {
	const concurrency = Number(
		context.getNodeParameter('options.concurrency', itemIndex, DEFAULT_CONCURRENCY),
	);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		throw new NodeOperationError(
			context.getNode(),
			`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (it is ${concurrency})`,
			{
				itemIndex,
				description: `Workfront limits concurrent requests per organisation (it documented 10); ${DEFAULT_CONCURRENCY} leaves room for other integrations.`,
			},
		);
	}
	return concurrency;
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
