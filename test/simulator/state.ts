import { ApplicationRegistry } from './applications';
import type { SimResponse } from './http';
import { SessionStore } from './sessions';

export interface SimulatorOptions {
	/** Lifetime of the access tokens the exchange issues. */
	tokenTtlSeconds: number;
	/** Added before every answer, to model the round trip to a real Workfront. */
	latencyMs: number;
}

/** A canned answer for the next matching requests: "next N requests answer status X". */
export interface Fault {
	times: number;
	status: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	/** Only requests whose path matches (default: every request). */
	path?: RegExp;
	method?: string;
	/** Hold the request this long before answering (or before dropping it, with `drop`). */
	delayMs?: number;
	/** Close the connection without an answer, as a crashed proxy would. */
	drop?: boolean;
}

export interface LoggedRequest {
	method: string;
	/** The method Workfront acts on: the `method=` parameter when one is given. */
	effectiveMethod: string;
	path: string;
	query: string;
	status: number;
	at: number;
}

export interface Counters {
	requests: number;
	exchangeAttempts: number;
	exchanges: number;
	rejectedUnauthenticated: number;
}

export class SimulatorState {
	readonly applications = new ApplicationRegistry();

	readonly sessions: SessionStore;

	readonly counters: Counters = {
		requests: 0,
		exchangeAttempts: 0,
		exchanges: 0,
		rejectedUnauthenticated: 0,
	};

	readonly log: LoggedRequest[] = [];

	readonly faults: Fault[] = [];

	readonly options: SimulatorOptions;

	/** Every exchange request as received, so tests can inspect the JWTs the credential signed. */
	readonly exchangeRequests: Array<{ clientId: string; jwt: string }> = [];

	/** How far the simulator's clock runs ahead of the real one (to model a wrong clock on n8n's side). */
	clockOffsetMs = 0;

	/** Aborted on close, so that requests held by latency or a slow fault do not outlive the server. */
	readonly closing = new AbortController();

	constructor(options: Partial<SimulatorOptions> = {}) {
		this.options = { tokenTtlSeconds: 3600, latencyMs: 0, ...options };
		this.sessions = new SessionStore(() => this.now());
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	/** Takes the first fault that applies to this request, counting it down. */
	takeFault(method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(candidate) =>
				candidate.times > 0 &&
				(!candidate.method || candidate.method === method) &&
				(!candidate.path || candidate.path.test(path)),
		);
		if (!fault) return undefined;
		fault.times -= 1;
		if (fault.times === 0) this.faults.splice(this.faults.indexOf(fault), 1);
		return fault;
	}

	faultResponse(fault: Fault): SimResponse {
		return { status: fault.status, body: fault.body, raw: fault.raw, headers: fault.headers };
	}
}
