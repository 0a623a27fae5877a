import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { freePort, N8nInstance } from './n8nInstance';
import type { N8nRuntime } from './n8nRuntime';
import { N8nServer } from './n8nServer';

/**
 * n8n in queue mode on one machine, for tests and benchmarks: PostgreSQL and Redis from the
 * system's packages (Debian: `postgresql`, `redis-server`), each on a free port with its data in a
 * temporary folder, and n8n's main instance, workers and a webhook processor, each with its own
 * user folder and this package installed into it as a community package.
 */

const run = (command: string, args: string[], options: { uid?: number; gid?: number } = {}) => {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`,
		);
	return result.stdout;
};

/** What is missing to run queue mode here (empty when everything is installed). */
export function missingQueueModePrograms(): string[] {
	const missing: string[] = [];
	if (!postgresBinDir()) missing.push('PostgreSQL (Debian: apt-get install -y postgresql)');
	if (!which('redis-server')) missing.push('Redis (Debian: apt-get install -y redis-server)');
	return missing;
}

function which(program: string): string | undefined {
	const result = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<version>/bin, off the PATH. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length > 0) return join(root, versions[0], 'bin');
	}
	const initdb = which('initdb');
	return initdb ? join(initdb, '..') : undefined;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` account (or nobody) then. */
function serverAccount(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0)
			return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
	}
	throw new Error(
		'Running as root, and there is no postgres or nobody account to run PostgreSQL as',
	);
}

export interface DatabaseServer {
	port: number;
	user: string;
	database: string;
	stop(): Promise<void>;
}

/** A throwaway PostgreSQL cluster (trust authentication, loopback only, no fsync). */
export async function startPostgres(): Promise<DatabaseServer> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(missingQueueModePrograms().join('; '));
	const account = serverAccount();
	const folder = mkdtempSync(join(tmpdir(), 'workfront-pg-'));
	const dataDir = join(folder, 'data');
	if (account.uid !== undefined) chownSync(folder, account.uid, account.gid ?? account.uid);
	chmodSync(folder, 0o700);
	const user = 'n8n';
	run(
		join(bin, 'initdb'),
		['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
		account,
	);
	for (let attempt = 1; ; attempt += 1) {
		const port = await freePort();
		const options = [
			`-p ${port}`,
			`-k ${folder}`,
			"-c listen_addresses='127.0.0.1'",
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
			'-c max_connections=200',
		].join(' ');
		try {
			run(
				join(bin, 'pg_ctl'),
				['-D', dataDir, '-l', join(folder, 'server.log'), '-o', options, '-w', '-t', '60', 'start'],
				account,
			);
		} catch (error) {
			if (attempt === 3) throw error;
			continue;
		}
		run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n'], account);
		return {
			port,
			user,
			database: 'n8n',
			stop: async () => {
				spawnSync(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], account);
				rmSync(folder, { recursive: true, force: true });
			},
		};
	}
}

export interface RedisServer {
	port: number;
	stop(): Promise<void>;
}

/** A throwaway Redis, in memory only, loopback only. */
export async function startRedis(): Promise<RedisServer> {
	const program = which('redis-server');
	if (!program) throw new Error(missingQueueModePrograms().join('; '));
	const folder = mkdtempSync(join(tmpdir(), 'workfront-redis-'));
	for (let attempt = 1; ; attempt += 1) {
		const port = await freePort();
		const child = spawn(
			program,
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--dir',
				folder,
				'--save',
				'',
				'--appendonly',
				'no',
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		const process = new ServiceProcess(child, 'redis');
		try {
			await process.waitFor(/Ready to accept connections/, 20_000);
		} catch (error) {
			await process.stop();
			if (attempt === 3) throw error;
			continue;
		}
		return {
			port,
			stop: async () => {
				await process.stop();
				rmSync(folder, { recursive: true, force: true });
			},
		};
	}
}

/** A long-running child process whose output is kept (the last 200 KB) and can be waited for. */
export class ServiceProcess {
	output = '';

	constructor(
		readonly child: ChildProcess,
		readonly name: string,
	) {
		const keep = (chunk: Buffer) => {
			this.output = (this.output + chunk.toString()).slice(-200_000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
	}

	async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!pattern.test(this.output)) {
			if (this.child.exitCode !== null || this.child.signalCode !== null)
				throw new Error(`${this.name} exited while starting:\n${this.output.slice(-6000)}`);
			if (Date.now() > deadline)
				throw new Error(
					`${this.name} did not start within ${timeoutMs / 1000} s:\n${this.output.slice(-6000)}`,
				);
			await delay(200);
		}
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			const force = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
			this.child.once('exit', () => {
				clearTimeout(force);
				resolve();
			});
			this.child.kill('SIGTERM');
		});
	}
}

/**
 * Loaded into each n8n process with `--require` (tests only): appends one line per HTTP answer that
 * process received from the origin in WORKFRONT_TRACE_ORIGIN ("METHOD path status"), through
 * Node.js's diagnostics channels. No header or request is changed; it tells the processes apart
 * by where the line is written.
 */
const TRACE_PRELOAD = `'use strict';
const channels = require('node:diagnostics_channel');
const { appendFileSync } = require('node:fs');
const file = process.env.WORKFRONT_TRACE_FILE;
const origin = process.env.WORKFRONT_TRACE_ORIGIN;
if (file && origin) {
	const host = new URL(origin).host;
	channels.subscribe('http.client.response.finish', ({ request, response }) => {
		try {
			if (String(request.getHeader('host')) !== host) return;
			appendFileSync(file, request.method + ' ' + request.path + ' ' + response.statusCode + '\\n');
		} catch {}
	});
}
`;

export interface TracedRequest {
	method: string;
	path: string;
	status: number;
}

export const EXCHANGE_PATH = '/integrations/oauth2/api/v1/jwt/exchange';

export type Role = 'main' | 'webhook' | `worker ${number}`;

/** One n8n process of the cluster: its installation, its output, what it asked the simulator. */
export interface ClusterMember {
	role: Role;
	instance: N8nInstance;
	traceFile: string;
	output(): string;
}

export function tracedRequests(member: ClusterMember): TracedRequest[] {
	if (!existsSync(member.traceFile)) return [];
	return readFileSync(member.traceFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [method, path, status] = line.split(' ');
			return { method, path, status: Number(status) };
		});
}

export interface QueueClusterOptions {
	runtime: N8nRuntime;
	/** The package tarball (packPackage) installed into every process's user folder. */
	tarball: string;
	workers?: number;
	/** Executions each worker runs at the same time (`n8n worker --concurrency`). */
	concurrency?: number;
	/** Trace the HTTP answers each process gets from this origin (see tracedRequests). */
	traceOrigin?: string;
	/** Run before any process starts (with the database ready): e.g. import credentials. */
	prepare?: (main: N8nInstance) => Promise<void>;
	progress?: (line: string) => void;
}

/**
 * A main instance (UI, REST API, triggers and schedules; production webhooks disabled), workers
 * that take executions from the Redis queue, and a webhook processor that receives production
 * webhooks: the layout n8n documents for queue mode, with PostgreSQL as the shared database.
 */
export class QueueCluster {
	private constructor(
		readonly postgres: DatabaseServer,
		readonly redis: RedisServer,
		readonly main: N8nServer,
		readonly members: ClusterMember[],
		private readonly processes: ServiceProcess[],
		private readonly instances: N8nInstance[],
		readonly webhookUrl: string,
	) {}

	static async start(options: QueueClusterOptions): Promise<QueueCluster> {
		const began = Date.now();
		const progress = (line: string) =>
			options.progress?.(`${line} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
		const workerCount = options.workers ?? 2;
		const concurrency = options.concurrency ?? 5;
		const [postgres, redis, first] = await Promise.all([
			startPostgres(),
			startRedis(),
			// Installed once the way n8n installs community packages, then copied for each process.
			N8nInstance.create(options.runtime, options.tarball),
		]);
		const processes: ServiceProcess[] = [];
		const instances: N8nInstance[] = [first];
		let server: N8nServer | undefined;
		try {
			progress(`PostgreSQL on ${postgres.port}, Redis on ${redis.port}, package installed`);
			const roles: Role[] = [
				'main',
				'webhook',
				...Array.from({ length: workerCount }, (_, index) => `worker ${index + 1}` as Role),
			];
			// The command line (imports) gets a folder of its own: no port shared with a process.
			for (let index = 0; index < roles.length; index += 1) instances.push(await first.sibling());
			const preload = join(first.userFolder, 'workfront-trace.js');
			writeFileSync(preload, TRACE_PRELOAD);
			const webhookPort = await freePort();
			const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
			const configure = (instance: N8nInstance, traceFile: string) =>
				Object.assign(instance.env, {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(postgres.port),
					DB_POSTGRESDB_DATABASE: postgres.database,
					DB_POSTGRESDB_USER: postgres.user,
					DB_POSTGRESDB_PASSWORD: '',
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(redis.port),
					OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
					WEBHOOK_URL: webhookUrl,
					N8N_LOG_LEVEL: 'info',
					N8N_HOST: '127.0.0.1',
					N8N_LISTEN_ADDRESS: '127.0.0.1',
					...(options.traceOrigin
						? {
								NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
								WORKFRONT_TRACE_FILE: traceFile,
								WORKFRONT_TRACE_ORIGIN: options.traceOrigin,
							}
						: {}),
				});
			const [cli, ...memberInstances] = instances;
			configure(cli, join(cli.userFolder, 'workfront-requests.log'));
			const members = roles.map((role, index): ClusterMember => {
				const instance = memberInstances[index];
				const traceFile = join(instance.userFolder, 'workfront-requests.log');
				configure(instance, traceFile);
				return { role, instance, traceFile, output: () => '' };
			});
			const [main, webhook, ...workers] = members;

			// The main instance first: it creates (migrates) the database the others share.
			server = await N8nServer.start(main.instance, undefined, 240_000, {
				env: { WEBHOOK_URL: webhookUrl, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			});
			const mainServer = server;
			main.output = () => mainServer.output.text;
			progress('Main instance up; starting the webhook processor and the workers');

			const started = await Promise.all([
				(async () => {
					await options.prepare?.(cli);
					progress('Prepared the database');
				})(),
				(async () => {
					const child = new ServiceProcess(
						webhook.instance.spawn(['webhook'], { N8N_PORT: String(webhookPort) }),
						'n8n webhook',
					);
					processes.push(child);
					webhook.output = () => child.output;
					await child.waitFor(/Webhook listener waiting for requests/, 240_000);
				})(),
				...workers.map(async (worker) => {
					const child = new ServiceProcess(
						worker.instance.spawn(['worker', `--concurrency=${concurrency}`], {
							QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
							N8N_PORT: String(await freePort()),
						}),
						`n8n ${worker.role}`,
					);
					processes.push(child);
					worker.output = () => child.output;
					await child.waitFor(/n8n worker is now ready/, 240_000);
				}),
			]).then(
				() => undefined,
				(error: unknown) => error as Error,
			);
			if (started) throw started;
			progress('Started the webhook processor and the workers');
			await server.loginAsOwner();
			return new QueueCluster(postgres, redis, server, members, processes, instances, webhookUrl);
		} catch (error) {
			await Promise.all([server?.stop(), ...processes.map(async (child) => await child.stop())]);
			await Promise.all([postgres.stop(), redis.stop()]);
			for (const instance of instances)
				rmSync(instance.userFolder, { recursive: true, force: true });
			throw error;
		}
	}

	get workers(): ClusterMember[] {
		return this.members.filter(({ role }) => role.startsWith('worker'));
	}

	member(role: Role): ClusterMember {
		const found = this.members.find((candidate) => candidate.role === role);
		if (!found) throw new Error(`No ${role} in this cluster`);
		return found;
	}

	/** Execution IDs a worker finished, from its log. */
	finishedBy(member: ClusterMember): string[] {
		return [...member.output().matchAll(/Worker finished execution (\S+)/g)].map(
			(match) => match[1],
		);
	}

	/** Starts a saved workflow from its Manual Trigger through the REST API (what the editor does). */
	async runManually(workflow: { id: string; name?: string }, trigger = 'Start'): Promise<string> {
		const answer = await this.main.rest<{ data?: { executionId?: string } }>(
			'POST',
			`workflows/${workflow.id}/run`,
			// n8n 1.x runs the workflowData sent; 2.x loads the saved workflow and ignores it.
			{ workflowData: workflow, triggerToStartFrom: { name: trigger } },
		);
		const id = answer.body.data?.executionId;
		if (answer.status !== 200 || !id)
			throw new Error(
				`Running ${workflow.id} failed (${answer.status}): ${JSON.stringify(answer.body)}`,
			);
		return String(id);
	}

	/** The executions of a workflow (newest first), as n8n's REST API lists them. */
	async executions(workflowId: string): Promise<Array<{ id: string; status?: string }>> {
		const answer = await this.main.rest<{
			data?: { results?: Array<{ id: string; status?: string }> };
		}>('GET', `executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		return answer.body.data?.results ?? [];
	}

	/** Waits until these executions have finished (any status); answers their statuses. */
	async waitForExecutions(
		ids: string[],
		timeoutMs: number,
	): Promise<Map<string, string | undefined>> {
		const deadline = Date.now() + timeoutMs;
		const statuses = new Map<string, string | undefined>();
		while (Date.now() < deadline) {
			for (const id of ids) {
				if (statuses.has(id)) continue;
				const answer = await this.main.rest<{ data?: { status?: string; finished?: boolean } }>(
					'GET',
					`executions/${id}`,
				);
				const status = answer.body.data?.status;
				if (status && !['new', 'running', 'waiting', 'queued'].includes(status))
					statuses.set(id, status);
			}
			if (statuses.size === ids.length) return statuses;
			await delay(500);
		}
		for (const id of ids) if (!statuses.has(id)) statuses.set(id, 'still running');
		return statuses;
	}

	/** An execution's run data (`data.resultData.runData`), decoded from n8n's flatted format. */
	async runData(id: string): Promise<
		Record<
			string,
			Array<{
				data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
				executionTime?: number;
			}>
		>
	> {
		const answer = await this.main.rest<{ data?: { data?: string } }>('GET', `executions/${id}`);
		const flatted = answer.body.data?.data;
		if (typeof flatted !== 'string') throw new Error(`Execution ${id} has no data`);
		// flatted is n8n's own dependency: decode with the copy n8n uses.
		const { parse } = createRequire(this.members[0].instance.runtime.n8nScript)('flatted') as {
			parse: (text: string) => { resultData?: { runData?: Record<string, never> } };
		};
		return parse(flatted).resultData?.runData ?? {};
	}

	async stop(): Promise<void> {
		await Promise.all([
			this.main.stop(),
			...this.processes.map(async (child) => await child.stop()),
		]);
		await Promise.all([this.postgres.stop(), this.redis.stop()]);
		for (const instance of this.instances)
			rmSync(instance.userFolder, { recursive: true, force: true });
	}
}
