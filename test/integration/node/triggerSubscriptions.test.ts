/**
 * The Workfront Trigger's subscriptions through n8n-core (the trigger harness) against the
 * simulator: every object type Adobe documents, filter groups as sent and as Workfront applies them.
 */
import type { IDataObject } from 'n8n-workflow';

import { SUBSCRIBABLE_TYPES } from '../../../nodes/WorkfrontTrigger/objectTypes';
import { WebhookTriggerHarness } from '../../harness/triggerHarness';
import { fc, holdsForAsync } from '../../support/properties';
import { CUSTOMER_ID } from '../../support/workfrontAccount';
import { freshFixturePerTest, record } from '../../support/workfrontNode';

const fixture = freshFixturePerTest();

const events = () => fixture().simulator.state.events;
const store = () => fixture().simulator.state.store;

let trigger: WebhookTriggerHarness | undefined;

async function startTrigger(parameters: IDataObject) {
	trigger = await WebhookTriggerHarness.start(fixture().helper, {
		objectType: 'PROJ',
		events: ['UPDATE'],
		options: { ignoreOwnEvents: false },
		...parameters,
	} as never);
	return trigger;
}

afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

async function activationError(): Promise<(Error & { description?: string }) | undefined> {
	return await trigger?.activate().then(
		() => undefined,
		(caught: Error & { description?: string }) => caught,
	);
}

const filter = (fieldName: string, fieldValue: string, comparison = 'eq') => ({
	fieldName,
	fieldValue,
	comparison,
	state: 'newState',
});

describe('object types', () => {
	test.each(SUBSCRIBABLE_TYPES.map(({ name, objCode }) => [name, objCode]))(
		'%s (%s): subscribed with its code as Adobe prints it, and unsubscribed',
		async (_name, objCode) => {
			await startTrigger({ objectType: objCode, events: ['CREATE', 'DELETE'] });
			await trigger?.activate();
			expect(
				[...events().subscriptions.values()].map(({ objCode: code, eventType }) => [
					code,
					eventType,
				]),
			).toEqual([
				[objCode, 'CREATE'],
				[objCode, 'DELETE'],
			]);
			await trigger?.deactivate();
			expect(events().subscriptions.size).toBe(0);
		},
	);

	test('a Workfront Planning record created: the workflow starts with its state, its ID read from `id`', async () => {
		await startTrigger({ objectType: 'RECORD', events: ['CREATE'] });
		await trigger?.activate();
		events().publishEvent(CUSTOMER_ID, {
			objCode: 'RECORD',
			eventType: 'CREATE',
			newState: {
				id: 'rec-1',
				recordTypeId: 'rt-1',
				data: { 'fld-name': 'Spring launch' },
				createdBy: 'user-planner',
			},
		});
		await events().settle();
		expect(trigger?.received.map(({ status, started }) => [status, started])).toEqual([
			[200, true],
		]);
		const item = trigger?.received[0].items[0].json as IDataObject;
		expect(item).toMatchObject({ eventType: 'CREATE', objCode: 'RECORD', ID: 'rec-1' });
		// Every field Adobe lists for RECORD is in the state, null where Workfront had nothing.
		expect(Object.keys(item.newState as IDataObject).sort()).toEqual(
			[
				'createdAt',
				'createdBy',
				'customerId',
				'data',
				'id',
				'objCode',
				'recordExternalOptions',
				'recordTypeId',
				'updatedAt',
				'updatedBy',
			].sort(),
		);
	});

	test('a lower-case objCode (approval) is matched as Workfront delivers it', async () => {
		await startTrigger({ objectType: 'approval', events: ['UPDATE'] });
		await trigger?.activate();
		events().publishEvent(CUSTOMER_ID, {
			objCode: 'approval',
			eventType: 'UPDATE',
			oldState: { ID: 'apr-1', status: 'PENDING' },
			newState: { ID: 'apr-1', status: 'APPROVED' },
		});
		await events().settle();
		const item = trigger?.received[0]?.items[0]?.json as IDataObject;
		expect(item).toMatchObject({ objCode: 'approval', ID: 'apr-1', changedFields: ['status'] });
	});
});

describe('filter groups', () => {
	/** Adobe's example ("Using filter groups"): percentComplete < 100 and (status CUR or priority 1). */
	const adobeExample = {
		filters: { filter: [filter('percentComplete', '100', 'lt')] },
		filterGroups: {
			group: [
				{
					connector: 'OR',
					filters: { filter: [filter('status', 'CUR'), filter('priority', '1')] },
				},
			],
		},
		filterConnector: 'AND',
	};

	test('Adobe’s example is sent as configured, and Workfront delivers only the changes it passes', async () => {
		await startTrigger(adobeExample);
		await trigger?.activate();
		const [subscription] = [...events().subscriptions.values()];
		expect(subscription.filters).toEqual([
			filter('percentComplete', '100', 'lt'),
			{
				type: 'group',
				connector: 'OR',
				filters: [filter('status', 'CUR'), filter('priority', '1')],
			},
		]);
		expect(subscription.filterConnector).toBe('AND');
		expect(subscription.beyondAdobeLimits).toEqual([]);

		const cases: Array<[string, IDataObject]> = [
			['current, half done', { status: 'CUR', priority: 3, percentComplete: 50 }],
			['urgent, half done', { status: 'PLN', priority: 1, percentComplete: 50 }],
			['planned, not urgent', { status: 'PLN', priority: 3, percentComplete: 50 }],
			['current, finished', { status: 'CUR', priority: 1, percentComplete: 100 }],
		];
		for (const [name, values] of cases) {
			const project = store().insert('PROJ', { name, status: 'PLN', priority: 4 });
			await fixture().output(
				record('update', {
					id: project.ID,
					inputMode: 'json',
					fieldsJson: JSON.stringify(values),
				}),
			);
		}
		await events().settle();
		expect(
			trigger?.received.map(({ items }) => (items[0]?.json.newState as IDataObject).name),
		).toEqual(['current, half done', 'urgent, half done']);
	});

	test('Match "Any Filter or Group" sends OR and delivers what either passes', async () => {
		await startTrigger({ ...adobeExample, filterConnector: 'OR' });
		await trigger?.activate();
		expect([...events().subscriptions.values()][0].filterConnector).toBe('OR');
		const project = store().insert('PROJ', { name: 'Finished', status: 'PLN', priority: 4 });
		await fixture().output(
			record('update', {
				id: project.ID,
				inputMode: 'json',
				fieldsJson: '{"percentComplete":100,"status":"CUR"}',
			}),
		);
		await events().settle();
		expect(trigger?.received).toHaveLength(1);
	});

	const group = (size: number) => ({
		connector: 'AND',
		filters: {
			filter: Array.from({ length: size }, (_, index) => filter(`field${index}`, 'x')),
		},
	});

	test.each([
		[
			'11 groups',
			{ group: Array.from({ length: 11 }, () => group(2)) },
			'Filter Groups: 11 groups, but Workfront allows at most 10 in one subscription',
			/split the conditions across two Workfront Trigger nodes/,
		],
		[
			'a group of one filter',
			{ group: [group(1)] },
			'Filter Group 1: 1 filter, but a group needs at least 2',
			/Add another filter to the group/,
		],
		[
			'a group of six filters',
			{ group: [group(2), group(6)] },
			'Filter Group 2: 6 filters, but Workfront allows at most 5 in a group',
			/Move 1 filter to another group/,
		],
	])(
		'%s: refused on activation, before anything is subscribed',
		async (_case, filterGroups, message, fix) => {
			await startTrigger({ events: ['CREATE', 'UPDATE'], filterGroups });
			const error = await activationError();
			expect(error?.message).toBe(message);
			expect(error?.description).toMatch(fix);
			expect(events().subscriptions.size).toBe(0);
			expect(
				fixture().simulator.log.filter(({ path }) => path.includes('eventsubscription')),
			).toEqual([]);
		},
	);

	test('generated filter groups within Adobe’s limits reach Workfront exactly as configured', async () => {
		const row = fc.record({
			fieldName: fc.constantFrom('status', 'priority', 'name', 'DE:Region'),
			fieldValue: fc.constantFrom('CUR', '1', 'a b', '["Web","Email"]', ''),
			comparison: fc.constantFrom('eq', 'ne', 'lt', 'contains', 'containsOnly', 'changed'),
			state: fc.constantFrom('newState', 'oldState'),
		});
		const groupRow = fc.record({
			connector: fc.constantFrom('AND', 'OR'),
			filters: fc.record({ filter: fc.array(row, { minLength: 2, maxLength: 5 }) }),
		});
		const configuration = fc.record({
			rows: fc.array(row, { maxLength: 3 }),
			groups: fc.array(groupRow, { maxLength: 10 }),
			connector: fc.constantFrom('AND', 'OR'),
		});
		const sent = (configured: IDataObject) => ({
			...configured,
			fieldValue:
				configured.fieldValue === '["Web","Email"]' ? ['Web', 'Email'] : configured.fieldValue,
		});
		await holdsForAsync(
			'filter groups through activation: sent as configured',
			configuration,
			async ({ rows, groups, connector }) => {
				await startTrigger({
					filters: { filter: rows },
					filterGroups: { group: groups },
					filterConnector: connector,
				});
				try {
					await trigger?.activate();
					const [subscription] = [...events().subscriptions.values()];
					expect(subscription.filters).toEqual([
						...rows.map(sent),
						...groups.map(({ connector: inGroup, filters }) => ({
							type: 'group',
							connector: inGroup,
							filters: filters.filter.map(sent),
						})),
					]);
					expect(subscription.filterConnector).toBe(connector);
					expect(subscription.beyondAdobeLimits).toEqual([]);
					await trigger?.deactivate();
					expect(events().subscriptions.size).toBe(0);
				} finally {
					await trigger?.close();
					trigger = undefined;
				}
			},
			{ runs: 40 },
		);
	});
});
