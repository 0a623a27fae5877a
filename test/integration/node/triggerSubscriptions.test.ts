/**
 * The Workfront Trigger's subscriptions through n8n-core (the trigger harness) against the
 * simulator: every object type Adobe documents, filter groups as sent and as Workfront applies them.
 */
import type { IDataObject } from 'n8n-workflow';

import { SUBSCRIBABLE_TYPES } from '../../../nodes/WorkfrontTrigger/objectTypes';
import { WebhookTriggerHarness } from '../../harness/triggerHarness';
import { defineCustomForm } from '../../simulator/model/customForms';
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

	test("a Planning record filtered on its data (Adobe's nested filter): only a matching record starts the workflow", async () => {
		await startTrigger({
			objectType: 'RECORD',
			events: ['CREATE'],
			filters: { filter: [filter('data', '{"fld-status": "active"}')] },
		});
		await trigger?.activate();
		const [subscription] = [...events().subscriptions.values()];
		// Sent as Adobe's example sends it: fieldName "data", fieldValue an object.
		expect(subscription.filters).toEqual([
			{
				fieldName: 'data',
				fieldValue: { 'fld-status': 'active' },
				comparison: 'eq',
				state: 'newState',
			},
		]);
		for (const [id, status] of [
			['rec-1', 'planned'],
			['rec-2', 'active'],
		])
			events().publishEvent(CUSTOMER_ID, {
				objCode: 'RECORD',
				eventType: 'CREATE',
				newState: { id, recordTypeId: 'rt-1', data: { 'fld-status': status, 'fld-name': id } },
			});
		await events().settle();
		expect(trigger?.received.map(({ items }) => (items[0].json as IDataObject).ID)).toEqual([
			'rec-2',
		]);
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

describe('event subscriptions version 2', () => {
	/** A project with a custom form holding a multi-select field (Channels) and a dropdown (Tier). */
	function projectWithChannels(name: string) {
		const form = defineCustomForm(store(), {
			name: 'Launch',
			objCode: 'PROJ',
			fields: [
				{ name: 'Channels', displayType: 'MULT', options: ['Web', 'Email', 'Print'] },
				{ name: 'Tier', displayType: 'SLCT', options: ['A', 'B'] },
			],
		});
		return store().insert('PROJ', {
			name,
			categoryID: form.ID,
			objectCategories: [form.ID],
			parameterValues: { 'DE:Channels': ['Web', 'Email'], 'DE:Tier': 'A' },
		});
	}

	const setChannels = async (id: string, channels: string[]) =>
		await fixture().output(
			record('update', {
				id,
				inputMode: 'json',
				fieldsJson: JSON.stringify({ 'DE:Channels': channels }),
			}),
		);

	const versionCalls = () =>
		fixture()
			.simulator.log.filter(({ method, path }) => method === 'PUT' && path.endsWith('/version'))
			.map(({ path }) => path.split('/').at(-2));

	test('a subscription Workfront creates as version 2 is left as it is', async () => {
		await startTrigger({ events: ['CREATE', 'UPDATE'] });
		await trigger?.activate();
		const subscriptions = [...events().subscriptions.values()];
		expect(subscriptions.map(({ version }) => version)).toEqual(['v2', 'v2']);
		expect(trigger?.staticData.subscriptionVersions).toEqual(
			Object.fromEntries(subscriptions.map(({ id }) => [id, 'v2'])),
		);
		expect(versionCalls()).toEqual([]);
	});

	test('one Workfront creates as version 1 is changed to version 2; the duplicates of the next five minutes start the workflow once each', async () => {
		events().newSubscriptionVersion = 'v1';
		const project = projectWithChannels('Launch plan');
		await startTrigger({ events: ['UPDATE'] });
		await trigger?.activate();
		const [subscription] = [...events().subscriptions.values()];
		expect(versionCalls()).toEqual([subscription.id]);
		expect(subscription.version).toBe('v2');
		expect(trigger?.staticData.subscriptionVersions).toEqual({ [subscription.id]: 'v2' });

		// Within five minutes of the change: a version 1 and a version 2 copy; one execution.
		await setChannels(project.ID, ['Print']);
		await events().settle();
		expect(
			events().deliveries.map(({ payload }) => [payload.eventVersion, payload.subscriptionVersion]),
		).toEqual([
			['v1', 'v2'],
			['v2', 'v2'],
		]);
		expect(trigger?.received.map(({ status, started }) => [status, started]).sort()).toEqual([
			[200, false],
			[200, true],
		]);
		const started = trigger?.received.find(({ started: yes }) => yes);
		expect((started?.items[0].json.newState as IDataObject).parameterValues).toMatchObject({
			'DE:Channels': ['Print'],
		});

		// Six minutes later (the simulator's clock): one copy, one execution.
		fixture().simulator.setClockOffset(6 * 60_000);
		await setChannels(project.ID, ['Web']);
		await events().settle();
		expect(
			events()
				.deliveries.slice(2)
				.map(({ payload }) => payload.eventVersion),
		).toEqual(['v2']);
		expect(trigger?.received.slice(2).map(({ started: yes }) => yes)).toEqual([true]);
	});

	test.each([
		['version 1, the change to version 2 refused', 'v1' as const, true],
		['version 2', 'v2' as const, false],
	])(
		'a lone multi-select value arrives as a list in the output from a %s subscription',
		async (_case, created, refuse) => {
			events().newSubscriptionVersion = created;
			if (refuse) fixture().simulator.failNext(1, 400, { method: 'PUT', path: /\/version$/ });
			const project = projectWithChannels('One channel');
			await startTrigger({ events: ['UPDATE'] });
			await trigger?.activate();
			expect(trigger?.staticData.multiSelectFields).toEqual(['Channels']);
			await setChannels(project.ID, ['Email']);
			await events().settle();
			const [delivery] = events().deliveries;
			// What Workfront sent: text from version 1, a list from version 2.
			expect(
				(delivery.payload.newState as { parameterValues: IDataObject }).parameterValues[
					'DE:Channels'
				],
			).toEqual(created === 'v1' ? 'Email' : ['Email']);
			expect(trigger?.received.map(({ started }) => started)).toEqual([true]);
			const item = trigger?.received[0].items[0].json as IDataObject;
			expect((item.newState as IDataObject).parameterValues).toEqual({
				'DE:Channels': ['Email'],
				'DE:Tier': 'A',
			});
			expect(item.changedFields).toEqual(expect.arrayContaining(['DE:Channels']));
		},
	);
});
