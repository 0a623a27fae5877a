import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';

import { chosenObjectCode, OBJECT_CODE_ADVICE, objectCodeProblem } from '../params/objectCode';

/**
 * The object type chosen in the node the picker belongs to, checked as a run checks it: a picker
 * of an "Other" type with no valid code says so instead of listing another type's fields.
 */
export function currentObjectCode(context: ILoadOptionsFunctions): string {
	const code = chosenObjectCode(
		context.getCurrentNodeParameter('objectType'),
		context.getCurrentNodeParameter('objectCode'),
	);
	const problem = objectCodeProblem(code);
	if (problem) {
		throw new NodeOperationError(context.getNode(), problem, { description: OBJECT_CODE_ADVICE });
	}
	return code.toUpperCase();
}
