import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../../shared/execution/perItem';
import { readObjectCode } from '../../../shared/params/objectCode';
import { readRecordId } from '../../../shared/params/recordId';
import { readReturnFields } from '../../../shared/params/returnFields';
import { workfrontRequest } from '../../../shared/transport/request';
import { findAction } from './actionCatalog';
import { readActionName, readArguments, readMappedArguments } from './actionRequest';

export { description } from './actionPanel';

/**
 * Per item: Copy is a create from the record (POST /<obj> with copySourceID); every other action
 * is PUT /<obj>/<id>/<action> with its arguments as parameters.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const id = readRecordId(this, itemIndex);
		const chosen = this.getNodeParameter('action', itemIndex) as string;
		const action = readActionName(this, itemIndex);
		const args = [
			...readArguments(this, itemIndex, chosen, objCode),
			...readMappedArguments(this, items, itemIndex, chosen),
		];
		if (findAction(chosen)?.kind === 'copy') {
			return await workfrontRequest<IDataObject>(this, {
				method: 'POST',
				path: encodeURIComponent(objCode),
				query: [
					['copySourceID', id],
					...args,
					...(await readReturnFields(this, itemIndex, objCode)),
				],
				itemIndex,
			});
		}
		const answer = await workfrontRequest<IDataObject | null>(this, {
			method: 'PUT',
			path: `${encodeURIComponent(objCode)}/${id}/${action}`,
			query: args,
			itemIndex,
		});
		return {
			action,
			ID: id,
			objCode,
			...(answer && typeof answer === 'object' ? answer : { result: answer }),
		};
	});
}
