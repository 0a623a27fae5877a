import type { IDataObject } from 'n8n-workflow';

import { record, WorkfrontFixture } from '../../support/workfrontNode';

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

test('Convert Issue to Task and to Project', async () => {
	const issue = firstOf('OPTASK', projectId);
	const [task] = (
		await act('OPTASK', issue.ID, 'convertToTask', {
			convertToTask_updates: '{"name":"From issue"}',
		})
	).json;
	expect(store().get('TASK', String(task.result))).toMatchObject({
		name: 'From issue',
		projectID: projectId,
	});
	expect(store().get('OPTASK', issue.ID)).toBeUndefined();

	const another = firstOf('OPTASK', otherProjectId);
	const [project] = (await act('OPTASK', another.ID, 'convertToProject')).json;
	expect(store().get('PROJ', String(project.result))).toMatchObject({ name: another.name });
});

test('Attach Template adds its tasks; Save as Template makes one', async () => {
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

	const [saved] = (
		await act('PROJ', projectId, 'saveAsTemplate', { saveAsTemplate_templateName: 'From project' })
	).json;
	expect(store().get('TMPL', String(saved.result))).toMatchObject({ name: 'From project' });
});

test.each(['calculateTimeline', 'calculateFinance'])('%s', async (action) => {
	const [output] = (await act('PROJ', projectId, action)).json;
	expect(output).toMatchObject({ action, success: true });
	expect(store().get('PROJ', projectId)?.lastCalcDate).toEqual(expect.any(String));
});

test('Mark Done completes a task', async () => {
	const task = firstOf('TASK', projectId);
	await act('TASK', task.ID, 'markDone');
	expect(store().get('TASK', task.ID)).toMatchObject({ status: 'CPL', percentComplete: 100 });
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
