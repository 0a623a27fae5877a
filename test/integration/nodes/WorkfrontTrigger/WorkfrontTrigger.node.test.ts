import { generateKeyPairSync } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { signAssertion } from '../../../../credentials/jwt/signAssertion';
import { WebhookTriggerHarness } from '../../../harness/triggerHarness';
import { record, freshFixturePerTest } from '../../../support/workfrontNode';
import { CUSTOMER_ID } from '../../../support/workfrontAccount';

const fixture = freshFixturePerTest();

const events = () => fixture().simulator.state.events;
const store = () => fixture().simulator.state.store;

/** Another Workfront user, so that changes are not "by the credential's own user". */
async function otherUserSession(): Promise<
	(method: string, path: string, body?: unknown) => Promise<IDataObject>
> {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	fixture().simulator.registerApplication({
		clientId: 'other-app',
		clientSecret: 'other-secret-1234',
		customerId: CUSTOMER_ID,
		keys: [
			{ userId: 'user-other', pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
		],
	});
	const jwt = await signAssertion(privateKey, {
		customerId: CUSTOMER_ID,
		userId: 'user-other',
		lifetimeSeconds: 120,
	});
	const exchange = await fetch(
		`${fixture().simulator.origin}/integrations/oauth2/api/v1/jwt/exchange`,
		{
			method: 'POST',
			body: new URLSearchParams({
				client_id: 'other-app',
				client_secret: 'other-secret-1234',
				jwt_token: jwt,
			}),
		},
	);
	const { access_token: token } = (await exchange.json()) as { access_token: string };
	return async (method, path, body) => {
		const response = await fetch(`${fixture().simulator.origin}/attask/api/v21.0/${path}`, {
			method,
			headers: { sessionID: token, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await response.json()) as IDataObject;
	};
}

describe('Workfront Trigger (event subscriptions)', () => {
	let trigger: WebhookTriggerHarness;

	async function startTrigger(parameters: IDataObject = {}) {
		trigger = await WebhookTriggerHarness.start(fixture().helper, {
			objectType: 'PROJ',
			events: ['CREATE', 'UPDATE', 'DELETE'],
			...parameters,
		} as never);
		return trigger;
	}

	afterEach(async () => trigger?.close());

	test('activation subscribes once per event with a random token; deactivation leaves nothing subscribed', async () => {
		await startTrigger({
			filters: {
				filter: [{ fieldName: 'priority', comparison: 'gte', fieldValue: '3', state: 'newState' }],
			},
			filterConnector: 'OR',
		});
		await trigger.activate();
		const subscriptions = [...events().subscriptions.values()];
		expect(subscriptions.map(({ eventType }) => eventType)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
		expect(new Set(subscriptions.map(({ authToken }) => authToken)).size).toBe(1);
		expect(subscriptions[0]).toMatchObject({
			objCode: 'PROJ',
			url: `${trigger.baseUrl}/${trigger.node.webhookId}/webhook`,
			filterConnector: 'OR',
			filters: [{ fieldName: 'priority', comparison: 'gte', fieldValue: '3', state: 'newState' }],
		});
		expect(subscriptions[0].authToken).toMatch(/^[0-9a-f]{64}$/);
		expect(trigger.staticData.subscriptionIds).toEqual(subscriptions.map(({ id }) => id));
		expect(await trigger.checkExists()).toBe(true);

		await trigger.deactivate();
		expect(events().subscriptions.size).toBe(0);
		expect(trigger.staticData.subscriptionIds).toBeUndefined();
	});

	test('checkExists notices a subscription removed in Workfront, and activation recreates it', async () => {
		await startTrigger({ events: ['CREATE'] });
		await trigger.activate();
		events().subscriptions.clear();
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		expect(events().subscriptions.size).toBe(1);
	});

	test('a change by another user starts the workflow with the new and old state and the changed fields', async () => {
		await startTrigger();
		await trigger.activate();
		const other = await otherUserSession();
		const project = store().insert('PROJ', { name: 'Watched', priority: 1 });
		await other('PUT', `proj/${project.ID}`, { priority: 4, status: 'CUR' });
		await events().settle();
		expect(trigger.received).toHaveLength(1);
		const [{ started, status, items }] = trigger.received;
		expect({ started, status }).toEqual({ started: true, status: 200 });
		expect(items[0].json).toMatchObject({
			eventType: 'UPDATE',
			objCode: 'PROJ',
			ID: project.ID,
			newState: expect.objectContaining({
				priority: 4,
				status: 'CUR',
				lastUpdatedByID: 'user-other',
			}),
			oldState: expect.objectContaining({ priority: 1, status: 'PLN' }),
		});
		expect(items[0].json.changedFields).toEqual([
			'lastUpdateDate',
			'lastUpdatedByID',
			'priority',
			'status',
		]);
	});

	test("changes by the credential's own user are ignored by default, so a workflow cannot trigger itself", async () => {
		await startTrigger({ events: ['CREATE'] });
		await trigger.activate();
		await fixture().output(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"By the workflow"}' }),
		);
		await events().settle();
		expect(trigger.received).toEqual([{ status: 200, started: false, items: [] }]);

		await trigger.deactivate();
		await trigger.close();
		await startTrigger({
			events: ['CREATE'],
			options: { ignoreOwnEvents: false, output: 'newState' },
		});
		await trigger.activate();
		await fixture().output(
			record('create', { inputMode: 'json', fieldsJson: '{"name":"Counted"}' }),
		);
		await events().settle();
		expect(trigger.received.map(({ started, items }) => [started, items[0]?.json.name])).toEqual([
			[true, 'Counted'],
		]);
	});

	test('a forged delivery is refused with 401 and starts nothing', async () => {
		await startTrigger({ events: ['CREATE'] });
		await trigger.activate();
		const url = String([...events().subscriptions.values()][0].url);
		for (const authorization of [undefined, 'Bearer not-the-token', 'not-the-token']) {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: JSON.stringify({ eventType: 'CREATE', newState: { ID: 'x' }, oldState: {} }),
			});
			expect(response.status).toBe(401);
		}
		expect(trigger.received.every(({ started }) => !started)).toBe(true);
	});

	test('the bare token, version 1 payloads and base64-encoded states are understood', async () => {
		events().authScheme = 'bare';
		// A Workfront that creates version 1 subscriptions and refuses to change them to version 2.
		events().newSubscriptionVersion = 'v1';
		fixture().simulator.failNext(1, 400, { method: 'PUT', path: /\/version$/ });
		await startTrigger({ events: ['DELETE'], options: { ignoreOwnEvents: false } });
		await trigger.activate();
		expect([...events().subscriptions.values()].map(({ version }) => version)).toEqual(['v1']);
		for (const subscription of events().subscriptions.values()) subscription.base64Encoding = true;
		const project = store().insert('PROJ', { name: 'Doomed' });
		await fixture().output(record('delete', { id: project.ID }));
		await events().settle();
		expect(trigger.received[0]).toMatchObject({ status: 200, started: true });
		expect(events().deliveries.map(({ payload }) => payload.eventVersion)).toEqual(['v1']);
		expect(trigger.received[0].items[0].json).toMatchObject({
			eventType: 'DELETE',
			ID: project.ID,
			oldState: expect.objectContaining({ name: 'Doomed' }),
			newState: {},
		});
	});

	test('filters are applied by Workfront before delivery', async () => {
		await startTrigger({
			events: ['UPDATE'],
			options: { ignoreOwnEvents: false },
			filters: { filter: [{ fieldName: 'status', comparison: 'eq', fieldValue: 'CUR' }] },
		});
		await trigger.activate();
		const project = store().insert('PROJ', { name: 'Filtered', status: 'PLN' });
		await fixture().output(
			record('update', { id: project.ID, inputMode: 'json', fieldsJson: '{"status":"ONH"}' }),
		);
		await fixture().output(
			record('update', { id: project.ID, inputMode: 'json', fieldsJson: '{"status":"CUR"}' }),
		);
		await events().settle();
		expect(
			trigger.received.map(({ items }) => (items[0]?.json.newState as IDataObject).status),
		).toEqual(['CUR']);
	});

	test('a subscription left behind (409) is replaced, without orphans', async () => {
		await startTrigger({ events: ['CREATE', 'UPDATE'] });
		const url = `${trigger.baseUrl}/${trigger.node.webhookId}/webhook`;
		const response = await fetch(
			`${fixture().simulator.origin}/attask/eventsubscription/api/v1/subscriptions`,
			{
				method: 'POST',
				headers: { sessionID: await currentToken(), 'content-type': 'application/json' },
				body: JSON.stringify({
					objCode: 'PROJ',
					eventType: 'UPDATE',
					url,
					authToken: 'left-behind-token',
				}),
			},
		);
		expect(response.status).toBe(201);
		await trigger.activate();
		const subscriptions = [...events().subscriptions.values()];
		expect(subscriptions).toHaveLength(2);
		expect(subscriptions.every(({ authToken }) => authToken === trigger.staticData.authToken)).toBe(
			true,
		);
	});

	test('a subscription left behind is found on a later page of the subscription list', async () => {
		await startTrigger({ events: ['UPDATE'] });
		const post = async (url: string, authToken: string) =>
			await fetch(`${fixture().simulator.origin}/attask/eventsubscription/api/v1/subscriptions`, {
				method: 'POST',
				headers: { sessionID: await currentToken(), 'content-type': 'application/json' },
				body: JSON.stringify({ objCode: 'PROJ', eventType: 'UPDATE', url, authToken }),
			});
		// 1,200 subscriptions of other workflows first: the orphan is on page 2 of 1,000.
		for (let index = 0; index < 1200; index += 1)
			await post(`https://elsewhere.example/hook/${index}`, `other-${index}`);
		await post(`${trigger.baseUrl}/${trigger.node.webhookId}/webhook`, 'left-behind-token');
		await trigger.activate();
		const ours = [...events().subscriptions.values()].filter(({ url }) =>
			String(url).startsWith(trigger.baseUrl),
		);
		expect(ours).toHaveLength(1);
		expect(ours[0].authToken).toBe(trigger.staticData.authToken);
		const lists = fixture().simulator.log.filter(
			({ method, path }) => method === 'GET' && path.endsWith('/subscriptions'),
		);
		expect(lists.map(({ query }) => new URLSearchParams(query).get('page'))).toEqual(['1', '2']);
	});

	test('an activation that fails half way removes what it created', async () => {
		await startTrigger({ events: ['CREATE', 'UPDATE', 'DELETE'] });
		fixture().simulator.failNext(1, 500, {
			skip: 1,
			method: 'POST',
			path: /subscriptions$/,
			body: { message: 'boom' },
		});
		const error = await trigger.activate().then(
			() => undefined,
			(caught: Error & { description?: string }) => caught,
		);
		expect(error?.message).toMatch(/boom/);
		// The subscription's auth token (64 hex digits) was in the failed request; never in its error.
		expect(JSON.stringify({ ...error, message: error?.message, stack: error?.stack })).not.toMatch(
			/[0-9a-f]{64}/,
		);
		expect(events().subscriptions.size).toBe(0);
		expect(trigger.staticData.subscriptionIds).toBeUndefined();
	});

	test.each([
		[
			'a filter without a field',
			{ filters: { filter: [{ fieldName: ' ', comparison: 'eq', fieldValue: 'CUR' }] } },
			/Filter 1: Field Name is empty/,
			/remove the filter/,
		],
		[
			'a record URL without an ID',
			{ recordId: 'https://acme.my.workfront.com/project/overview' },
			/Only This Record ID: the URL .* does not contain a Workfront ID/,
			/Paste the address of the record/,
		],
		['no event', { events: [] }, /Choose at least one event/, /Created, Updated or Deleted/],
	])('%s is refused before anything is subscribed', async (_case, parameters, message, advice) => {
		await startTrigger(parameters);
		const error = await trigger.activate().then(
			() => undefined,
			(caught: Error & { description?: string }) => caught,
		);
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(advice);
		expect(events().subscriptions.size).toBe(0);
	});

	test('a user who is not a System Administrator gets advice', async () => {
		events().userIsAdmin = false;
		await startTrigger({ events: ['CREATE'] });
		const error = await trigger.activate().then(
			() => undefined,
			(caught: Error & { description?: string }) => caught,
		);
		expect(error?.description).toMatch(/System Administrator/);
	});

	describe('huge or deeply nested deliveries are refused quickly and start nothing', () => {
		/** The delivery URL and headers Workfront would use, with or without the right token. */
		async function deliveryTarget(withToken = true) {
			await startTrigger({ events: ['UPDATE'], options: { ignoreOwnEvents: false } });
			await trigger.activate();
			const [subscription] = [...events().subscriptions.values()];
			const headers = {
				'content-type': 'application/json',
				authorization: `Bearer ${withToken ? String(trigger.staticData.authToken) : 'forged'}`,
			};
			return { url: String(subscription.url), headers, subscriptionId: subscription.id };
		}

		/** A delivery that is what Workfront sends, but for a field it never sends so much of. */
		const update = (subscriptionId: string, newState: string) =>
			`{"eventType":"UPDATE","subscriptionId":${JSON.stringify(subscriptionId)},"newState":${newState},"oldState":{}}`;
		const tenMegabytes = (subscriptionId: string) =>
			update(
				subscriptionId,
				JSON.stringify({ ID: 'p1', objCode: 'PROJ', description: 'x'.repeat(10_000_000) }),
			);
		const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

		/** Sends a body, in one piece (with its Content-Length) or in chunks (without one). */
		async function send(
			url: string,
			headers: Record<string, string>,
			body: string,
			chunked = false,
		) {
			const response = await fetch(url, {
				method: 'POST',
				headers,
				...(chunked
					? {
							body: new ReadableStream({
								start(controller) {
									const bytes = Buffer.from(body);
									for (let at = 0; at < bytes.length; at += 1 << 20)
										controller.enqueue(bytes.subarray(at, at + (1 << 20)));
									controller.close();
								},
							}),
							duplex: 'half',
						}
					: { body }),
			} as RequestInit);
			const answer = (await response.json()) as { message?: string };
			return { status: response.status, message: answer.message };
		}

		test.each([
			['with its Content-Length', false],
			['sent in chunks, without a Content-Length', true],
		])('a 10 MB delivery with the token (%s): 413, nothing started', async (_case, chunked) => {
			const { url, headers, subscriptionId } = await deliveryTarget();
			const answer = await send(url, headers, tenMegabytes(subscriptionId), chunked);
			expect(answer).toMatchObject({ status: 413 });
			expect(answer.message).toBe(
				'The delivery is larger than 1,048,576 characters of JSON; a Workfront event (one record, in its new and old state) is far smaller, so it was not read',
			);
			expect(trigger.received).toEqual([{ status: 413, started: false, items: [] }]);
		});

		test('a 10 MB delivery without the token: 401, nothing started', async () => {
			const { url, headers, subscriptionId } = await deliveryTarget(false);
			const answer = await send(url, headers, tenMegabytes(subscriptionId));
			expect(answer.status).toBe(401);
			expect(trigger.received).toEqual([{ status: 401, started: false, items: [] }]);
		});

		test.each([
			[
				'a state 100,000 objects deep',
				(id: string) => update(id, deep(100_000)),
				/^The delivery is nested more than 32 levels deep/,
			],
			[
				'a base64 state 100,000 objects deep',
				(id: string) => update(id, JSON.stringify(Buffer.from(deep(100_000)).toString('base64'))),
				/^newState, decoded from base64, is nested more than 32 levels deep/,
			],
			[
				'a field 100,000 lists deep',
				(id: string) =>
					update(
						id,
						`{"ID":"p1","objCode":"PROJ","tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
					),
				/^The delivery is nested more than 32 levels deep/,
			],
		])(
			'%s: 422 at once, nothing started, and the next real event still starts the workflow',
			async (_case, body, message) => {
				const { url, headers, subscriptionId } = await deliveryTarget();
				const answer = await send(url, headers, body(subscriptionId));
				expect(answer.status).toBe(422);
				expect(answer.message).toMatch(message);

				const project = store().insert('PROJ', { name: 'Real', priority: 1 });
				await fixture().output(
					record('update', { id: project.ID, inputMode: 'json', fieldsJson: '{"priority":2}' }),
				);
				await events().settle();
				expect(trigger.received.map(({ status, started }) => [status, started])).toEqual([
					[422, false],
					[200, true],
				]);
			},
		);
	});

	async function currentToken(): Promise<string> {
		await fixture().output(record('count'));
		return String(fixture().helper.get('wf-cred').accessToken);
	}
});
