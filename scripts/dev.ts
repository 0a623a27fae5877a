/* eslint-disable no-console -- a command-line program talks on the console */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { startDemo } from './lib/demoEnvironment';
import { PACKAGE_ROOT } from './lib/n8nInstance';

const USAGE = `Usage: npm run dev [-- --n8n 1|2] [--port N]

The demo (simulator, real n8n with this package, the credential and the sample workflows), kept up
to date while you work: every change under nodes/, credentials/ or icons/ rebuilds the package
(tsc, then gulp's assets and jose bundle), copies dist/ into the package n8n installed, and n8n
reloads it (n8n's hot reload: NODE_ENV=development, N8N_DEV_RELOAD=true). Refresh the editor to see
a changed panel. Stop it with Ctrl-C.`;

const WATCHED = ['nodes', 'credentials', 'icons'];

/** gulp's watch (chokidar underneath: it keeps up with editors that save by renaming a file). */
interface Watcher {
	on(event: 'all', listener: (event: string, file: string) => void): Watcher;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- gulp ships no type declarations
const { watch } = require('gulp') as {
	watch(globs: string[], options: { cwd: string; ignoreInitial: boolean }): Watcher;
};

/** One build of the package as `npm run build` makes it, tsc incremental; false when it failed. */
function build(): boolean {
	const steps: Array<[string, string[]]> = [
		[
			process.execPath,
			[
				join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
				'-p',
				'tsconfig.json',
				'--incremental',
				'--tsBuildInfoFile',
				join('.cache', 'dev.tsbuildinfo'),
			],
		],
		[process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js'), '--silent']],
	];
	for (const [program, args] of steps) {
		const result = spawnSync(program, args, { cwd: PACKAGE_ROOT, stdio: 'inherit' });
		if (result.status !== 0) return false;
	}
	return true;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			n8n: { type: 'string', default: '1' },
			port: { type: 'string', default: '5678' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) return console.log(USAGE);
	if (values.n8n !== '1' && values.n8n !== '2') {
		console.error(`--n8n must be 1 or 2 (got "${values.n8n}").\n\n${USAGE}`);
		process.exit(2);
	}
	const demo = await startDemo({
		n8nMajor: values.n8n === '2' ? 2 : 1,
		n8nPort: Number(values.port),
		progress: (line) => console.log(line),
		runSamples: false,
		serverEnv: { NODE_ENV: 'development', N8N_DEV_RELOAD: 'true' },
	});
	const installedDist = join(demo.installedPackage, 'dist');
	console.log(`
n8n with the Workfront node is running, and reloads it on every change.

  Open      ${demo.n8nUrl}
  Log in    ${demo.owner.email} / ${demo.owner.password}
  Workfront simulator at ${demo.simulatorUrl}
  Watching  ${WATCHED.map((dir) => `${dir}/`).join(', ')}

Press Ctrl-C to stop everything.`);

	let pending: NodeJS.Timeout | undefined;
	let building = false;
	let again = false;
	const rebuild = () => {
		if (building) {
			again = true;
			return;
		}
		building = true;
		const started = Date.now();
		const reloadsBefore = demo.n8nOutput.text.split('Hot reload triggered').length;
		if (build()) {
			cpSync(join(PACKAGE_ROOT, 'dist'), installedDist, { recursive: true });
			console.log(`[dev] built and copied into n8n in ${Date.now() - started} ms`);
			// n8n says when it reloads; wait for it so that the time printed is the whole round.
			const check = setInterval(() => {
				if (demo.n8nOutput.text.split('Hot reload triggered').length > reloadsBefore) {
					clearInterval(check);
					console.log(`[dev] n8n reloaded the package ${Date.now() - started} ms after the change`);
				}
			}, 50);
			setTimeout(() => clearInterval(check), 30_000).unref();
		} else console.log('[dev] the build failed; n8n keeps the last good build');
		building = false;
		if (again) {
			again = false;
			rebuild();
		}
	};
	watch(
		WATCHED.map((dir) => `${dir}/**/*`),
		{ cwd: PACKAGE_ROOT, ignoreInitial: true },
	).on('all', (_event, file) => {
		console.log(`[dev] changed: ${file}`);
		clearTimeout(pending);
		pending = setTimeout(rebuild, 150);
	});

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulator …');
		void demo.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(
		`npm run dev could not start: ${error instanceof Error ? error.message : String(error)}`,
	);
	process.exit(1);
});
