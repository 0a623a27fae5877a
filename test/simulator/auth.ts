import { apiError, type SimRequest, type SimResponse } from './http';
import type { Session } from './sessions';
import type { SimulatorState } from './state';

export const NOT_LOGGED_IN = apiError(
	401,
	'com.attask.common.AuthenticationException',
	'You are not currently logged in.',
);

function header(request: SimRequest, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Workfront's refusal of an IMS token without a usable organization header, as Adobe's App
 * Builder guidance quotes it (adobe/skills, appbuilder-workfront troubleshooting: 401 "Org Id
 * undefined is not in the list of user org Ids"). Adobe is silent on the body's shape; Workfront's
 * error envelope is used.
 */
function orgRefused(org: string): SimResponse {
	return apiError(
		401,
		'com.attask.common.AuthenticationException',
		`Org Id ${org} is not in the list of user org Ids`,
	);
}

/**
 * Who a request acts as.
 * - Workfront's own tokens (session IDs: the JWT exchange, the user-login flow) are read from the
 *   `sessionID` header (API basics, "Authentication"); a cookie or a query parameter does not
 *   authenticate here, so the node cannot get away with the wrong one.
 * - An Adobe IMS token is read as `Authorization: Bearer` with the `x-gw-ims-org-id` header of the
 *   organization it was issued in (Workfront/workfront-api 9.1.0 setImsCredentials: the client
 *   sends exactly these two, and only without a sessionID). A Bearer header carrying a Workfront
 *   session ID does not authenticate.
 * - A request with both headers is read by its `sessionID`: the official client never sends both,
 *   and Adobe is silent on which wins; the user-login credential's requests carry both (n8n adds
 *   the Bearer header to every OAuth2 request), so the node is tolerant of the other reading only
 *   as far as its Bearer value is the same token.
 * `sessionOnly`: the Event Subscription API documents the `sessionID` header alone
 * (event-subs-api.md, "Authentication"), so an IMS token does not authenticate there.
 */
export function authenticate(
	request: SimRequest,
	state: SimulatorState,
	{ sessionOnly = false }: { sessionOnly?: boolean } = {},
): Session | SimResponse {
	const sessionId = header(request, 'sessionid');
	const bearer = /^Bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '')?.[1]?.trim();
	const refuse = (answer: SimResponse = NOT_LOGGED_IN) => {
		state.counters.rejectedUnauthenticated += 1;
		return answer;
	};
	if (sessionId !== undefined) {
		const session = state.sessions.find(sessionId);
		return session?.kind === 'session' ? session : refuse();
	}
	if (bearer === undefined || sessionOnly) return refuse();
	const session = state.sessions.find(bearer);
	if (session?.kind !== 'ims') return refuse();
	const org = (header(request, 'x-gw-ims-org-id') ?? '').trim();
	if (org !== session.orgId) return refuse(orgRefused(org === '' ? 'undefined' : org));
	return session;
}
