import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { failItem, readParameter } from '../shared/params/parameters';
import { RecordIdError, parseRecordId } from '../shared/params/recordId';
import {
	MAX_FILTER_GROUPS,
	MAX_FILTERS_PER_GROUP,
	MIN_FILTERS_PER_GROUP,
} from '../shared/core/limits';

/**
 * Filter groups, as Adobe's Event Subscription API describes them (Experience League, "Event
 * Subscription API", AdobeDocs/workfront.en help/quicksilver/wf-api/general/event-subs-api.md at
 * e889906d, "Using filter groups", lines 978-1060): an element of the top-level `filters` list,
 * `{ "type": "group", "connector": "AND" | "OR", "filters": [ ... ] }` (example, lines 1004-1027),
 * whose members follow "the same syntax and behavior as standalone filters" (line 985). The
 * top-level `filterConnector` combines the standalone filters and the groups (lines 1047-1048).
 *
 * The limits, checked before anything is subscribed:
 * - "A group must have a minimum of 2 filters." (lines 987-989)
 * - "Each subscription supports up to 10 filter groups" (lines 946 and 1058)
 * - "Each filter group can include up to 5 filters" (lines 947 and 1059)
 * Adobe does not say what Workfront answers to a subscription beyond them (the create call lists
 * 400 only for an invalid URL, lines 341-348, and "a validation message will not be returned" for a
 * wrong filter, line 629), so a subscription beyond them might be accepted and then never match,
 * or match otherwise than configured, without a word. Refusing it here, with the group named, is
 * the only way the user hears of it.
 *
 * Where Adobe is silent: whether a group may hold a group (members are described only as
 * standalone filters, and the one example is one level deep), so the panel offers one level; and
 * whether a group's `connector` may be left out, so it is always sent.
 */

export interface FilterRow {
	fieldName?: string;
	comparison?: string;
	fieldValue?: string;
	state?: string;
}

export interface GroupRow {
	connector?: string;
	filters?: { filter?: FilterRow[] };
}

export interface SubscriptionFilter extends IDataObject {
	fieldName: string;
	comparison: string;
	fieldValue: string | Array<string | number | boolean> | IDataObject;
	state: string;
}

export interface FilterGroup extends IDataObject {
	type: 'group';
	connector: 'AND' | 'OR';
	filters: SubscriptionFilter[];
}

/** Why the configured filters cannot be subscribed: the field, what is wrong, and how to fix it. */
export interface FilterProblem {
	message: string;
	description: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A Value as sent. Text, as every filter example of Adobe's sends it, numbers included ("100",
 * line 1007). A JSON list of texts, numbers or true/false (`["Web","Email"]`) is sent as that list:
 * Adobe's containsOnly example sends a list (lines 806-809), and in event subscriptions version 2
 * a filter on a multi-select field needs its value as a list ("Event subscription versioning",
 * help/quicksilver/wf-api/general/event-subs-versioning.md, lines 70-73). Text that only starts
 * with `[` (a name such as "[Draft] Plan") stays text. A JSON object (`{"F693…": "Active"}`) is
 * sent as that object: Adobe's nested filters ("Using nested filters", lines 893-939) match a
 * Planning record's `data` that way (`fieldName: "data"`, `fieldValue: {"customField1": …}`),
 * to any depth; text that only starts with `{` stays text.
 */
export function filterValue(text: string): string | Array<string | number | boolean> | IDataObject {
	if (!text.startsWith('[') && !text.startsWith('{')) return text;
	try {
		const parsed: unknown = JSON.parse(text);
		if (
			Array.isArray(parsed) &&
			parsed.every((item) => ['string', 'number', 'boolean'].includes(typeof item))
		)
			return parsed as Array<string | number | boolean>;
		if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
			return parsed as IDataObject;
	} catch {
		// Not JSON: text.
	}
	return text;
}

function toFilter(row: FilterRow, where: string): SubscriptionFilter | FilterProblem {
	const fieldName = String(row.fieldName ?? '').trim();
	if (!fieldName)
		return {
			message: `${where}: Field Name is empty`,
			description: 'Enter the field, e.g. status, or remove the filter.',
		};
	return {
		fieldName,
		comparison: row.comparison ?? 'eq',
		fieldValue: filterValue(String(row.fieldValue ?? '').trim()),
		state: row.state ?? 'newState',
	};
}

const isProblem = (value: object): value is FilterProblem => 'message' in value;

/**
 * The Filters and Filter Groups parameters as the subscription's `filters`: the standalone
 * filters, then the groups; or the first problem, in the order the panel shows them.
 */
export function subscriptionFiltersFrom(
	rows: FilterRow[],
	groups: GroupRow[],
): { filters: Array<SubscriptionFilter | FilterGroup> } | { problem: FilterProblem } {
	const filters: Array<SubscriptionFilter | FilterGroup> = [];
	for (const [index, row] of rows.entries()) {
		const filter = toFilter(row, `Filter ${index + 1}`);
		if (isProblem(filter)) return { problem: filter };
		filters.push(filter);
	}
	if (groups.length > MAX_FILTER_GROUPS)
		return {
			problem: {
				message: `Filter Groups: ${groups.length} groups, but Workfront allows at most ${MAX_FILTER_GROUPS} in one subscription`,
				description: `Remove ${plural(groups.length - MAX_FILTER_GROUPS, 'group')}, merge groups that use the same Match, or split the conditions across two Workfront Trigger nodes.`,
			},
		};
	for (const [index, group] of groups.entries()) {
		const where = `Filter Group ${index + 1}`;
		const members = group.filters?.filter ?? [];
		if (members.length < MIN_FILTERS_PER_GROUP)
			return {
				problem: {
					message: `${where}: ${plural(members.length, 'filter')}, but a group needs at least ${MIN_FILTERS_PER_GROUP}`,
					description:
						members.length === 0
							? 'Add two filters to the group, or remove the group.'
							: 'Add another filter to the group, or remove the group and add its filter under Filters instead.',
				},
			};
		if (members.length > MAX_FILTERS_PER_GROUP)
			return {
				problem: {
					message: `${where}: ${members.length} filters, but Workfront allows at most ${MAX_FILTERS_PER_GROUP} in a group`,
					description: `Move ${plural(members.length - MAX_FILTERS_PER_GROUP, 'filter')} to another group with the same Match, or remove ${members.length - MAX_FILTERS_PER_GROUP === 1 ? 'it' : 'them'}.`,
				},
			};
		const inGroup: SubscriptionFilter[] = [];
		for (const [at, row] of members.entries()) {
			const filter = toFilter(row, `${where}, Filter ${at + 1}`);
			if (isProblem(filter)) return { problem: filter };
			inGroup.push(filter);
		}
		filters.push({
			type: 'group',
			connector: group.connector === 'OR' ? 'OR' : 'AND',
			filters: inGroup,
		});
	}
	return { filters };
}

/** The Filters and Filter Groups parameters, checked; a problem fails the activation. */
export function readSubscriptionFilters(
	context: IHookFunctions,
): Array<SubscriptionFilter | FilterGroup> {
	const rows = (readParameter(context, 'filters.filter', 0, []) as FilterRow[]) ?? [];
	const groups = (readParameter(context, 'filterGroups.group', 0, []) as GroupRow[]) ?? [];
	const result = subscriptionFiltersFrom(rows, groups);
	if ('problem' in result)
		return failItem(context, undefined, result.problem.message, result.problem.description);
	return result.filters;
}

/** The optional "Only This Record ID" parameter, as an ID. */
export function readSubscribedRecordId(context: IHookFunctions): string | undefined {
	const text = String(readParameter(context, 'recordId', 0, '') ?? '').trim();
	if (!text) return undefined;
	try {
		return parseRecordId(text, 'Only This Record ID');
	} catch (error) {
		// parseRecordId throws nothing else.
		const { message, description } = error as RecordIdError;
		return failItem(context, undefined, message, description);
	}
}
