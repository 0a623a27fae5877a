import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ACTION_OPTIONS } from '../../../../../nodes/Workfront/actions/record/actionPanel';
import { CUSTOM_ACTION } from '../../../../../nodes/Workfront/actions/record/actionCatalog';
import { getActionArguments, getActions } from '../../../../../nodes/Workfront/methods/actions';
import { editorContext } from '../../../../harness/loadOptions';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * Execute Action's list and its typed arguments, from the actions Workfront's metadata declares,
 * called directly in n8n-core's editor context. The metadata answers are given, so that each rule
 * of the list shows; the runs of declared actions are in executeAction.operation.test.ts.
 */
const fixture = freshFixturePerTest();
const context = (parameters: IDataObject = {}) =>
	editorContext(
		fixture().helper,
		record('executeAction', { objectType: 'TASK', ...parameters }) as INodeParameters,
	);

/** The next TASK metadata answer declares these actions. */
const declare = (actions: Record<string, { arguments?: Array<{ name: string; type: string }> }>) =>
	fixture().simulator.injectFault({
		times: 1,
		path: /\/TASK\/metadata$/,
		status: 200,
		body: { data: { fields: {}, references: {}, collections: {}, actions } },
	});

describe('the action list', () => {
	test('built-in actions Workfront declares for the type keep their names; the others by a friendly name, sorted; Copy and Other always', async () => {
		declare({
			markDone: { arguments: [{ name: 'status', type: 'string' }] },
			zebraAction: {},
			approveApproval: { arguments: [{ name: 'password', type: 'string' }] },
			convertToTask: {},
		});
		const options = await getActions.call(context());
		expect(options.map(({ value }) => value)).toEqual([
			'copy',
			'markDone',
			'approveApproval',
			// convertToTask is declared, but its built-in fields are an issue's: offered as declared.
			'convertToTask',
			'zebraAction',
			CUSTOM_ACTION,
		]);
		expect(options.find(({ value }) => value === 'approveApproval')).toEqual({
			name: 'Approve Approval',
			value: 'approveApproval',
			description: 'Workfront action approveApproval (password)',
		});
		expect(options.find(({ value }) => value === 'zebraAction')?.description).toBe(
			'Workfront action zebraAction',
		);
	});

	test.each([
		['metadata cannot be read', { status: 500 }],
		['metadata declares no action', { status: 200, body: { data: { actions: {} } } }],
	])('%s: the built-in list as it is', async (_, fault) => {
		fixture().simulator.injectFault({ times: 1, path: /\/TASK\/metadata$/, ...fault });
		expect(await getActions.call(context())).toEqual(ACTION_OPTIONS);
	});
});

describe("the chosen action's arguments", () => {
	test('typed fields for what Workfront declares, less what the built-in fields already ask', async () => {
		declare({
			markDone: {
				arguments: [
					{ name: 'status', type: 'string' },
					{ name: 'note', type: 'string' },
					{ name: 'ids', type: 'string[]' },
					{ name: 'force', type: 'boolean' },
				],
			},
		});
		const { fields, emptyFieldsNotice } = await getActionArguments.call(
			context({ action: 'markDone' }),
		);
		expect(fields.map(({ id, displayName, type }) => [id, displayName, type])).toEqual([
			['note', 'note (string)', 'string'],
			['ids', 'ids (string[])', 'array'],
			['force', 'force (boolean)', 'boolean'],
		]);
		expect(fields.every(({ required, display }) => !required && display)).toBe(true);
		expect(emptyFieldsNotice).toBeUndefined();
	});

	test('an action without arguments says so', async () => {
		declare({ recall: {} });
		expect(await getActionArguments.call(context({ action: 'recall' }))).toEqual({
			fields: [],
			emptyFieldsNotice: 'recall takes no arguments',
		});
	});

	test('an action Workfront does not declare, or metadata that cannot be read, says which', async () => {
		declare({ recall: {} });
		expect(await getActionArguments.call(context({ action: 'nothing' }))).toEqual({
			fields: [],
			emptyFieldsNotice: 'Workfront declares no action nothing for TASK',
		});
		fixture().simulator.injectFault({ times: 1, path: /\/TASK\/metadata$/, status: 500 });
		expect((await getActionArguments.call(context({ action: 'recall' }))).emptyFieldsNotice).toBe(
			'Could not read the object type from Workfront; use Other (Enter Action Name) and Additional Arguments',
		);
	});
});
