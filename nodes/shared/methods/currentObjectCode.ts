import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { OTHER_OBJECT_TYPE } from '../workfront/objectTypes';

/** The object type chosen in the node the picker belongs to (PROJ until one is chosen). */
export function currentObjectCode(context: ILoadOptionsFunctions): string {
	const chosen = String(context.getCurrentNodeParameter('objectType') ?? 'PROJ');
	const code =
		chosen === OTHER_OBJECT_TYPE
			? String(context.getCurrentNodeParameter('objectCode') ?? '')
			: chosen;
	return code.trim().toUpperCase() || 'PROJ';
}
