import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readFilterQuery } from '../../../shared/params/filterQuery';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { workfrontRequest } from '../../../shared/transport/request';
import { optionsCollection } from '../../../shared/descriptions/common.description';
import {
	filterProperties,
	rawFilterOption,
} from '../../../shared/descriptions/filters.description';

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['count'] },
	[...filterProperties, optionsCollection([rawFilterOption])],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const answer = await workfrontRequest<{ count?: unknown } | number>(this, {
			method: 'GET',
			path: `${encodeURIComponent(objCode)}/count`,
			query: readFilterQuery(this, itemIndex),
			itemIndex,
		});
		// The reference shows both {"data":{"count":n}} and a bare {"count":n}; accept either, and a bare number.
		const count = typeof answer === 'number' ? answer : Number(answer?.count);
		return { count, objCode };
	});
}
