import { NodeOperationError } from 'n8n-workflow';

import {
	asVersion2,
	createSubscription,
	deleteAll,
	deleteSubscription,
	SUBSCRIPTIONS_PATH,
	subscriptionExists,
	withLeftovers,
	type SubscriptionRequest,
} from '../../../../nodes/WorkfrontTrigger/subscriptions';
import { WebhookTriggerHarness } from '../../../harness/triggerHarness';
import { freshFixturePerTest } from '../../../support/workfrontNode';

/**
 * One subscription's life, called directly with n8n-core's HookContext against the simulator's
 * Event Subscription API. Activation and deactivation as a user meets them are in
 * WorkfrontTrigger.node.test.ts, and the filters and versions Workfront delivers by in
 * test/integration/node/triggerSubscriptions.test.ts; here, each call's request and answer.
 */
const fixture = freshFixturePerTest();

let harness: WebhookTriggerHarness;
beforeEach(async () => {
	harness = await WebhookTriggerHarness.start(fixture().helper, {
		objectType: 'PROJ',
		events: ['CREATE'],
	} as never);
});
afterEach(async () => harness.close());

const context = () => harness.hookContext();
const events = () => fixture().simulator.state.events;
const request = (changes: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
	objCode: 'PROJ',
	eventType: 'CREATE',
	url: 'https://n8n.example/webhook/abc',
	authToken: 'token-0123456789',
	filters: [],
	filterConnector: 'AND',
	...changes,
});

describe('createSubscription', () => {
	test('its ID and version as Workfront answered; no objId sent when none is given', async () => {
		const created = await createSubscription(context(), request());
		expect(created).toEqual({ id: expect.any(String) as string, version: 'v2' });
		const stored = events().subscriptions.get(created.id);
		expect(stored).toMatchObject({
			objCode: 'PROJ',
			eventType: 'CREATE',
			authToken: 'token-0123456789',
		});
		expect(stored?.objId).toBeUndefined();
	});

	test('an ID only in the Location header (Workfront before 2025) is read from there', async () => {
		fixture().simulator.injectFault({
			times: 1,
			method: 'POST',
			path: /subscriptions$/,
			status: 201,
			raw: '',
			headers: { location: `${SUBSCRIPTIONS_PATH}/from-location` },
		});
		expect(await createSubscription(context(), request())).toEqual({ id: 'from-location' });
	});

	test('no ID at all: said, with what to clean up', async () => {
		fixture().simulator.injectFault({
			times: 1,
			method: 'POST',
			path: /subscriptions$/,
			status: 201,
			body: {},
		});
		const error = await createSubscription(context(), request()).catch((thrown: unknown) => thrown);
		expect((error as Error).message).toBe(
			'Workfront created the event subscription but did not say its ID',
		);
	});

	test('one left behind (409) is found, deleted and replaced', async () => {
		const old = await createSubscription(context(), request());
		const replaced = await createSubscription(
			context(),
			request({ authToken: 'token-new-0000000' }),
		);
		expect(replaced.id).not.toBe(old.id);
		expect(events().subscriptions.has(old.id)).toBe(false);
		expect(events().subscriptions.get(replaced.id)?.authToken).toBe('token-new-0000000');
	});

	test('refused for lack of rights: the System Administrator advice', async () => {
		events().userIsAdmin = false;
		const error = await createSubscription(context(), request()).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).description).toMatch(
			/^Event subscriptions need a Workfront System Administrator/,
		);
	});
});

describe('asVersion2', () => {
	test('a version 2 subscription, or one of unknown version, is left as it is: nothing sent', async () => {
		const before = fixture().simulator.log.length;
		expect(await asVersion2(context(), 'x', 'v2')).toBe('v2');
		expect(await asVersion2(context(), 'x', undefined)).toBeUndefined();
		expect(fixture().simulator.log.length).toBe(before);
	});

	test('a version 1 subscription is changed to version 2', async () => {
		events().newSubscriptionVersion = 'v1';
		const { id, version } = await createSubscription(context(), request());
		expect(version).toBe('v1');
		expect(await asVersion2(context(), id, version)).toBe('v2');
		expect(events().subscriptions.get(id)?.version).toBe('v2');
	});

	test('a change refused leaves it version 1, without failing', async () => {
		expect(await asVersion2(context(), 'unknown-id', 'v1')).toBe('v1');
	});
});

describe('deleting and checking', () => {
	test('delete removes it; one already gone counts as deleted', async () => {
		const { id } = await createSubscription(context(), request());
		expect(await subscriptionExists(context(), id)).toBe(true);
		await deleteSubscription(context(), id);
		expect(await subscriptionExists(context(), id)).toBe(false);
		await expect(deleteSubscription(context(), id)).resolves.toBeUndefined();
	});

	test('deleteAll tries each one and answers those still there, with why', async () => {
		const { id } = await createSubscription(context(), request());
		fixture().simulator.injectFault({
			times: 1,
			method: 'DELETE',
			path: /subscriptions\/stuck$/,
			status: 500,
			body: { message: 'busy' },
		});
		const left = await deleteAll(context(), ['stuck', id, 'gone-already']);
		expect(left).toHaveLength(1);
		expect(left[0].id).toBe('stuck');
		expect(left[0].reason).toEqual(expect.any(String));
		expect(events().subscriptions.has(id)).toBe(false);
	});

	test('withLeftovers tells which are left and how to remove them; none leaves the error as it was', () => {
		const error = new NodeOperationError(
			{ name: 'Workfront Trigger' } as never,
			'Activation failed',
			{
				description: 'Something was wrong.',
			},
		);
		expect(withLeftovers(error, []).description).toBe('Something was wrong.');
		expect(withLeftovers(error, [{ id: 'a1', reason: 'busy' }]).description).toBe(
			`Something was wrong. These event subscriptions are still in Workfront and could not be deleted: a1 (busy). Delete them with DELETE ${SUBSCRIPTIONS_PATH}/<ID> (for example with the Workfront node's Custom API Call), or deactivate the workflow again later to retry.`,
		);
	});
});
