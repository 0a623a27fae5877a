/**
 * The Workfront Poll Trigger's Field Changed event through n8n-core's PollContext (the trigger
 * harness) against the simulator, over several polls. The Fields to Watch picker is in
 * methods.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { WatchState } from '../../../../nodes/WorkfrontPollTrigger/watchFields';
import { PollTriggerHarness } from '../../../harness/triggerHarness';
import { defineCustomForm } from '../../../simulator/model/customForms';
import { freshFixturePerTest } from '../../../support/workfrontNode';

const fixture = freshFixturePerTest();
const store = () => fixture().simulator.state.store;

const watcher = (parameters: IDataObject = {}) =>
	PollTriggerHarness.create(fixture().helper, {
		objectType: 'TASK',
		event: 'fieldChanged',
		watchFields: ['status', 'priority'],
		...parameters,
	} as never);

const changes = (records: IDataObject[] | null) =>
	(records ?? []).map(({ name, changes: changed }) => [name, changed]);

async function pollError(trigger: PollTriggerHarness) {
	return await trigger.poll().then(
		() => undefined,
		(caught: Error & { description?: string }) => caught,
	);
}

describe('Workfront Poll Trigger: Field Changed', () => {
	test('over seven polls: a change, no change, another field, a new record, a record that disappears', async () => {
		const insert = (name: string) =>
			fixture().simulator.insert('TASK', { name, status: 'NEW', priority: 2 });
		const [first, second, doomed] = ['First', 'Second', 'Doomed'].map(insert);
		const trigger = watcher({ options: { fields: 'name' } });

		// 1. The baseline: nothing emitted, the current values remembered.
		expect(await trigger.poll()).toBeNull();
		const state = trigger.staticData.watch as WatchState;
		expect(state.fields).toEqual(['priority', 'status']);
		expect(state.records[first.ID].values).toEqual({ priority: 2, status: 'NEW' });

		// 2. A watched field changed: the record, with the old and the new value.
		store().update(first, { status: 'INP' });
		const emitted = await trigger.poll();
		expect(changes(emitted)).toEqual([['First', { status: { old: 'NEW', new: 'INP' } }]]);
		expect(emitted?.[0]).toMatchObject({ ID: first.ID, name: 'First', status: 'INP', priority: 2 });

		// 3. Nothing changed since: nothing.
		expect(await trigger.poll()).toBeNull();

		// 4. A field that is not watched changed: nothing.
		store().update(second, { name: 'Second, renamed' });
		expect(await trigger.poll()).toBeNull();

		// 5. A new record: nothing yet; its first change after that is emitted.
		const fresh = insert('Fresh');
		expect(await trigger.poll()).toBeNull();
		store().update(fresh, { priority: 4 });
		expect(changes(await trigger.poll())).toEqual([['Fresh', { priority: { old: 2, new: 4 } }]]);

		// 6. A record that disappears: nothing.
		store().remove('TASK', doomed.ID);
		expect(await trigger.poll()).toBeNull();

		// 7. Two records, two fields: one item each.
		store().update(first, { status: 'CPL', priority: 1 });
		store().update(second, { priority: 3 });
		expect(changes(await trigger.poll())).toEqual([
			['First', { priority: { old: 2, new: 1 }, status: { old: 'INP', new: 'CPL' } }],
			['Second, renamed', { priority: { old: 2, new: 3 } }],
		]);
	});

	test('what it remembers survives a restart: a new n8n process reads it from the saved static data', async () => {
		const task = fixture().simulator.insert('TASK', { name: 'Kept', status: 'NEW' });
		const before = watcher();
		expect(await before.poll()).toBeNull();
		store().update(task, { status: 'INP' });

		// n8n saves static data with the workflow (JSON) and a later process reads it back.
		const after = watcher();
		Object.assign(after.staticData, JSON.parse(JSON.stringify(before.staticData)) as IDataObject);
		expect(changes(await after.poll())).toEqual([['Kept', { status: { old: 'NEW', new: 'INP' } }]]);
	});

	test('a custom field by label, as Fields to Return takes it: its DE: name, its values compared', async () => {
		const form = defineCustomForm(store(), {
			name: 'Delivery',
			objCode: 'TASK',
			fields: [
				{
					name: 'Stage',
					label: 'Delivery Stage',
					displayType: 'SLCT',
					options: ['Draft', 'Final'],
				},
			],
		});
		const task = fixture().simulator.insert('TASK', {
			name: 'Custom',
			categoryID: form.ID,
			objectCategories: [form.ID],
			parameterValues: { 'DE:Stage': 'Draft' },
		});
		const trigger = watcher({ watchFields: ['Delivery Stage'] });
		expect(await trigger.poll()).toBeNull();
		expect((trigger.staticData.watch as WatchState).fields).toEqual(['DE:Stage']);
		store().update(task, { parameterValues: { 'DE:Stage': 'Final' } });
		expect(changes(await trigger.poll())).toEqual([
			['Custom', { 'DE:Stage': { old: 'Draft', new: 'Final' } }],
		]);
	});

	test('other watched fields start a new baseline: nothing emitted for the switch', async () => {
		const task = fixture().simulator.insert('TASK', { name: 'Switch', status: 'NEW', priority: 1 });
		const trigger = watcher({ watchFields: ['status'] });
		await trigger.poll();
		store().update(task, { priority: 3 });
		trigger.node.parameters.watchFields = ['priority'];
		expect(await trigger.poll()).toBeNull();
		store().update(task, { priority: 4 });
		expect(changes(await trigger.poll())).toEqual([['Switch', { priority: { old: 3, new: 4 } }]]);
	});

	test('Fetch Test Event returns the latest record, its watched fields under changes with old null', async () => {
		fixture().simulator.insert('TASK', { name: 'Older', status: 'NEW' });
		const latest = fixture().simulator.insert('TASK', {
			name: 'Latest',
			status: 'INP',
			priority: 3,
		});
		const trigger = watcher();
		const sample = await trigger.poll('manual');
		expect(sample).toHaveLength(1);
		expect(sample?.[0]).toMatchObject({
			ID: latest.ID,
			changes: { priority: { old: null, new: 3 }, status: { old: null, new: 'INP' } },
		});
		// A test run does not start watching.
		expect(trigger.staticData.watch).toBeUndefined();
	});

	test.each([
		[
			'no field',
			[],
			'Fields to Watch: choose at least one field',
			/Pick the fields whose changes should start the workflow/,
		],
		[
			'a field of a referenced record',
			['status', 'project:name'],
			'Fields to Watch: project:name is a field of another record',
			/Watch a field of the record itself/,
		],
	])('%s: a clear error, nothing read', async (_case, watchFields, message, fix) => {
		const trigger = watcher({ watchFields });
		const error = await pollError(trigger);
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(fix);
		expect(fixture().simulator.log.filter(({ path }) => path.includes('/task/search'))).toEqual([]);
	});
});
