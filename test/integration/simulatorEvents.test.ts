/**
 * The simulator's Event Subscription API checked against Adobe's text, over HTTP, without the
 * node: "Event Subscription API" (AdobeDocs/workfront.en
 * help/quicksilver/wf-api/general/event-subs-api.md at e889906d; line numbers below are that
 * file's) and "Event subscription versioning" (event-subs-versioning.md at f34f48d9).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { signAssertion } from '../../credentials/jwt/signAssertion';
import type { WorkfrontSimulator } from '../simulator';
import { defineCustomForm } from '../simulator/model/customForms';
import { rsaPair } from '../support/keys';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	CUSTOMER_ID,
	USER_ID,
	startWorkfront,
} from '../support/workfrontAccount';
import adobe from '../conformance/adobe-event-subscriptions.json';

let simulator: WorkfrontSimulator;
let token: string;
let receiver: Server;
let url: string;
const received: Array<Record<string, unknown>> = [];

beforeEach(async () => {
	simulator = (await startWorkfront()).simulator;
	const jwt = await signAssertion(rsaPair().privateKey, {
		customerId: CUSTOMER_ID,
		userId: USER_ID,
		lifetimeSeconds: 120,
	});
	const exchange = await fetch(`${simulator.origin}/integrations/oauth2/api/v1/jwt/exchange`, {
		method: 'POST',
		body: new URLSearchParams({
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
			jwt_token: jwt,
		}),
	});
	token = String(((await exchange.json()) as Record<string, unknown>).access_token);
	received.length = 0;
	receiver = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
			response.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
	url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterEach(async () => {
	await simulator.state.events.settle();
	await simulator.close();
	receiver.closeAllConnections();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const SUBSCRIPTIONS = '/attask/eventsubscription/api/v1/subscriptions';

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${simulator.origin}${SUBSCRIPTIONS}${path}`, {
		method,
		headers: { sessionID: token, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

const subscribe = async (body: Record<string, unknown>) =>
	await call('POST', '', { eventType: 'UPDATE', url, authToken: 'token-0123456789', ...body });

/** Sends one event of `objCode` through every matching subscription; answers what arrived. */
async function publish(
	objCode: string,
	newState: Record<string, unknown>,
	oldState: Record<string, unknown> = {},
	eventType: 'CREATE' | 'UPDATE' | 'DELETE' = 'UPDATE',
) {
	const before = received.length;
	simulator.state.events.publishEvent(CUSTOMER_ID, { objCode, eventType, newState, oldState });
	await simulator.state.events.settle();
	return received.slice(before);
}

describe('object types (lines 122-261)', () => {
	test('every objCode of Adobe’s table is accepted, as printed', async () => {
		for (const { objCode } of adobe.objects)
			expect([objCode, (await subscribe({ objCode })).status]).toEqual([objCode, 201]);
	});

	test('an event of a Planning record carries every field Adobe lists for RECORD, null where unknown', async () => {
		await subscribe({ objCode: 'RECORD', eventType: 'CREATE' });
		const [event] = await publish('RECORD', { id: 'rec-1' }, {}, 'CREATE');
		expect(Object.keys(event.newState as object).sort()).toEqual(
			[...adobe.resources.RECORD.fields].sort(),
		);
		expect(event.oldState).toEqual({});
	});
});

describe('filters, as each comparison is described', () => {
	test.each([
		// [comparison, fieldValue, value in the new state, passes, Adobe's lines]
		['eq', 'again', 'again', true, '646-648'],
		['eq', 'again', 'Again', false, '648: case-sensitive'],
		['ne', 'again', 'Again', true, '666-668'],
		['contains', 'again', 'do it again', true, '767-770'],
		['contains', 'again', 'do it Again', false, '770: case-sensitive'],
		['containsOnly', ['Choice 3', 'Choice 4'], ['Choice 4', 'Choice 3'], true, '790: any order'],
		['containsOnly', ['Choice 3', 'Choice 4'], ['Choice 3'], false, '790: none missing'],
		[
			'containsOnly',
			['Choice 3', 'Choice 4'],
			['Choice 3', 'Choice 4', 'Choice 5'],
			false,
			'790: none extra',
		],
		['containsOnly', 'Choice 3', ['Choice 3'], true, '794: one option, that value'],
		['containsOnly', 'Choice 3', ['Choice 3', 'Choice 4'], false, '794: exactly one option'],
		['notContains', 'Group 2', ['Group 1', 'Group 3'], true, '823: a list without it'],
		['notContains', 'Group 2', ['Group 1', 'Group 2'], false, '823: a list with it'],
		['notContains', 'New', 'Project - Updated', true, '823: text without it'],
		['gt', '2022-12-11T16:00:00.000-0800', '2022-12-12T09:00:00.000-0800', true, '685-700: dates'],
		[
			'lte',
			'2022-12-18T16:00:00.000-0800',
			'2022-12-19T09:00:00.000-0800',
			false,
			'746-761: dates',
		],
		['lt', '100', 50, true, '1006-1008: "100" on percentComplete'],
		['gte', '100', 100, true, '705-720'],
	])(
		'%s %j against %j: passes %s (lines %s)',
		async (comparison, fieldValue, value, passes, lines) => {
			expect(lines).not.toBe('');
			await subscribe({
				objCode: 'TASK',
				filters: [{ fieldName: 'name', fieldValue, comparison }],
			});
			const events = await publish('TASK', { ID: 't1', name: value });
			expect(events).toHaveLength(passes ? 1 : 0);
		},
	);

	test('changed passes when the field differs between the states, whatever fieldValue says (lines 842-864)', async () => {
		await subscribe({
			objCode: 'TASK',
			filters: [{ fieldName: 'name', fieldValue: 'ignored', comparison: 'changed' }],
		});
		expect(await publish('TASK', { ID: 't1', name: 'b' }, { ID: 't1', name: 'a' })).toHaveLength(1);
		expect(
			await publish(
				'TASK',
				{ ID: 't1', name: 'a', status: 'CUR' },
				{ ID: 't1', name: 'a', status: 'NEW' },
			),
		).toHaveLength(0);
	});

	test('state: oldState picks the old state (lines 866-891)', async () => {
		await subscribe({
			objCode: 'TASK',
			filters: [{ fieldName: 'status', fieldValue: 'NEW', comparison: 'eq', state: 'oldState' }],
		});
		expect(
			await publish('TASK', { ID: 't1', status: 'CUR' }, { ID: 't1', status: 'NEW' }),
		).toHaveLength(1);
		expect(
			await publish('TASK', { ID: 't1', status: 'NEW' }, { ID: 't1', status: 'CUR' }),
		).toHaveLength(0);
	});

	test('nested filters match keys inside an object-valued field, once and twice nested (lines 893-939)', async () => {
		await subscribe({
			objCode: 'RECORD',
			filters: [
				{
					fieldName: 'data',
					fieldValue: { customField1: 'myCustomFieldValue' },
					comparison: 'eq',
					state: 'newState',
				},
			],
		});
		expect(
			await publish('RECORD', { id: 'r1', data: { customField1: 'myCustomFieldValue', other: 1 } }),
		).toHaveLength(1);
		expect(
			await publish('RECORD', { id: 'r1', data: { customField1: 'something else' } }),
		).toHaveLength(0);
		await call('DELETE', `/${[...simulator.state.events.subscriptions.keys()][0]}`);
		await subscribe({
			objCode: 'RECORD',
			filters: [
				{
					fieldName: 'data',
					fieldValue: { fields: { children: { name: 'Child' } } },
					comparison: 'eq',
					state: 'newState',
				},
			],
		});
		expect(
			await publish('RECORD', {
				id: 'r1',
				data: { fields: { children: { name: 'Child', customerId: 'c' } } },
			}),
		).toHaveLength(1);
	});

	test('filterConnector: AND by default, OR when asked (lines 952-976)', async () => {
		const filters = [
			{ fieldName: 'name', fieldValue: 'again', comparison: 'contains' },
			{ fieldName: 'name', fieldValue: 'also', comparison: 'contains' },
		];
		await subscribe({ objCode: 'TASK', filters });
		await subscribe({ objCode: 'TASK', filters, filterConnector: 'OR', url: `${url}?or` });
		expect((await publish('TASK', { ID: 't1', name: 'again' })).length).toBe(1);
		expect((await publish('TASK', { ID: 't1', name: 'again and also' })).length).toBe(2);
	});
});

describe('filter groups (lines 978-1060)', () => {
	/** Adobe's example, lines 998-1029. */
	const example = {
		objCode: 'TASK',
		filters: [
			{ fieldName: 'percentComplete', fieldValue: '100', comparison: 'lt' },
			{
				type: 'group',
				connector: 'OR',
				filters: [
					{ fieldName: 'status', fieldValue: 'CUR', comparison: 'eq' },
					{ fieldName: 'priority', fieldValue: '1', comparison: 'eq' },
				],
			},
		],
		filterConnector: 'AND',
	};

	test.each([
		// Lines 1050-1052: percentComplete below 100, and status CUR or priority 1.
		[{ percentComplete: 50, status: 'CUR', priority: 3 }, true],
		[{ percentComplete: 50, status: 'NEW', priority: 1 }, true],
		[{ percentComplete: 50, status: 'NEW', priority: 3 }, false],
		[{ percentComplete: 100, status: 'CUR', priority: 1 }, false],
	])('Adobe’s example with %j: delivered %s', async (state, delivered) => {
		expect((await subscribe(example)).status).toBe(201);
		expect(await publish('TASK', { ID: 't1', ...state })).toHaveLength(delivered ? 1 : 0);
	});

	test('a group with AND passes only when all its filters pass (line 984)', async () => {
		await subscribe({
			objCode: 'TASK',
			filters: [
				{
					type: 'group',
					connector: 'AND',
					filters: [
						{ fieldName: 'status', fieldValue: 'CUR', comparison: 'eq' },
						{ fieldName: 'priority', fieldValue: '1', comparison: 'eq' },
					],
				},
			],
		});
		expect(await publish('TASK', { ID: 't1', status: 'CUR', priority: 1 })).toHaveLength(1);
		expect(await publish('TASK', { ID: 't1', status: 'CUR', priority: 2 })).toHaveLength(0);
	});

	const group = (size: number) => ({
		type: 'group',
		connector: 'OR',
		filters: Array.from({ length: size }, (_, index) => ({
			fieldName: 'name',
			fieldValue: `n${index}`,
			comparison: 'eq',
		})),
	});

	test.each([
		[
			'11 groups',
			Array.from({ length: 11 }, () => group(2)),
			['11 filter groups (Adobe: up to 10)'],
		],
		['a group of one filter', [group(1)], ['group 1 has 1 filters (Adobe: a minimum of 2)']],
		['a group of six filters', [group(2), group(6)], ['group 2 has 6 filters (Adobe: up to 5)']],
		['10 groups of 5 (within the limits)', Array.from({ length: 10 }, () => group(5)), []],
	])(
		'%s: accepted (Adobe documents no error), the breach noted, the filters evaluated as sent',
		async (_case, filters, breaches) => {
			const answer = await subscribe({ objCode: 'TASK', filters });
			expect(answer.status).toBe(201);
			const subscription = simulator.state.events.subscriptions.get(String(answer.body.id));
			expect(subscription?.beyondAdobeLimits).toEqual(breaches);
			expect(await publish('TASK', { ID: 't1', name: 'n0' })).toHaveLength(1);
		},
	);

	test('a group inside a group (Adobe silent): accepted, noted, evaluated one level further down', async () => {
		const answer = await subscribe({
			objCode: 'TASK',
			filters: [
				{
					type: 'group',
					connector: 'AND',
					filters: [{ fieldName: 'status', fieldValue: 'CUR', comparison: 'eq' }, group(2)],
				},
			],
		});
		expect(answer.status).toBe(201);
		expect(
			simulator.state.events.subscriptions.get(String(answer.body.id))?.beyondAdobeLimits,
		).toEqual(['group 1 holds a group (Adobe does not describe nesting)']);
		expect(await publish('TASK', { ID: 't1', status: 'CUR', name: 'n1' })).toHaveLength(1);
		expect(await publish('TASK', { ID: 't1', status: 'CUR', name: 'x' })).toHaveLength(0);
	});
});

describe('versions (lines 523-614; versioning page)', () => {
	test('a new subscription is version 2 (versioning page, line 38); create and get say so (lines 335-338, 429-430)', async () => {
		const created = await subscribe({ objCode: 'PROJ' });
		expect(created.body).toEqual({ id: expect.any(String), version: 'v2' });
		const got = await call('GET', `/${String(created.body.id)}`);
		expect(got.body).toMatchObject({
			id: created.body.id,
			version: 'v2',
			dateVersionUpdated: null,
		});
		expect(got.body).not.toHaveProperty('beyondAdobeLimits');
	});

	test('PUT .../<id>/version changes one subscription: 200 {id, version}; 404 for an unknown ID (lines 535-567)', async () => {
		const { body } = await subscribe({ objCode: 'PROJ' });
		expect(await call('PUT', `/${String(body.id)}/version`, { version: 'v1' })).toEqual({
			status: 200,
			body: { id: body.id, version: 'v1' },
		});
		expect((await call('PUT', '/no-such-id/version', { version: 'v2' })).status).toBe(404);
		const got = await call('GET', `/${String(body.id)}`);
		expect(got.body.version).toBe('v1');
		expect(typeof got.body.dateVersionUpdated).toBe('string');
	});

	test('PUT .../version changes several, answering subscription_ids in snake case (lines 569-614)', async () => {
		const first = (await subscribe({ objCode: 'PROJ' })).body.id;
		const second = (await subscribe({ objCode: 'TASK' })).body.id;
		expect(await call('PUT', '/version', { subscriptionIds: [first], version: 'v1' })).toEqual({
			status: 200,
			body: { subscription_ids: [first], version: 'v1' },
		});
		expect(
			await call('PUT', '/version', { allCustomerSubscriptions: true, version: 'v2' }),
		).toEqual({ status: 200, body: { subscription_ids: [first, second], version: 'v2' } });
	});

	test('for five minutes after a change every event comes twice, version 1 and version 2; then once (lines 531-533)', async () => {
		const { body } = await subscribe({ objCode: 'TASK' });
		const versions = async () =>
			(await publish('TASK', { ID: 't1', name: 'x' })).map(
				({ eventVersion, subscriptionVersion }) => [eventVersion, subscriptionVersion],
			);
		expect(await versions()).toEqual([['v2', 'v2']]);
		await call('PUT', `/${String(body.id)}/version`, { version: 'v1' });
		expect(await versions()).toEqual([
			['v1', 'v1'],
			['v2', 'v1'],
		]);
		simulator.setClockOffset(5 * 60_000 + 1);
		expect(await versions()).toEqual([['v1', 'v1']]);
	});

	test('a lone multi-select value: a list in version 2, text in version 1; several values a list in both (versioning page, lines 69-74)', async () => {
		defineCustomForm(simulator.state.store, {
			name: 'Launch',
			objCode: 'PROJ',
			fields: [{ name: 'Channels', displayType: 'MULT', options: ['Web', 'Email'] }],
		});
		const project = simulator.insert('PROJ', {
			name: 'P',
			parameterValues: { 'DE:Channels': ['Web'] },
		});
		const { body } = await subscribe({ objCode: 'PROJ' });
		const channels = async () => {
			const before = received.length;
			simulator.state.events.publish(
				[{ eventType: 'UPDATE', objCode: 'PROJ', before: project, after: project }],
				CUSTOMER_ID,
			);
			await simulator.state.events.settle();
			return received
				.slice(before)
				.map(
					(event) =>
						(event.newState as { parameterValues: Record<string, unknown> }).parameterValues[
							'DE:Channels'
						],
				);
		};
		expect(await channels()).toEqual([['Web']]);
		simulator.setClockOffset(-10 * 60_000);
		await call('PUT', `/${String(body.id)}/version`, { version: 'v1' });
		simulator.setClockOffset(0);
		expect(await channels()).toEqual(['Web']);
		project.parameterValues['DE:Channels'] = ['Web', 'Email'];
		expect(await channels()).toEqual([['Web', 'Email']]);
	});
});
