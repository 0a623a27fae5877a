import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { failItem, readParameter } from '../shared/params/parameters';
import { readFilterQuery } from '../shared/params/filterQuery';
import { readReturnFields } from '../shared/params/returnFields';
import { searchAll } from '../shared/transport/paging';
import { fieldListWithCustomFieldNames } from '../shared/workfront/customFields';
import { isWatchable } from './methods';
import {
	baseline,
	compareWatched,
	MAX_WATCHED_RECORDS,
	readWatchState,
	searchFrom,
	watchKey,
} from './watchFields';

/**
 * Fields to Watch, checked: at least one, each a field of the record or a custom field (labels of
 * custom fields become their `DE:` names, as in Fields to Return).
 */
async function readWatchFields(context: IPollFunctions, objCode: string): Promise<string[]> {
	const raw = readParameter(context, 'watchFields', 0, []) as unknown;
	const list = watchKey(Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','));
	if (list.length === 0)
		failItem(
			context,
			undefined,
			'Fields to Watch: choose at least one field',
			'Pick the fields whose changes should start the workflow, e.g. status.',
		);
	const other = list.find((field) => !isWatchable(field));
	if (other)
		failItem(
			context,
			undefined,
			`Fields to Watch: ${other} is a field of another record`,
			"A change there does not change this record's last update date, so a poll cannot find it. Watch a field of the record itself (e.g. ownerID instead of owner:name) or one of its custom fields (DE:<name>).",
		);
	return watchKey(await fieldListWithCustomFieldNames(context, objCode, list));
}

/**
 * The Poll Trigger's Field Changed event (see watchFields.ts for what is remembered and why).
 * The first poll after activation, or after the watched fields change, reads the baseline (the
 * MAX_WATCHED_RECORDS records updated most recently) and emits nothing; each later poll reads the
 * records updated since the last one (with the poll cursor's look back) and emits those whose
 * watched fields changed. Fetch Test Event (manual mode) returns the most recently updated record
 * as a sample, its watched fields under `changes` with `old` null: no earlier value is known then.
 */
export async function pollWatchedFields(
	context: IPollFunctions,
	objCode: string,
): Promise<INodeExecutionData[][] | null> {
	const fields = await readWatchFields(context, objCode);
	const returned = (await readReturnFields(context, 0, objCode))[0]?.[1] ?? '';
	const shapeFields = [
		...new Set(['lastUpdateDate', 'entryDate', ...fields, ...returned.split(',').filter(Boolean)]),
	].join(',');
	const filters = readFilterQuery(context, 0);
	const staticData = context.getWorkflowStaticData('node');
	const newestFirst: Array<[string, string]> = [
		['lastUpdateDate_1_Sort', 'desc'],
		['ID_2_Sort', 'desc'],
		['fields', shapeFields],
	];

	if (context.getMode() === 'manual') {
		const [sample] = await searchAll(context, {
			objCode,
			filters,
			shape: newestFirst,
			limit: 1,
			itemIndex: 0,
		});
		if (!sample) return null;
		const changes = Object.fromEntries(
			fields.map((field) => [field, { old: null, new: sample[field] ?? null }]),
		);
		return [context.helpers.returnJsonArray([{ ...sample, changes } as IDataObject])];
	}

	// The poll's own time, read before the search, on the n8n host's clock (see the poll cursor).
	const now = Date.now();
	// The other events' cursor is not used here; one state at a time in static data.
	delete staticData.cursor;
	const state = readWatchState(staticData.watch, fields, now);
	if (!state) {
		const records = await searchAll(context, {
			objCode,
			filters,
			shape: newestFirst,
			limit: MAX_WATCHED_RECORDS,
			itemIndex: 0,
		});
		staticData.watch = baseline(records, fields, now);
		return null;
	}
	const records = await searchAll(context, {
		objCode,
		filters: [
			...filters,
			['lastUpdateDate', new Date(searchFrom(state)).toISOString()],
			['lastUpdateDate_Mod', 'gte'],
		],
		shape: [
			['lastUpdateDate_1_Sort', 'asc'],
			['ID_2_Sort', 'asc'],
			['fields', shapeFields],
		],
		itemIndex: 0,
	});
	const { emit, state: next } = compareWatched(records, state, now);
	staticData.watch = next;
	return emit.length > 0 ? [context.helpers.returnJsonArray(emit)] : null;
}
