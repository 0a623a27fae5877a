import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { authenticate } from './auth';
import { CONTROL_PREFIX, handleControl } from './control';
import { SUBSCRIPTIONS_PATH } from './events';
import { downloadDocument } from './fileRoutes';
import {
	apiError,
	formParams,
	readBody,
	writeResponse,
	type SimRequest,
	type SimResponse,
} from './http';
import { IMS_TOKEN_PATH, imsToken } from './ims';
import { exchangeJwt } from './oauth';
import { AUTHORIZE_PATH, TOKEN_PATH, authorize, userLoginToken } from './userLogin';
import { findRoute, parseApiPath, type ApiRoute } from './routing';
import { PlanningFault } from './planning/model';
import {
	handlePlanning,
	PLANNING_PREFIX,
	planningRefusesSession,
	problem,
} from './planning/routes';
import type { SimulatorState } from './state';

export const EXCHANGE_PATH = '/integrations/oauth2/api/v1/jwt/exchange';
export const DOWNLOAD_PATH = '/internal/document/download';

function effectiveMethod(request: SimRequest): string {
	const override = request.query.get('method') ?? formParams(request).get('method');
	return (override ?? request.method).toUpperCase();
}

async function pause(state: SimulatorState, milliseconds: number): Promise<void> {
	if (milliseconds > 0) await delay(milliseconds, undefined, { signal: state.closing.signal });
}

/** Workfront limits concurrent API requests per customer and refuses the excess with 429 before doing anything. */
async function withConcurrencySlot(
	state: SimulatorState,
	customerId: string,
	work: () => Promise<SimResponse>,
	refusal: SimResponse = apiError(
		429,
		'com.attask.common.TooManyRequestsException',
		'Too many concurrent API requests for the given customer',
	),
): Promise<SimResponse> {
	const running = state.inFlight.get(customerId) ?? 0;
	if (running >= state.options.concurrencyLimit) {
		state.counters.tooManyRequests += 1;
		return refusal;
	}
	state.inFlight.set(customerId, running + 1);
	state.peakConcurrency = Math.max(state.peakConcurrency, running + 1);
	try {
		return await work();
	} finally {
		state.inFlight.set(customerId, (state.inFlight.get(customerId) ?? 1) - 1);
	}
}

async function route(
	request: SimRequest,
	state: SimulatorState,
	routes: ApiRoute[],
): Promise<SimResponse> {
	if (request.path === EXCHANGE_PATH) {
		return request.method === 'POST'
			? exchangeJwt(request, state)
			: apiError(405, 'com.attask.common.MethodNotAllowedException', 'Use POST');
	}
	if (request.path === AUTHORIZE_PATH) return authorize(request, state);
	if (request.path === TOKEN_PATH) return userLoginToken(request, state);
	if (request.path.startsWith(SUBSCRIPTIONS_PATH)) {
		const session = authenticate(request, state, { sessionOnly: true });
		return 'token' in session ? state.events.handle(request, session.customerId) : session;
	}
	if (request.path === DOWNLOAD_PATH) {
		const session = authenticate(request, state);
		return 'token' in session ? downloadDocument(request, state) : session;
	}
	if (request.path === PLANNING_PREFIX || request.path.startsWith(`${PLANNING_PREFIX}/`)) {
		return await routePlanning(request, state);
	}
	const apiPath = parseApiPath(request.path);
	if (apiPath?.kind === 'gone') {
		return apiError(
			410,
			'com.attask.common.GoneException',
			`API version ${apiPath.version} is no longer supported`,
		);
	}
	if (apiPath?.kind === 'api') {
		const session = authenticate(request, state);
		if (!('token' in session)) return session;
		const method = effectiveMethod(request);
		const found = findRoute(routes, method, apiPath.rest);
		if (!found) {
			return apiError(
				404,
				'com.attask.common.NotFoundException',
				`No such API endpoint: ${method} ${apiPath.rest}`,
			);
		}
		request.params = found.params;
		return await withConcurrencySlot(state, session.customerId, async () => {
			await pause(state, state.options.latencyMs);
			return await found.route.handler(request, {
				state,
				session,
				version: apiPath.version,
				method,
			});
		});
	}
	return {
		status: 404,
		raw: '<html><body><h1>Not Found</h1></body></html>',
		headers: { 'content-type': 'text/html' },
	};
}

/**
 * Workfront Planning's API (planning/routes.ts): an Adobe IMS token only (Planning API basics:
 * "Do not use sessionID or apiKey"), refusals as problem details, inside the customer's
 * concurrency cap like every API request (Planning API basics lists 429 "Rate limit exceeded"; its
 * body is not documented, so a problem detail).
 */
async function routePlanning(request: SimRequest, state: SimulatorState): Promise<SimResponse> {
	const refused = planningRefusesSession(request);
	if (refused) {
		state.counters.rejectedUnauthenticated += 1;
		return refused;
	}
	const session = authenticate(request, state);
	if (!('token' in session)) {
		const words = (session.body as { error?: { message?: string } } | undefined)?.error?.message;
		return problem(new PlanningFault(401, 'UNAUTHORIZED', 'Unauthorized', words ?? 'Unauthorized'));
	}
	return await withConcurrencySlot(
		state,
		session.customerId,
		async () => {
			await pause(state, state.options.latencyMs);
			return handlePlanning(request, state.planning, session);
		},
		problem(
			new PlanningFault(429, 'RATE_LIMIT_EXCEEDED', 'Too Many Requests', 'Rate limit exceeded'),
		),
	);
}

/** See Fault.echo: the request quoted back in Workfront's error shape, in every field it has. */
function echoResponse(request: SimRequest, rawUrl: string, status: number): SimResponse {
	const quoted = JSON.stringify({
		body: request.rawBody.toString('utf8'),
		url: rawUrl,
		headers: request.headers,
	});
	return {
		status,
		body: { error: { class: `EchoException ${quoted}`, message: `Echo: ${quoted}`, quoted } },
		headers: { 'x-echo': encodeURIComponent(quoted).slice(0, 4000) },
	};
}

async function toSimRequest(incoming: IncomingMessage): Promise<SimRequest> {
	const url = new URL(incoming.url ?? '/', 'http://simulator');
	return {
		method: (incoming.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: url.searchParams,
		headers: incoming.headers,
		rawBody: await readBody(incoming),
		// As sent: a multipart boundary is case-sensitive (RFC 2046, 5.1.1; Adobe is silent on how
		// Workfront reads it); media types are compared case-insensitively where they are read.
		contentType: String(incoming.headers['content-type'] ?? ''),
		params: {},
	};
}

/**
 * Adobe IMS, on an origin of its own as in reality (ims-na1.adobelogin.com is not the Workfront
 * host): only its token endpoint, with the same faults and log as the Workfront server.
 */
async function routeIms(request: SimRequest, state: SimulatorState): Promise<SimResponse> {
	if (request.path === IMS_TOKEN_PATH) return imsToken(request, state);
	return {
		status: 404,
		raw: '<html><body>Not Found</body></html>',
		headers: { 'content-type': 'text/html' },
	};
}

export function createSimulatorServer(
	state: SimulatorState,
	routes: ApiRoute[],
	role: 'workfront' | 'ims' = 'workfront',
): Server {
	return createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		void (async () => {
			const request = await toSimRequest(incoming);
			if (
				role === 'workfront' &&
				state.options.control &&
				request.path.startsWith(CONTROL_PREFIX)
			) {
				writeResponse(outgoing, handleControl(request, state));
				return;
			}
			state.counters.requests += 1;
			// REST requests wait inside their concurrency slot (see route), like real processing time.
			if (!parseApiPath(request.path) && !request.path.startsWith(`${PLANNING_PREFIX}/`))
				await pause(state, state.options.latencyMs);

			const fault = state.takeFault(request.method, request.path);
			if (fault?.delayMs) await pause(state, fault.delayMs);
			if (fault?.drop) {
				incoming.socket.destroy();
				return;
			}

			let result: SimResponse;
			try {
				result = fault?.echo
					? echoResponse(request, incoming.url ?? '', fault.status ?? 500)
					: (fault && state.faultResponse(fault)) ||
						(role === 'ims' ? await routeIms(request, state) : await route(request, state, routes));
			} catch (error) {
				result = apiError(500, 'java.lang.RuntimeException', (error as Error).message);
			}
			state.log.push({
				method: request.method,
				effectiveMethod: effectiveMethod(request),
				path: request.path,
				query: request.query.toString(),
				status: result.status,
				at: state.now(),
			});
			if (fault?.dropAfterProcessing) {
				incoming.socket.destroy();
				return;
			}
			writeResponse(outgoing, result);
		})().catch(() => incoming.socket.destroy());
	});
}
