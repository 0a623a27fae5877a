import { createHash, timingSafeEqual } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * The most the node reads of one delivery, as JSON text: 1 MiB. n8n has parsed the body before the
 * node sees it (up to its own N8N_PAYLOAD_SIZE_MAX, 16 MB by default); this bounds what the node
 * does after that: the walk that measures the body, the base64 states it decodes, the changed
 * fields it compares, and the item it starts the workflow with, which n8n copies and serialises
 * again. Adobe's event payload is one record of the subscribed object, in its new and its old
 * state: a few KB, a few hundred KB at most with long texts and hundreds of custom fields. 1 MiB
 * holds two states of about 390 KB each even base64-encoded (a third larger); a delivery beyond
 * it is not a record event, and is answered 413.
 */
export const MAX_DELIVERY_CHARS = 1_048_576;

/**
 * The deepest nesting of objects and lists the node accepts in a delivery, decoded states
 * included: 32 levels. A state is the record, its `parameterValues` or a referenced object, a
 * list and its items: a handful of levels. Everything that walks an item after the node (n8n's
 * copies, JSON.stringify) recurses, and 32 keeps that far from the stack's limit, where a 100,000
 * deep body would overflow it. Deeper is answered 422.
 */
export const MAX_DELIVERY_DEPTH = 32;

/**
 * Whether a delivery carries the subscription's auth token. Workfront does not document the header
 * form, so `Authorization: Bearer <token>` and the bare token are both accepted. Both sides are
 * hashed first so the comparison takes the same time whatever the input.
 */
export function carriesToken(authorization: unknown, token: unknown): boolean {
	if (typeof token !== 'string' || token === '') return false;
	const header = Array.isArray(authorization) ? authorization[0] : authorization;
	if (typeof header !== 'string') return false;
	const presented = header.replace(/^Bearer\s+/i, '').trim();
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(presented), digest(token));
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, in the words of a refusal. */
function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'boolean') return 'true or false';
	if (typeof value === 'number') return 'a number';
	return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Measures a parsed JSON value without recursion, and stops at the first limit it passes, so the
 * work is bounded by the limits, not by the input. The size is the characters of its compact JSON
 * text, escapes not counted: never more than its bytes.
 */
function excess(root: unknown, startDepth: number): 'size' | 'depth' | undefined {
	const pending: Array<{ value: unknown; depth: number }> = [{ value: root, depth: startDepth }];
	let chars = 0;
	while (pending.length > 0) {
		const { value, depth } = pending.pop() as { value: unknown; depth: number };
		if (typeof value === 'string') chars += value.length + 2;
		else if (typeof value === 'number') chars += String(value).length;
		else if (Array.isArray(value)) {
			if (depth > MAX_DELIVERY_DEPTH) return 'depth';
			// Brackets and commas, counted first, so that a huge list stops before it is walked.
			chars += 1 + Math.max(1, value.length);
			if (chars > MAX_DELIVERY_CHARS) return 'size';
			for (const item of value) pending.push({ value: item, depth: depth + 1 });
		} else if (isObject(value)) {
			if (depth > MAX_DELIVERY_DEPTH) return 'depth';
			// Object.keys lists the keys at once: for an object of many keys that costs time in
			// proportion to what n8n has already parsed, and with a Content-Length it is not reached.
			const keys = Object.keys(value);
			chars += 1 + Math.max(1, keys.length); // braces and commas
			for (const key of keys) {
				chars += key.length + 3; // the key, its quotes and the colon
				if (chars > MAX_DELIVERY_CHARS) return 'size';
				pending.push({ value: value[key], depth: depth + 1 });
			}
		} else chars += value === false ? 5 : 4; // true, false, null
		if (chars > MAX_DELIVERY_CHARS) return 'size';
	}
	return undefined;
}

export interface WorkfrontEvent {
	eventType: string;
	subscriptionId?: string;
	eventTime?: string;
	eventVersion?: string;
	newState: IDataObject;
	oldState: IDataObject;
	raw: IDataObject;
}

export interface Subscribed {
	events: string[];
	objCode: string;
	subscriptionIds: string[];
	/** The version of each subscription, where Workfront said it (see `asVersion2`). */
	versions?: Record<string, string>;
	/** The multi-select custom fields of the object type, by name (see `normaliseMultiSelect`). */
	multiSelectFields?: string[];
}

/**
 * What the webhook answers a delivery with: 200 and the event that starts the workflow; 200 and
 * why it starts nothing (a duplicate Workfront sends by design, answered so that it is not sent
 * again); or a refusal.
 */
export type DeliveryAnswer =
	| { status: 200; event: WorkfrontEvent }
	| { status: 200; skip: string }
	| { status: 401 | 413 | 422; message: string };

/** Why a delivery is not read: returned, never thrown, so that every input gets an answer. */
type Refusal = { status: 413 | 422; message: string };

const refusal = (status: 413 | 422, message: string): Refusal => ({ status, message });

function refuseExcess(found: 'size' | 'depth', what: string): Refusal {
	return found === 'size'
		? refusal(
				413,
				`${what} is larger than ${MAX_DELIVERY_CHARS.toLocaleString('en-US')} characters of JSON; a Workfront event (one record, in its new and old state) is far smaller, so it was not read`,
			)
		: refusal(
				422,
				`${what} is nested more than ${MAX_DELIVERY_DEPTH} levels deep (objects or lists within each other); a Workfront event is a record, a few levels deep, so it was not read`,
			);
}

/**
 * A state as Workfront sends it: an object, or base64-encoded JSON of one when the subscription
 * asks for base64 encoding; absent (or empty) for the old state of a creation and the new state of
 * a deletion. A decoded state is measured as the body was: its text is shorter than its base64
 * form, but it may nest deeper.
 */
function readState(
	value: unknown,
	name: 'newState' | 'oldState',
): { state: IDataObject } | { refused: Refusal } {
	if (value === undefined || value === null || value === '') return { state: {} };
	if (isObject(value)) return { state: value };
	const expected = `${name} must be the record's state: an object, or base64-encoded JSON of one`;
	if (typeof value !== 'string')
		return { refused: refusal(422, `${expected} (it is ${kindOf(value)})`) };
	let decoded: unknown;
	try {
		// V8's JSON.parse does not recurse, so deep text cannot overflow the stack here.
		decoded = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
	} catch {
		return { refused: refusal(422, `${expected} (it is text that does not decode to JSON)`) };
	}
	const found = excess(decoded, 2);
	if (found) return { refused: refuseExcess(found, `${name}, decoded from base64,`) };
	if (!isObject(decoded))
		return { refused: refusal(422, `${expected} (it decodes to ${kindOf(decoded)})`) };
	return { state: decoded };
}

/** `{ epochSecond, nano }` as an ISO date, or undefined for anything else. */
function readEventTime(value: unknown): string | undefined {
	if (!isObject(value) || typeof value.epochSecond !== 'number') return undefined;
	const nano = typeof value.nano === 'number' ? value.nano : 0;
	const ms = value.epochSecond * 1000 + Math.floor(nano / 1e6);
	// A Date holds ±8.64e15 ms; beyond that toISOString throws.
	return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/**
 * Everything the webhook decides about one delivery, in the order that keeps it cheap: the token
 * first (nothing of the body is read without it), then the size and depth (walked with a bound),
 * then the fields. Adobe's Event Subscription API documents the payload as a JSON object with
 * `eventType`, `subscriptionId` and the record's `newState`/`oldState` (each with its `objCode`).
 * The fields that decide whether the delivery is ours must have their documented types; a field
 * that is absent is not held against a delivery, since Adobe does not promise every field in
 * every version, and `eventTime`/`eventVersion` in another shape are left out rather than
 * refused, as they decide nothing. Never throws: every input gets an answer.
 */
export function checkDelivery(
	delivery: { headers: IDataObject; body: unknown },
	expected: Subscribed & { token: unknown },
): DeliveryAnswer {
	if (!carriesToken(delivery.headers.authorization, expected.token))
		return { status: 401, message: "This delivery does not carry the subscription's auth token" };
	try {
		return readDelivery(delivery, expected);
	} catch (error) {
		// Not expected from a parsed body; answered all the same, and nothing starts.
		return {
			status: 422,
			message: `The delivery could not be read: ${error instanceof Error ? error.message : String(error)}`,
		};
	}
}

function readDelivery(
	delivery: { headers: IDataObject; body: unknown },
	subscribed: Subscribed,
): DeliveryAnswer {
	// When the sender states the size, a body over the limit is refused before it is walked.
	const declared = Number(delivery.headers['content-length']);
	if (Number.isFinite(declared) && declared > MAX_DELIVERY_CHARS)
		return refuseExcess('size', 'The delivery');
	const raw = delivery.body;
	if (!isObject(raw))
		return refusal(422, `A Workfront event delivery must be a JSON object (it is ${kindOf(raw)})`);
	const found = excess(raw, 1);
	if (found) return refuseExcess(found, 'The delivery');

	const { eventType } = raw;
	if (eventType !== undefined && eventType !== null && typeof eventType !== 'string')
		return refusal(422, `eventType must be text such as "UPDATE" (it is ${kindOf(eventType)})`);
	if (typeof eventType !== 'string' || !subscribed.events.includes(eventType))
		return refusal(
			422,
			`This trigger is not subscribed to ${eventType ? `"${eventType.slice(0, 100)}"` : 'events without an eventType'} (it is subscribed to ${subscribed.events.join(', ')})`,
		);

	const subscriptionId =
		raw.subscriptionId === undefined || raw.subscriptionId === null || raw.subscriptionId === ''
			? undefined
			: raw.subscriptionId;
	if (subscriptionId !== undefined && typeof subscriptionId !== 'string')
		return refusal(
			422,
			`subscriptionId must be text, the ID of an event subscription (it is ${kindOf(subscriptionId)})`,
		);
	if (subscriptionId !== undefined && !subscribed.subscriptionIds.includes(subscriptionId))
		return refusal(
			422,
			`Subscription ${subscriptionId.slice(0, 100)} is not one of this trigger's subscriptions`,
		);

	const newState = readState(raw.newState, 'newState');
	if ('refused' in newState) return newState.refused;
	const oldState = readState(raw.oldState, 'oldState');
	if ('refused' in oldState) return oldState.refused;
	const stateName = eventType === 'DELETE' ? 'oldState' : 'newState';
	const objCode = (eventType === 'DELETE' ? oldState : newState).state.objCode;
	if (objCode !== undefined && objCode !== null && typeof objCode !== 'string')
		return refusal(
			422,
			`${stateName}.objCode must be text such as "PROJ" (it is ${kindOf(objCode)})`,
		);
	if (typeof objCode === 'string' && objCode.toUpperCase() !== subscribed.objCode.toUpperCase())
		return refusal(
			422,
			`This trigger is subscribed to ${subscribed.objCode} records, not ${objCode.slice(0, 100)}`,
		);

	const version = raw.eventVersion;
	const eventVersion =
		typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
	// For five minutes after a subscription's version changes, Workfront delivers every event twice,
	// "one each of event subscription version 1 and version 2" (Adobe, "Event Subscription API",
	// lines 531-533). A version 1 copy for a subscription known to be version 2 (made so at
	// activation, see asVersion2) is that duplicate: answered, and nothing starts. Anything else,
	// a subscription whose version was never said included, is taken.
	if (
		eventVersion === 'v1' &&
		subscriptionId !== undefined &&
		subscribed.versions?.[subscriptionId] === 'v2'
	)
		return {
			status: 200,
			skip: 'A version 1 copy of an event for a version 2 subscription (Workfront sends both for five minutes after a version change); the version 2 copy starts the workflow',
		};
	const fields = subscribed.multiSelectFields ?? [];
	const event: WorkfrontEvent = {
		eventType,
		subscriptionId,
		eventTime: readEventTime(raw.eventTime),
		eventVersion,
		newState: normaliseMultiSelect(newState.state, fields),
		oldState: normaliseMultiSelect(oldState.state, fields),
		raw,
	};
	return { status: 200, event };
}

/**
 * A state with its multi-select custom fields as lists, whatever version sent it: version 2
 * always sends a list, version 1 sent a lone value as text ("Event subscription versioning",
 * help/quicksilver/wf-api/general/event-subs-versioning.md, lines 69-74; "What's new in API version
 * 21", lines 22-26). The fields are the object type's custom fields that hold several values
 * (read at activation); in `parameterValues` they are named `DE:<name>` as in the REST API, or by
 * the bare name (Adobe's payload examples show `parameterValues` empty and do not say which). An
 * empty text is an empty list; null stays null. Nothing else is touched.
 */
export function normaliseMultiSelect(state: IDataObject, fields: string[]): IDataObject {
	const values = state.parameterValues;
	if (fields.length === 0 || !isObject(values)) return state;
	const names = new Set(fields.flatMap((name) => [name, `DE:${name}`]));
	let changed = false;
	const shaped: IDataObject = { ...values };
	for (const key of Object.keys(shaped)) {
		const value = shaped[key];
		if (!names.has(key) || Array.isArray(value) || value === null || value === undefined) continue;
		shaped[key] = value === '' ? [] : [value as string];
		changed = true;
	}
	return changed ? { ...state, parameterValues: shaped } : state;
}

/** Fields whose value differs between the old and the new state (custom fields as DE:<name>). */
export function changedFields(event: WorkfrontEvent): string[] {
	const flatten = (state: IDataObject) => {
		const { parameterValues, ...fields } = state;
		// Only an object of custom fields is spread: text or a list would become one key per item.
		return { ...fields, ...(isObject(parameterValues) ? parameterValues : {}) };
	};
	const before = flatten(event.oldState);
	const after = flatten(event.newState);
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	// The states were measured by checkDelivery, so each comparison is bounded in size and depth.
	return [...keys]
		.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
		.sort();
}

/**
 * Who made the change, where the states say it (not for deletions): `enteredByID` and
 * `lastUpdatedByID` for the classic objects; `createdBy` and `updatedBy` for the Planning objects
 * and FIELD, which name their fields so (Adobe, "Event subscription resource fields": RECORD,
 * RECORD_TYPE, WORKSPACE, FIELD). Adobe does not say which user IDs the Planning fields hold; one
 * that is not the credential's user's ID only means the event is not ignored.
 */
export function actorOf(event: WorkfrontEvent): string | undefined {
	const state = event.newState;
	const actor =
		event.eventType === 'CREATE'
			? (state.enteredByID ?? state.createdBy ?? state.lastUpdatedByID ?? state.updatedBy)
			: (state.lastUpdatedByID ?? state.updatedBy);
	return typeof actor === 'string' ? actor : undefined;
}

/**
 * The item a delivery starts the workflow with: the whole event, the record's state (for a
 * deletion the last state it had), or both states with the fields that changed.
 */
export function eventOutput(
	event: WorkfrontEvent,
	output: string,
	subscribed: { objCode: string },
): IDataObject {
	const record = event.eventType === 'DELETE' ? event.oldState : event.newState;
	if (output === 'event') return event.raw;
	if (output === 'newState') return record;
	return {
		eventType: event.eventType,
		objCode: record.objCode ?? subscribed.objCode,
		// The Planning objects name their ID `id` (Adobe, "Event subscription resource fields").
		ID: record.ID ?? record.id,
		eventTime: event.eventTime,
		changedFields: changedFields(event),
		newState: event.newState,
		oldState: event.oldState,
	};
}
