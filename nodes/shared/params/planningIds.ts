import { failItem, readParameter, type ParameterContext } from './parameters';

/**
 * Planning's IDs are letters and digits after a prefix (SPEC examples: workspace
 * `Ws69b14f7e0e38f35f28c3ccee`, record type `Rt69b14f7e…`, record `Rc69b2a78e…`, field
 * `F693ab1c9…`); Adobe publishes no format, so any letters, digits, `-` and `_` are taken, and
 * nothing else: an ID goes into a request path and must not reshape it.
 */
const PLANNING_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** What each ID is called in messages, and an example of one. */
export const PLANNING_ID_KINDS = {
	workspace: { label: 'Workspace', example: 'Ws69b14f7e0e38f35f28c3ccee' },
	recordType: { label: 'Record Type', example: 'Rt69b14f7e0e38f35f28c3ccee' },
	record: { label: 'Record ID', example: 'Rc69b2a78e63cd0d41a1bedf2e' },
	field: { label: 'Field', example: 'F693ab1c96f11ea3f4175e710' },
} as const;

export type PlanningIdKind = keyof typeof PLANNING_ID_KINDS;

/** A Planning ID from a parameter value: a resource locator (from a list or by ID) or text. Throws a message for the user. */
export function parsePlanningId(
	raw: unknown,
	kind: PlanningIdKind,
): { id: string } | { problem: string; advice: string } {
	const { label, example } = PLANNING_ID_KINDS[kind];
	const value = raw && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '')
		return {
			problem: `${label} is empty`,
			advice: `Pick it from the list, enter its ID (e.g. ${example}), or map it from a previous node.`,
		};
	if (!PLANNING_ID.test(id))
		return {
			problem: `${label}: "${id.slice(0, 80)}" is not a Workfront Planning ID`,
			advice: `Planning IDs are letters and digits, e.g. ${example}.`,
		};
	return { id };
}

/** The Planning ID an item's parameter holds, or an error naming the item and the field. */
export function readPlanningId(
	context: ParameterContext,
	itemIndex: number,
	parameter: string,
	kind: PlanningIdKind,
): string {
	const parsed = parsePlanningId(readParameter(context, parameter, itemIndex, ''), kind);
	if ('id' in parsed) return parsed.id;
	return failItem(context, itemIndex, parsed.problem, parsed.advice);
}
