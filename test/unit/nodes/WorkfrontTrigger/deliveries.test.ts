import type { IDataObject } from 'n8n-workflow';

import {
	changedFields,
	checkDelivery,
	eventOutput,
	MAX_DELIVERY_CHARS,
	MAX_DELIVERY_DEPTH,
	normaliseMultiSelect,
	type DeliveryAnswer,
	type WorkfrontEvent,
} from '../../../../nodes/WorkfrontTrigger/deliveries';
import { fc, holdsForAsync } from '../../../support/properties';

const TOKEN = 'f'.repeat(64);
const SUBSCRIBED = {
	events: ['CREATE', 'UPDATE', 'DELETE'],
	objCode: 'PROJ',
	subscriptionIds: ['sub-1', 'sub-2'],
	token: TOKEN,
};
const RIGHT = { authorization: `Bearer ${TOKEN}` };

const check = (body: unknown, headers: IDataObject = RIGHT): DeliveryAnswer =>
	checkDelivery({ headers, body }, SUBSCRIBED);

function eventOf(body: unknown): WorkfrontEvent {
	const answer = check(body);
	if (answer.status !== 200) throw new Error(`Refused (${answer.status}): ${answer.message}`);
	if ('skip' in answer) throw new Error(`Skipped: ${answer.skip}`);
	return answer.event;
}

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** `levels` objects (or lists) within each other around a leaf, built without recursion. */
function nested(levels: number, kind: 'object' | 'list' = 'object'): unknown {
	let value: unknown = 1;
	for (let level = 0; level < levels; level += 1) value = kind === 'list' ? [value] : { a: value };
	return value;
}

/** The same as JSON text, for what must be parsed rather than built (a base64 state). */
const nestedText = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('the item a Workfront event starts the workflow with', () => {
	const update = eventOf({
		eventType: 'UPDATE',
		eventTime: { epochSecond: 1_780_000_000, nano: 5_000_000 },
		newState: { ID: 'p1', objCode: 'PROJ', status: 'CUR', parameterValues: { 'DE:Tier': 'B' } },
		oldState: { ID: 'p1', objCode: 'PROJ', status: 'PLN', parameterValues: { 'DE:Tier': 'B' } },
	});
	const deletion = eventOf({
		eventType: 'DELETE',
		newState: {},
		oldState: { ID: 'p2', name: 'Gone' },
	});

	test('changes: both states, the changed fields and the event time', () => {
		expect(eventOutput(update, 'changes', { objCode: 'PROJ' })).toEqual({
			eventType: 'UPDATE',
			objCode: 'PROJ',
			ID: 'p1',
			eventTime: new Date(1_780_000_000_005).toISOString(),
			changedFields: ['status'],
			newState: update.newState,
			oldState: update.oldState,
		});
	});

	test('a deletion names the deleted record and the subscribed object type', () => {
		expect(eventOutput(deletion, 'changes', { objCode: 'PROJ' })).toMatchObject({
			objCode: 'PROJ',
			ID: 'p2',
		});
		expect(eventOutput(deletion, 'newState', { objCode: 'PROJ' })).toEqual({
			ID: 'p2',
			name: 'Gone',
		});
	});

	test('whole event: as delivered', () => {
		expect(eventOutput(update, 'event', { objCode: 'PROJ' })).toBe(update.raw);
	});

	test('base64-encoded states are decoded', () => {
		const event = eventOf({
			eventType: 'UPDATE',
			newState: base64({ ID: 'p1', objCode: 'PROJ', name: 'Née' }),
			oldState: base64({ ID: 'p1', objCode: 'PROJ', name: 'Old' }),
		});
		expect(event.newState).toEqual({ ID: 'p1', objCode: 'PROJ', name: 'Née' });
		expect(changedFields(event)).toEqual(['name']);
	});

	test('custom fields that are not an object are compared as one field, not one per character', () => {
		const event = eventOf({
			eventType: 'UPDATE',
			newState: { ID: 'p1', parameterValues: 'x'.repeat(10_000) },
			oldState: { ID: 'p1', parameterValues: {} },
		});
		expect(changedFields(event)).toEqual([]);
	});

	test.each([
		['an epoch second too large for a date', { epochSecond: 1e300 }],
		['an epoch second as text', { epochSecond: '1780000000' }],
		['text', '2026-05-18T17:00:00Z'],
		['a list', [1, 2]],
	])('an eventTime of another shape (%s) is left out, not refused', (_case, eventTime) => {
		const event = eventOf({ eventType: 'CREATE', eventTime, newState: { ID: 'p1' } });
		expect(event.eventTime).toBeUndefined();
	});

	test('nanoseconds that are not a number leave the time to the second', () => {
		const event = eventOf({
			eventType: 'CREATE',
			eventTime: { epochSecond: 1_780_000_000, nano: 'x' },
			newState: { ID: 'p1' },
		});
		expect(event.eventTime).toBe(new Date(1_780_000_000_000).toISOString());
	});
});

describe('event subscriptions version 2: multi-select values as lists, version 1 duplicates', () => {
	const VERSIONED = {
		...SUBSCRIBED,
		versions: { 'sub-1': 'v2', 'sub-2': 'v1' },
		multiSelectFields: ['Channels'],
	};
	const update = (extra: IDataObject) => ({
		eventType: 'UPDATE',
		newState: {
			ID: 'p1',
			objCode: 'PROJ',
			parameterValues: { 'DE:Channels': 'Web', 'DE:Region': 'EMEA' },
		},
		oldState: {
			ID: 'p1',
			objCode: 'PROJ',
			parameterValues: { 'DE:Channels': ['Web', 'Email'], 'DE:Region': 'EMEA' },
		},
		...extra,
	});
	const answerTo = (body: unknown) => checkDelivery({ headers: RIGHT, body }, VERSIONED);

	test('a version 1 copy for a subscription made version 2 is answered 200 and starts nothing', () => {
		const answer = answerTo(update({ subscriptionId: 'sub-1', eventVersion: 'v1' }));
		expect(answer).toMatchObject({ status: 200, skip: expect.stringMatching(/version 1 copy/) });
	});

	test.each([
		['the version 2 copy', { subscriptionId: 'sub-1', eventVersion: 'v2' }],
		[
			'a version 1 event of a subscription that stayed version 1',
			{ subscriptionId: 'sub-2', eventVersion: 'v1' },
		],
		['a version 1 event without a subscription ID', { eventVersion: 'v1' }],
		['an event without a version', { subscriptionId: 'sub-1' }],
	])('%s starts the workflow', (_case, extra) => {
		const answer = answerTo(update(extra));
		expect(answer.status === 200 && 'event' in answer).toBe(true);
	});

	test('a lone multi-select value sent as text (version 1) is output as a list; lists and other fields as sent', () => {
		const answer = answerTo(update({ subscriptionId: 'sub-2', eventVersion: 'v1' }));
		if (!('event' in answer)) throw new Error('not taken');
		expect(eventOutput(answer.event, 'changes', VERSIONED)).toMatchObject({
			changedFields: ['DE:Channels'],
			newState: { parameterValues: { 'DE:Channels': ['Web'], 'DE:Region': 'EMEA' } },
			oldState: { parameterValues: { 'DE:Channels': ['Web', 'Email'], 'DE:Region': 'EMEA' } },
		});
		// The whole event stays as Workfront delivered it.
		expect(
			(eventOutput(answer.event, 'event', VERSIONED).newState as IDataObject).parameterValues,
		).toEqual({ 'DE:Channels': 'Web', 'DE:Region': 'EMEA' });
	});

	test.each([
		['Web', ['Web']],
		[['Web'], ['Web']],
		[
			['Web', 'Email'],
			['Web', 'Email'],
		],
		['', []],
		[null, null],
		[3, [3]],
	])('a multi-select value %j is output as %j', (value, expected) => {
		const state = { ID: 'p1', parameterValues: { Channels: value, 'DE:Other': 'x' } };
		expect(normaliseMultiSelect(state, ['Channels']).parameterValues).toEqual({
			Channels: expected,
			'DE:Other': 'x',
		});
	});

	test('a multi-select value that a version 1 and a version 2 delivery send differently gives the same output', () => {
		const fromV1 = answerTo(update({ subscriptionId: 'sub-2', eventVersion: 'v1' }));
		const fromV2 = answerTo(
			update({
				subscriptionId: 'sub-2',
				eventVersion: 'v2',
				newState: {
					ID: 'p1',
					objCode: 'PROJ',
					parameterValues: { 'DE:Channels': ['Web'], 'DE:Region': 'EMEA' },
				},
			}),
		);
		if (!('event' in fromV1) || !('event' in fromV2)) throw new Error('not taken');
		expect(eventOutput(fromV1.event, 'newState', VERSIONED)).toEqual(
			eventOutput(fromV2.event, 'newState', VERSIONED),
		);
	});
});

describe('deliveries that are refused, and why', () => {
	const valid = {
		eventType: 'UPDATE',
		subscriptionId: 'sub-1',
		newState: { ID: 'p1', objCode: 'PROJ' },
	};

	test.each([
		['no Authorization header', {}],
		['another token', { authorization: 'Bearer not-the-token' }],
		['an empty header', { authorization: '' }],
		['a header that is not text', { authorization: 42 }],
	])('%s: 401, before the body is read', (_case, headers) => {
		// A body that would be refused for its size and depth, to show it was not looked at.
		expect(
			check({ huge: 'x'.repeat(2 * MAX_DELIVERY_CHARS), deep: nested(100_000) }, headers),
		).toEqual({
			status: 401,
			message: "This delivery does not carry the subscription's auth token",
		});
	});

	test('the bare token is accepted as well as Bearer', () => {
		expect(check(valid, { authorization: TOKEN }).status).toBe(200);
	});

	test.each([
		['a list', [valid], 'A Workfront event delivery must be a JSON object (it is a list)'],
		['text', 'UPDATE', 'A Workfront event delivery must be a JSON object (it is text)'],
		[
			'an eventType that is a number',
			{ ...valid, eventType: 2 },
			'eventType must be text such as "UPDATE" (it is a number)',
		],
		[
			'an eventType that is a list',
			{ ...valid, eventType: nested(50_000, 'list') },
			'The delivery is nested more than 32 levels deep',
		],
		[
			'an event not subscribed to',
			{ ...valid, eventType: 'SHARE' },
			'This trigger is not subscribed to "SHARE" (it is subscribed to CREATE, UPDATE, DELETE)',
		],
		[
			'no eventType',
			{ newState: {} },
			'This trigger is not subscribed to events without an eventType',
		],
		[
			'a subscriptionId that is an object',
			{ ...valid, subscriptionId: { id: 'sub-1' } },
			'subscriptionId must be text, the ID of an event subscription (it is an object)',
		],
		[
			'another subscription',
			{ ...valid, subscriptionId: 'sub-9' },
			"Subscription sub-9 is not one of this trigger's subscriptions",
		],
		[
			'a newState that is a number',
			{ ...valid, newState: 7 },
			"newState must be the record's state: an object, or base64-encoded JSON of one (it is a number)",
		],
		['a newState that is a list', { ...valid, newState: [{ ID: 'p1' }] }, '(it is a list)'],
		[
			'an oldState that is not base64 JSON',
			{ ...valid, oldState: 'not base64 at all' },
			"oldState must be the record's state: an object, or base64-encoded JSON of one (it is text that does not decode to JSON)",
		],
		['a base64 state of a list', { ...valid, newState: base64([1, 2]) }, '(it decodes to a list)'],
		[
			'an objCode that is a number',
			{ ...valid, newState: { ID: 'p1', objCode: 5 } },
			'newState.objCode must be text such as "PROJ" (it is a number)',
		],
		[
			'another object type',
			{ ...valid, newState: { ID: 't1', objCode: 'TASK' } },
			'This trigger is subscribed to PROJ records, not TASK',
		],
		[
			'a deletion of another object type',
			{ eventType: 'DELETE', oldState: { objCode: 'TASK' } },
			'This trigger is subscribed to PROJ records, not TASK',
		],
	])('%s: 422', (_case, body, message) => {
		const answer = check(body);
		expect(answer.status).toBe(422);
		expect(answer.status !== 200 && answer.message).toContain(message);
	});

	test(`nesting: ${MAX_DELIVERY_DEPTH} levels are read, one more is refused with 422`, () => {
		// The delivery is level 1 and newState level 2, so 30 more objects reach level 32.
		const at = (levels: number) => ({
			eventType: 'UPDATE',
			newState: { ID: 'p1', deep: nested(levels) },
		});
		expect(check(at(30)).status).toBe(200);
		expect(check(at(31))).toEqual({
			status: 422,
			message:
				'The delivery is nested more than 32 levels deep (objects or lists within each other); a Workfront event is a record, a few levels deep, so it was not read',
		});
	});

	test('size: a delivery just under the limit is read, one over it is refused with 413', () => {
		const named = (length: number) => ({
			eventType: 'UPDATE',
			newState: { ID: 'p1', name: 'x'.repeat(length) },
		});
		expect(check(named(MAX_DELIVERY_CHARS - 200)).status).toBe(200);
		expect(check(named(MAX_DELIVERY_CHARS))).toEqual({
			status: 413,
			message:
				'The delivery is larger than 1,048,576 characters of JSON; a Workfront event (one record, in its new and old state) is far smaller, so it was not read',
		});
	});

	test('a declared Content-Length over the limit is refused before the body is walked', () => {
		const answer = check(valid, { ...RIGHT, 'content-length': String(MAX_DELIVERY_CHARS + 1) });
		expect(answer.status).toBe(413);
	});

	test.each([
		['100,000 objects deep', () => ({ eventType: 'UPDATE', newState: nested(100_000) }), 422],
		['100,000 lists deep', () => ({ eventType: 'UPDATE', extra: nested(100_000, 'list') }), 422],
		[
			'100,000 deep in a base64 state',
			() => ({
				eventType: 'UPDATE',
				newState: Buffer.from(nestedText(100_000)).toString('base64'),
			}),
			422,
		],
		[
			'a list of 3,000,000 numbers',
			() => ({ eventType: 'UPDATE', newState: { ID: 'p1', list: new Array(3_000_000).fill(0) } }),
			413,
		],
		[
			'an object of 100,000 keys',
			() => ({
				eventType: 'UPDATE',
				newState: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
			}),
			413,
		],
		[
			'a 10 MB string',
			() => ({ eventType: 'UPDATE', newState: { ID: 'p1', description: 'x'.repeat(10_000_000) } }),
			413,
		],
	])('%s: refused without overflowing the stack', (_case, build, status) => {
		// The walk stops at the first limit it passes; its cost is measured in bench/, not timed here.
		expect(check(build()).status).toBe(status);
	});

	test('a base64 state that decodes deeper than the limit names the state', () => {
		const answer = check({
			eventType: 'UPDATE',
			newState: Buffer.from(nestedText(40)).toString('base64'),
		});
		expect(answer).toEqual({
			status: 422,
			message: expect.stringMatching(
				/^newState, decoded from base64, is nested more than 32 levels deep/,
			),
		});
	});
});

// ----- The property: every generated delivery gets an answer, and only good ones start anything.

type Expected = 200 | 401 | 413 | 422 | 'oracle';

interface Delivery {
	label: string;
	headers: IDataObject;
	body: unknown;
	expected: Expected;
}

const anyJson = fc.jsonValue({ maxDepth: 4 });

const goodState = fc.record(
	{
		ID: fc.string({ unit: 'grapheme-ascii', maxLength: 32 }),
		objCode: fc.constantFrom('PROJ', 'proj', null),
		name: fc.string({ maxLength: 40 }),
		status: fc.constantFrom('CUR', 'PLN', 'CPL'),
		lastUpdatedByID: fc.string({ maxLength: 8 }),
		parameterValues: fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 5 }),
		extra: anyJson,
	},
	{ requiredKeys: ['ID'] },
);

/** A delivery Workfront could send: the right event types, subscription and object type. */
const wellFormed: fc.Arbitrary<IDataObject> = fc
	.record({
		eventType: fc.constantFrom('CREATE', 'UPDATE', 'DELETE'),
		subscriptionId: fc.constantFrom('sub-1', 'sub-2', undefined, null, ''),
		eventTime: fc.oneof(
			fc.record({
				epochSecond: fc.integer({ min: 0, max: 2_000_000_000 }),
				nano: fc.nat(999_999_999),
			}),
			anyJson,
		),
		eventVersion: fc.oneof(fc.constantFrom('v1', 'v2'), anyJson),
		newState: goodState,
		oldState: fc.option(goodState, { nil: undefined }),
		encode: fc.boolean(),
	})
	.map(({ encode, newState, oldState, subscriptionId, ...rest }) => {
		const state = (value: IDataObject | undefined) =>
			value === undefined ? undefined : encode ? base64(value) : value;
		return {
			...rest,
			...(subscriptionId === undefined ? {} : { subscriptionId }),
			newState: state(newState),
			...(oldState === undefined ? {} : { oldState: state(oldState) }),
		};
	});

/** The state whose objCode is checked: the old one for a deletion. */
const checkedState = (body: IDataObject) => (body.eventType === 'DELETE' ? 'oldState' : 'newState');

const notText = fc.oneof(
	fc.integer(),
	fc.boolean(),
	fc.array(anyJson, { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), anyJson, { maxKeys: 3 }),
);
const notState = fc.oneof(
	fc.integer(),
	fc.boolean(),
	fc.array(anyJson, { maxLength: 3 }),
	fc.constant('not base64 json'),
	// Random bytes after 0xff, which is not UTF-8, so they never happen to spell JSON.
	fc
		.uint8Array({ maxLength: 200 })
		.map((bytes) => Buffer.concat([Buffer.from([0xff]), bytes]).toString('base64')),
	fc.array(anyJson, { maxLength: 3 }).map(base64),
	fc.oneof(fc.integer(), fc.string(), fc.boolean()).map(base64),
);

/** A well-formed delivery with one field made wrong: always 422. */
const oneFieldWrong: fc.Arbitrary<{ label: string; body: unknown }> = fc.oneof(
	fc
		.tuple(wellFormed, notText)
		.map(([body, eventType]) => ({ label: 'eventType not text', body: { ...body, eventType } })),
	fc
		.tuple(
			wellFormed,
			fc.string({ maxLength: 10 }).filter((text) => !SUBSCRIBED.events.includes(text)),
		)
		.map(([body, eventType]) => ({
			label: 'eventType not subscribed',
			body: { ...body, eventType },
		})),
	wellFormed.map((body) => {
		const withoutType = { ...body };
		delete withoutType.eventType;
		return { label: 'no eventType', body: withoutType };
	}),
	fc.tuple(wellFormed, notText).map(([body, subscriptionId]) => ({
		label: 'subscriptionId not text',
		body: { ...body, subscriptionId },
	})),
	fc
		.tuple(
			wellFormed,
			fc
				.string({ minLength: 1, maxLength: 10 })
				.filter((id) => !SUBSCRIBED.subscriptionIds.includes(id)),
		)
		.map(([body, subscriptionId]) => ({
			label: 'another subscription',
			body: { ...body, subscriptionId },
		})),
	fc
		.tuple(wellFormed, fc.constantFrom('newState', 'oldState'), notState)
		.map(([body, field, value]) => ({
			label: `${field} not a state`,
			body: { ...body, [field]: value },
		})),
	fc
		.tuple(wellFormed, fc.oneof(notText, fc.constantFrom('TASK', 'OPTASK', 'USER')), fc.boolean())
		.map(([body, objCode, encode]) => {
			const field = checkedState(body);
			const state = { ID: 'p1', objCode };
			return {
				label: `${field}.objCode wrong`,
				body: { ...body, [field]: encode ? base64(state) : state },
			};
		}),
	fc
		.oneof(fc.array(anyJson), fc.string(), fc.integer(), fc.constant(null), fc.boolean())
		.map((body) => ({
			label: 'not an object',
			body,
		})),
);

/** A well-formed delivery with a value nested too deep somewhere: always 422. */
const tooDeep = fc
	.record({
		body: wellFormed,
		levels: fc.oneof(fc.integer({ min: 32, max: 40 }), fc.integer({ min: 32, max: 5000 })),
		kind: fc.constantFrom('object' as const, 'list' as const),
		where: fc.constantFrom('top', 'state', 'customField', 'base64State'),
	})
	.map(({ body, levels, kind, where }) => {
		const deep = nested(levels, kind);
		const field = checkedState(body);
		const state = {
			ID: 'p1',
			parameterValues: where === 'customField' ? { 'DE:Deep': deep } : {},
			deep: where === 'state' ? deep : 1,
		};
		if (where === 'top')
			return { label: `deep ${kind} at the top`, body: { ...body, extra: deep } };
		if (where === 'base64State')
			return {
				label: 'deep base64 state',
				body: {
					...body,
					[field]: Buffer.from(`{"deep":${nestedText(levels)}}`).toString('base64'),
				},
			};
		return { label: `deep ${kind} in ${where}`, body: { ...body, [field]: state } };
	});

/** A well-formed delivery made too large: always 413. */
const tooLarge = fc
	.record({
		body: wellFormed,
		extra: fc.integer({ min: 1, max: 2 * MAX_DELIVERY_CHARS }),
		shape: fc.constantFrom('string', 'list', 'declared'),
	})
	.map(({ body, extra, shape }) => {
		const field = checkedState(body);
		if (shape === 'declared')
			return {
				label: 'declared too large',
				body,
				headers: { 'content-length': String(MAX_DELIVERY_CHARS + extra) },
			};
		const big =
			shape === 'string'
				? 'x'.repeat(MAX_DELIVERY_CHARS + extra)
				: new Array(MAX_DELIVERY_CHARS + extra).fill(0);
		return { label: `huge ${shape}`, body: { ...body, [field]: { ID: 'p1', big } } };
	});

/** A well-formed delivery with a tree of random depth and width in a field nothing routes on. */
const randomTree = fc
	.record({
		body: wellFormed,
		depth: fc.integer({ min: 0, max: 60 }),
		width: fc.integer({ min: 1, max: 40 }),
		leaf: anyJson,
	})
	.map(({ body, depth, width, leaf }) => {
		let tree: unknown = leaf;
		// Only one branch goes on down, so width does not multiply with depth.
		for (let level = 0; level < depth; level += 1)
			tree = Object.fromEntries(
				Array.from({ length: width }, (_, index) => [`k${index}`, index === 0 ? tree : leaf]),
			);
		const field = checkedState(body);
		return { label: 'random tree', body: { ...body, [field]: { ID: 'p1', tree } } };
	});

const wrongToken = fc.oneof(
	fc.constant({}),
	fc.constant({ authorization: 'Bearer not-the-token' }),
	fc.constant({ authorization: `Bearer ${TOKEN}x` }),
	fc.constant({ authorization: TOKEN.slice(1) }),
	fc.constant({ authorization: '' }),
	notText.map((authorization) => ({ authorization })),
);
const rightToken = fc.constantFrom(
	{ authorization: `Bearer ${TOKEN}` },
	{ authorization: TOKEN },
	{ authorization: `bearer   ${TOKEN}` },
);

const deliveries: fc.Arbitrary<Delivery> = fc.oneof(
	fc
		.tuple(rightToken, wellFormed)
		.map(([headers, body]) => ({ label: 'well formed', headers, body, expected: 200 as const })),
	{
		// Eight ways to be wrong, so drawn more often than the others.
		weight: 4,
		arbitrary: fc
			.tuple(rightToken, oneFieldWrong)
			.map(([headers, { label, body }]) => ({ label, headers, body, expected: 422 as const })),
	},
	fc
		.tuple(rightToken, tooDeep)
		.map(([headers, { label, body }]) => ({ label, headers, body, expected: 422 as const })),
	fc.tuple(rightToken, tooLarge).map(([headers, { label, body, headers: more }]) => ({
		label,
		headers: { ...headers, ...more },
		body,
		expected: 413 as const,
	})),
	fc
		.tuple(rightToken, randomTree)
		.map(([headers, { label, body }]) => ({ label, headers, body, expected: 'oracle' as const })),
	fc
		.tuple(rightToken, fc.jsonValue())
		.map(([headers, body]) => ({ label: 'any JSON', headers, body, expected: 'oracle' as const })),
	fc
		.tuple(
			wrongToken,
			fc.oneof(
				wellFormed,
				tooDeep.map(({ body }) => body),
				fc.jsonValue(),
			),
		)
		.map(([headers, body]) => ({ label: 'wrong token', headers, body, expected: 401 as const })),
);

/**
 * Whether a delivery (small enough to walk recursively) should start the workflow, written from
 * Adobe's description of the payload rather than from the code under test.
 */
function startsWorkflow(body: unknown): boolean {
	const isObject = (value: unknown): value is IDataObject =>
		typeof value === 'object' && value !== null && !Array.isArray(value);
	const depth = (value: unknown): number =>
		typeof value === 'object' && value !== null
			? 1 + Math.max(0, ...Object.values(value).map(depth))
			: 0;
	if (
		!isObject(body) ||
		depth(body) > MAX_DELIVERY_DEPTH ||
		JSON.stringify(body).length > MAX_DELIVERY_CHARS
	)
		return false;
	if (typeof body.eventType !== 'string' || !SUBSCRIBED.events.includes(body.eventType))
		return false;
	const id = body.subscriptionId;
	if (
		!(
			id === undefined ||
			id === null ||
			id === '' ||
			(typeof id === 'string' && SUBSCRIBED.subscriptionIds.includes(id))
		)
	)
		return false;
	const state = (value: unknown): IDataObject | undefined => {
		if (value === undefined || value === null || value === '') return {};
		if (isObject(value)) return value;
		if (typeof value !== 'string') return undefined;
		try {
			const decoded: unknown = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
			return isObject(decoded) && depth(decoded) + 1 <= MAX_DELIVERY_DEPTH ? decoded : undefined;
		} catch {
			return undefined;
		}
	};
	const states = { newState: state(body.newState), oldState: state(body.oldState) };
	if (!states.newState || !states.oldState) return false;
	const objCode = states[checkedState(body)]?.objCode;
	return (
		objCode === undefined ||
		objCode === null ||
		(typeof objCode === 'string' && objCode.toUpperCase() === 'PROJ')
	);
}

describe('every delivery gets an answer', () => {
	test('generated deliveries: 200, 401, 413 or 422, never an exception; only good ones with the token start anything', async () => {
		const seen = new Map<string, number>();
		await holdsForAsync(
			'Workfront Trigger deliveries',
			deliveries,
			async ({ label, headers, body, expected }) => {
				let answer: DeliveryAnswer;
				try {
					answer = checkDelivery({ headers, body }, SUBSCRIBED);
				} catch (error) {
					throw new Error(`${label}: an exception escaped: ${String(error)}`);
				}
				seen.set(`${label} → ${answer.status}`, (seen.get(`${label} → ${answer.status}`) ?? 0) + 1);
				expect([200, 401, 413, 422]).toContain(answer.status);
				const wanted = expected === 'oracle' ? (startsWorkflow(body) ? 200 : 422) : expected;
				if (answer.status !== wanted)
					throw new Error(
						`${label}: answered ${answer.status}, expected ${wanted}: ${JSON.stringify(answer).slice(0, 300)}`,
					);
				if (answer.status === 200) {
					// Without subscription versions, nothing is a duplicate to skip.
					if ('skip' in answer) throw new Error(`${label}: skipped: ${answer.skip}`);
					// What the workflow would start with, in every output mode, serialises.
					for (const output of ['changes', 'newState', 'event'])
						expect(typeof JSON.stringify(eventOutput(answer.event, output, SUBSCRIBED))).toBe(
							'string',
						);
				} else {
					expect(answer.message.length).toBeGreaterThan(10);
					expect(answer.message.length).toBeLessThan(500);
				}
			},
			{ runs: 400 },
		);
		// Which kinds of delivery the runs covered (printed, as the run counts are).
		process.stderr.write(
			`[property] deliveries by kind: ${[...seen.entries()]
				.sort()
				.map(([kind, count]) => `${kind}: ${count}`)
				.join('; ')}\n`,
		);
	});
});
