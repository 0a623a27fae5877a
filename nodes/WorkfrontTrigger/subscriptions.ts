import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
} from 'n8n-workflow';

import { workfrontCall, workfrontRequest } from '../shared/transport/request';
import { MAX_SUBSCRIPTION_PAGE_SIZE } from '../shared/core/limits';

/** Workfront's Event Subscriptions API: not versioned like the REST API, and not wrapped in `data`. */
export const SUBSCRIPTIONS_PATH = '/attask/eventsubscription/api/v1/subscriptions';

export interface SubscriptionRequest {
	objCode: string;
	eventType: string;
	url: string;
	authToken: string;
	objId?: string;
	filters: IDataObject[];
	filterConnector: 'AND' | 'OR';
}

const ADMIN_HINT =
	"Event subscriptions need a Workfront System Administrator: the user of the credential (its User ID) must have that access level, and Workfront must be able to reach n8n's webhook URL.";

function status(error: unknown): string {
	return error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
}

function withAdvice(context: IHookFunctions, error: unknown): Error {
	if (status(error) === '403' || status(error) === '401') {
		return new NodeOperationError(context.getNode(), (error as Error).message, {
			description: ADMIN_HINT,
		});
	}
	return error as Error;
}

/** A bound on pages read, so that an answer without paging fields cannot loop forever. */
const MAX_LIST_PAGES = 100;

function pageOf(answer: unknown): { list: IDataObject[]; pageCount?: number } {
	const body = (answer ?? {}) as IDataObject;
	const list = Array.isArray(answer)
		? (answer as IDataObject[])
		: ((body.subscriptions ?? body.data ?? []) as IDataObject[]);
	const meta = (body.meta ?? body) as IDataObject;
	const pageCount = Number(meta.page_count ?? meta.pageCount);
	return {
		list: Array.isArray(list) ? list : [],
		pageCount: Number.isFinite(pageCount) ? pageCount : undefined,
	};
}

/**
 * The ID of an existing subscription like this one, looked for on every page of the list (Adobe,
 * Event Subscription API: `page` and `limit` query parameters; `page_count` in the answer). Where
 * the list or its paging fields sit is not shown in Adobe's example, so the usual places are read.
 */
async function findDuplicate(
	context: IHookFunctions,
	subscription: SubscriptionRequest,
): Promise<string | undefined> {
	for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
		const answer = await workfrontRequest<IDataObject>(context, {
			method: 'GET',
			path: SUBSCRIPTIONS_PATH,
			fromOrigin: true,
			managesSubscriptions: true,
			query: [
				['page', String(page)],
				['limit', String(MAX_SUBSCRIPTION_PAGE_SIZE)],
			],
		});
		const { list, pageCount } = pageOf(answer);
		const match = list.find(
			(other) =>
				(other.objCode ?? other.obj_code) === subscription.objCode &&
				(other.eventType ?? other.event_type) === subscription.eventType &&
				other.url === subscription.url &&
				(other.objId ?? other.obj_id ?? undefined) === subscription.objId,
		);
		if (match) return String(match.id);
		const last =
			pageCount !== undefined ? page >= pageCount : list.length < MAX_SUBSCRIPTION_PAGE_SIZE;
		if (last) return undefined;
	}
	return undefined;
}

/**
 * Creates one subscription and returns its ID (from the body, or the Location header as Workfront
 * answered before 2025) and its version, when the answer gives it (`{"id", "version"}`, Adobe,
 * "Event Subscription API", lines 335-338). A duplicate (409) left behind by an earlier activation
 * is replaced, since its auth token cannot be read back.
 *
 * No `version` is sent: the create body documents none (lines 114-281), and Adobe warns that
 * fields it does not know make the creation fail ("Event subscription best practices",
 * help/quicksilver/wf-api/general/event-sub-best-practice.md, line 37). New subscriptions are
 * version 2 since release 25.2 ("Event subscription versioning", line 38); see `asVersion2` for an
 * answer that says otherwise.
 */
export async function createSubscription(
	context: IHookFunctions,
	subscription: SubscriptionRequest,
): Promise<{ id: string; version?: string }> {
	const post = async () =>
		await workfrontCall(context, {
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			fromOrigin: true,
			managesSubscriptions: true,
			body: { ...subscription, ...(subscription.objId ? {} : { objId: undefined }) } as IDataObject,
		});
	let response;
	try {
		response = await post();
	} catch (error) {
		if (status(error) !== '409') throw withAdvice(context, error);
		const duplicate = await findDuplicate(context, subscription);
		if (duplicate) await deleteSubscription(context, duplicate);
		response = await post().catch((retryError: unknown) => {
			throw withAdvice(context, retryError);
		});
	}
	const body = (response.body ?? {}) as IDataObject;
	const location = String(response.headers?.location ?? '');
	const id = body.id ? String(body.id) : location.split('/').pop();
	const version = typeof body.version === 'string' ? body.version : undefined;
	if (!id) {
		throw new NodeOperationError(
			context.getNode(),
			'Workfront created the event subscription but did not say its ID',
			{
				description:
					"Check the subscriptions in Workfront and delete the one pointing at this workflow's webhook URL.",
			},
		);
	}
	return { id, ...(version ? { version } : {}) };
}

/**
 * A subscription's version once it is version 2, where Adobe documents how: a subscription that
 * Workfront says was created as version 1 (a Workfront before release 25.2) is changed with
 * `PUT .../subscriptions/<ID>/version` and `{"version": "v2"}`, answered 200 `{"id", "version"}`
 * ("Event Subscription API", "Single subscription version change", lines 535-567). Version 2
 * sends multi-select values always as lists ("Event subscription versioning", lines 69-74), the
 * version API 21 uses ("What's new in API version 21", help/quicksilver/wf-api/api/
 * new-api-version-21.md, lines 22-26).
 *
 * If the change is refused (Adobe lists 400 and 404 without saying when), the subscription stays
 * as it is: it still delivers every event, in version 1's shape, which the webhook reads as well
 * (`normaliseMultiSelect`). The activation does not fail for it. Answers the version to remember,
 * or undefined when Workfront did not say.
 */
export async function asVersion2(
	context: IHookFunctions,
	id: string,
	version: string | undefined,
): Promise<string | undefined> {
	if (version !== 'v1') return version;
	try {
		const answer = await workfrontRequest<IDataObject>(context, {
			method: 'PUT',
			path: `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}/version`,
			fromOrigin: true,
			managesSubscriptions: true,
			body: { version: 'v2' },
			// Setting the same version twice changes nothing: safe to repeat.
			kind: 'read',
		});
		return typeof answer?.version === 'string' ? answer.version : 'v2';
	} catch {
		return 'v1';
	}
}

/** Deletes a subscription; one that is already gone counts as deleted. */
export async function deleteSubscription(context: IHookFunctions, id: string): Promise<void> {
	try {
		await workfrontRequest(context, {
			method: 'DELETE',
			path: `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`,
			fromOrigin: true,
			managesSubscriptions: true,
			kind: 'read',
		});
	} catch (error) {
		if (status(error) !== '404') throw withAdvice(context, error);
	}
}

export async function subscriptionExists(context: IHookFunctions, id: string): Promise<boolean> {
	try {
		await workfrontRequest(context, {
			method: 'GET',
			path: `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`,
			fromOrigin: true,
			managesSubscriptions: true,
		});
		return true;
	} catch (error) {
		if (status(error) === '404') return false;
		throw withAdvice(context, error);
	}
}

export interface Leftover {
	id: string;
	reason: string;
}

/** Tries to delete every one of `ids`, each on its own; answers those that are still there. */
export async function deleteAll(context: IHookFunctions, ids: string[]): Promise<Leftover[]> {
	const left: Leftover[] = [];
	for (const id of ids) {
		try {
			await deleteSubscription(context, id);
		} catch (error) {
			left.push({ id, reason: error instanceof Error ? error.message : String(error) });
		}
	}
	return left;
}

/** The error, told which subscriptions are left in Workfront and how to remove them by hand. */
export function withLeftovers<E extends NodeApiError | NodeOperationError>(
	error: E,
	left: Leftover[],
): E {
	if (left.length === 0) return error;
	const list = left.map(({ id, reason }) => `${id} (${reason})`).join('; ');
	error.description = [
		error.description,
		`These event subscriptions are still in Workfront and could not be deleted: ${list}. Delete them with DELETE ${SUBSCRIPTIONS_PATH}/<ID> (for example with the Workfront node's Custom API Call), or deactivate the workflow again later to retry.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}
