import { apiError, data, type SimRequest, type SimResponse } from './http';
import { runAction } from './model/actions';
import { checkRequiredOnCreate } from './model/adobeFacts';
import { createDocument, createVersion, splitDocumentInput } from './model/documents';
import { filterRecords } from './model/filters';
import { page, sortRecords } from './model/listing';
import { describeObject, listObjects } from './model/metadata';
import { RequestParams } from './model/params';
import { parseFieldList, project, validateFields } from './model/projection';
import { runReport } from './model/report';
import { findSpec, type ObjectSpec } from './model/schema';
import { invalidParameter, WorkfrontFault, type RecordChange, type WfRecord } from './model/store';
import { checkBulkSize, deleteRecord, validateWrite } from './model/writes';
import type { ApiContext, ApiHandler, ApiRoute } from './routing';

interface ObjectRequest {
	spec: ObjectSpec;
	params: RequestParams;
	fields: string[];
	context: ApiContext;
	request: SimRequest;
}

type ObjectHandler = (input: ObjectRequest) => SimResponse;

/** Resolves the object type and parameters once, and turns WorkfrontFaults into error envelopes. */
function objectHandler(handler: ObjectHandler): ApiHandler {
	return (request, context) => {
		const { store, events } = context.state;
		const changes: RecordChange[] = [];
		store.changeListener = (change) => changes.push(change);
		try {
			const spec = findSpec(request.params.obj);
			if (!spec) throw invalidParameter(`Unknown object type: ${request.params.obj}`);
			const params = new RequestParams(request);
			const fields = parseFieldList(params.get('fields'));
			validateFields(spec, fields, context.version);
			return handler({ spec, params, fields, context, request });
		} catch (error) {
			if (error instanceof WorkfrontFault)
				return apiError(error.status, error.errorClass, error.message);
			throw error;
		} finally {
			store.changeListener = undefined;
			events.publish(changes, context.session.customerId);
		}
	};
}

function render({ spec, fields, context }: ObjectRequest, record: WfRecord) {
	return project(context.state.store, spec, record, fields, context.version);
}

/** The filtered, sorted records of a search, kept while nothing is written, so paging costs one sort. */
/**
 * `$$USER.ID`: the user the request acts as, Workfront's wildcard in filter values (Experience
 * League, "Filter variables"/text mode: "assignedToID=$$USER.ID"; "the wildcard for the
 * logged-in user").
 */
function withUserWildcard(params: ObjectRequest['params'], userId: string): void {
	for (const entry of params.entries) if (/^\$\$USER\.ID$/i.test(entry[1])) entry[1] = userId;
}

function sortedMatches({ spec, params, context }: ObjectRequest): WfRecord[] {
	const { store, queryCache } = context.state;
	withUserWildcard(params, context.session.userId);
	const key = JSON.stringify([
		spec.objCode,
		context.version,
		params.entries.filter(([name]) => !['$$FIRST', '$$LIMIT', 'fields', 'method'].includes(name)),
	]);
	const cached = queryCache.get(key);
	if (cached && cached.version === store.version) return cached.records;
	const matching = filterRecords(store, spec, params, context.version);
	const records = sortRecords(store, spec, matching, params, context.version);
	if (queryCache.size > 50) queryCache.clear();
	queryCache.set(key, { version: store.version, records });
	return records;
}

function search(input: ObjectRequest): SimResponse {
	return data(page(sortedMatches(input), input.params).map((record) => render(input, record)));
}

function getByIds(input: ObjectRequest, ids: string[]): SimResponse {
	const records = ids.map((id) => input.context.state.store.require(input.spec, id));
	return data(records.map((record) => render(input, record)));
}

/** Field values of a create or edit: a JSON body, the `updates` parameter, or plain parameters. */
function writeInput({ params }: ObjectRequest): unknown {
	if (params.jsonBody !== undefined) return params.jsonBody;
	if (params.updates !== undefined) return params.updates;
	const reserved = new Set([
		'fields',
		'method',
		'updates',
		'atomic',
		'id',
		'ID',
		'action',
		'copySourceID',
		'options',
	]);
	return Object.fromEntries(params.entries.filter(([key]) => !reserved.has(key)));
}

/** Applies writes one by one; with `atomic=true` all are validated first and nothing is kept on failure. */
function applyAll<T>(
	input: ObjectRequest,
	items: T[],
	apply: (item: T) => WfRecord,
	validate: (item: T) => void,
): WfRecord[] {
	if (input.params.flag('atomic')) items.forEach(validate);
	return items.map(apply);
}

function create(input: ObjectRequest): SimResponse {
	const { spec, params, context } = input;
	const store = context.state.store;
	const actor = context.session.userId;
	const copySourceID = params.get('copySourceID');
	if (copySourceID) {
		const source = store.require(spec, copySourceID);
		const values: Record<string, unknown> = { ...source };
		delete values.ID;
		const changes = validateWrite(
			store,
			spec,
			params.updates ?? {},
			context.version,
			'edit',
			source,
		);
		const copy = store.insert(
			spec.objCode,
			{ ...values, name: `${String(source.name ?? '')} (copy)`, ...changes },
			actor,
		);
		return data(render(input, copy));
	}
	const body = writeInput(input);
	const document = splitDocumentInput(spec, body);
	if (document) {
		// The version notes make DOCV `version` REQUIRED until v22 (adobeFacts, requiredOnCreate).
		checkRequiredOnCreate(spec.objCode, spec.name, context.version, {
			...document.fields,
			version: document.version,
		});
		const values = validateWrite(store, spec, document.fields, context.version, 'create');
		const create = spec.objCode === 'DOCU' ? createDocument : createVersion;
		return data(render(input, create(store, context.state.files, values, document, actor)));
	}
	const bulk = Array.isArray(body);
	const items = bulk ? body : [body];
	if (bulk) checkBulkSize(items.length);
	const validated = items.map((item) => () => {
		checkRequiredOnCreate(
			spec.objCode,
			spec.name,
			context.version,
			(item ?? {}) as Record<string, unknown>,
		);
		return validateWrite(store, spec, item, context.version, 'create');
	});
	const created = applyAll(
		input,
		validated,
		(validate) => store.insert(spec.objCode, validate(), actor),
		(validate) => void validate(),
	);
	if (params.flag('atomic')) return data({ success: true });
	const rendered = created.map((record) => render(input, record));
	return data(bulk ? rendered : rendered[0]);
}

function edit(input: ObjectRequest, id?: string): SimResponse {
	const { spec, params, context } = input;
	const store = context.state.store;
	const actor = context.session.userId;
	const body = writeInput(input);
	if (Array.isArray(body)) {
		checkBulkSize(body.length);
		const items = body.map((item: Record<string, unknown>) => {
			if (typeof item?.ID !== 'string')
				throw invalidParameter('Every object of a bulk edit needs its ID');
			return { record: store.require(spec, item.ID), item };
		});
		const updated = applyAll(
			input,
			items,
			({ record, item }) =>
				store.update(
					record,
					validateWrite(store, spec, item, context.version, 'edit', record),
					actor,
				),
			({ item, record }) => void validateWrite(store, spec, item, context.version, 'edit', record),
		);
		if (params.flag('atomic')) return data({ success: true });
		return data(updated.map((record) => render(input, record)));
	}
	const targetId = id ?? params.ids()[0];
	if (!targetId) throw invalidParameter(`An edit of ${spec.name} needs an ID`);
	const record = store.require(spec, targetId);
	store.update(record, validateWrite(store, spec, body, context.version, 'edit', record), actor);
	return data(render(input, record));
}

function remove(input: ObjectRequest, ids: string[]): SimResponse {
	const { spec, params, context } = input;
	if (ids.length === 0) throw invalidParameter(`A delete of ${spec.name} needs an ID`);
	checkBulkSize(ids.length);
	const records = ids.map((id) => context.state.store.require(input.spec, id));
	for (const record of records)
		deleteRecord(context.state.store, spec, record, params.flag('force'));
	return data({ success: true });
}

function action(input: ObjectRequest, id: string, name: string): SimResponse {
	const { spec, params, context } = input;
	const record = context.state.store.require(spec, id);
	const result = runAction(name, {
		store: context.state.store,
		spec,
		record,
		params,
		actorId: context.session.userId,
	});
	return data(result === undefined || result === null ? { success: true } : { result });
}

const looksLikeId = (value: string) => /^[0-9a-f]{32}$/i.test(value);

export const objectRoutes: ApiRoute[] = [
	{ method: 'GET', pattern: 'metadata', handler: () => data(listObjects()) },
	{
		method: 'GET',
		pattern: ':obj/metadata',
		handler: objectHandler(({ spec, context }) =>
			data(describeObject(spec, context.state.declaredFields.get(spec.objCode))),
		),
	},
	{ method: 'GET', pattern: ':obj/search', handler: objectHandler(search) },
	{
		method: 'GET',
		pattern: ':obj/count',
		handler: objectHandler(({ spec, params, context }) =>
			data({ count: filterRecords(context.state.store, spec, params, context.version).length }),
		),
	},
	{
		method: 'GET',
		pattern: ':obj/report',
		handler: objectHandler(({ spec, params, context }) => {
			const store = context.state.store;
			return data(
				runReport(
					store,
					spec,
					filterRecords(store, spec, params, context.version),
					params,
					context.version,
				),
			);
		}),
	},
	{
		method: 'GET',
		pattern: ':obj/:id',
		handler: objectHandler((input) =>
			data(render(input, input.context.state.store.require(input.spec, input.request.params.id))),
		),
	},
	{
		method: 'GET',
		pattern: ':obj',
		handler: objectHandler((input) =>
			input.params.ids().length > 0 ? getByIds(input, input.params.ids()) : search(input),
		),
	},
	{ method: 'POST', pattern: ':obj', handler: objectHandler(create) },
	{
		method: 'PUT',
		pattern: ':obj/:id/:action',
		handler: objectHandler((input) =>
			action(input, input.request.params.id, input.request.params.action),
		),
	},
	{
		method: 'PUT',
		pattern: ':obj/:target',
		handler: objectHandler((input) => {
			const { target } = input.request.params;
			const named = input.params.get('action');
			if (looksLikeId(target)) return named ? action(input, target, named) : edit(input, target);
			const id = input.params.ids()[0];
			if (!id) throw invalidParameter(`The action ${target} needs an ID parameter`);
			return action(input, id, target);
		}),
	},
	{
		method: 'PUT',
		pattern: ':obj',
		handler: objectHandler((input) => {
			const named = input.params.get('action');
			return named ? action(input, input.params.ids()[0] ?? '', named) : edit(input);
		}),
	},
	{
		method: 'DELETE',
		pattern: ':obj/:id',
		handler: objectHandler((input) => remove(input, [input.request.params.id])),
	},
	{
		method: 'DELETE',
		pattern: ':obj',
		handler: objectHandler((input) => remove(input, input.params.ids())),
	},
];
