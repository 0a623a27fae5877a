// Workfront Planning's failures as n8n errors: its problem details (core/planning.ts) with a hint,
// the way errors.ts words the classic API's.

import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { PLANNING_QUOTAS as Q } from '../core/limits';
import { readProblemDetail, type ProblemDetail } from '../core/planning';

const n = (value: number) => value.toLocaleString('en-US');

/**
 * Hints by `errorCode`, which BASICS says to drive error handling with. The limits are the SPEC's
 * "Limits and Quotas" tag ("Exceeding any of these limits returns an HTTP 403 with a specific
 * errorCode") and the 403 descriptions of the operations that name them.
 */
const CODE_HINTS: Record<string, string> = {
	WORKSPACE_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.workspacesPerOrganisation)} workspaces per organisation; delete unused ones first.`,
	RECORD_TYPE_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.recordTypesPerWorkspace)} record types per workspace; use another workspace or delete a record type.`,
	RECORD_TYPE_RECORD_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.recordsPerRecordType)} records per record type; delete records or use another record type.`,
	FIELD_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.fieldsPerRecordType)} fields per record type.`,
	LONG_TEXT_FIELD_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.longTextFieldsPerRecordType)} long-text (PARAGRAPH) fields per record type.`,
	FORMULA_FIELD_COUNT_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.formulaFieldsPerRecordType)} formula fields per record type.`,
	REFERENCE_FIELDS_COUNT_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.referenceFieldsPerRecordType)} reference fields per record type.`,
	VIEW_LIMIT_EXCEEDED: `Planning allows at most ${n(Q.personalViewsPerRecordType)} personal views per record type.`,
	RECORD_CONNECTION_LIMIT_EXCEEDED: `A reference field holds at most ${n(Q.connectionsPerReferenceField)} connected records; connect fewer.`,
	HIERARCHY_RECORD_CONNECTION_LIMIT_EXCEEDED: `A hierarchy field holds at most ${n(Q.connectionsPerHierarchyField)} connected records; connect fewer.`,
	FIELD_DISPLAY_NAME_NOT_UNIQUE:
		'Field names must be unique within a record type; choose another Display Name.',
	RECORD_TYPE_IN_HIERARCHY:
		'The record type is part of a hierarchy; remove it from the hierarchy in Planning first.',
	ENTITY_WITH_ATTRIBUTE_NOT_FOUND:
		'Nothing with this ID exists in Workfront Planning (or it was deleted, or the credential cannot see it). Check the ID, the workspace and the record type.',
	RATE_LIMIT_EXCEEDED:
		'Workfront Planning refused the request as over its limits; try again later.',
};

/** Hints by HTTP status (SPEC's response descriptions), when the errorCode has none. */
const STATUS_HINTS: Record<number, string> = {
	400: 'Workfront Planning found the request invalid; the field errors above say what to change.',
	401: "Workfront Planning did not accept the credential's Adobe IMS token, even a fresh one. Open the Adobe Workfront OAuth Server-to-Server API credential and press Test; check its IMS Organization ID.",
	403: "The credential's technical account lacks access to this workspace, record type or record (or a Planning limit was reached). Share the workspace with it in Planning, or use a credential that has access.",
	404: 'Nothing with this ID exists in Workfront Planning (or it was deleted, or the credential cannot see it). Check the ID, the workspace and the record type.',
	409: 'Another change was written at the same moment (Adobe: "write conflict, retry"). Nothing of this request was applied; run the item again.',
	422: 'Workfront Planning refused a connection because of its back-reference (Adobe: "back-reference conflict"). Check the records connected.',
	429: 'Workfront Planning limited the rate of requests, still after several retries. Try again later.',
	500: 'Workfront Planning could not process the request. If it persists, check the values sent, or try later.',
	502: 'Workfront Planning was not reachable through its gateway after several retries. Try again later.',
	503: 'Workfront Planning was unavailable after several retries. Try again later.',
	504: 'Workfront Planning did not answer in time after several retries. Try again later.',
};

/** The hint for a code or status, or undefined. */
export function planningHint(errorCode: string | undefined, status: number): string | undefined {
	return (errorCode ? CODE_HINTS[errorCode] : undefined) ?? STATUS_HINTS[status];
}

/** The field errors of a problem detail as one sentence: "name: can not be blank (NotBlank); …". */
function fieldErrors(problem: ProblemDetail | undefined): string {
	const listed = (problem?.errors ?? [])
		.map(({ field, message, code }) =>
			[field ? `${field}:` : '', message ?? '', code ? `(${code})` : ''].filter(Boolean).join(' '),
		)
		.filter(Boolean);
	return listed.length > 0 ? `${listed.join('; ')}.` : '';
}

export interface PlanningFailure {
	status: number;
	/** The answer, already cleaned of secrets. */
	body: unknown;
	itemIndex?: number;
}

/**
 * One error for every Planning failure: Adobe's `detail` (else `title`) as the message; the
 * `errorCode`, the status, the field errors, a hint and the `requestId` (for Adobe's support) as
 * the description. What is not a problem detail (a proxy's page) still names its status.
 */
export function toPlanningApiError(node: INode, failure: PlanningFailure): NodeApiError {
	const problem = readProblemDetail(failure.body);
	const words =
		problem?.detail ??
		problem?.title ??
		`Workfront Planning answered HTTP ${failure.status} without an error message`;
	const description = [
		problem?.errorCode
			? `${problem.errorCode} (HTTP ${failure.status}).`
			: `HTTP ${failure.status}.`,
		fieldErrors(problem),
		planningHint(problem?.errorCode, failure.status) ?? '',
		problem?.requestId ? `Request ID ${problem.requestId} (quote it to Adobe support).` : '',
	]
		.filter(Boolean)
		.join(' ');
	return new NodeApiError(
		node,
		{
			title: problem?.title ?? null,
			detail: problem?.detail ?? null,
			errorCode: problem?.errorCode ?? null,
			requestId: problem?.requestId ?? null,
			httpCode: String(failure.status),
		} as JsonObject,
		{
			message: `Workfront Planning: ${words}`,
			description,
			httpCode: String(failure.status),
			itemIndex: failure.itemIndex,
		},
	);
}
