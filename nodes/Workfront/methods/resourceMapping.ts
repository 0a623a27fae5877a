import type { IDataObject, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperColumns } from '../../shared/workfront/mapperColumns';
import { currentObjectCode } from '../../shared/methods/currentObjectCode';

/** The resource mapper's columns for the object type and operation chosen in the editor. */
export async function getColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const operation = String(this.getCurrentNodeParameter('operation') ?? 'create');
	// The values already mapped: an ID chosen earlier stays a choice of its column's list.
	const columns = this.getCurrentNodeParameter('columns') as { value?: IDataObject } | undefined;
	return {
		fields: await mapperColumns(
			this,
			currentObjectCode(this),
			operation,
			'editor',
			columns?.value ?? {},
		),
	};
}
