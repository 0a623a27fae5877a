import { OTHER_OBJECT_TYPE } from '../core/objectTypes';
import { failItem, readParameter, type ParameterContext } from './parameters';

/** The object code chosen in a node: a listed type, or the code typed for "Other". */
export function chosenObjectCode(chosen: unknown, typed: unknown): string {
	const choice = String(chosen ?? 'PROJ');
	return (choice === OTHER_OBJECT_TYPE ? String(typed ?? '') : choice).trim();
}

/** Why a text is not a Workfront object code, or undefined when it is one. */
export function objectCodeProblem(code: string): string | undefined {
	if (/^[A-Za-z][A-Za-z0-9_]{1,31}$/.test(code)) return undefined;
	return code === ''
		? 'Object Code is empty'
		: `Object Code "${code}" is not a Workfront object code`;
}

export const OBJECT_CODE_ADVICE =
	'Enter a Workfront objCode such as PROJ, TASK, OPTASK or BLIN (letters, digits and underscores).';

/** The object code the item asks for, checked, in Workfront's upper case. */
export function readObjectCode(context: ParameterContext, itemIndex: number): string {
	const code = chosenObjectCode(
		readParameter(context, 'objectType', itemIndex, 'PROJ'),
		readParameter(context, 'objectCode', itemIndex, ''),
	);
	const problem = objectCodeProblem(code);
	if (problem) failItem(context, itemIndex, problem, OBJECT_CODE_ADVICE);
	return code.toUpperCase();
}
