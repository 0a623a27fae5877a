import { ApplicationRegistry } from './applications';
import { EventSubscriptions } from './events';
import { FileStore } from './model/documents';
import { ObjectStore, type WfRecord } from './model/store';
import { PlanningStore } from './planning/store';
import type { SimResponse } from './http';
import type { ImsClient } from './ims';
import { SessionStore } from './sessions';
import { UserLogins } from './userLogin';

export interface SimulatorOptions {
	/** Lifetime of the access tokens the exchange and the user-login flow issue. */
	tokenTtlSeconds: number;
	/** Lifetime of IMS access tokens (Adobe's IMS API reference shows expires_in 86399). */
	imsTokenTtlSeconds: number;
	/** Added before every answer, to model the round trip to a real Workfront. */
	latencyMs: number;
	/** Concurrent REST requests allowed per customer before 429 (Workfront documented 10). */
	concurrencyLimit: number;
	/** Serve /__simulator/ knobs and counters over HTTP (for a simulator in another process). */
	control: boolean;
}

/** A canned answer for the next matching requests: "next N requests answer status X". */
export interface Fault {
	times: number;
	/** Without a status the request is processed normally (useful with `sideEffect`). */
	status?: number;
	/** Let this many matching requests through untouched before the fault applies. */
	skip?: number;
	/** Runs when the fault applies, e.g. to revoke every token in the middle of a run. */
	sideEffect?: (state: SimulatorState) => void;
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
	/** Process the request for real, then close the connection without an answer: the client cannot know it worked. */
	dropAfterProcessing?: boolean;
	/**
	 * Answer an error (`status`, default 500) that quotes the whole request back: URL, headers and
	 * body. Not something Workfront is documented to do — a model of a hostile or broken server (or
	 * proxy) in front of it, to prove that nothing it quotes reaches an error or an output.
	 */
	echo?: boolean;
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
	tooManyRequests: number;
	imsTokenRequests: number;
	imsTokens: number;
	userLoginTokens: number;
}

export class SimulatorState {
	readonly applications = new ApplicationRegistry();

	readonly sessions: SessionStore;

	readonly counters: Counters = {
		requests: 0,
		exchangeAttempts: 0,
		exchanges: 0,
		rejectedUnauthenticated: 0,
		tooManyRequests: 0,
		imsTokenRequests: 0,
		imsTokens: 0,
		userLoginTokens: 0,
	};

	/** Adobe Developer Console OAuth Server-to-Server credentials IMS knows, by client ID. */
	readonly imsClients = new Map<string, ImsClient>();

	/** Every IMS token request as received (client and scope; the secret is not kept). */
	readonly imsRequests: Array<{ clientId: string; scope: string }> = [];

	/** Workfront OAuth2 Web Applications, their codes and refresh tokens. */
	readonly userLogins = new UserLogins();

	readonly store: ObjectStore;

	readonly events: EventSubscriptions;

	/** Workfront Planning's workspaces, record types, fields, views and records (planning/). */
	readonly planning: PlanningStore;

	/** Uploaded files and the files of document versions. */
	readonly files = new FileStore();

	/** Sorted search results by query, valid for one store version (see objectRoutes). */
	readonly queryCache = new Map<string, { version: number; records: WfRecord[] }>();

	/** REST requests being processed, per customer, for the concurrency cap. */
	readonly inFlight = new Map<string, number>();

	/** The highest number of concurrent REST requests seen for any customer. */
	peakConcurrency = 0;

	readonly log: LoggedRequest[] = [];

	readonly faults: Fault[] = [];

	readonly options: SimulatorOptions;

	/** Every exchange request as received, so tests can inspect the JWTs the credential signed. */
	readonly exchangeRequests: Array<{ clientId: string; jwt: string }> = [];

	/**
	 * Fields a tenant's `GET /<obj>/metadata` lists beyond the object's own, by object code, e.g.
	 * `{ PROJ: { 'DE:Tags': { label: 'Tags', fieldType: 'string[]' } } }`. Adobe documents neither
	 * that custom fields appear there nor that they do not (custom fields are documented through
	 * Category > categoryParameters > parameter); issue 22 reports a Workfront whose metadata
	 * declared a multi-select custom field as `string[]`, so tests can declare one here.
	 */
	readonly declaredFields = new Map<string, Record<string, { label: string; fieldType: string }>>();

	/** How far the simulator's clock runs ahead of the real one (to model a wrong clock on n8n's side). */
	clockOffsetMs = 0;

	/** Aborted on close, so that requests held by latency or a slow fault do not outlive the server. */
	readonly closing = new AbortController();

	constructor(options: Partial<SimulatorOptions> = {}) {
		this.options = {
			tokenTtlSeconds: 3600,
			imsTokenTtlSeconds: 86_399,
			latencyMs: 0,
			concurrencyLimit: 10,
			control: false,
			...options,
		};
		this.sessions = new SessionStore(() => this.now());
		this.store = new ObjectStore(() => this.now());
		this.planning = new PlanningStore(() => this.now());
		this.events = new EventSubscriptions(() => this.now(), this.store);
	}

	/**
	 * A Workfront user for whoever a token acts as, unless one exists: a Developer Console
	 * credential's technical account ("Creating API Credentials": "automatically added as a
	 * 'User'"), or a user who signed in. Added when its first token is issued, so that a simulator
	 * nobody signs in to has only the users it was given.
	 */
	ensureUser(userId: string, name: string): void {
		if (!this.store.get('USER', userId)) {
			this.store.insert('USER', { ID: userId, name, isActive: true });
		}
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
		if (fault.skip) {
			fault.skip -= 1;
			return undefined;
		}
		fault.sideEffect?.(this);
		fault.times -= 1;
		if (fault.times === 0) this.faults.splice(this.faults.indexOf(fault), 1);
		return fault;
	}

	faultResponse(fault: Fault): SimResponse | undefined {
		if (fault.dropAfterProcessing || fault.status === undefined) return undefined;
		return { status: fault.status, body: fault.body, raw: fault.raw, headers: fault.headers };
	}
}
