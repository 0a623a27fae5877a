import { spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { N8nRuntime } from './n8nRuntime';

/** The project root, from the sources (scripts/lib) or the compiled tools (build/scripts/lib). */
export const PACKAGE_ROOT = (() => {
	let dir = __dirname;
	while (!existsSync(join(dir, 'gulpfile.js')) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
})();

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function collect(child: ChildProcess): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		let stdout = '';
		let stderr = '';
		// Decoded as a stream, so a character split across two chunks stays whole.
		child.stdout?.setEncoding('utf8');
		child.stderr?.setEncoding('utf8');
		child.stdout?.on('data', (chunk: string) => (stdout += chunk));
		child.stderr?.on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		// 'close', not 'exit': the process may have exited while the pipes still hold its output
		// (megabytes of JSON from `n8n execute --rawOutput`), which 'exit' would cut off.
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

/** `npm pack` of the built package (run `npm run build` first): what n8n users install. */
export async function packPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const result = await collect(
		spawn('npm', ['pack', '--ignore-scripts', '--pack-destination', destination], {
			cwd: PACKAGE_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return join(destination, tarball);
}

/** The JSON document `n8n execute --rawOutput` prints after its log lines. */
export function parseRunOutput(stdout: string): Record<string, unknown> | undefined {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start += 1) {
		if (lines[start] !== '{') continue;
		// n8n may log after the JSON (e.g. a task runner registering late), so stop at each "}".
		for (let end = start + 1; end < lines.length; end += 1) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, unknown>;
			} catch {
				// not the closing brace of this object, or a log line that happens to be "{"
			}
		}
	}
	return undefined;
}

/**
 * One n8n installation with its own user folder, the package installed the way users install a
 * community package (npm, into <user folder>/.n8n/nodes), and the n8n command line.
 */
export class N8nInstance {
	readonly env: NodeJS.ProcessEnv;

	private constructor(
		readonly runtime: N8nRuntime,
		readonly userFolder: string,
		brokerPort: number,
	) {
		this.env = {
			...process.env,
			// Started from Jest, NODE_ENV is "test", which silences n8n's output.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'workfront-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			// Without isolated-vm (not built here) n8n 1.x needs its legacy expression engine.
			N8N_EXPRESSION_ENGINE: 'legacy',
		};
	}

	/**
	 * `preferOffline` lets npm take the package's dependencies from its cache without asking the
	 * registry whether they changed (the demo's restarts; tests keep the default).
	 */
	static async create(
		runtime: N8nRuntime,
		tarball: string,
		userFolder?: string,
		options: { preferOffline?: boolean } = {},
	): Promise<N8nInstance> {
		const folder = userFolder ?? mkdtempSync(join(tmpdir(), `n8n-${runtime.version.n8n}-`));
		const nodesDir = join(folder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}\n');
		// As n8n installs community packages: its own dependencies, n8n-workflow from n8n itself.
		const install = await collect(
			spawn(
				'npm',
				[
					'install',
					'--omit=dev',
					'--omit=peer',
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					...(options.preferOffline ? ['--prefer-offline'] : []),
					tarball,
				],
				{
					cwd: nodesDir,
					stdio: ['ignore', 'pipe', 'pipe'],
				},
			),
		);
		if (install.code !== 0)
			throw new Error(`Installing the package into n8n failed:\n${install.stderr}`);
		const instance = new N8nInstance(runtime, folder, await freePort());
		// n8n Cloud's rule, and what makes the package installable there: nothing comes with it.
		const installed = instance.installedPackages();
		if (installed.join() !== 'n8n-nodes-workfront') {
			throw new Error(
				`Installing the tarball brought more than the package: ${installed.join(', ')}`,
			);
		}
		return instance;
	}

	/** What is in the nodes folder's node_modules after the install: package names. */
	installedPackages(): string[] {
		const modules = join(this.userFolder, '.n8n', 'nodes', 'node_modules');
		return readdirSync(modules)
			.filter((name) => !name.startsWith('.'))
			.flatMap((name) =>
				name.startsWith('@')
					? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`)
					: [name],
			)
			.sort();
	}

	/**
	 * Another user folder with this one's installed packages, copied instead of installed again:
	 * for several n8n processes on one machine (queue mode), each with a folder of its own.
	 */
	async sibling(): Promise<N8nInstance> {
		const folder = mkdtempSync(join(tmpdir(), `n8n-${this.runtime.version.n8n}-`));
		cpSync(join(this.userFolder, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), {
			recursive: true,
			verbatimSymlinks: true,
		});
		return new N8nInstance(this.runtime, folder, await freePort());
	}

	spawn(args: string[], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
		return spawn(this.runtime.nodeBinary, [this.runtime.n8nScript, ...args], {
			env: { ...this.env, ...extraEnv },
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	}

	async cli(args: string[]): Promise<CliResult> {
		return await collect(this.spawn(args));
	}

	/**
	 * Like cli, with n8n's standard output written to a file instead of a pipe. n8n exits as soon
	 * as it has printed, and output still buffered for a pipe is lost then (a --rawOutput run of
	 * thousands of items came back cut off); writes to a file are complete when they return.
	 */
	async cliToFile(args: string[]): Promise<CliResult> {
		const file = join(
			this.userFolder,
			`stdout-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`,
		);
		const descriptor = openSync(file, 'w');
		try {
			const child = spawn(this.runtime.nodeBinary, [this.runtime.n8nScript, ...args], {
				env: this.env,
				cwd: this.userFolder,
				stdio: ['ignore', descriptor, 'pipe'],
			});
			const result = await collect(child);
			return { ...result, stdout: readFileSync(file, 'utf8') };
		} finally {
			closeSync(descriptor);
			rmSync(file, { force: true });
		}
	}

	private async importFile(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = join(this.userFolder, `import-${kind}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(data));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0)
			throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		await this.importFile('workflow', workflow);
	}

	/** Several workflows with one `n8n import:workflow` (one start of n8n instead of one each). */
	async importWorkflows(workflows: unknown[]): Promise<void> {
		await this.importFile('workflow', workflows);
	}

	/** `n8n execute --id`, with the run as JSON (also on failure, when n8n printed one). */
	async execute(workflowId: string): Promise<CliResult & { run?: Record<string, unknown> }> {
		const result = await this.cliToFile(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ...result, run: parseRunOutput(result.stdout) };
	}

	async exportCredentials(): Promise<Array<{ id: string; data: Record<string, unknown> }>> {
		const file = join(this.userFolder, 'export-credentials.json');
		const result = await this.cli([
			'export:credentials',
			'--all',
			'--decrypted',
			`--output=${file}`,
		]);
		if (result.code !== 0) throw new Error(`n8n export:credentials failed:\n${result.stderr}`);
		return JSON.parse(readFileSync(file, 'utf8')) as Array<{
			id: string;
			data: Record<string, unknown>;
		}>;
	}
}
