#!/usr/bin/env node
// `npm run lint`: n8n's own ESLint configuration on what ships (nodes/, credentials/,
// package.json), and the same less the rules about code running inside n8n on the tests,
// benchmarks and scripts (scripts/lint/eslint.dev.config.mjs).
//
// n8n's lint tooling (@n8n/node-cli) is installed apart, in scripts/lint, from its own lock file,
// as n8n's scanner is in scripts/scanner: it brings n8n-workflow 2.x and LangChain, whose engines
// (Node.js 24) and peers npm warns about on Node.js 20, and none of it is needed to build, test or
// run the package. scripts/lint/eslint.config.mjs is the root eslint.config.mjs, byte for byte (a
// test says so): n8n's template, resolved from where the tooling is installed.
//
//   node scripts/lint.mjs             install the tooling if needed, then lint, exit 1 on errors
//   node scripts/lint.mjs --install   only install the tooling
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lintDir = join(root, 'scripts', 'lint');
const eslint = join(lintDir, 'node_modules', 'eslint', 'bin', 'eslint.js');
const stamp = join(lintDir, 'node_modules', '.installed-lock');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	return result.status ?? 1;
}

/** Installed from the lock file, again whenever the lock file changes. */
function ensureInstalled() {
	const lock = readFileSync(join(lintDir, 'package-lock.json'), 'utf8');
	if (existsSync(eslint) && existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
	console.log("Installing n8n's lint tooling (pinned) into scripts/lint …");
	// --ignore-scripts: eslint-plugin-n8n-nodes-base's preinstall insists on pnpm, and nothing
	// lint uses needs an install script.
	const status = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], lintDir);
	if (status !== 0) process.exit(status);
	writeFileSync(stamp, lock);
}

ensureInstalled();
if (process.argv.includes('--install')) process.exit(0);

const shipped = run(
	process.execPath,
	[eslint, '--config', join(lintDir, 'eslint.config.mjs'), 'nodes', 'credentials', 'package.json'],
	root,
);
const tools = run(
	process.execPath,
	[eslint, '--config', join(lintDir, 'eslint.dev.config.mjs'), 'test', 'bench', 'scripts'],
	root,
);
process.exit(shipped || tools);
