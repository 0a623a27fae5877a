import type { AddressInfo } from 'node:net';

import type { OAuthApplication } from './applications';
import type { ImsClient } from './ims';
import type { WebApplication } from './userLogin';
import { apiRoutes } from './apiRoutes';
import { createDocument } from './model/documents';
import { seedWorkspace, type SeedOptions } from './model/seed';
import { seedPlanning, type PlanningSeedOptions } from './planning/seed';
import { createSimulatorServer } from './server';
import { SimulatorState, type Fault, type SimulatorOptions } from './state';

export type { OAuthApplication } from './applications';
export type { ImsClient } from './ims';
export type { WebApplication } from './userLogin';
export type { Fault, LoggedRequest, SimulatorOptions } from './state';
export type { SeedOptions } from './model/seed';
export type { PlanningSeed, PlanningSeedOptions } from './planning/seed';

export interface StartOptions extends Partial<SimulatorOptions> {
	applications?: OAuthApplication[];
	/** Adobe Developer Console OAuth Server-to-Server credentials (served by the IMS origin). */
	imsClients?: ImsClient[];
	/** Workfront OAuth2 Web Applications (the user-login flow). */
	webApplications?: WebApplication[];
	/** Defaults to 0: an ephemeral port chosen by the system. */
	port?: number;
	host?: string;
}

/** A running Workfront simulator on 127.0.0.1. */
/**
 * An application's keys act as users of the instance: Adobe's JWT flow page ("Configure and use
 * your organization's custom OAuth 2 applications using JWT flow") makes the JWT's `sub` the ID of
 * the Workfront user who uploaded the key. That this user can read its own USER record is inferred,
 * not documented; so each such user exists here as a USER record.
 */
function registerWithUsers(state: SimulatorState, app: OAuthApplication): void {
	state.applications.register(app);
	for (const { userId } of app.keys) {
		if (!state.store.get('USER', userId)) {
			state.store.insert('USER', { ID: userId, name: 'API User', isActive: true });
		}
	}
}

async function listen(
	server: ReturnType<typeof createSimulatorServer>,
	port: number,
	host: string,
): Promise<string> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return `http://${host}:${(server.address() as AddressInfo).port}`;
}

export class WorkfrontSimulator {
	private constructor(
		readonly state: SimulatorState,
		private readonly server: ReturnType<typeof createSimulatorServer>,
		readonly origin: string,
		private readonly imsServer: ReturnType<typeof createSimulatorServer>,
		/** Adobe IMS's token endpoint lives here (an origin of its own, as in reality). */
		readonly imsOrigin: string,
	) {}

	static async start(options: StartOptions = {}): Promise<WorkfrontSimulator> {
		const {
			applications = [],
			imsClients = [],
			webApplications = [],
			port = 0,
			host = '127.0.0.1',
			...simOptions
		} = options;
		const state = new SimulatorState(simOptions);
		for (const app of applications) registerWithUsers(state, app);
		const server = createSimulatorServer(state, apiRoutes);
		const imsServer = createSimulatorServer(state, apiRoutes, 'ims');
		const simulator = new WorkfrontSimulator(
			state,
			server,
			await listen(server, port, host),
			imsServer,
			await listen(imsServer, 0, host),
		);
		for (const client of imsClients) simulator.registerImsClient(client);
		for (const app of webApplications) simulator.registerWebApplication(app);
		return simulator;
	}

	registerImsClient(client: ImsClient): void {
		this.state.imsClients.set(client.clientId, client);
	}

	registerWebApplication(app: WebApplication): void {
		this.state.userLogins.apps.set(app.clientId, app);
	}

	get port(): number {
		return Number(new URL(this.origin).port);
	}

	get counters() {
		return this.state.counters;
	}

	get log() {
		return this.state.log;
	}

	registerApplication(app: OAuthApplication): void {
		registerWithUsers(this.state, app);
	}

	/** The next `times` matching requests get this answer instead of the real one. */
	injectFault(fault: Fault): void {
		this.state.faults.push(fault);
	}

	failNext(
		times: number,
		status: number | undefined,
		fault: Omit<Fault, 'times' | 'status'> = {},
	): void {
		this.injectFault({ times, status, ...fault });
	}

	revokeAllTokens(): void {
		this.state.sessions.revokeAll();
	}

	setLatency(latencyMs: number): void {
		this.state.options.latencyMs = latencyMs;
	}

	/** Fills the store with a plausible workspace (users, portfolios, projects, tasks, issues, hours). */
	seed(options: SeedOptions = {}) {
		return seedWorkspace(this.state.store, options, undefined, this.state.files);
	}

	/** Fills Workfront Planning with a workspace, record types of every field type, views and records. */
	seedPlanning(options: PlanningSeedOptions = {}) {
		return seedPlanning(this.state.planning, options);
	}

	/** Workfront Planning's store: what the simulator's Planning holds, and every request it received. */
	get planning() {
		return this.state.planning;
	}

	/** Adds records of one type directly, without going through the API (and its counters). */
	insert(objCode: string, values: Record<string, unknown>) {
		return this.state.store.insert(objCode, values);
	}

	/** Attaches a document with a file to a record, as if uploaded through the API. */
	addDocument(
		objCode: string,
		objID: string,
		fileName: string,
		data: Buffer,
		contentType = 'application/octet-stream',
	) {
		const { store, files } = this.state;
		const handle = files.upload({ data, fileName, contentType });
		return createDocument(
			store,
			files,
			{ name: fileName, docObjCode: objCode, objID },
			{ fields: {}, handle },
			'simulator',
		);
	}

	/** The bytes of a document's current version. */
	documentBytes(documentId: string): Buffer | undefined {
		const document = this.state.store.get('DOCU', documentId);
		return document
			? this.state.files.versions.get(String(document.currentVersionID))?.data
			: undefined;
	}

	/** Makes the simulator's clock run this far ahead of the machine's (negative: behind). */
	setClockOffset(milliseconds: number): void {
		this.state.clockOffsetMs = milliseconds;
	}

	setTokenTtl(seconds: number): void {
		this.state.options.tokenTtlSeconds = seconds;
	}

	resetCounters(): void {
		for (const key of Object.keys(this.state.counters) as Array<keyof typeof this.state.counters>) {
			this.state.counters[key] = 0;
		}
		this.state.peakConcurrency = 0;
		this.state.log.length = 0;
		this.state.exchangeRequests.length = 0;
		this.state.imsRequests.length = 0;
		this.state.planning.requests.length = 0;
	}

	async close(): Promise<void> {
		this.state.closing.abort();
		await Promise.all(
			[this.server, this.imsServer].map(async (server) => {
				server.closeAllConnections();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}),
		);
	}
}
