/**
 * The node and the simulator checked against what Adobe publishes (test/conformance/adobe-api.json,
 * written by extractAdobeApi.ts from Adobe's OpenAPI file and version notes), not against each other.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ACTION_CATALOG } from '../../nodes/Workfront/actions/record/actionCatalog';
import { moveLoginNamesToJson } from '../../nodes/shared/params/filterQuery';
import { editorContext, workfrontMethods } from '../harness/loadOptions';
import { adobeFacts, checkRequiredOnCreate } from '../simulator/model/adobeFacts';
import { describeObject } from '../simulator/model/metadata';
import { OBJECT_SPECS } from '../simulator/model/schema';
import { USER_ID } from '../support/workfrontAccount';
import { record, WorkfrontFixture } from '../support/workfrontNode';
import { requiredChanges } from './extractAdobeApi';

const declaring = (action: string) =>
	Object.entries(adobeFacts.objects).filter(([, entry]) => action in entry.actions);

describe('every action the node can send, against Adobe’s OpenAPI', () => {
	const actions = ACTION_CATALOG.filter(({ kind }) => kind === 'action');

	test.each(actions.map((action) => [action.value, action] as const))(
		'%s: declared, with the argument names and types the node sends',
		(_name, action) => {
			const objects = declaring(action.value).filter(([objCode]) =>
				(action.objCodes ?? [objCode]).includes(objCode),
			);
			expect(objects.map(([objCode]) => objCode).sort()).toEqual(
				[...(action.objCodes ?? [])].sort(),
			);
			for (const [objCode, entry] of objects) {
				const declared = entry.actions[action.value];
				for (const argument of action.arguments) {
					const fact = declared.find(({ name }) => name === argument.name);
					expect({ objCode, argument: argument.name, type: fact?.type }).toEqual({
						objCode,
						argument: argument.name,
						type: argument.declaredType,
					});
					if (fact?.enum && argument.options)
						expect(fact.enum).toEqual(
							expect.arrayContaining(argument.options.map(({ value }) => value)),
						);
				}
				// What Adobe marks required, the node offers.
				for (const fact of declared.filter(({ required }) => required))
					expect(action.arguments.map(({ name }) => name)).toContain(fact.name);
			}
		},
	);

	test('no built-in action is one Adobe does not declare (e.g. saveAsTemplate)', () => {
		expect(actions.filter((action) => declaring(action.value).length === 0)).toEqual([]);
	});
});

describe('the simulator serves Adobe’s facts', () => {
	test('its metadata lists exactly the actions and argument types of the fixture', () => {
		for (const spec of OBJECT_SPECS) {
			const served = describeObject(spec).actions as Record<
				string,
				{ arguments: Array<{ name: string; type: string }> }
			>;
			const facts = adobeFacts.objects[spec.objCode]?.actions ?? {};
			expect(Object.keys(served).sort()).toEqual(Object.keys(facts).sort());
			for (const [name, args] of Object.entries(facts))
				expect(served[name].arguments).toEqual(
					args.map(({ name: n, type }) => ({ name: n, type })),
				);
		}
	});

	test('the actions it implements are all declared by Adobe for that object type', () => {
		for (const spec of OBJECT_SPECS)
			for (const action of spec.actions)
				expect([spec.objCode, action in (adobeFacts.objects[spec.objCode]?.actions ?? {})]).toEqual(
					[spec.objCode, true],
				);
	});

	test('DOCV version is required before v22 and optional from v22, as the version notes say', () => {
		expect(adobeFacts.requiredOnCreate['v21.0'].DOCV).toEqual(['version']);
		expect(adobeFacts.requiredOnCreate['v22.0'].DOCV).toBeUndefined();
		expect(() => checkRequiredOnCreate('DOCV', 'DocumentVersion', 'v21.0', {})).toThrow(
			'DocumentVersion needs version in API v21.0 (REQUIRED validator)',
		);
		expect(() => checkRequiredOnCreate('DOCV', 'DocumentVersion', 'v22.0', {})).not.toThrow();
	});

	test('the version-note reader understands both ways Adobe writes a validator change', () => {
		const note = [
			'### DocumentVersion (DOCV)',
			'<ul><li><b>version</b><p>Removed the validator "REQUIRED".</li></ul>',
			'### ExchangeRate (EXRATE)',
			'<li>The following fields have added the validator <code>REQUIRED</code>:',
			'<ul><li><p><b>currency</b></li><li><p><b>rate</b></li></ul>',
		].join('\n');
		expect(requiredChanges(note)).toEqual([
			{ objCode: 'DOCV', field: 'version', change: 'removed' },
			{ objCode: 'EXRATE', field: 'currency', change: 'added' },
			{ objCode: 'EXRATE', field: 'rate', change: 'added' },
		]);
	});
});

describe('against the simulator, through n8n-core', () => {
	let fixture: WorkfrontFixture;
	beforeEach(async () => {
		fixture = await WorkfrontFixture.start();
		fixture.simulator.seed({ projects: 2, tasksPerProject: 1, issuesPerProject: 1 });
	});
	afterEach(async () => fixture.close());

	const editor = (parameters: INodeParameters) =>
		editorContext(fixture.helper, {
			resource: 'record',
			operation: 'executeAction',
			...parameters,
		});

	test('the action list is what Workfront declares, built-in ones by their friendly names', async () => {
		const options = await workfrontMethods.loadOptions.getActions.call(
			editor({ objectType: 'OPTASK' }),
		);
		const values = options.map(({ value }) => value);
		expect(options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'Convert Issue to Task', value: 'convertToTask' }),
				expect.objectContaining({ name: 'Copy Issue', value: 'copyIssue' }),
			]),
		);
		expect(values).toEqual(expect.arrayContaining(['copy', '__custom', 'bulkMoveWithOptions']));
		expect(values).not.toContain('attachTemplate');
		expect(values.length).toBe(Object.keys(adobeFacts.objects.OPTASK.actions).length + 2);

		const project = await workfrontMethods.loadOptions.getActions.call(
			editor({ objectType: 'PROJ' }),
		);
		expect(project.map(({ value }) => value)).not.toContain('saveAsTemplate');
	});

	test('the built-in list when metadata cannot be read', async () => {
		fixture.simulator.failNext(6, 500, {
			body: { error: { message: 'metadata is down' } },
			path: /\/metadata$/,
		});
		const options = await workfrontMethods.loadOptions.getActions.call(
			editor({ objectType: 'TASK' }),
		);
		expect(options.map(({ value }) => value)).toEqual(
			expect.arrayContaining(['copy', 'move', 'markDone', 'assign', 'share', '__custom']),
		);
	});

	test('arguments as typed fields: objects, lists and yes/no', async () => {
		// On a task, convertToProject takes other arguments than on an issue (no built-in fields).
		const { fields } = await workfrontMethods.resourceMapping.getActionArguments.call(
			editor({ objectType: 'TASK', action: 'convertToProject' }),
		);
		expect(fields.map(({ id, type }) => [id, type])).toEqual([
			['project', 'object'],
			['exchangeRate', 'object'],
			['copyCategories', 'boolean'],
		]);
		// A built-in action: only the declared arguments its fields do not ask for.
		const move = await workfrontMethods.resourceMapping.getActionArguments.call(
			editor({ objectType: 'TASK', action: 'move' }),
		);
		expect(move.fields.map(({ id, type }) => [id, type])).toEqual([
			['parentID', 'string'],
			['options', 'array'],
		]);
		const none = await workfrontMethods.resourceMapping.getActionArguments.call(
			editor({ objectType: 'PROJ', action: 'calculateTimeline' }),
		);
		expect(none).toEqual({ fields: [], emptyFieldsNotice: 'calculateTimeline takes no arguments' });
	});

	test('a declared action from the list runs with its mapped arguments, a list sent as a list', async () => {
		const store = fixture.simulator.state.store;
		const task = store.all('TASK')[0];
		const users = store.all('USER').slice(0, 2);
		const result = await fixture.run(
			record('executeAction', {
				objectType: 'TASK',
				id: task.ID,
				action: 'assignMultiple',
				actionArguments: {
					mappingMode: 'defineBelow',
					value: { userIDs: users.map(({ ID }) => ID) },
					schema: [
						{
							id: 'userIDs',
							displayName: 'userIDs (string[])',
							type: 'array',
							required: false,
							defaultMatch: false,
							display: true,
						},
					],
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(new URLSearchParams(fixture.simulator.log.at(-1)?.query ?? '').get('userIDs')).toBe(
			JSON.stringify(users.map(({ ID }) => ID)),
		);
		expect(
			store
				.all('ASSGN')
				.filter((assignment) => assignment.taskID === task.ID)
				.map(({ assignedToID }) => assignedToID),
		).toEqual(expect.arrayContaining(users.map(({ ID }) => ID)));
	});

	test('a user search by user name goes in the JSON filters parameter', async () => {
		const store = fixture.simulator.state.store;
		const user = store.all('USER').find(({ ID }) => ID !== USER_ID)!;
		const result = await fixture.run(
			record('getMany', {
				objectType: 'USER',
				returnAll: true,
				filters: { filter: [{ field: 'username', operator: 'equals', value: user.username }] },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.json.map(({ ID }) => ID)).toEqual([user.ID]);
		const sent = new URLSearchParams(fixture.simulator.log.at(-1)?.query ?? '');
		expect(sent.has('username')).toBe(false);
		expect(JSON.parse(sent.get('filters') ?? '{}')).toEqual({
			username: user.username,
			username_Mod: 'eq',
		});
	});
});

test('login-like names and their modifiers move to filters; repeated values become a list', () => {
	expect(
		moveLoginNamesToJson([
			['name', 'x'],
			['OR:1:apiKey', 'a'],
			['userName', 'b'],
			['userName', 'c'],
			['userName_Mod', 'in'],
		]),
	).toEqual([
		['name', 'x'],
		['filters', '{"OR:1:apiKey":"a","userName":["b","c"],"userName_Mod":"in"}'],
	]);
});
