import { json, type SimRequest, type SimResponse } from './http';
import { seedWorkspace, type SeedOptions } from './model/seed';
import { seedPlanning } from './planning/seed';
import type { Fault, SimulatorState } from './state';

export const CONTROL_PREFIX = '/__simulator/';

/** A fault as JSON can carry it: the path as a regular expression's source, side effects by name. */
export interface FaultSpec extends Omit<Fault, 'path' | 'sideEffect'> {
	path?: string;
	pathFlags?: string;
	revokeTokens?: boolean;
}

export function faultFromSpec(spec: FaultSpec): Fault {
	const { path, pathFlags, revokeTokens, ...rest } = spec;
	return {
		...rest,
		path: path ? new RegExp(path, pathFlags) : undefined,
		sideEffect: revokeTokens ? (state) => state.sessions.revokeAll() : undefined,
	};
}

function body<T>(request: SimRequest): T {
	return (request.rawBody.length > 0 ? JSON.parse(request.rawBody.toString('utf8')) : {}) as T;
}

/**
 * Knobs and counters over HTTP, for a simulator in another process (benchmarks, a real n8n in the
 * end-to-end tests). Only served when the simulator was started with `control: true`.
 */
export function handleControl(request: SimRequest, state: SimulatorState): SimResponse {
	const action = request.path.slice(CONTROL_PREFIX.length);
	switch (`${request.method} ${action.split('/')[0]}`) {
		case 'GET counters':
			return json(200, { ...state.counters, peakConcurrency: state.peakConcurrency });
		case 'GET log':
			return json(200, state.log);
		case 'POST reset':
			for (const key of Object.keys(state.counters) as Array<keyof typeof state.counters>)
				state.counters[key] = 0;
			state.peakConcurrency = 0;
			state.log.length = 0;
			state.exchangeRequests.length = 0;
			state.planning.requests.length = 0;
			return json(200, { ok: true });
		case 'POST options':
			Object.assign(state.options, body(request));
			return json(200, state.options);
		case 'POST revoke':
			state.sessions.revokeAll();
			return json(200, { ok: true });
		case 'POST fault':
			state.faults.push(faultFromSpec(body<FaultSpec>(request)));
			return json(200, { ok: true });
		case 'POST seed':
			seedWorkspace(state.store, body<SeedOptions>(request), undefined, state.files);
			return json(200, { ok: true });
		case 'POST insert': {
			const {
				objCode,
				count = 1,
				values = {},
			} = body<{ objCode: string; count?: number; values?: Record<string, unknown> }>(request);
			for (let index = 0; index < count; index += 1) {
				state.store.insert(objCode, {
					...values,
					...(values.name ? { name: `${String(values.name)} ${index}` } : {}),
				});
			}
			return json(200, { count: state.store.count(objCode) });
		}
		case 'GET records':
			return json(200, state.store.all(action.split('/')[1] ?? ''));
		case 'GET subscriptions':
			return json(
				200,
				[...state.events.subscriptions.values()].map(({ authToken, ...rest }) => ({
					...rest,
					authTokenLength: authToken.length,
				})),
			);
		case 'POST planning-seed': {
			const seeded = seedPlanning(state.planning, body<{ campaigns?: number }>(request));
			return json(200, {
				workspaceId: seeded.workspace.id,
				recordTypeId: seeded.campaigns.id,
				fields: Object.fromEntries(
					Object.entries(seeded.fields).map(([key, field]) => [key, field.id]),
				),
			});
		}
		case 'POST planning-insert': {
			const { recordTypeId, nameField, count, name } = body<{
				recordTypeId: string;
				nameField: string;
				count: number;
				name: string;
			}>(request);
			for (let index = 0; index < count; index += 1)
				state.planning.addRecord(recordTypeId, { [nameField]: `${name} ${index}` });
			return json(200, { count: state.planning.recordsOf(recordTypeId).length });
		}
		case 'GET planning-count':
			return json(200, { count: state.planning.recordsOf(action.split('/')[1] ?? '').length });
		case 'GET deliveries':
			return json(200, state.events.deliveries);
		case 'GET tokens':
			return json(200, {
				issued: state.sessions.issued,
				jwts: state.exchangeRequests.map(({ jwt }) => jwt),
			});
		default:
			return json(404, { error: `Unknown control action ${request.method} ${action}` });
	}
}
