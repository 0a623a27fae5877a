/**
 * Workfront's limits, each written once and used by descriptions (min/max in the panel) and code
 * (the checks and the paging) alike; and the one check of a whole number against limits, used by
 * the node's parameters and the credential's fields.
 */

import { WorkfrontCredentialError } from './errors';

/** Records in one bulk create or edit (Adobe's API basics: at most 100 objects). */
export const MAX_BATCH_SIZE = 100;

/** The largest `$$LIMIT` of one search page (Adobe: 100 by default, at most 2000). */
export const MAX_PAGE_SIZE = 2000;

/**
 * Workfront caps concurrent requests per organisation (Adobe documented 10 until June 2024, unspecified since), a cap shared with
 * every other integration of the organisation; the node's default leaves room for them.
 */
export const MAX_CONCURRENCY = 10;
export const DEFAULT_CONCURRENCY = 5;

/** Workfront's documented URI limit (Akamai); longer queries go in a POST body with `method=`. */
export const MAX_URI_BYTES = 8892;

/** The event subscription list's largest page (Adobe: `limit` defaults to 100, at most 1000). */
export const MAX_SUBSCRIPTION_PAGE_SIZE = 1000;

/**
 * Filter groups of an event subscription (Adobe, Event Subscription API, event-subs-api.md:
 * "Each subscription supports up to 10 filter groups", "Each filter group can include up to 5
 * filters", "A group must have a minimum of 2 filters"). The trigger checks them before it
 * subscribes (WorkfrontTrigger/subscriptionFilters.ts says why).
 */
export const MAX_FILTER_GROUPS = 10;
export const MAX_FILTERS_PER_GROUP = 5;
export const MIN_FILTERS_PER_GROUP = 2;

/** The range of a whole number as an error message words it. */
export function wholeNumberRange(min: number, max?: number): string {
	return max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
}

/** `value` as a whole number within min..max, or undefined when it is not one. */
export function wholeNumberIn(value: unknown, min: number, max?: number): number | undefined {
	const number = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
	return Number.isInteger(number) && number >= min && (max === undefined || number <= max)
		? number
		: undefined;
}

/**
 * The largest file a download keeps, in MB (Download's Options > Max File Size). n8n holds a
 * downloaded file in memory before it stores it, so a body that never ends or is far larger than
 * any document must stop at a bound. Adobe documents no largest document; the default keeps
 * ordinary documents (office files, PDFs, images, short videos) and stops runaway answers; the
 * maximum stays below what one Node.js Buffer can hold.
 */
export const DOWNLOAD_MAX_MB = { default: 1024, min: 1, max: 2048 } as const;

/** What an error answer of a download (HTML, JSON) may be: nothing longer is an error message. */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** Seconds one request to Workfront may wait for its answer (transfers get more, by size). */
export const REQUEST_TIMEOUT = { default: 60, min: 1, max: 3600 } as const;

/**
 * The longest a call that carries a secret (the exchange, the session check) may take for its whole
 * answer: Workfront answers these in well under a second; anything slower is a fault to report.
 */
export const CREDENTIAL_CALL_MAX_MS = 30_000;

/** The deadline of a credential call: the credential's Request Timeout, at most CREDENTIAL_CALL_MAX_MS. */
export function credentialCallDeadlineMs(requestTimeoutMs: number): number {
	return Math.min(CREDENTIAL_CALL_MAX_MS, requestTimeoutMs);
}

/** Request Timeout (a credential field) in milliseconds, or an error naming the field. */
export function readRequestTimeoutMs(value: unknown): number {
	const seconds = value === undefined || value === '' ? REQUEST_TIMEOUT.default : Number(value);
	if (!Number.isFinite(seconds) || seconds < REQUEST_TIMEOUT.min || seconds > REQUEST_TIMEOUT.max) {
		throw new WorkfrontCredentialError(
			`Request Timeout must be a number of seconds from ${REQUEST_TIMEOUT.min} to ${REQUEST_TIMEOUT.max} (it is ${String(value)}). ${REQUEST_TIMEOUT.default} suits most organisations.`,
			'Request Timeout',
		);
	}
	return Math.round(seconds * 1000);
}

/**
 * The resource mapper's reference columns (Project ID, Assigned To ID, …) list records by name as
 * options. n8n's mapper offers no searchable column (its columns are the FieldTypes of
 * ResourceMapperField, with no resource locator, in n8n 1.x and 2.x), and it saves each column's
 * options into the workflow with the node. So each list is one search, bounded:
 * - RECORDS: records per referenced object type, by name. 200 names are what one can still scan in
 *   a dropdown, and about 10 KB saved per column; Workfront's largest page is 2,000. A longer list
 *   says so in the column's name, and any other ID is mapped with an expression.
 * - TYPES: distinct object types searched per mapper load (Workfront's own object types reference
 *   many; required references first, then the common ones). Beyond it, a reference is a text column.
 * - CONCURRENCY: searches at once, well under the organisation's cap of concurrent requests
 *   (MAX_CONCURRENCY), which every other integration shares.
 */
export const MAPPER_REFERENCE_LIST = { records: 200, types: 8, concurrency: 3 } as const;

/**
 * Records Get Many hands an AI agent by default (Max Records for the Agent). n8n passes a tool's
 * whole answer to the model as text, with no cap of its own; a Workfront record with its default
 * fields is about 300 characters, so 50 records are about 15,000 characters, a small part of a
 * model's context. The agent is told when more matched.
 */
export const AGENT_RECORDS = { default: 50, min: 1, max: MAX_PAGE_SIZE } as const;

// ---- Workfront Planning (API v2). Sources: Adobe's OpenAPI file, AdobeDocs/Workfront-Planning-API
// static/v2.json (byte-identical to api-evangelist/workfront openapi/workfront-planning-v2-openapi.json).

/**
 * Records in one bulk create, update or delete request of Planning. The "Records" tag and every bulk
 * operation's description: "Limited to 100 records per request"; `BulkDeleteRequestDto.ids` has
 * `maxItems: 100` (the array bodies of the other bulk operations declare none).
 */
export const PLANNING_MAX_BATCH_SIZE = 100;

/**
 * Records in one page of a Planning record search (`size`). Adobe's v2 file declares no maximum
 * (`minimum: 1`, default 100), so the node uses the largest page Adobe ever documented for Planning
 * record search: v1's `limit`, "up to 2000 results" (Planning API basics, "Query limits and
 * paginated responses"). A record type holds at most 25,000 records (the "Limits and Quotas" tag),
 * so Return All takes at most 13 pages. Paging reads the answer's `last`/`totalPages`, so a server
 * that clamps the size silently (as Spring does by default) still yields every record.
 */
export const PLANNING_SEARCH_PAGE_SIZE = 2000;

/**
 * The largest `limit` of Planning's cursor-paged lists (each operation's `limit` parameter):
 * workspaces and record history 50; record types, fields and views 100.
 */
export const PLANNING_CURSOR_LIMIT = {
	workspaces: 50,
	recordTypes: 100,
	fields: 100,
	views: 100,
} as const;

/**
 * Planning's quotas, the SPEC's "Limits and Quotas" tag ("Exceeding any of these limits returns an
 * HTTP 403 with a specific errorCode"): the node does not count against them (Planning does), it
 * names them in the hint of the error that says one was reached.
 */
export const PLANNING_QUOTAS = {
	workspacesPerOrganisation: 100_000,
	recordTypesPerWorkspace: 100,
	recordsPerRecordType: 25_000,
	fieldsPerRecordType: 500,
	longTextFieldsPerRecordType: 20,
	formulaFieldsPerRecordType: 20,
	referenceFieldsPerRecordType: 30,
	connectionsPerReferenceField: 500,
	connectionsPerHierarchyField: 10,
	personalViewsPerRecordType: 100,
} as const;

/**
 * The most items each cursor-paged Planning list can hold, from Adobe's quotas above: a list that
 * goes on beyond it is not Planning's, and is stopped (each page a request; a server that always
 * hands out a new cursor would otherwise be read for ever). Views: Adobe gives 100 personal views
 * per record type and no quota for shared ones, so ten times that.
 */
export const PLANNING_LIST_MOST = {
	workspaces: PLANNING_QUOTAS.workspacesPerOrganisation,
	recordTypes: PLANNING_QUOTAS.recordTypesPerWorkspace,
	fields: PLANNING_QUOTAS.fieldsPerRecordType,
	views: PLANNING_QUOTAS.personalViewsPerRecordType * 10,
} as const;

/** Planning's conditions nest groups to any depth (`FilterNodeDto`); the node reads at most this deep, so a hostile JSON filter cannot exhaust the stack. */
export const PLANNING_MAX_FILTER_DEPTH = 16;
