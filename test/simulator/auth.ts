import { apiError, type SimRequest, type SimResponse } from './http';
import type { Session } from './sessions';
import type { SimulatorState } from './state';

export const NOT_LOGGED_IN = apiError(
	401,
	'com.attask.common.AuthenticationException',
	'You are not currently logged in.',
);

/**
 * Workfront's own tokens are read from the `sessionID` header only: a Bearer header, a cookie or
 * a query parameter does not authenticate here, so the node cannot get away with the wrong one.
 */
export function authenticate(request: SimRequest, state: SimulatorState): Session | SimResponse {
	const header = request.headers.sessionid;
	const token = Array.isArray(header) ? header[0] : header;
	const session = state.sessions.find(token);
	if (!session) {
		state.counters.rejectedUnauthenticated += 1;
		return NOT_LOGGED_IN;
	}
	return session;
}
