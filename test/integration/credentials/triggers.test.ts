import type { IDataObject } from 'n8n-workflow';

import type { CredentialKind } from '../../../credentials/common/kinds';
import { PollTriggerHarness, WebhookTriggerHarness } from '../../harness/triggerHarness';
import { LOGIN_USER_ID } from '../../support/workfrontAccount';
import { WorkfrontFixture } from '../../support/workfrontNode';

/** The two triggers with each credential. */
let fixture: WorkfrontFixture;
afterEach(async () => {
	await fixture.simulator.state.events.settle();
	await fixture.close();
});

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe.each<CredentialKind>(['jwt', 'serverToServer', 'oAuth2'])(
	'the Poll Trigger with the %s credential',
	(kind) => {
		beforeEach(async () => {
			fixture = await WorkfrontFixture.start({}, kind);
		});

		test('polls: nothing at first, then each new record once', async () => {
			const trigger = PollTriggerHarness.create(fixture.helper, {
				authentication: kind,
				objectType: 'PROJ',
				event: 'created',
			});
			expect(await trigger.poll()).toBeNull();
			fixture.simulator.insert('PROJ', {
				name: 'New',
				entryDate: at(1000),
				lastUpdateDate: at(1000),
			});
			expect((await trigger.poll())?.map(({ name }) => name)).toEqual(['New']);
			expect(await trigger.poll()).toBeNull();
		});
	},
);

describe('the Workfront Trigger', () => {
	let trigger: WebhookTriggerHarness | undefined;
	afterEach(async () => trigger?.close());

	const start = async (kind: CredentialKind, parameters: IDataObject = {}) => {
		fixture = await WorkfrontFixture.start({}, kind);
		trigger = await WebhookTriggerHarness.start(fixture.helper, {
			authentication: kind,
			objectType: 'PROJ',
			events: ['CREATE'],
			...parameters,
		} as never);
		return trigger;
	};

	test('with the Server-to-Server credential, activation fails at once and sends nothing', async () => {
		const harness = await start('serverToServer');
		const error = await harness.activate().then(
			() => undefined,
			(caught: unknown) => caught as Error & { description?: string },
		);
		expect(error?.message).toMatch(
			/cannot be managed with the Adobe OAuth Server-to-Server credential/,
		);
		expect(error?.description).toMatch(/Workfront JWT.*Poll Trigger/);
		expect(fixture.simulator.log).toEqual([]);
		expect(fixture.simulator.state.events.subscriptions.size).toBe(0);
	});

	test('with the user-login credential, it subscribes as that user and starts on an event', async () => {
		const harness = await start('oAuth2');
		await harness.activate();
		expect(fixture.simulator.state.events.subscriptions.size).toBe(1);
		expect(harness.staticData.userId).toBe(LOGIN_USER_ID);
		const created = (actor: string) => ({
			eventType: 'CREATE' as const,
			objCode: 'PROJ',
			before: undefined,
			after: {
				ID: `p-${actor}`,
				name: 'Seen',
				objCode: 'PROJ',
				parameterValues: {},
				enteredByID: actor,
				lastUpdatedByID: actor,
			},
		});
		// A change by the signed-in user is its own, ignored by default; someone else's starts it.
		fixture.simulator.state.events.publish(
			[created(LOGIN_USER_ID)],
			'cust0000000000000000000000000001',
		);
		await fixture.simulator.state.events.settle();
		expect(harness.received.map(({ started }) => started)).toEqual([false]);
		fixture.simulator.state.events.publish(
			[
				{
					eventType: 'CREATE',
					objCode: 'PROJ',
					before: undefined,
					after: {
						ID: 'p1',
						name: 'Seen',
						objCode: 'PROJ',
						parameterValues: {},
						enteredByID: 'someone-else',
						lastUpdatedByID: 'someone-else',
					},
				},
			],
			'cust0000000000000000000000000001',
		);
		await fixture.simulator.state.events.settle();
		expect(harness.received.map(({ started }) => started)).toEqual([false, true]);
		await harness.deactivate();
		expect(fixture.simulator.state.events.subscriptions.size).toBe(0);
	});
});
