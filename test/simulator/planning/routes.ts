/**
 * Workfront Planning's API v2 below `/maestro/api`, answered from Adobe's description. Every
 * request is matched to an operation of the fixture extracted from Adobe's OpenAPI file (SPEC;
 * test/conformance/planning-v2.json) and its parameters and body are checked against the declared
 * schemas before anything happens; failures are SPEC's `V2ProblemDetail`. Sources as in model.ts.
 */
import { randomUUID } from 'node:crypto';

import type { SimRequest, SimResponse } from '../http';
import type { Session } from '../sessions';
import {
	checkFilter,
	matches,
	PlanningFault,
	recordDto,
	sorted,
	validation,
	writeData,
} from './model';
import { findOperation, parameterValue, pathDeclared, validate, type OperationFact } from './spec';
import type { BulkPlan, PlanningRecord, PlanningStore } from './store';

export const PLANNING_PREFIX = '/maestro/api';

/** SPEC "Limits and Quotas": records per record type, records per bulk request. */
const RECORDS_PER_TYPE = 25_000;
const BULK_LIMIT = 100;

/**
 * SPEC `V2ProblemDetail` (`title`, `status`, `detail`, `errorCode`, `requestId` required;
 * `errors[]`). SPEC serves it as `application/json`; the v2 landing page says
 * `application/problem+json`: the simulator follows SPEC.
 */
export function problem(fault: PlanningFault): SimResponse {
	return {
		status: fault.status,
		body: {
			title: fault.title,
			status: fault.status,
			detail: fault.message,
			errorCode: fault.errorCode,
			requestId: randomUUID(),
			...(fault.errors.length > 0 ? { errors: fault.errors } : {}),
		},
	};
}

const notFound = (what: string, id: string) =>
	new PlanningFault(
		404,
		'ENTITY_WITH_ATTRIBUTE_NOT_FOUND',
		'Not found',
		`${what} with ID '${id}' was not found.`,
	);

const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

interface Call {
	store: PlanningStore;
	params: Record<string, string>;
	query: URLSearchParams;
	body: unknown;
	operation: OperationFact;
}

/** `fieldIds=a,b` and `fieldIds=a&fieldIds=b` alike (SPEC's examples are comma-separated; OpenAPI's default is repeated). */
function listParam(query: URLSearchParams, name: string): string[] {
	return query
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
}

/** SPEC `CursorResponse…Dto`: `content` and `cursor {nextCursor, hasMore}`; the cursor is opaque (here the next offset, encoded). */
function cursorPage(items: unknown[], query: URLSearchParams): SimResponse {
	const limit = Number(query.get('limit') ?? 20);
	const cursor = query.get('cursor');
	let offset = 0;
	if (cursor !== null) {
		offset = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
		// SPEC (getHistory): 400 "invalid cursor or limit".
		if (!Number.isInteger(offset) || offset < 0) throw validation('Invalid cursor', 'cursor');
	}
	const content = items.slice(offset, offset + limit);
	const next = offset + content.length;
	const hasMore = next < items.length;
	return ok({
		content,
		cursor: {
			hasMore,
			...(hasMore ? { nextCursor: Buffer.from(`o:${next}`).toString('base64url') } : {}),
		},
	});
}

function recordTypeOf(store: PlanningStore, id: string) {
	const recordType = store.recordTypes.get(id);
	if (!recordType) throw notFound('Record type', id);
	return recordType;
}

function recordOf(store: PlanningStore, id: string): PlanningRecord {
	const record = store.records.get(id);
	if (!record) throw notFound('Record', id);
	return record;
}

const publicEntity = <T extends object>(entity: T) =>
	Object.fromEntries(
		Object.entries(entity).filter(([key]) => key !== 'compute' && key !== 'workspaceId'),
	);

function createOne(
	store: PlanningStore,
	recordTypeId: string,
	body: Record<string, unknown>,
): PlanningRecord {
	if (store.countOf(recordTypeId) >= RECORDS_PER_TYPE)
		throw new PlanningFault(
			403,
			'RECORD_TYPE_RECORD_LIMIT_EXCEEDED',
			'Forbidden',
			`A record type holds at most ${RECORDS_PER_TYPE} records`,
		);
	const data = writeData(store, recordTypeId, body.data);
	return store.addRecord(recordTypeId, data);
}

function patchOne(
	store: PlanningStore,
	record: PlanningRecord,
	body: Record<string, unknown>,
	replace: boolean,
) {
	// PUT: "All fields not provided in the request will be set to null" (updateRecord); PATCH merges.
	record.data = writeData(store, record.recordTypeId, body.data, replace ? {} : record.data);
	record.updatedAt = store.timestamp();
	return record;
}

/**
 * A bulk request (SPEC bulkCreateRecords, bulkUpdateRecords, bulkPatchRecords, bulkDeleteRecords;
 * `RecordBulkResponseDto`). Each item is applied on its own (one failing item does not undo the
 * others: the 207 "Mixed results" answers); `results` carry `requestIndex`. Items beyond 100 are
 * skipped with a request-level error, as SPEC's `RecordBulkRequestErrorDto` example says ("Bulk
 * operation limit of 100 items per request exceeded; 58 items were skipped"). The status when
 * every item fails is not documented: 207 with `status: "failed"` here. A test may set the fate of
 * each item (store.bulkPlans).
 */
function bulk(
	store: PlanningStore,
	items: unknown[],
	allOk: number,
	apply: (item: Record<string, unknown>) => PlanningRecord | string,
	idOf: (item: unknown) => string | undefined,
): SimResponse {
	const plan: BulkPlan | undefined = store.bulkPlans.shift();
	const results: Array<Record<string, unknown>> = [];
	let succeeded = 0;
	items.slice(0, BULK_LIMIT).forEach((item, requestIndex) => {
		const fate = plan?.fates[requestIndex] ?? 'natural';
		const id = idOf(item);
		if (fate === 'skippedSilent') return;
		if (fate === 'error') {
			results.push({
				requestIndex,
				...(id ? { id } : {}),
				status: 'error',
				error: { code: 'VALIDATION_FAILED', message: 'Refused for this test', details: {} },
			});
			return;
		}
		try {
			const done = apply((item ?? {}) as Record<string, unknown>);
			if (fate === 'appliedSilent') return;
			succeeded += 1;
			results.push({
				requestIndex,
				id: typeof done === 'string' ? done : done.id,
				status: 'success',
				...(typeof done === 'string' ? {} : { record: recordDto(store, done) }),
			});
		} catch (error) {
			if (!(error instanceof PlanningFault)) throw error;
			results.push({
				requestIndex,
				...(id ? { id } : {}),
				status: 'error',
				error: { code: error.errorCode, message: error.message, details: {} },
			});
		}
	});
	const skipped = items.slice(BULK_LIMIT);
	const errors =
		skipped.length > 0
			? [
					{
						code: 'RATE_LIMIT_EXCEEDED',
						message: `Bulk operation limit of ${BULK_LIMIT} items per request exceeded; ${skipped.length} items were skipped`,
						affectedIds: skipped.map(idOf).filter((id): id is string => id !== undefined),
					},
				]
			: [];
	const ordered = plan?.order ? plan.order.map((index) => results[index]).filter(Boolean) : results;
	const status = succeeded === items.length ? 'success' : succeeded === 0 ? 'failed' : 'partial';
	return ok(
		{
			status,
			total: items.length,
			succeeded,
			failed: items.length - succeeded,
			requestId: randomUUID(),
			errors,
			results: ordered,
		},
		status === 'success' ? allOk : 207,
	);
}

/**
 * Record search (SPEC searchRecordsPost): the body's typed filter, sort (the body's; the `sort`
 * query only when the body has none: Adobe does not say which wins), page (zero-based) and size
 * (no maximum in SPEC), projection by `fieldIds`/`fieldAliases`, `aliased` keys. The answer is
 * SPEC's `RecordSearchPageDto` (`records` a Spring page, `groups`); the landing page shows another
 * shape (`records` a list and `page`), which SPEC contradicts; the simulator follows SPEC.
 */
function search({ store, params, query, body }: Call): SimResponse {
	const recordType = recordTypeOf(store, params.recordTypeId);
	const request = (body ?? {}) as {
		filter?: Parameters<typeof checkFilter>[2];
		sort?: Array<{ fieldId: string; direction?: string }>;
		group?: Array<{ fieldId: string }>;
	};
	if (request.filter) checkFilter(store, recordType.id, request.filter);
	const querySort = query.getAll('sort').map((entry) => {
		const [fieldId, direction] = entry.split(',');
		return { fieldId, direction: direction?.toLowerCase() };
	});
	const all = sorted(
		store,
		store
			.recordsOf(recordType.id)
			.filter((record) => !request.filter || matches(store, record, request.filter)),
		request.sort?.length
			? request.sort
			: querySort.filter(({ fieldId }) => fieldId !== 'createdAt'),
	);
	const page = Number(query.get('page') ?? 0);
	const size = Number(query.get('size') ?? 100);
	const content = all.slice(page * size, page * size + size);
	const wanted = [...listParam(query, 'fieldIds'), ...listParam(query, 'fieldAliases')];
	const fieldIds = wanted.length === 0 || wanted.includes('*') ? undefined : new Set(wanted);
	const aliased = query.get('aliased') === 'true';
	const totalPages = Math.ceil(all.length / size);
	return ok({
		records: {
			content: content.map((record) => recordDto(store, record, { aliased, fieldIds })),
			totalElements: all.length,
			totalPages,
			number: page,
			size,
			numberOfElements: content.length,
			first: page === 0,
			last: page + 1 >= totalPages,
			empty: content.length === 0,
			pageable: {
				pageNumber: page,
				pageSize: size,
				offset: page * size,
				paged: true,
				unpaged: false,
			},
			sort: {
				sorted: Boolean(request.sort?.length),
				unsorted: !request.sort?.length,
				empty: !request.sort?.length,
			},
		},
		groups: [],
	});
}

const HANDLERS: Record<string, (call: Call) => SimResponse> = {
	getWorkspaces: ({ store, query }) =>
		cursorPage([...store.workspaces.values()].map(publicEntity), query),
	getWorkspace: ({ store, params }) => {
		const workspace = store.workspaces.get(params.id);
		if (!workspace) throw notFound('Workspace', params.id);
		return ok(publicEntity(workspace));
	},
	createWorkspace: ({ store, body }) =>
		ok(publicEntity(store.addWorkspace(body as { name: string })), 201),
	getRecordTypesByWorkspace: ({ store, params, query }) => {
		if (!store.workspaces.has(params.workspaceId)) throw notFound('Workspace', params.workspaceId);
		return cursorPage(
			[...store.recordTypes.values()]
				.filter((recordType) => recordType.workspaceId === params.workspaceId)
				.map(publicEntity),
			query,
		);
	},
	getRecordType: ({ store, params }) => ok(publicEntity(recordTypeOf(store, params.id))),
	createRecordType: ({ store, params, body }) => {
		if (!store.workspaces.has(params.workspaceId)) throw notFound('Workspace', params.workspaceId);
		return ok(
			publicEntity(store.addRecordType(params.workspaceId, body as { displayName: string })),
			201,
		);
	},
	getFieldsByRecordType: ({ store, params, query }) => {
		recordTypeOf(store, params.recordTypeId);
		return cursorPage(store.fieldsOf(params.recordTypeId).map(publicEntity), query);
	},
	getField: ({ store, params }) => {
		const field = store.fields.get(params.id);
		if (!field) throw notFound('Field', params.id);
		return ok(publicEntity(field));
	},
	createField: ({ store, params, body }) => {
		recordTypeOf(store, params.recordTypeId);
		const definition = body as {
			displayName?: string;
			type?: string;
			options?: Array<{ name?: string; displayName: string }>;
		};
		if (!definition.displayName?.trim())
			throw validation('displayName can not be blank', 'displayName');
		if (!definition.type) throw validation('type is required', 'type');
		// SPEC (Fields tag): display names unique in the record type, at most 500 fields.
		const fields = store.fieldsOf(params.recordTypeId);
		if (fields.some((field) => field.displayName === definition.displayName))
			throw new PlanningFault(
				403,
				'FIELD_DISPLAY_NAME_NOT_UNIQUE',
				'Forbidden',
				`A field named '${definition.displayName}' exists`,
			);
		if (fields.length >= 500)
			throw new PlanningFault(
				403,
				'FIELD_LIMIT_EXCEEDED',
				'Forbidden',
				'A record type holds at most 500 fields',
			);
		const field = store.addField(
			params.recordTypeId,
			definition as { displayName: string; type: string },
		);
		return ok(publicEntity(field), 201);
	},
	getViewsByRecordType: ({ store, params, query }) => {
		recordTypeOf(store, params.recordTypeId);
		return cursorPage(
			[...store.views.values()].filter((view) => view.recordTypeId === params.recordTypeId),
			query,
		);
	},
	getView: ({ store, params }) => {
		const view = store.views.get(params.id);
		if (!view) throw notFound('View', params.id);
		return ok(view);
	},
	getRecordsByRecordType: ({ store, params, query }) => {
		recordTypeOf(store, params.recordTypeId);
		const all = sorted(store, store.recordsOf(params.recordTypeId), []);
		const page = Number(query.get('page') ?? 0);
		const size = Number(query.get('size') ?? 20);
		const content = all.slice(page * size, page * size + size);
		return ok({
			content: content.map((record) => recordDto(store, record)),
			totalElements: all.length,
			totalPages: Math.ceil(all.length / size),
			number: page,
			size,
			first: page === 0,
			last: (page + 1) * size >= all.length,
		});
	},
	createRecord: ({ store, params, body }) => {
		recordTypeOf(store, params.recordTypeId);
		return ok(
			recordDto(store, createOne(store, params.recordTypeId, body as Record<string, unknown>)),
			201,
		);
	},
	getRecord: ({ store, params }) => ok(recordDto(store, recordOf(store, params.id))),
	patchRecord: ({ store, params, body }) =>
		ok(
			recordDto(
				store,
				patchOne(store, recordOf(store, params.id), body as Record<string, unknown>, false),
			),
		),
	updateRecord: ({ store, params, body }) =>
		ok(
			recordDto(
				store,
				patchOne(store, recordOf(store, params.id), body as Record<string, unknown>, true),
			),
		),
	deleteRecord: ({ store, params }) => {
		recordOf(store, params.id);
		store.deleteRecord(params.id);
		return { status: 204 };
	},
	searchRecordsPost: search,
	bulkCreateRecords: ({ store, params, body }) => {
		recordTypeOf(store, params.recordTypeId);
		return bulk(
			store,
			body as unknown[],
			201,
			(item) => createOne(store, params.recordTypeId, item),
			() => undefined,
		);
	},
	bulkPatchRecords: (call) => bulkEdit(call, false),
	bulkUpdateRecords: (call) => bulkEdit(call, true),
	bulkDeleteRecords: ({ store, params, body }) => {
		recordTypeOf(store, params.recordTypeId);
		const { ids } = body as { ids: string[] };
		// SPEC: 400 "Bad Request (empty ids list)".
		if (ids.length === 0) throw validation('ids must not be empty', 'ids');
		return bulk(
			store,
			ids,
			200,
			(item) => {
				const id = item as unknown as string;
				const record = recordOf(store, id);
				if (record.recordTypeId !== params.recordTypeId) throw notFound('Record', id);
				store.deleteRecord(id);
				return id;
			},
			(item) => String(item),
		);
	},
};

/** Bulk PUT/PATCH: "Each record must include an id" (SPEC); a record of another record type is not found here. */
function bulkEdit({ store, params, body }: Call, replace: boolean): SimResponse {
	recordTypeOf(store, params.recordTypeId);
	return bulk(
		store,
		body as unknown[],
		200,
		(item) => {
			if (typeof item.id !== 'string') throw validation('Each record must include an id', 'id');
			const record = recordOf(store, item.id);
			if (record.recordTypeId !== params.recordTypeId) throw notFound('Record', item.id);
			return patchOne(store, record, item, replace);
		},
		(item) =>
			item && typeof (item as { id?: unknown }).id === 'string'
				? (item as { id: string }).id
				: undefined,
	);
}

/** The parameters and body of a request checked against the operation Adobe describes. */
function checkRequest(
	operation: OperationFact,
	params: Record<string, string>,
	query: URLSearchParams,
	body: unknown,
): void {
	const problems: string[] = [];
	for (const parameter of operation.parameters) {
		const raw =
			parameter.in === 'path' ? params[parameter.name] : (query.get(parameter.name) ?? undefined);
		if (raw === undefined) {
			if (parameter.required) problems.push(`${parameter.name}: required`);
			continue;
		}
		const schema = parameter.schema as Record<string, unknown>;
		// Lists arrive as repeated or comma-separated parameters; each entry is checked.
		const values = schema.type === 'array' ? listParam(query, parameter.name) : [raw];
		for (const value of values)
			problems.push(
				...validate(
					schema.type === 'array' ? (schema.items as Record<string, unknown>) : schema,
					parameterValue(schema, value),
					{},
					parameter.name,
				),
			);
	}
	if (operation.requestBody) {
		if (body === undefined && operation.requestBody.required) problems.push('body: required');
		else if (body !== undefined)
			problems.push(...validate(operation.requestBody.schema, body, {}, 'body'));
	}
	if (problems.length > 0)
		throw new PlanningFault(
			400,
			'VALIDATION_FAILED',
			'Bad Request',
			`The request does not match ${operation.operationId}: ${problems.slice(0, 5).join('; ')}`,
			problems.slice(0, 20).map((entry) => {
				const [field, ...message] = entry.split(': ');
				return { field, message: message.join(': '), code: 'Invalid' };
			}),
		);
}

function header(request: SimRequest, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * One request below /maestro/api, from a caller `authenticate` accepted with an IMS token.
 * BASICS: "Do not use `sessionID` or `apiKey` parameters" — a request carrying either is refused
 * (401) before the token is looked at.
 */
export function planningRefusesSession(request: SimRequest): SimResponse | undefined {
	if (
		header(request, 'sessionid') === undefined &&
		!request.query.has('apiKey') &&
		!request.query.has('sessionID')
	)
		return undefined;
	return problem(
		new PlanningFault(
			401,
			'UNAUTHORIZED',
			'Unauthorized',
			'Workfront Planning does not accept sessionID or apiKey; use an Adobe IMS access token',
		),
	);
}

/** The 401 for a request without a usable IMS token, as a problem detail. */
export const PLANNING_UNAUTHORIZED = problem(
	new PlanningFault(
		401,
		'UNAUTHORIZED',
		'Unauthorized',
		'Full authentication is required to access this resource',
	),
);

export function handlePlanning(
	request: SimRequest,
	store: PlanningStore,
	session: Session,
): SimResponse {
	void session;
	const below = request.path.slice(PLANNING_PREFIX.length) || '/';
	let body: unknown;
	let answer: SimResponse;
	try {
		if (request.rawBody.length > 0) {
			try {
				body = JSON.parse(request.rawBody.toString('utf8')) as unknown;
			} catch {
				throw validation('The body is not valid JSON');
			}
		}
		const found = findOperation(request.method, below);
		if (!found) {
			throw pathDeclared(below)
				? new PlanningFault(
						405,
						'METHOD_NOT_ALLOWED',
						'Method Not Allowed',
						`${request.method} is not allowed on ${below}`,
					)
				: new PlanningFault(
						404,
						'NOT_FOUND',
						'Not found',
						`No endpoint ${request.method} ${below}`,
					);
		}
		checkRequest(found.operation, found.params, request.query, body);
		const handler = HANDLERS[found.operation.operationId];
		if (!handler)
			throw new PlanningFault(
				501,
				'NOT_IMPLEMENTED',
				'Not Implemented',
				`The simulator does not model ${found.operation.operationId}`,
			);
		answer = handler({
			store,
			params: found.params,
			query: request.query,
			body,
			operation: found.operation,
		});
	} catch (error) {
		if (!(error instanceof PlanningFault)) throw error;
		answer = problem(error);
	}
	store.requests.push({
		method: request.method,
		path: below,
		query: request.query.toString(),
		body,
		headers: {
			authorization: header(request, 'authorization') !== undefined,
			orgId: header(request, 'x-gw-ims-org-id') !== undefined,
			apiKey: header(request, 'x-api-key'),
			sessionId: header(request, 'sessionid') !== undefined,
		},
		status: answer.status,
	});
	return answer;
}
