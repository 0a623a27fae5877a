import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	chosenObjectCode,
	objectCodeProblem,
	readObjectCode,
} from '../../../../../nodes/shared/params/objectCode';
import { workfrontExecuteContext, workfrontPollContext } from '../../../../harness/executeContext';

test('chosenObjectCode: a listed type, or the code typed for Other, trimmed', () => {
	expect(chosenObjectCode('TASK', 'ignored')).toBe('TASK');
	expect(chosenObjectCode('__other', ' blin ')).toBe('blin');
	expect(chosenObjectCode(undefined, undefined)).toBe('PROJ');
});

test.each([
	['PROJ', undefined],
	['ttsk', undefined],
	['A_1', undefined],
	['', 'Object Code is empty'],
	['P', 'Object Code "P" is not a Workfront object code'],
	['proj/1', 'Object Code "proj/1" is not a Workfront object code'],
	['1PROJ', 'Object Code "1PROJ" is not a Workfront object code'],
])('objectCodeProblem(%p): %p', (code, problem) => {
	expect(objectCodeProblem(code)).toBe(problem);
});

describe('readObjectCode, through n8n’s parameter resolution', () => {
	const read = (parameters: Record<string, unknown>, input?: IDataObject[]) =>
		readObjectCode(
			workfrontExecuteContext({
				parameters: { resource: 'record', operation: 'get', ...parameters },
				input,
			}),
			0,
		);

	test('in upper case, from the list, from Other, or from an expression', () => {
		expect(read({ objectType: 'OPTASK' })).toBe('OPTASK');
		expect(read({ objectType: '__other', objectCode: 'blin' })).toBe('BLIN');
		expect(
			read({ objectType: '__other', objectCode: '={{ $json.code }}' }, [{ code: 'hour' }]),
		).toBe('HOUR');
	});

	test('a code that could reshape a path fails the item, with the advice', () => {
		let caught: unknown;
		try {
			read({ objectType: '__other', objectCode: '../user' });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeOperationError);
		expect((caught as NodeOperationError).message).toBe(
			'Object Code "../user" is not a Workfront object code',
		);
		expect((caught as NodeOperationError).description).toMatch(/^Enter a Workfront objCode/);
	});

	test('a trigger reads it without an item', () => {
		const context = workfrontPollContext({ objectType: '__other', objectCode: 'ttsk' });
		expect(readObjectCode(context, 0)).toBe('TTSK');
	});
});
