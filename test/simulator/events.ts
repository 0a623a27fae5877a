import { randomUUID } from 'node:crypto';

import { formatEventDateTime } from './model/dates';
import { specFor } from './model/schema';
import type { RecordChange, WfRecord } from './model/store';
import { json, type SimRequest, type SimResponse } from './http';

export const SUBSCRIPTIONS_PATH = '/attask/eventsubscription/api/v1/subscriptions';

/** Object codes the Event Subscriptions API accepts (reference §5.3). */
export const SUBSCRIBABLE = new Set([
	'PROJ',
	'TASK',
	'OPTASK',
	'ASSGN',
	'CMPY',
	'DOCU',
	'DOCV',
	'EXPNS',
	'FIELD',
	'HOUR',
	'NOTE',
	'PORT',
	'PRGM',
	'PRFAPL',
	'PTLTAB',
	'PTLSEC',
	'TMPL',
	'TSHET',
	'USER',
	'RECORD',
	'RECORD_TYPE',
	'WORKSPACE',
]);
const EVENT_TYPES = new Set(['CREATE', 'UPDATE', 'DELETE']);
const ALLOWED_KEYS = new Set([
	'objCode',
	'eventType',
	'url',
	'authToken',
	'objId',
	'filters',
	'filterConnector',
	'base64Encoding',
]);

interface Filter {
	fieldName: string;
	fieldValue?: unknown;
	comparison?: string;
	state?: 'newState' | 'oldState';
}

export interface Subscription {
	id: string;
	customerId: string;
	objCode: string;
	eventType: string;
	url: string;
	authToken: string;
	objId?: string;
	filters: Filter[];
	filterConnector: 'AND' | 'OR';
	base64Encoding: boolean;
	version: string;
	dateCreated: string;
}

export interface Delivery {
	subscriptionId: string;
	url: string;
	status: number;
	payload: Record<string, unknown>;
	error?: string;
}

function mask(token: string): string {
	return token.length <= 8 ? '****' : `****${token.slice(-4)}`;
}

function publicView(subscription: Subscription) {
	const { authToken, ...rest } = subscription;
	return { ...rest, authToken: mask(authToken), date_created: rest.dateCreated };
}

/** The state a payload carries: every field, custom data included, dates in the event format. */
function eventState(record: WfRecord | undefined): Record<string, unknown> {
	if (!record) return {};
	const spec = specFor(record.objCode);
	const state: Record<string, unknown> = {};
	for (const name of Object.keys(spec.fields)) {
		const value = record[name] ?? null;
		state[name] =
			spec.fields[name].type === 'dateTime' && typeof value === 'string'
				? formatEventDateTime(value)
				: value;
	}
	state.ID = record.ID;
	state.objCode = record.objCode;
	state.parameterValues = { ...record.parameterValues };
	return state;
}

function matches(
	filter: Filter,
	payload: { newState: Record<string, unknown>; oldState: Record<string, unknown> },
): boolean {
	const state = payload[filter.state ?? 'newState'] ?? {};
	const actual = state[filter.fieldName];
	const wanted = filter.fieldValue;
	// Adobe's filter examples send fieldValue as a string, also for numeric and date fields, and do
	// not say how a string compares with a number; the simulator compares scalars as text (tolerant).
	const equal = () =>
		typeof wanted === 'string' && actual !== null && typeof actual !== 'object'
			? String(actual) === wanted
			: JSON.stringify(actual) === JSON.stringify(wanted);
	switch (filter.comparison ?? 'eq') {
		case 'ne':
			return !equal();
		case 'gt':
			return Number(actual) > Number(wanted);
		case 'gte':
			return Number(actual) >= Number(wanted);
		case 'lt':
			return Number(actual) < Number(wanted);
		case 'lte':
			return Number(actual) <= Number(wanted);
		case 'contains':
			return String(actual ?? '').includes(String(wanted));
		case 'notContains':
			return !String(actual ?? '').includes(String(wanted));
		case 'changed':
			return (
				JSON.stringify(payload.newState[filter.fieldName]) !==
				JSON.stringify(payload.oldState[filter.fieldName])
			);
		default:
			return equal();
	}
}

/**
 * Workfront's Event Subscriptions: the subscription API, and deliveries of the changes made
 * through the REST API to every matching subscription's URL, with its auth token.
 */
export class EventSubscriptions {
	readonly subscriptions = new Map<string, Subscription>();

	readonly deliveries: Delivery[] = [];

	/** How the auth token is sent: `Authorization: Bearer <token>` (the likely form) or the bare token. */
	authScheme: 'bearer' | 'bare' = 'bearer';

	/** Payload version delivered: v2 (current) or v1 (before 2025). */
	payloadVersion: 'v1' | 'v2' = 'v2';

	/** Event subscriptions need a System Administrator; false makes the simulator answer 403. */
	userIsAdmin = true;

	private pending: Array<Promise<void>> = [];

	constructor(private readonly now: () => number) {}

	handle(request: SimRequest, customerId: string): SimResponse {
		if (!this.userIsAdmin)
			return json(403, { message: 'Only a System Administrator can manage event subscriptions' });
		const id = request.path.slice(SUBSCRIPTIONS_PATH.length).replace(/^\//, '');
		if (request.method === 'POST' && id === '') return this.create(request, customerId);
		if (request.method === 'GET' && id === '') {
			// Adobe, Event Subscription API, "Query All Events Subscriptions": `page` (default 1) and
			// `limit` (default 100, at most 1000); the answer carries page, limit, page_count and
			// total_count. Adobe's example does not show where the list itself sits; `subscriptions`
			// and a `meta` object are this simulator's choice (the node accepts the alternatives).
			const list = [...this.subscriptions.values()].filter(
				(subscription) => subscription.customerId === customerId,
			);
			const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
			const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? 100) || 100));
			return json(200, {
				subscriptions: list.slice((page - 1) * limit, page * limit).map(publicView),
				meta: {
					page,
					limit,
					page_count: Math.max(1, Math.ceil(list.length / limit)),
					total_count: list.length,
				},
			});
		}
		const subscription = this.subscriptions.get(id);
		if (!subscription || subscription.customerId !== customerId)
			return json(404, { message: `Subscription ${id} was not found` });
		if (request.method === 'GET') return json(200, publicView(subscription));
		if (request.method === 'DELETE') {
			this.subscriptions.delete(id);
			return { status: 200, raw: '' };
		}
		return json(405, { message: `${request.method} is not supported here` });
	}

	private create(request: SimRequest, customerId: string): SimResponse {
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.rawBody.toString('utf8')) as Record<string, unknown>;
		} catch {
			return json(400, { message: 'The subscription must be JSON' });
		}
		const extra = Object.keys(body).filter((key) => !ALLOWED_KEYS.has(key));
		if (extra.length > 0)
			return json(400, { message: `Unknown subscription field(s): ${extra.join(', ')}` });
		const objCode = String(body.objCode ?? '');
		const eventType = String(body.eventType ?? '');
		const url = String(body.url ?? '');
		const authToken = String(body.authToken ?? '');
		if (!SUBSCRIBABLE.has(objCode))
			return json(400, { message: `objCode ${objCode} cannot be subscribed to` });
		if (!EVENT_TYPES.has(eventType))
			return json(400, { message: 'eventType must be CREATE, UPDATE or DELETE' });
		if (!/^https?:\/\/[^\s]+$/.test(url)) return json(400, { message: `Invalid url: ${url}` });
		if (authToken === '' || authToken.length >= 255)
			return json(400, { message: 'authToken is required (under 255 characters)' });
		const objId = body.objId ? String(body.objId) : undefined;
		const duplicate = [...this.subscriptions.values()].some(
			(other) =>
				other.customerId === customerId &&
				other.objCode === objCode &&
				other.eventType === eventType &&
				other.url === url &&
				other.objId === objId,
		);
		if (duplicate)
			return json(409, {
				message: 'A subscription with the same objCode, eventType and url already exists',
			});
		const subscription: Subscription = {
			id: randomUUID(),
			customerId,
			objCode,
			eventType,
			url,
			authToken,
			objId,
			filters: Array.isArray(body.filters) ? (body.filters as Filter[]) : [],
			filterConnector: body.filterConnector === 'OR' ? 'OR' : 'AND',
			base64Encoding: body.base64Encoding === true,
			version: 'v2',
			dateCreated: new Date(this.now()).toISOString(),
		};
		this.subscriptions.set(subscription.id, subscription);
		return {
			status: 201,
			body: { id: subscription.id, version: subscription.version },
			headers: { location: `${SUBSCRIPTIONS_PATH}/${subscription.id}` },
		};
	}

	/** Delivers the changes of one REST request to every matching subscription of the customer. */
	publish(changes: RecordChange[], customerId: string): void {
		for (const change of changes) {
			const record = change.after ?? change.before;
			const base = {
				newState: eventState(change.after),
				oldState: eventState(change.eventType === 'CREATE' ? undefined : change.before),
			};
			for (const subscription of this.subscriptions.values()) {
				if (subscription.customerId !== customerId || subscription.objCode !== change.objCode)
					continue;
				if (subscription.eventType !== change.eventType) continue;
				if (subscription.objId && subscription.objId !== record?.ID) continue;
				const results = subscription.filters.map((filter) => matches(filter, base));
				if (
					results.length > 0 &&
					!(subscription.filterConnector === 'OR' ? results.some(Boolean) : results.every(Boolean))
				)
					continue;
				this.pending.push(this.deliver(subscription, change.eventType, base));
			}
		}
	}

	private async deliver(
		subscription: Subscription,
		eventType: string,
		states: { newState: Record<string, unknown>; oldState: Record<string, unknown> },
	): Promise<void> {
		const time = this.now();
		const encode = (state: Record<string, unknown>) =>
			subscription.base64Encoding ? Buffer.from(JSON.stringify(state)).toString('base64') : state;
		const payload: Record<string, unknown> = {
			eventType,
			subscriptionId: subscription.id,
			eventTime: { epochSecond: Math.floor(time / 1000), nano: (time % 1000) * 1_000_000 },
			eventVersion: this.payloadVersion,
			...(this.payloadVersion === 'v2' ? { subscriptionVersion: 'v2' } : {}),
			newState: encode(states.newState),
			oldState: encode(states.oldState),
		};
		const authorization =
			this.authScheme === 'bearer' ? `Bearer ${subscription.authToken}` : subscription.authToken;
		try {
			const response = await fetch(subscription.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization },
				body: JSON.stringify(payload),
				signal: AbortSignal.timeout(5000),
			});
			await response.arrayBuffer();
			this.deliveries.push({
				subscriptionId: subscription.id,
				url: subscription.url,
				status: response.status,
				payload,
			});
		} catch (error) {
			this.deliveries.push({
				subscriptionId: subscription.id,
				url: subscription.url,
				status: 0,
				payload,
				error: (error as Error).message,
			});
		}
	}

	/** Resolves when every delivery started so far has been answered (or failed). */
	async settle(): Promise<void> {
		while (this.pending.length > 0) {
			const batch = this.pending;
			this.pending = [];
			await Promise.all(batch);
		}
	}
}
