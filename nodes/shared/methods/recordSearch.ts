import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findObjectType } from '../core/objectTypes';
import { readConnection } from '../transport/connection';
import { workfrontRequest } from '../transport/request';

const PAGE = 50;

/** Where a record opens in Workfront's web UI. */
const URL_NAMES: Record<string, string> = {
	PROJ: 'project',
	TASK: 'task',
	OPTASK: 'issue',
	USER: 'user',
	DOCU: 'document',
	PORT: 'portfolio',
	PRGM: 'program',
	TMPL: 'template',
	CMPY: 'company',
	TEAMOB: 'team',
};

/** Records of an object type by name, a page at a time, as a searchable list shows them. */
export async function searchRecordsOf(
	context: ILoadOptionsFunctions,
	objCode: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const nameField = findObjectType(objCode)?.nameField ?? 'name';
	const first = Number(paginationToken ?? 0) || 0;
	const query: Array<[string, string]> = [
		['fields', nameField],
		[`${nameField}_Sort`, 'asc'],
		['ID_Sort', 'asc'],
		['$$FIRST', String(first)],
		['$$LIMIT', String(PAGE)],
	];
	if (filter) query.push([nameField, filter], [`${nameField}_Mod`, 'cicontains']);
	const records = await workfrontRequest<IDataObject[]>(context, {
		method: 'GET',
		path: `${encodeURIComponent(objCode)}/search`,
		query,
	});
	const { origin } = await readConnection(context, 0);
	const urlName = URL_NAMES[objCode] ?? objCode.toLowerCase();
	const names = (records ?? []).map((record) => String(record[nameField] ?? record.ID));
	const count = new Map<string, number>();
	for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
	return {
		// Names repeat (every project has a task "Copywriting"): a repeated name gets the start of
		// its ID, so the records of a page can be told apart (the same as the mapper's lists).
		results: (records ?? []).map((record, index) => ({
			name:
				(count.get(names[index]) ?? 0) > 1
					? `${names[index]} (${String(record.ID).slice(0, 8)}…)`
					: names[index],
			value: String(record.ID),
			url: `${origin}/${urlName}/${String(record.ID)}/overview`,
		})),
		// Text: n8n's editor sends it back for the next page, and its API accepts only a string there
		// (@n8n/api-types ResourceLocatorRequestDto: `paginationToken: z.string().optional()`).
		paginationToken: records?.length === PAGE ? String(first + PAGE) : undefined,
	};
}
