import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { MAPPER_REFERENCE_LIST } from '../core/limits';
import { findObjectType } from '../core/objectTypes';
import type { WorkfrontContext } from '../transport/connection';
import { pooled } from '../transport/paging';
import { workfrontRequest } from '../transport/request';

/** The records of one object type a reference column offers. */
export interface ReferenceChoices {
	options: INodePropertyOptions[];
	/** Whether the object type has more records than the list holds. */
	partial: boolean;
}

/**
 * Object types most references point at, in the order they are searched when a mapper has more
 * referenced types than MAPPER_REFERENCE_LIST.types (after the required references).
 */
const COMMON_TYPES = ['PROJ', 'USER', 'TASK', 'OPTASK', 'PORT', 'PRGM', 'TMPL', 'CMPY', 'TEAMOB'];

/** The field that names a record of the type: the built-in list's, else `name`. */
export const nameFieldOf = (objCode: string): string =>
	findObjectType(objCode)?.nameField ?? 'name';

/**
 * Records by name as options (name shown, ID as value): the first `records` by name, in one
 * search. Names that repeat get the start of their ID, so two "Launch" projects can be told apart.
 */
export async function searchChoices(
	context: WorkfrontContext,
	objCode: string,
	records: number,
): Promise<ReferenceChoices> {
	const nameField = nameFieldOf(objCode);
	const found = await workfrontRequest<IDataObject[]>(context, {
		method: 'GET',
		path: `${encodeURIComponent(objCode)}/search`,
		query: [
			['fields', nameField],
			[`${nameField}_1_Sort`, 'asc'],
			['ID_2_Sort', 'asc'],
			// One more than shown: whether there are more is known without a count.
			['$$LIMIT', String(records + 1)],
		],
	});
	const list = (Array.isArray(found) ? found : []).slice(0, records);
	const names = list.map((record) => String(record[nameField] ?? record.ID));
	const seen = new Map<string, number>();
	for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
	return {
		options: list.map((record, index) => ({
			name:
				(seen.get(names[index]) ?? 0) > 1
					? `${names[index]} (${String(record.ID).slice(0, 8)}…)`
					: names[index],
			value: String(record.ID),
		})),
		partial: Array.isArray(found) && found.length > records,
	};
}

/**
 * The records of each referenced object type, for the mapper's reference columns: one bounded
 * search per distinct type (MAPPER_REFERENCE_LIST), a few at a time. Types of required references
 * come first, then the most common types, then the others in the order given. A type beyond the
 * bound, or whose search fails (no name field, no search, no access), is left out: its columns
 * stay text. Never throws: the mapper must load whatever Workfront answers.
 */
export async function referenceChoices(
	context: WorkfrontContext,
	wanted: Array<{ objCode: string; required: boolean }>,
): Promise<Map<string, ReferenceChoices>> {
	const rank = (objCode: string) => {
		const common = COMMON_TYPES.indexOf(objCode);
		return common === -1 ? COMMON_TYPES.length : common;
	};
	const required = new Set(wanted.filter((want) => want.required).map(({ objCode }) => objCode));
	const chosen = [...new Set(wanted.map(({ objCode }) => objCode).filter(Boolean))]
		.map((objCode, order) => ({ objCode, order }))
		.sort(
			(a, b) =>
				Number(required.has(b.objCode)) - Number(required.has(a.objCode)) ||
				rank(a.objCode) - rank(b.objCode) ||
				a.order - b.order,
		)
		.slice(0, MAPPER_REFERENCE_LIST.types)
		.map(({ objCode }) => objCode);
	const choices = new Map<string, ReferenceChoices>();
	await pooled(chosen.length, MAPPER_REFERENCE_LIST.concurrency, async (index) => {
		try {
			choices.set(
				chosen[index],
				await searchChoices(context, chosen[index], MAPPER_REFERENCE_LIST.records),
			);
		} catch {
			// This type's columns stay text; the others are unaffected.
		}
	});
	return choices;
}
