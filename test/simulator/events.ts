import { randomUUID } from 'node:crypto';

import eventFacts from '../conformance/adobe-event-subscriptions.json';

import { formatEventDateTime, parseDateTime } from './model/dates';
import { specFor } from './model/schema';
import type { ObjectStore, RecordChange, WfRecord } from './model/store';
import { json, type SimRequest, type SimResponse } from './http';
import { MULTI_VALUE_DISPLAY_TYPES } from './model/customForms';

export const SUBSCRIPTIONS_PATH = '/attask/eventsubscription/api/v1/subscriptions';

/**
 * Object codes the Event Subscriptions API accepts: the objCode table of Adobe's "Event
 * Subscription API" page ("The possible values for objCode are listed in the table below",
 * help/quicksilver/wf-api/general/event-subs-api.md lines 122-261 at e889906d), read from the
 * fixture test/conformance/extractEventSubscriptions.ts writes from that page: 31 codes, their case
 * kept (`approval` is lower case). Adobe does not say what Workfront answers for another code, nor
 * whether it matches codes case-insensitively; the simulator answers 400 and matches exactly, the
 * strict reading, so that a test fails if the node sends a code Adobe does not list (PARAM and CTGY,
 * which only the resource fields page names, included).
 */
export const SUBSCRIBABLE = new Set(eventFacts.objects.map(({ objCode }) => objCode));

/**
 * The payload fields Adobe lists per objCode ("Event subscription resource fields",
 * help/quicksilver/wf-api/api/event-sub-resource-fields.md at 7c4ce737): "The fields listed on this
 * page will always be present in the delivered event, even if the value of that field is null"
 * (line 38). Used for the objects whose records the simulator's REST API does not hold (the Planning
 * and approval objects, staffing plans, ...), published through `publishEvent`.
 */
const RESOURCE_FIELDS = eventFacts.resources as Record<string, { fields: string[] }>;

/**
 * The filter group limits Adobe gives ("Using filter groups", lines 942-950, 987-989, 1054-1060).
 * Adobe does not document what Workfront answers to a subscription beyond them (the create call
 * lists 400 only for an invalid URL, lines 341-348, and line 629 says a wrong filter gets no
 * validation message), so the simulator does not refuse one: it accepts it (201, as any create) and
 * notes each breach in the subscription's `beyondAdobeLimits`, for tests to see that a client never
 * sends one.
 */
export const FILTER_GROUP_LIMITS = {
	maxGroups: eventFacts.filterGroups.maxGroupsPerSubscription.value,
	maxFiltersPerGroup: eventFacts.filterGroups.maxFiltersPerGroup.value,
	minFiltersPerGroup: eventFacts.filterGroups.minFiltersPerGroup.value,
};
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

/** "Using filter groups" (lines 998-1029): `{ type: "group", connector, filters }` among the filters. */
interface FilterGroup {
	type: 'group';
	connector?: string;
	filters?: Array<Filter | FilterGroup>;
}

type FilterEntry = Filter | FilterGroup;

const isGroup = (entry: FilterEntry): entry is FilterGroup =>
	(entry as FilterGroup).type === 'group';

export interface Subscription {
	id: string;
	customerId: string;
	objCode: string;
	eventType: string;
	url: string;
	authToken: string;
	objId?: string;
	filters: FilterEntry[];
	filterConnector: 'AND' | 'OR';
	base64Encoding: boolean;
	/** Where the subscription goes beyond Adobe's filter group limits (accepted all the same). */
	beyondAdobeLimits: string[];
	version: EventVersion;
	/** When the version last changed (the simulator's clock), for the window of duplicates. */
	versionChangedAt?: number;
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

/**
 * A subscription as GET answers it, the auth token masked. `version` and `dateVersionUpdated` are
 * in Adobe's examples (API page, lines 429-430 and 503-504); what the simulator keeps for itself
 * (limit breaches, when the version changed) is not.
 */
function publicView(subscription: Subscription) {
	const { authToken, beyondAdobeLimits, versionChangedAt, ...rest } = subscription;
	void beyondAdobeLimits;
	return {
		...rest,
		authToken: mask(authToken),
		date_created: rest.dateCreated,
		dateVersionUpdated:
			versionChangedAt === undefined ? null : new Date(versionChangedAt).toISOString(),
	};
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

type States = { newState: Record<string, unknown>; oldState: Record<string, unknown> };

export type EventVersion = 'v1' | 'v2';

/**
 * The states as one version of event subscriptions sends them ("Event subscription versioning",
 * help/quicksilver/wf-api/general/event-subs-versioning.md at f34f48d9, "General changes", lines
 * 69-74): version 2 sends a multi-select field as a list "regardless of how many values are in the
 * array"; version 1 sent a lone value "converted to and sent as a string", several as a list. The
 * multi-select fields are the custom fields whose display type holds several values (CHECKBOX,
 * MULTISELECT), as `DE:<name>` in `parameterValues`. The other differences of that page (per object
 * type, lines 78-254) are not modelled: none is a shape the node reads.
 */
function shapedFor(states: States, version: EventVersion, multiSelect: Set<string>): States {
	const shape = (state: Record<string, unknown>) => {
		const values = state.parameterValues;
		if (!values || typeof values !== 'object') return state;
		const shaped: Record<string, unknown> = { ...(values as Record<string, unknown>) };
		for (const key of Object.keys(shaped)) {
			if (!multiSelect.has(key)) continue;
			const value = shaped[key];
			if (value === null || value === undefined) continue;
			const list = Array.isArray(value) ? value : [value];
			shaped[key] = version === 'v1' && list.length === 1 ? list[0] : list;
		}
		return { ...state, parameterValues: shaped };
	};
	return { newState: shape(states.newState), oldState: shape(states.oldState) };
}

/**
 * For five minutes after a subscription's version changes, every event is delivered twice, "one
 * each of event subscription version 1 and version 2" ("Event Subscription API", lines 531-533;
 * versioning page, line 30).
 */
export const VERSION_CHANGE_WINDOW_MS = 5 * 60_000;

/**
 * `eq` (lines 646-664): "matches `fieldValue` in the filter exactly", case-sensitive. Adobe's
 * examples send fieldValue as text, also for numbers ("100", line 1007), and do not say how text
 * compares with a number; the simulator compares a text value with a scalar as text (tolerant).
 */
function equal(actual: unknown, wanted: unknown): boolean {
	return typeof wanted === 'string' && actual !== null && typeof actual !== 'object'
		? String(actual) === wanted
		: JSON.stringify(actual) === JSON.stringify(wanted);
}

/**
 * gt, gte, lt, lte (lines 685-765): "greater than the value for `fieldValue`", and so on. Adobe's
 * examples compare dates written with an offset ("2022-12-11T16:00:00.000-0800") and, in the filter
 * group example, a percentage with "100" (line 1007); it does not say how values are compared. The
 * simulator compares numbers as numbers and dates as instants; anything else does not compare, so
 * such a filter does not pass (Adobe silent).
 */
function order(actual: unknown, wanted: unknown): number | undefined {
	const number = (value: unknown) =>
		typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
			? Number(value)
			: Number.NaN;
	if (Number.isFinite(number(actual)) && Number.isFinite(number(wanted)))
		return number(actual) - number(wanted);
	const instant = (value: unknown) =>
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)
			? parseDateTime(value.replace(/\.(\d{3})([+-]\d{4})$/, ':$1$2'))
			: Number.NaN;
	if (!Number.isNaN(instant(actual)) && !Number.isNaN(instant(wanted)))
		return instant(actual) - instant(wanted);
	return undefined;
}

/** One value of the state against the filter's value, by the filter's comparison. */
function compare(comparison: string, actual: unknown, wanted: unknown): boolean {
	const ordered = () => order(actual, wanted);
	switch (comparison) {
		case 'ne': // lines 666-683: does not match exactly.
			return !equal(actual, wanted);
		case 'gt':
			return (ordered() ?? Number.NaN) > 0;
		case 'gte':
			return (ordered() ?? Number.NaN) >= 0;
		case 'lt':
			return (ordered() ?? Number.NaN) < 0;
		case 'lte':
			return (ordered() ?? Number.NaN) <= 0;
		case 'contains':
			// Lines 767-786: "contains the fieldValue", case-sensitive, shown on text. On a list
			// (a multi-select) Adobe is silent; the simulator reads it as notContains's opposite
			// (lines 817-823: a list "does not contain the specified value").
			return Array.isArray(actual)
				? actual.some((item) => equal(item, wanted))
				: String(actual ?? '').includes(String(wanted));
		case 'notContains':
			// Lines 817-823: text that does not contain the value; a list without the value.
			return Array.isArray(actual)
				? !actual.some((item) => equal(item, wanted))
				: !String(actual ?? '').includes(String(wanted));
		case 'containsOnly': {
			// Lines 788-794: the selected values are exactly the fieldValue list, in any order, none
			// extra or missing; a text or number fieldValue passes only a field holding exactly that
			// one option (a lone option sent as text, as version 1 sends it, included).
			const selected = Array.isArray(actual)
				? actual.map(String)
				: actual == null
					? []
					: [String(actual)];
			const wantedList = Array.isArray(wanted) ? wanted.map(String) : [String(wanted)];
			const sorted = (list: string[]) => JSON.stringify([...list].sort());
			return sorted(selected) === sorted(wantedList);
		}
		default:
			return equal(actual, wanted);
	}
}

/**
 * Nested filters ("Using nested filters", lines 893-939): a fieldValue that is an object matches a
 * field whose value holds those keys, each compared in turn (`data` with `{"customField1": ...}`
 * matches `newState.data.customField1`), to any depth.
 */
function matchesValue(comparison: string, actual: unknown, wanted: unknown): boolean {
	if (wanted !== null && typeof wanted === 'object' && !Array.isArray(wanted)) {
		if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
		return Object.entries(wanted as Record<string, unknown>).every(([key, value]) =>
			matchesValue(comparison, (actual as Record<string, unknown>)[key], value),
		);
	}
	return compare(comparison, actual, wanted);
}

function matches(filter: Filter, payload: States): boolean {
	// `changed` (lines 842-864): passes when the field differs between the old and the new state;
	// "fieldValue ... has no effect".
	if (filter.comparison === 'changed')
		return (
			JSON.stringify(payload.newState[filter.fieldName] ?? null) !==
			JSON.stringify(payload.oldState[filter.fieldName] ?? null)
		);
	// `state` (lines 866-891) picks the state; without one, the new state (line 626: "only messages
	// with a newState containing the filter keys and values are sent").
	const state = payload[filter.state === 'oldState' ? 'oldState' : 'newState'] ?? {};
	return matchesValue(filter.comparison ?? 'eq', state[filter.fieldName], filter.fieldValue);
}

/**
 * Whether a list of filters passes, combined by `connector`: the top-level `filterConnector`
 * ("AND", the default, or "OR", lines 952-976), or a group's own `connector` (line 984). A group is
 * one filter of its list (lines 1047-1048: "both the top-level filter and the group must pass").
 * Adobe is silent on a group without a connector (the simulator takes AND, the default of
 * filterConnector) and on a group inside a group (the simulator evaluates it the same way, one level
 * further down, rather than invent an error).
 */
function passes(entries: FilterEntry[], connector: unknown, payload: States): boolean {
	if (entries.length === 0) return true;
	const results = entries.map((entry) =>
		isGroup(entry)
			? passes(Array.isArray(entry.filters) ? entry.filters : [], entry.connector, payload)
			: matches(entry, payload),
	);
	return connector === 'OR' ? results.some(Boolean) : results.every(Boolean);
}

/** Where a subscription's filters go beyond Adobe's filter group limits (see FILTER_GROUP_LIMITS). */
function beyondLimits(entries: FilterEntry[]): string[] {
	const found: string[] = [];
	const groups = entries.filter(isGroup);
	if (groups.length > FILTER_GROUP_LIMITS.maxGroups)
		found.push(`${groups.length} filter groups (Adobe: up to ${FILTER_GROUP_LIMITS.maxGroups})`);
	groups.forEach((group, index) => {
		const size = Array.isArray(group.filters) ? group.filters.length : 0;
		if (size < FILTER_GROUP_LIMITS.minFiltersPerGroup)
			found.push(
				`group ${index + 1} has ${size} filters (Adobe: a minimum of ${FILTER_GROUP_LIMITS.minFiltersPerGroup})`,
			);
		if (size > FILTER_GROUP_LIMITS.maxFiltersPerGroup)
			found.push(
				`group ${index + 1} has ${size} filters (Adobe: up to ${FILTER_GROUP_LIMITS.maxFiltersPerGroup})`,
			);
		if ((group.filters ?? []).some(isGroup))
			found.push(`group ${index + 1} holds a group (Adobe does not describe nesting)`);
	});
	return found;
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

	/**
	 * The version a new subscription gets: v2, since "All new subscriptions created after the 25.2
	 * release are created as Version 2" (versioning page, line 38); v1 models a Workfront before it.
	 */
	newSubscriptionVersion: EventVersion = 'v2';

	/** Event subscriptions need a System Administrator; false makes the simulator answer 403. */
	userIsAdmin = true;

	private pending: Array<Promise<void>> = [];

	constructor(
		private readonly now: () => number,
		private readonly store?: ObjectStore,
	) {}

	/** The multi-select custom fields, as `DE:<name>` (see shapedFor). */
	private multiSelectKeys(): Set<string> {
		return new Set(
			(this.store?.all('PARAM') ?? [])
				.filter(({ displayType }) => MULTI_VALUE_DISPLAY_TYPES.includes(String(displayType)))
				.map(({ name }) => `DE:${String(name)}`),
		);
	}

	handle(request: SimRequest, customerId: string): SimResponse {
		if (!this.userIsAdmin)
			return json(403, { message: 'Only a System Administrator can manage event subscriptions' });
		const id = request.path.slice(SUBSCRIPTIONS_PATH.length).replace(/^\//, '');
		if (request.method === 'POST' && id === '') return this.create(request, customerId);
		if (request.method === 'PUT' && id === 'version')
			return this.changeVersions(request, customerId);
		if (request.method === 'PUT' && id.endsWith('/version'))
			return this.changeVersion(request, customerId, id.slice(0, -'/version'.length));
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

	/** The version in a version change's body; Adobe's examples send only "v2" ("upgrade or downgrade"). */
	private static versionIn(request: SimRequest): {
		version?: EventVersion;
		body?: Record<string, unknown>;
	} {
		try {
			const body = JSON.parse(request.rawBody.toString('utf8')) as Record<string, unknown>;
			return body.version === 'v1' || body.version === 'v2'
				? { version: body.version, body }
				: { body };
		} catch {
			return {};
		}
	}

	private setVersion(subscription: Subscription, version: EventVersion): void {
		if (subscription.version === version) return;
		subscription.version = version;
		subscription.versionChangedAt = this.now();
	}

	/**
	 * "Single subscription version change" (API page, lines 535-567): PUT .../<id>/version with
	 * `{"version": "v2"}`, answered 200 `{"id", "version"}`; 404 for a subscription it does not know.
	 * 400 is among the documented codes without a cause; the simulator answers it to a body without
	 * "v1" or "v2" (its reading).
	 */
	private changeVersion(request: SimRequest, customerId: string, id: string): SimResponse {
		const subscription = this.subscriptions.get(id);
		if (!subscription || subscription.customerId !== customerId)
			return json(404, { message: `Subscription ${id} was not found` });
		const { version } = EventSubscriptions.versionIn(request);
		if (!version) return json(400, { message: 'version must be "v1" or "v2"' });
		this.setVersion(subscription, version);
		return json(200, { id: subscription.id, version: subscription.version });
	}

	/**
	 * "Multiple subscriptions version change" (API page, lines 569-614): PUT .../version with
	 * `subscriptionIds` or `allCustomerSubscriptions: true`; 200 answers `subscription_ids` (snake
	 * case, as Adobe's example has it). 400 as for one subscription (the simulator's reading).
	 */
	private changeVersions(request: SimRequest, customerId: string): SimResponse {
		const { version, body } = EventSubscriptions.versionIn(request);
		if (!version || !body) return json(400, { message: 'version must be "v1" or "v2"' });
		const mine = [...this.subscriptions.values()].filter((one) => one.customerId === customerId);
		const chosen =
			body.allCustomerSubscriptions === true
				? mine
				: Array.isArray(body.subscriptionIds)
					? mine.filter(({ id }) => (body.subscriptionIds as unknown[]).includes(id))
					: undefined;
		if (!chosen)
			return json(400, { message: 'Give subscriptionIds or allCustomerSubscriptions: true' });
		for (const subscription of chosen) this.setVersion(subscription, version);
		return json(200, { subscription_ids: chosen.map(({ id }) => id), version });
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
			filters: Array.isArray(body.filters) ? (body.filters as FilterEntry[]) : [],
			filterConnector: body.filterConnector === 'OR' ? 'OR' : 'AND',
			base64Encoding: body.base64Encoding === true,
			beyondAdobeLimits: beyondLimits(
				Array.isArray(body.filters) ? (body.filters as FilterEntry[]) : [],
			),
			version: this.newSubscriptionVersion,
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
			this.route(customerId, change.objCode, change.eventType, String(record?.ID ?? ''), {
				newState: eventState(change.after),
				oldState: eventState(change.eventType === 'CREATE' ? undefined : change.before),
			});
		}
	}

	/**
	 * An event of an object type whose records the simulator's REST API does not hold (the Planning
	 * and approval objects, staffing plans, ...), as Workfront would deliver it: each state carries
	 * every field Adobe lists for the objCode, null where not given (RESOURCE_FIELDS), plus what is
	 * given. The record's ID is `ID`, or `id` for the Planning objects, which name it so (resource
	 * fields page: RECORD, RECORD_TYPE, WORKSPACE). A CREATE has an empty old state and a DELETE an
	 * empty new state (API page, lines 1148 and 1225-1262).
	 */
	publishEvent(
		customerId: string,
		event: {
			objCode: string;
			eventType: 'CREATE' | 'UPDATE' | 'DELETE';
			newState?: Record<string, unknown>;
			oldState?: Record<string, unknown>;
		},
	): void {
		const fields = RESOURCE_FIELDS[event.objCode]?.fields ?? [];
		const full = (given: Record<string, unknown> | undefined): Record<string, unknown> =>
			given === undefined
				? {}
				: {
						...Object.fromEntries(fields.map((field) => [field, null])),
						...given,
						objCode: event.objCode,
					};
		const states: States = {
			newState: event.eventType === 'DELETE' ? {} : full(event.newState),
			oldState: event.eventType === 'CREATE' ? {} : full(event.oldState),
		};
		const record = event.eventType === 'DELETE' ? states.oldState : states.newState;
		this.route(
			customerId,
			event.objCode,
			event.eventType,
			String(record.ID ?? record.id ?? ''),
			states,
		);
	}

	/** Sends an event to every subscription of the customer it matches. */
	private route(
		customerId: string,
		objCode: string,
		eventType: string,
		recordId: string,
		states: States,
	): void {
		for (const subscription of this.subscriptions.values()) {
			if (subscription.customerId !== customerId || subscription.objCode !== objCode) continue;
			if (subscription.eventType !== eventType) continue;
			if (subscription.objId && subscription.objId !== recordId) continue;
			// Filters see the event as the subscription's version shapes it (versioning page, line 73:
			// a version 2 filter on a multi-select field needs its value as a list).
			const multiSelect = this.multiSelectKeys();
			const own = shapedFor(states, subscription.version, multiSelect);
			if (!passes(subscription.filters, subscription.filterConnector, own)) continue;
			const changedAt = subscription.versionChangedAt;
			const copies: EventVersion[] =
				changedAt !== undefined && this.now() - changedAt < VERSION_CHANGE_WINDOW_MS
					? ['v1', 'v2']
					: [subscription.version];
			for (const copy of copies)
				this.pending.push(
					this.deliver(subscription, eventType, shapedFor(states, copy, multiSelect), copy),
				);
		}
	}

	/**
	 * One delivery. `eventVersion` is the version of this copy and `subscriptionVersion` the
	 * subscription's: every payload example of Adobe's carries both, as "v2" (API page, lines
	 * 1162-1163, 1233-1234, 1303-1304), and Adobe does not explain how they differ; that a copy of the
	 * window of duplicates carries its own version as eventVersion is the simulator's reading.
	 */
	private async deliver(
		subscription: Subscription,
		eventType: string,
		states: States,
		eventVersion: EventVersion,
	): Promise<void> {
		const time = this.now();
		const encode = (state: Record<string, unknown>) =>
			subscription.base64Encoding ? Buffer.from(JSON.stringify(state)).toString('base64') : state;
		const payload: Record<string, unknown> = {
			eventType,
			subscriptionId: subscription.id,
			eventTime: { epochSecond: Math.floor(time / 1000), nano: (time % 1000) * 1_000_000 },
			eventVersion,
			subscriptionVersion: subscription.version,
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
