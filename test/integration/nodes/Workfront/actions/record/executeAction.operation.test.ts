import type { IDataObject } from 'n8n-workflow';

import { USER_ID } from '../../../../../support/workfrontAccount';
import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let projectId: string;
let otherProjectId: string;
let userId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	const seeded = fixture.simulator.seed({ projects: 2, tasksPerProject: 2, issuesPerProject: 1 });
	[projectId, otherProjectId] = seeded.projects.map(({ ID }) => ID);
	userId = seeded.users[0].ID;
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const firstOf = (objCode: string, projectID: string) =>
	store()
		.all(objCode)
		.find((record) => record.projectID === projectID)!;

async function act(objectType: string, id: string, action: string, args: IDataObject = {}) {
	return await fixture.run(record('executeAction', { objectType, id, action, ...args }));
}

test('Copy creates a new record with the changes given', async () => {
	const result = await act('PROJ', projectId, 'copy', {
		copy_updates: '{"name":"Copied project"}',
		options: { fields: 'budget' },
	});
	expect(result.error).toBeUndefined();
	const [copy] = result.json;
	expect(copy).toMatchObject({
		name: 'Copied project',
		objCode: 'PROJ',
		budget: store().get('PROJ', projectId)?.budget,
	});
	expect(copy.ID).not.toBe(projectId);
	expect(fixture.simulator.log.at(-1)?.query).toContain(`copySourceID=${projectId}`);
});

test('Move puts a task in another project', async () => {
	const task = firstOf('TASK', projectId);
	const [output] = (await act('TASK', task.ID, 'move', { move_projectID: otherProjectId })).json;
	expect(output).toMatchObject({ action: 'move', ID: task.ID, success: true });
	expect(store().get('TASK', task.ID)?.projectID).toBe(otherProjectId);
});

test('Move without a target project is refused before sending', async () => {
	const task = firstOf('TASK', projectId);
	fixture.simulator.resetCounters();
	const result = await act('TASK', task.ID, 'move', { move_projectID: '={{ "" }}' });
	expect(result.error?.message).toBe('Target Project is empty');
	expect(fixture.apiCalls()).toEqual([]);
});

test('Convert Issue to Task and to Project send the arguments Adobe declares', async () => {
	const issue = firstOf('OPTASK', projectId);
	const [task] = (
		await act('OPTASK', issue.ID, 'convertToTask', {
			convertToTask_task: '{"name":"From issue"}',
			convertToTask_options: 'keepAssignments',
			convertToTask_copyNativeFields: 'true',
		})
	).json;
	expect(store().get('TASK', String(task.result))).toMatchObject({
		name: 'From issue',
		projectID: projectId,
	});
	expect(store().get('OPTASK', issue.ID)).toBeUndefined();
	const sent = new URLSearchParams(fixture.simulator.log.at(-1)?.query ?? '');
	// PUT /optask/convertToTask: task (Task), options (list), copyNativeFields (boolean) - OpenAPI.
	expect(sent.get('task')).toBe('{"name":"From issue"}');
	expect(sent.get('options')).toBe('["keepAssignments"]');
	expect(sent.get('copyNativeFields')).toBe('true');
	expect(sent.has('updates')).toBe(false);

	const another = firstOf('OPTASK', otherProjectId);
	const [project] = (
		await act('OPTASK', another.ID, 'convertToProject', {
			convertToProject_project: '{"name":"New initiative"}',
		})
	).json;
	expect(store().get('PROJ', String(project.result))).toMatchObject({ name: 'New initiative' });
});

test('a task argument that is not a JSON object is refused before sending', async () => {
	const issue = firstOf('OPTASK', projectId);
	fixture.simulator.resetCounters();
	const result = await act('OPTASK', issue.ID, 'convertToTask', {
		convertToTask_task: '["not", "an", "object"]',
	});
	expect(result.error?.message).toBe('Task (JSON) must be a JSON object');
	expect(fixture.apiCalls()).toEqual([]);
});

test('the simulator answers an argument Adobe does not declare with 422', async () => {
	const issue = firstOf('OPTASK', projectId);
	const result = await act('OPTASK', issue.ID, '__custom', {
		customAction: 'convertToTask',
		arguments: { argument: [{ name: 'updates', value: '{"name":"x"}' }] },
	});
	expect(result.error?.message).toMatch(/convertToTask on Issue has no argument updates/);
	expect(result.error?.description).toMatch(/HTTP 422/);
});

test('Attach Template adds its tasks; Save as Template is not an action Adobe declares', async () => {
	const template = store().all('TMPL')[0];
	const before = store()
		.all('TASK')
		.filter((task) => task.projectID === projectId).length;
	await act('PROJ', projectId, 'attachTemplate', { attachTemplate_templateID: template.ID });
	expect(
		store()
			.all('TASK')
			.filter((task) => task.projectID === projectId).length,
	).toBe(before + 5);

	const result = await act('PROJ', projectId, 'saveAsTemplate');
	expect(result.error?.message).toBe(
		'Workfront: Action saveAsTemplate is not supported on Project',
	);
});

test.each(['calculateTimeline', 'calculateFinance'])('%s', async (action) => {
	const [output] = (await act('PROJ', projectId, action)).json;
	expect(output).toMatchObject({ action, success: true });
	expect(store().get('PROJ', projectId)?.lastCalcDate).toEqual(expect.any(String));
});

test("Mark Done marks the API user's assignment done; the task completes when no one else is working", async () => {
	const task = firstOf('TASK', projectId);
	const assign = (assignedToID: string) =>
		store().insert('ASSGN', { taskID: task.ID, assignedToID, status: 'AD' }, USER_ID);
	const mine = assign(USER_ID);
	const colleague = assign(userId);
	await act('TASK', task.ID, 'markDone');
	expect(store().get('ASSGN', mine.ID)?.status).toBe('DN');
	expect(store().get('ASSGN', colleague.ID)?.status).toBe('AD');
	expect(store().get('TASK', task.ID)?.status).not.toBe('CPL');

	for (const other of store()
		.all('ASSGN')
		.filter((assignment) => assignment.taskID === task.ID && assignment.ID !== mine.ID))
		store().update(other, { status: 'DN' }, USER_ID);
	await act('TASK', task.ID, 'markDone');
	expect(store().get('TASK', task.ID)).toMatchObject({ status: 'CPL', percentComplete: 100 });
});

test('Mark Done with a status sends status, the argument Adobe declares', async () => {
	const task = firstOf('TASK', projectId);
	store().insert('ASSGN', { taskID: task.ID, assignedToID: USER_ID, status: 'AD' }, USER_ID);
	await act('TASK', task.ID, 'markDone', { markDone_status: 'INP' });
	expect(new URLSearchParams(fixture.simulator.log.at(-1)?.query ?? '').get('status')).toBe('INP');
	expect(store().get('TASK', task.ID)?.status).toBe('INP');
});

test('Mark Done by a user who is not assigned is refused by the simulator', async () => {
	const result = await act('TASK', firstOf('TASK', projectId).ID, 'markDone');
	expect(result.error?.message).toMatch(/caller is not assigned/);
});

test('Assign creates an assignment', async () => {
	const task = firstOf('TASK', projectId);
	const [output] = (
		await act('TASK', task.ID, 'assign', { assign_objID: userId, assign_objCode: 'USER' })
	).json;
	expect(store().get('ASSGN', String(output.result))).toMatchObject({
		taskID: task.ID,
		assignedToID: userId,
	});
});

test('Share adds an access rule', async () => {
	await act('PROJ', projectId, 'share', {
		share_accessorID: userId,
		share_accessorObjCode: 'USER',
		share_coreAction: 'EDIT',
	});
	expect(store().get('PROJ', projectId)?.accessRules).toEqual([
		expect.objectContaining({ accessorID: userId, coreAction: 'EDIT' }),
	]);
});

test('any other action by name, with additional arguments', async () => {
	const task = firstOf('TASK', projectId);
	const result = await act('TASK', task.ID, '__custom', {
		customAction: 'move',
		arguments: { argument: [{ name: 'projectID', value: otherProjectId }] },
	});
	expect(result.error).toBeUndefined();
	expect(store().get('TASK', task.ID)?.projectID).toBe(otherProjectId);
});

test("an action the object type does not have gives Workfront's message", async () => {
	const result = await act('USER', userId, 'markDone');
	expect(result.error?.message).toBe('Workfront: Action markDone is not supported on User');
	expect(result.error?.description).toMatch(/UnsupportedOperationException \(HTTP 400\)/);
});

test('a custom action name that could reshape the path is refused', async () => {
	const result = await act('TASK', firstOf('TASK', projectId).ID, '__custom', {
		customAction: '../proj',
	});
	expect(result.error?.message).toBe('Action Name "../proj" is not a Workfront action name');
});

test('Copy with broken JSON is refused', async () => {
	const result = await act('PROJ', projectId, 'copy', { copy_updates: '{"name":' });
	expect(result.error?.message).toBe('Changes to the Copy (JSON) is not valid JSON');
});
