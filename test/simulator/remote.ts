import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { IDataObject } from 'n8n-workflow';

import type { FaultSpec } from './control';
import type { Counters, LoggedRequest, SimulatorOptions } from './state';

const CLI = join(__dirname, 'cli.js');

/**
 * The simulator in a process of its own, driven over its /__simulator/ control API: for a real n8n
 * in the end-to-end tests, and for benchmarks where the server must not share the client's CPU.
 * Needs the compiled tools (`npm run build:tools`).
 */
export class SimulatorProcess {
	private constructor(
		private readonly child: ChildProcess,
		readonly origin: string,
		readonly credentials: IDataObject,
		/** An Adobe Workfront OAuth Server-to-Server credential for the same simulator (Planning needs one). */
		readonly serverToServerCredentials: IDataObject,
	) {}

	static async start(args: string[] = []): Promise<SimulatorProcess> {
		const out = mkdtempSync(join(tmpdir(), 'workfront-sim-'));
		const child = spawn(
			process.execPath,
			[CLI, '--port', '0', '--control', '--out', out, ...args],
			{
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		const ready = await new Promise<{
			origin: string;
			credentialFile: string;
			serverToServerCredentialFile: string;
		}>((resolve, reject) => {
			child.once('exit', (code) => reject(new Error(`The simulator exited with code ${code}`)));
			createInterface({ input: child.stdout! }).on('line', (line) => {
				if (line.startsWith('SIMULATOR_READY '))
					resolve(JSON.parse(line.slice('SIMULATOR_READY '.length)));
			});
		});
		child.removeAllListeners('exit');
		return new SimulatorProcess(
			child,
			ready.origin,
			JSON.parse(readFileSync(ready.credentialFile, 'utf8')) as IDataObject,
			JSON.parse(readFileSync(ready.serverToServerCredentialFile, 'utf8')) as IDataObject,
		);
	}

	private async control<T>(method: string, action: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.origin}/__simulator/${action}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`Simulator control ${action} answered ${response.status}`);
		return (await response.json()) as T;
	}

	async counters() {
		return await this.control<Counters & { peakConcurrency: number }>('GET', 'counters');
	}

	async log() {
		return await this.control<LoggedRequest[]>('GET', 'log');
	}

	async records(objCode: string) {
		return await this.control<IDataObject[]>('GET', `records/${objCode}`);
	}

	async tokens() {
		return await this.control<{ issued: string[]; jwts: string[] }>('GET', 'tokens');
	}

	async reset() {
		await this.control('POST', 'reset');
	}

	async setOptions(options: Partial<SimulatorOptions>) {
		await this.control('POST', 'options', options);
	}

	async revokeAllTokens() {
		await this.control('POST', 'revoke');
	}

	async injectFault(fault: FaultSpec) {
		await this.control('POST', 'fault', fault);
	}

	async insert(objCode: string, count: number, values: IDataObject = {}) {
		await this.control('POST', 'insert', { objCode, count, values });
	}

	async seed(options: IDataObject = {}) {
		await this.control('POST', 'seed', options);
	}

	/** Seeds Workfront Planning (planning/seed.ts); answers the IDs of what it made. */
	async seedPlanning(campaigns = 0) {
		return await this.control<{
			workspaceId: string;
			recordTypeId: string;
			fields: Record<string, string>;
		}>('POST', 'planning-seed', { campaigns });
	}

	/** Adds records straight into a Planning record type, each `{nameField: "<name> <n>"}`. */
	async insertPlanningRecords(
		recordTypeId: string,
		nameField: string,
		count: number,
		name = 'Record',
	) {
		await this.control('POST', 'planning-insert', { recordTypeId, nameField, count, name });
	}

	/** Records a Planning record type holds. */
	async planningRecordCount(recordTypeId: string) {
		return (await this.control<{ count: number }>('GET', `planning-count/${recordTypeId}`)).count;
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.kill('SIGTERM');
		});
	}
}
