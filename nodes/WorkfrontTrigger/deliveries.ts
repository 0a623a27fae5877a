import { createHash, timingSafeEqual } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

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

function decodeState(value: unknown): IDataObject {
	if (typeof value === 'string' && value !== '') {
		try {
			return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as IDataObject;
		} catch {
			return {};
		}
	}
	return value && typeof value === 'object' ? (value as IDataObject) : {};
}

export interface WorkfrontEvent {
	eventType: string;
	subscriptionId?: string;
	eventTime?: string;
	eventVersion: string;
	newState: IDataObject;
	oldState: IDataObject;
	raw: IDataObject;
}

/** A delivery, version 1 or 2, states decoded when Workfront sent them base64-encoded. */
export function readEvent(body: unknown): WorkfrontEvent {
	const raw = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const time = raw.eventTime as { epochSecond?: number; nano?: number } | undefined;
	return {
		eventType: String(raw.eventType ?? ''),
		subscriptionId: raw.subscriptionId ? String(raw.subscriptionId) : undefined,
		eventTime:
			typeof time?.epochSecond === 'number'
				? new Date(time.epochSecond * 1000 + Math.floor((time.nano ?? 0) / 1e6)).toISOString()
				: undefined,
		eventVersion: String(raw.eventVersion ?? 'v1'),
		newState: decodeState(raw.newState),
		oldState: decodeState(raw.oldState),
		raw,
	};
}

export interface Subscribed {
	events: string[];
	objCode: string;
	subscriptionIds: string[];
}

/**
 * Why a delivery that carries the right token is still not one of ours, or undefined when it is.
 * Adobe's Event Subscription API documents the payload as a JSON object with `eventType`,
 * `subscriptionId` and the record's `newState`/`oldState` (each with its `objCode`); a field that is
 * absent is not held against a delivery, since Adobe does not promise every field in every version.
 */
export function deliveryProblem(body: unknown, subscribed: Subscribed): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return 'A Workfront event delivery must be a JSON object';
	}
	const event = readEvent(body);
	if (!subscribed.events.includes(event.eventType)) {
		return `This trigger is not subscribed to ${event.eventType ? `"${event.eventType}"` : 'events without an eventType'} (it is subscribed to ${subscribed.events.join(', ')})`;
	}
	if (
		event.subscriptionId !== undefined &&
		!subscribed.subscriptionIds.includes(event.subscriptionId)
	) {
		return `Subscription ${event.subscriptionId} is not one of this trigger's subscriptions`;
	}
	const state = event.eventType === 'DELETE' ? event.oldState : event.newState;
	const objCode = typeof state.objCode === 'string' ? state.objCode : undefined;
	if (objCode !== undefined && objCode.toUpperCase() !== subscribed.objCode.toUpperCase()) {
		return `This trigger is subscribed to ${subscribed.objCode} records, not ${objCode}`;
	}
	return undefined;
}

/** Fields whose value differs between the old and the new state (custom fields as DE:<name>). */
export function changedFields(event: WorkfrontEvent): string[] {
	const flatten = (state: IDataObject) => {
		const { parameterValues, ...fields } = state;
		return { ...fields, ...((parameterValues as IDataObject | undefined) ?? {}) };
	};
	const before = flatten(event.oldState);
	const after = flatten(event.newState);
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys]
		.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
		.sort();
}

/** Who made the change, where the states say it (not for deletions). */
export function actorOf(event: WorkfrontEvent): string | undefined {
	const state = event.newState;
	const actor =
		event.eventType === 'CREATE'
			? (state.enteredByID ?? state.lastUpdatedByID)
			: state.lastUpdatedByID;
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
		ID: record.ID,
		eventTime: event.eventTime,
		changedFields: changedFields(event),
		newState: event.newState,
		oldState: event.oldState,
	};
}
