import type { IDataObject } from 'n8n-workflow';

import type { PollCursor } from '../../../../nodes/WorkfrontPollTrigger/pollCursor';
import { PollTriggerHarness } from '../../../harness/triggerHarness';
import { freshFixturePerTest } from '../../../support/workfrontNode';

const fixture = freshFixturePerTest();

const store = () => fixture().simulator.state.store;

describe('Workfront Poll Trigger', () => {
	const poller = (parameters: IDataObject = {}) =>
		PollTriggerHarness.create(fixture().helper, {
			objectType: 'TASK',
			event: 'createdOrUpdated',
			...parameters,
		} as never);

	const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

	test('the first poll starts from now; later polls emit each change once', async () => {
		fixture().simulator.insert('PROJ', { name: 'Host' });
		const trigger = poller();
		fixture().simulator.insert('TASK', {
			name: 'Old',
			lastUpdateDate: at(-3_600_000),
			entryDate: at(-3_600_000),
		});
		expect(await trigger.poll()).toBeNull();
		for (let index = 0; index < 5; index += 1)
			fixture().simulator.insert('TASK', {
				name: `New ${index}`,
				entryDate: at(1000),
				lastUpdateDate: at(1000),
			});
		expect((await trigger.poll())?.map(({ name }) => name)).toEqual([
			'New 0',
			'New 1',
			'New 2',
			'New 3',
			'New 4',
		]);
		expect(await trigger.poll()).toBeNull();
		const [first] = store()
			.all('TASK')
			.filter(({ name }) => name === 'New 0');
		store().update(first, { priority: 2, lastUpdateDate: at(2000) });
		expect((await trigger.poll())?.map(({ name }) => name)).toEqual(['New 0']);
	});

	test('Created ignores updates; Updated ignores new records', async () => {
		const created = poller({ event: 'created' });
		const updated = poller({ event: 'updated' });
		await created.poll();
		await updated.poll();
		// One instant for both: two calls of at() can fall a millisecond apart, which is an update.
		const when = at(1000);
		const task = fixture().simulator.insert('TASK', {
			name: 'Fresh',
			entryDate: when,
			lastUpdateDate: when,
		});
		expect((await created.poll())?.map(({ name }) => name)).toEqual(['Fresh']);
		expect(await updated.poll()).toBeNull();
		store().update(task, { lastUpdateDate: at(2000) });
		expect(await created.poll()).toBeNull();
		expect((await updated.poll())?.map(({ name }) => name)).toEqual(['Fresh']);
	});

	test('3,000 records changed in the same millisecond, and late ones with the same time: none missed or doubled', async () => {
		const trigger = poller();
		await trigger.poll();
		const stamp = at(1000);
		for (let index = 0; index < 3000; index += 1)
			fixture().simulator.insert('TASK', {
				name: `Same ${index}`,
				entryDate: stamp,
				lastUpdateDate: stamp,
			});
		const first = (await trigger.poll()) ?? [];
		expect(first).toHaveLength(3000);
		expect(new Set(first.map(({ ID }) => ID)).size).toBe(3000);
		expect(await trigger.poll()).toBeNull();
		for (let index = 0; index < 10; index += 1)
			fixture().simulator.insert('TASK', {
				name: `Late ${index}`,
				entryDate: stamp,
				lastUpdateDate: stamp,
			});
		expect((await trigger.poll())?.map(({ name }) => name)).toEqual(
			Array.from({ length: 10 }, (_, index) => `Late ${index}`),
		);
		expect(await trigger.poll()).toBeNull();
	});

	test('filters and fields to return apply; a manual test returns the latest record', async () => {
		const trigger = poller({
			filters: { filter: [{ field: 'status', operator: 'equals', value: 'INP' }] },
			options: { fields: 'priority' },
		});
		await trigger.poll();
		fixture().simulator.insert('TASK', {
			name: 'Working',
			status: 'INP',
			priority: 3,
			entryDate: at(1000),
			lastUpdateDate: at(1000),
		});
		fixture().simulator.insert('TASK', {
			name: 'Idle',
			status: 'NEW',
			entryDate: at(1000),
			lastUpdateDate: at(1000),
		});
		expect((await trigger.poll())?.map(({ name, priority }) => [name, priority])).toEqual([
			['Working', 3],
		]);
		const sample = await poller().poll('manual');
		expect(sample).toHaveLength(1);
	});

	const DAY = 86_400_000;
	const names = (records: IDataObject[] | null) => (records ?? []).map(({ name }) => name);
	const cursorOf = (trigger: PollTriggerHarness) => trigger.staticData.cursor as PollCursor;

	test('a record dated three days ahead is emitted once, and does not hide later changes dated now', async () => {
		const trigger = poller();
		await trigger.poll();
		fixture().simulator.insert('TASK', {
			name: 'From the future',
			entryDate: at(3 * DAY),
			lastUpdateDate: at(3 * DAY),
		});
		expect(names(await trigger.poll())).toEqual(['From the future']);
		expect(cursorOf(trigger).since).toBeLessThanOrEqual(Date.now());
		expect(await trigger.poll()).toBeNull();

		// Dated by Workfront's clock, now: behind the future record, ahead of the cursor.
		const real = fixture().simulator.insert('TASK', { name: 'Real' });
		expect(names(await trigger.poll())).toEqual(['Real']);
		store().update(real, { priority: 3 });
		expect(names(await trigger.poll())).toEqual(['Real']);
		for (let index = 0; index < 3; index += 1) expect(await trigger.poll()).toBeNull();
		expect(cursorOf(trigger).since).toBeLessThanOrEqual(Date.now());
	});

	test('a future-dated record changed again with a real date is emitted as the new change it is', async () => {
		const trigger = poller();
		await trigger.poll();
		const task = fixture().simulator.insert('TASK', {
			name: 'Imported',
			entryDate: at(-DAY),
			lastUpdateDate: at(2 * DAY),
		});
		expect(names(await trigger.poll())).toEqual(['Imported']);
		store().update(task, { name: 'Imported, then edited' });
		expect(names(await trigger.poll())).toEqual(['Imported, then edited']);
		expect(await trigger.poll()).toBeNull();
		// The future date is forgotten: only the record's current change is remembered.
		expect(cursorOf(trigger).seen.filter((key) => key.startsWith(`${task.ID}|`))).toHaveLength(1);
	});

	test('changes dated exactly at the cursor and in its second are emitted once each', async () => {
		const trigger = poller();
		await trigger.poll();
		fixture().simulator.insert('TASK', { name: 'First' });
		expect(names(await trigger.poll())).toEqual(['First']);
		const since = cursorOf(trigger).since;
		const secondStart = new Date(Math.floor(since / 1000) * 1000).toISOString();
		fixture().simulator.insert('TASK', {
			name: 'At the cursor',
			lastUpdateDate: new Date(since).toISOString(),
		});
		fixture().simulator.insert('TASK', { name: 'Same second', lastUpdateDate: secondStart });
		expect(names(await trigger.poll()).sort()).toEqual(['At the cursor', 'Same second']);
		expect(await trigger.poll()).toBeNull();
	});

	test.each([
		['five minutes ahead of', 5 * 60_000],
		['30 seconds behind', -30_000],
	])(
		"Workfront's clock %s n8n's: every change once, the cursor on n8n's clock",
		async (_case, offset) => {
			fixture().simulator.setClockOffset(offset);
			const trigger = poller();
			await trigger.poll();
			const tasks = ['A', 'B', 'C'].map((name) => fixture().simulator.insert('TASK', { name }));
			expect(names(await trigger.poll())).toEqual(['A', 'B', 'C']);
			expect(await trigger.poll()).toBeNull();
			store().update(tasks[1], { priority: 4 });
			expect(names(await trigger.poll())).toEqual(['B']);
			expect(await trigger.poll()).toBeNull();
			expect(cursorOf(trigger).since).toBeLessThanOrEqual(Date.now());
		},
	);

	test('a cursor that an earlier version left days ahead is brought back: changes made now are found', async () => {
		const trigger = poller();
		await trigger.poll();
		trigger.staticData.cursor = { since: Date.now() + 3 * DAY, seen: [] };
		fixture().simulator.insert('TASK', { name: 'Now' });
		expect(names(await trigger.poll())).toEqual(['Now']);
		expect(cursorOf(trigger).since).toBeLessThanOrEqual(Date.now());
	});
});
