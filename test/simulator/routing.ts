import type { SimRequest, SimResponse } from './http';
import type { Session } from './sessions';
import type { SimulatorState } from './state';

export interface ApiContext {
	state: SimulatorState;
	session: Session;
	/** e.g. v21.0; `default` for the unversioned prefix. */
	version: string;
	/** The method Workfront acts on: `method=` wins over the HTTP verb. */
	method: string;
}

export type ApiHandler = (
	request: SimRequest,
	context: ApiContext,
) => SimResponse | Promise<SimResponse>;

/** One endpoint of the REST API: a method (or `*`) and a path below /attask/api/<version>/. */
export interface ApiRoute {
	method: string;
	/** Segments; `:name` matches any one segment and lands in `request.params`. */
	pattern: string;
	handler: ApiHandler;
}

export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
	const expected = pattern.split('/').filter(Boolean);
	const actual = path.split('/').filter(Boolean);
	if (expected.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < expected.length; index += 1) {
		const segment = expected[index];
		const value = decodeURIComponent(actual[index]);
		if (segment.startsWith(':')) params[segment.slice(1)] = value;
		else if (segment.toLowerCase() !== value.toLowerCase()) return undefined;
	}
	return params;
}

export function findRoute(
	routes: ApiRoute[],
	method: string,
	path: string,
): { route: ApiRoute; params: Record<string, string> } | undefined {
	for (const route of routes) {
		if (route.method !== '*' && route.method !== method) continue;
		const params = matchPattern(route.pattern, path);
		if (params) return { route, params };
	}
	return undefined;
}

export type ApiPath =
	| { kind: 'api'; version: string; rest: string }
	| { kind: 'gone'; version: string }
	| undefined;

/** Splits /attask/api/v21.0/project/search into the version and the path below it. */
export function parseApiPath(path: string): ApiPath {
	const match = /^\/attask\/(api(?:-unsupported|-internal)?)(\/.*)?$/i.exec(path);
	if (!match) return undefined;
	const below = match[2] ?? '/';
	if (match[1].toLowerCase() !== 'api')
		return { kind: 'api', version: match[1].toLowerCase(), rest: below };
	const versioned = /^\/v(\d+)\.(\d+)(\/.*)?$/i.exec(below);
	if (!versioned) return { kind: 'api', version: 'default', rest: below };
	const major = Number(versioned[1]);
	const version = `v${versioned[1]}.${versioned[2]}`;
	if (major < 15) return { kind: 'gone', version };
	return { kind: 'api', version, rest: versioned[3] ?? '/' };
}
