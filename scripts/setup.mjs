#!/usr/bin/env node
// The system packages the test suites need, installed from Debian before any test runs:
//   chromium       the editor check of the demo (npm run screenshot)
//   postgresql     the queue-mode end-to-end suite (it starts its own server on a free port)
//   redis-server   the same suite
// `npm test`, `npm run test:e2e` and CI (.ci/run) run this first. When something is missing it
// installs it if it can (as root, or with sudo that asks no password); when it cannot, it stops at
// once and says what to run. It needs nothing but Node.js, so it runs before `npm ci` too.
//
//   node scripts/setup.mjs            check, install what is missing, or stop
//   node scripts/setup.mjs --dry-run  say what would be done, change nothing
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each Debian package, with how to tell that it is installed. */
const PACKAGES = [
	{
		name: 'chromium',
		installed: () =>
			onPath('chromium') ||
			Boolean(process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)),
	},
	{ name: 'postgresql', installed: () => postgresInstalled() },
	{ name: 'redis-server', installed: () => onPath('redis-server') },
];

function onPath(program) {
	return (process.env.PATH ?? '')
		.split(delimiter)
		.some((dir) => dir !== '' && existsSync(join(dir, program)));
}

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<version>/bin, off the PATH. */
function postgresInstalled() {
	const root = '/usr/lib/postgresql';
	if (existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb'))))
		return true;
	return onPath('initdb');
}

function succeeds(command, args) {
	const result = spawnSync(command, args, { stdio: 'ignore' });
	return result.status === 0;
}

const dryRun = process.argv.includes('--dry-run');
const missing = PACKAGES.filter((pkg) => !pkg.installed()).map((pkg) => pkg.name);
if (missing.length === 0) {
	if (dryRun)
		console.log('setup: chromium, postgresql and redis-server are installed; nothing to do');
	process.exit(0);
}

const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const asRoot = process.getuid?.() === 0;
const hasApt = onPath('apt-get');
const withSudo = !asRoot && hasApt && onPath('sudo') && succeeds('sudo', ['-n', 'true']);

if (!hasApt || (!asRoot && !withSudo)) {
	const how = hasApt
		? `As root, run this, then run the tests again:\n\n  ${install}\n`
		: `This is not Debian (no apt-get): install ${missing.join(', ')} with the system's package manager (PostgreSQL's initdb and redis-server on the PATH or in /usr/lib/postgresql/<version>/bin; Chromium as chromium on the PATH or at CHROMIUM_PATH), then run the tests again.\n`;
	process.stderr.write(
		`setup: the tests need ${missing.join(', ')}, and this user cannot install them.\n${how}`,
	);
	process.exit(1);
}

const command = asRoot ? install : `sudo sh -c '${install}'`;
if (dryRun) {
	console.log(`setup: would run: ${command}`);
	process.exit(0);
}
console.log(`setup: installing ${missing.join(', ')} from Debian: ${command}`);
const steps = [
	['apt-get', ['update']],
	['apt-get', ['install', '-y', '--no-install-recommends', ...missing]],
];
for (const [program, args] of steps) {
	const [file, argv] = asRoot ? [program, args] : ['sudo', ['-n', program, ...args]];
	const result = spawnSync(file, argv, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (result.status !== 0) {
		process.stderr.write(
			`setup: ${file} ${argv.join(' ')} failed (${result.status ?? result.signal})\n`,
		);
		process.exit(1);
	}
}
const still = PACKAGES.filter((pkg) => !pkg.installed()).map((pkg) => pkg.name);
if (still.length > 0) {
	process.stderr.write(`setup: still missing after the install: ${still.join(', ')}\n`);
	process.exit(1);
}
