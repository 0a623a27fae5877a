import { DateTime } from 'luxon';

import { PollTriggerHarness } from '../../harness/triggerHarness';
import { record, WorkfrontFixture } from '../../support/workfrontNode';
import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { WorkfrontPollTrigger } from '../../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const WORKFRONT_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d:\d{3}[+-]\d{4}$/;
const ISO_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;

describe('node versions', () => {
	test('new nodes get version 2 (the last of the list), saved ones keep 1', () => {
		// The editor gives a new node the last element of `version` (resolveNodeVersion); a saved
		// node opens with its own typeVersion, which must stay in the list.
		for (const node of [new Workfront(), new WorkfrontPollTrigger()]) {
			expect(node.description.version).toEqual([1, 2]);
		}
	});

	test('version 1 outputs Workfront dates as Workfront writes them; version 2 as ISO 8601', async () => {
		const project = fixture.simulator.insert('PROJ', {
			name: 'Dated',
			plannedCompletionDate: '2026-10-09T00:00:00.000Z',
		});
		const parameters = record('get', {
			id: { __rl: true, mode: 'id', value: project.ID },
			options: { fields: ['plannedCompletionDate', 'entryDate'] },
		});
		const [v1] = await fixture.output(parameters, undefined, { typeVersion: 1 });
		const [v2] = await fixture.output(parameters, undefined, { typeVersion: 2 });
		expect(v1.plannedCompletionDate).toBe('2026-10-08T18:00:00:000-0600');
		expect(v1.entryDate).toMatch(WORKFRONT_FORM);
		expect(v2.plannedCompletionDate).toBe('2026-10-08T18:00:00.000-06:00');
		expect(v2.entryDate).toMatch(ISO_FORM);
		// What a Date & Time or IF node, or an expression's toDateTime(), does with it.
		const read = DateTime.fromISO(String(v2.plannedCompletionDate));
		expect(read.isValid).toBe(true);
		expect(read.toMillis()).toBe(Date.parse('2026-10-09T00:00:00.000Z'));
		expect(new Date(String(v2.plannedCompletionDate)).toISOString()).toBe(
			'2026-10-09T00:00:00.000Z',
		);
		// Everything else is the same record.
		const withoutDates = (item: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(item).filter(
					([key]) => !['plannedCompletionDate', 'entryDate'].includes(key),
				),
			);
		expect(withoutDates(v2)).toEqual(withoutDates(v1));
	});

	test("Get Many's pages, nested records and collections come out as ISO in version 2", async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Host' });
		for (let index = 0; index < 3; index += 1)
			fixture.simulator.insert('TASK', {
				name: `Task ${index}`,
				projectID: project.ID,
				plannedCompletionDate: '2026-10-09T00:00:00.000Z',
			});
		const tasks = await fixture.output(
			record('getMany', {
				objectType: 'TASK',
				returnAll: true,
				options: { fields: ['project:entryDate', 'plannedCompletionDate'] },
			}),
			undefined,
			{ typeVersion: 2 },
		);
		expect(tasks).toHaveLength(3);
		for (const task of tasks) {
			expect(task.plannedCompletionDate).toBe('2026-10-08T18:00:00.000-06:00');
			expect((task.project as { entryDate: string }).entryDate).toMatch(ISO_FORM);
		}
	});

	test('a version 1 date, in Workfront form, is accepted on input (a typed date row)', async () => {
		const [created] = await fixture.output(
			record('create', {
				inputMode: 'fields',
				fieldValues: {
					field: [
						{ name: 'name', valueType: 'string', stringValue: 'From v1' },
						{
							name: 'plannedCompletionDate',
							valueType: 'dateTime',
							dateTimeValue: '2026-10-08T18:00:00:000-0600',
						},
					],
				},
			}),
			undefined,
			{ typeVersion: 2 },
		);
		expect(created.plannedCompletionDate).toBe('2026-10-08T18:00:00.000-06:00');
	});

	test('the Poll Trigger: version 1 keeps Workfront dates, version 2 emits ISO 8601', async () => {
		fixture.simulator.insert('PROJ', { name: 'Host' });
		const emitted = async (typeVersion: number) => {
			const trigger = PollTriggerHarness.create(
				fixture.helper,
				{ objectType: 'PROJ', event: 'createdOrUpdated' } as never,
				typeVersion,
			);
			return (await trigger.poll('manual')) ?? [];
		};
		const [v1] = await emitted(1);
		const [v2] = await emitted(2);
		expect(v1.lastUpdateDate).toMatch(WORKFRONT_FORM);
		expect(v2.lastUpdateDate).toMatch(ISO_FORM);
		expect(DateTime.fromISO(String(v2.lastUpdateDate)).toMillis()).toBe(
			DateTime.fromFormat(String(v1.lastUpdateDate), "yyyy-MM-dd'T'HH:mm:ss:SSSZZZ").toMillis(),
		);
	});
});
