import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	readActionName,
	readArguments,
	readMappedArguments,
} from '../../../../../../nodes/Workfront/actions/record/actionRequest';
import { CUSTOM_ACTION } from '../../../../../../nodes/Workfront/actions/record/actionCatalog';
import { workfrontExecuteContext } from '../../../../../harness/executeContext';

/**
 * What an Execute Action item asks for, read in n8n-core's execution context (nothing is sent).
 * The requests Workfront receives for each action are in
 * test/integration/nodes/Workfront/actions/record/executeAction.operation.test.ts; here, the action
 * name and the arguments the readers return.
 */
const context = (parameters: IDataObject, input?: IDataObject[]) =>
	workfrontExecuteContext({
		parameters: {
			resource: 'record',
			operation: 'executeAction',
			objectType: 'TASK',
			...parameters,
		},
		input,
	});

function refusal(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('accepted');
}

describe('the action name', () => {
	test.each([
		[{ action: 'markDone' }, 'markDone'],
		[{ action: 'approveApproval' }, 'approveApproval'],
		[{ action: CUSTOM_ACTION, customAction: '  recall_1 ' }, 'recall_1'],
	])('%p → %s', (parameters, name) => {
		expect(readActionName(context(parameters), 0)).toBe(name);
	});

	test.each([
		[{ action: CUSTOM_ACTION, customAction: '' }, 'Action Name is empty'],
		[
			{ action: CUSTOM_ACTION, customAction: 'a/b' },
			'Action Name "a/b" is not a Workfront action name',
		],
		[{ action: '../user' }, 'Action Name "../user" is not a Workfront action name'],
		[{ action: '1st' }, 'Action Name "1st" is not a Workfront action name'],
	])('%p cannot reshape the path: %s', (parameters, message) => {
		const error = refusal(() => readActionName(context(parameters), 0));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Enter the action as Workfront names it/);
	});
});

describe("a listed action's arguments", () => {
	test('the typed ones, then the additional rows (objects as JSON); empty optional ones left out', () => {
		expect(
			readArguments(
				context({
					action: 'markDone',
					markDone_status: ' CPL ',
					arguments: {
						argument: [
							{ name: ' note ', value: 'done' },
							{ name: 'extra', value: { a: 1 } as never },
						],
					},
				}),
				0,
				'markDone',
				'TASK',
			),
		).toEqual([
			['status', 'CPL'],
			['note', 'done'],
			['extra', '{"a":1}'],
		]);
		expect(readArguments(context({ action: 'markDone' }), 0, 'markDone', 'TASK')).toEqual([]);
	});

	test('a record picked from a list is sent as its ID; a required one left empty fails naming it', () => {
		expect(
			readArguments(
				context({
					action: 'assign',
					assign_objID: { __rl: true, mode: 'id', value: 'user0000000000000000000000000001' },
				}),
				0,
				'assign',
				'TASK',
			),
		).toEqual([
			['objID', 'user0000000000000000000000000001'],
			['objCode', 'USER'],
		]);
		expect(
			refusal(() =>
				readArguments(
					context({ action: 'assign', assign_objID: { __rl: true, mode: 'id', value: '' } }),
					0,
					'assign',
					'TASK',
				),
			).message,
		).toMatch(/Assignee/);
	});

	test('the built-in fields apply only on their object types: elsewhere only the rows are read', () => {
		expect(
			readArguments(context({ action: 'markDone', markDone_status: 'CPL' }), 0, 'markDone', 'PROJ'),
		).toEqual([]);
	});

	test('an additional row without a name fails, naming the row', () => {
		expect(
			refusal(() =>
				readArguments(
					context({ action: 'markDone', arguments: { argument: [{ name: 'a' }, { name: ' ' }] } }),
					0,
					'markDone',
					'TASK',
				),
			).message,
		).toBe('Argument 2: Name is empty');
	});
});

describe("a declared action's mapped arguments", () => {
	const schema = [
		{ id: 'ids', displayName: 'ids (string[])', type: 'array' },
		{ id: 'force', displayName: 'force (boolean)', type: 'boolean' },
		{ id: 'note', displayName: 'note (string)', type: 'string' },
	];

	test('typed as Workfront declares them; empty ones left out', () => {
		expect(
			readMappedArguments(
				context({
					action: 'approveApproval',
					actionArguments: {
						mappingMode: 'defineBelow',
						schema,
						value: { ids: ['a', 'b'], force: true, note: '', other: null },
					},
				}),
				[{ json: {} }],
				0,
				'approveApproval',
			),
		).toEqual([
			['ids', '["a","b"]'],
			['force', 'true'],
		]);
	});

	test("mapped automatically: the item's keys that the action declares", () => {
		const items = [{ json: { ids: ['x'], note: 'hi', unrelated: 1 } }];
		expect(
			readMappedArguments(
				context(
					{
						action: 'approveApproval',
						actionArguments: { mappingMode: 'autoMapInputData', schema },
					},
					[items[0].json],
				),
				items,
				0,
				'approveApproval',
			),
		).toEqual([
			['ids', '["x"]'],
			['note', 'hi'],
		]);
	});

	test('Copy and Other take none from the mapper', () => {
		const parameters = {
			actionArguments: { mappingMode: 'defineBelow', schema, value: { note: 'x' } },
		};
		expect(readMappedArguments(context(parameters), [{ json: {} }], 0, 'copy')).toEqual([]);
		expect(readMappedArguments(context(parameters), [{ json: {} }], 0, CUSTOM_ACTION)).toEqual([]);
	});
});
