#!/usr/bin/env node
// n8n's verification scan, run here as n8n runs it before it lists a community package: the
// scanner's own analyzePackage() with its own ESLint configuration, once on the source files it
// reads from the provenance-attested checkout (SOURCE_FILE_PATTERNS) and once on the compiled
// JavaScript and package.json of the `npm pack` tarball. Offline: nothing is fetched from the
// registry except, once, the pinned scanner itself (scripts/scanner/package-lock.json).
//
//   node scripts/scan.mjs            scan source and tarball, exit 1 on any error
//   node scripts/scan.mjs --json     also print {"source":n,"tarball":n} counts on the last line
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scannerDir = join(root, 'scripts', 'scanner');
const scannerModule = join(
	scannerDir,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

if (!existsSync(scannerModule)) {
	// --ignore-scripts: eslint-plugin-n8n-nodes-base's preinstall insists on pnpm; nothing the scan
	// uses needs an install script.
	console.log('Installing @n8n/scan-community-package (pinned) into scripts/scanner …');
	run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], scannerDir);
}

const scanner = await import(pathToFileURL(scannerModule).href);

/** ESLint's stylish summary: "✖ 3 problems (2 errors, 1 warning)". */
function errorCount(result) {
	if (result.passed) return 0;
	const match = /\((\d+) errors?/.exec(result.details ?? '');
	return match ? Number(match[1]) : Number.NaN;
}

function report(label, result) {
	const count = errorCount(result);
	console.log(`${label}: ${result.passed ? 'passed' : `${result.message}`} (${count} errors)`);
	if (result.details) console.log(result.details);
	return count;
}

const sourceResult = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
const source = report('Source (nodes/, credentials/, package.json)', sourceResult);

const work = mkdtempSync(join(tmpdir(), 'workfront-scan-'));
let tarball;
try {
	if (!existsSync(join(root, 'dist'))) throw new Error('No dist/: run `npm run build` first.');
	const packed = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim();
	const name = packed.split('\n').pop();
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	run('tar', ['-xzf', join(work, name), '-C', unpacked, '--strip-components=1'], work);
	const files = readdirSync(join(unpacked, 'dist')).length;
	const distResult = await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']);
	tarball = report(`Tarball ${name} (${files} entries in dist/)`, distResult);
} finally {
	rmSync(work, { recursive: true, force: true });
}

// The scan must be able to fail: the same analysis on a copy of the package with two planted
// faults (a runtime dependency, a timer in a node) has to report both.
const planted = mkdtempSync(join(tmpdir(), 'workfront-scan-planted-'));
try {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	manifest.dependencies = { 'left-pad': '1.3.0' };
	writeFileSync(join(planted, 'package.json'), JSON.stringify(manifest, null, 2));
	mkdirSync(join(planted, 'nodes'));
	writeFileSync(
		join(planted, 'nodes', 'Planted.node.ts'),
		'export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));\n',
	);
	const plantedErrors = errorCount(
		await scanner.analyzePackage(planted, scanner.SOURCE_FILE_PATTERNS),
	);
	console.log(`Planted faults: ${plantedErrors} errors found (2 planted)`);
	if (!(plantedErrors >= 2)) {
		console.log('The scan did not find the planted faults: it cannot be trusted to pass.');
		process.exit(1);
	}
} finally {
	rmSync(planted, { recursive: true, force: true });
}

if (process.argv.includes('--json')) console.log(JSON.stringify({ source, tarball }));
process.exit(source === 0 && tarball === 0 ? 0 : 1);
