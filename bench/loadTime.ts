import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

/**
 * How long loading the package takes, as n8n's loader does it: a new Node.js process requires the
 * three node files and the credential (CommonJS) and makes one instance of each class. Compared in
 * one run with the same dist/ before bundling: the signer as tsc writes it, requiring jose from
 * node_modules as the package did when jose was a runtime dependency; form-data, which the upload
 * needed then, is timed on its own. Each variant runs in fresh processes, alternately, and the
 * median is printed with the ratio to the bundled build.
 */
const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.LOAD_RUNS ?? 21);

const ENTRY_POINTS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

/** A child script: require every entry point, instantiate its class, print the milliseconds. */
function loader(dist: string, extra: string[] = []): string {
	const files = [...ENTRY_POINTS.n8n.credentials, ...ENTRY_POINTS.n8n.nodes].map((path) =>
		join(dist, path.replace(/^dist\//, '')),
	);
	return `
		require('n8n-workflow');
		const started = process.hrtime.bigint();
		for (const file of ${JSON.stringify(files)}) {
			const exports = require(file);
			for (const value of Object.values(exports)) if (typeof value === 'function') new value();
		}
		for (const module of ${JSON.stringify(extra)}) require(module);
		process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
	`;
}

function once(script: string): number {
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

if (!existsSync(join(DIST, 'credentials', 'jwt', 'signAssertion.js'))) {
	throw new Error('No dist/: run `npm run build` first (npm run bench:load does).');
}

// The same build with the signer as tsc compiles it: `require("jose")` from node_modules.
const unbundled = join(ROOT, 'build', 'bench-load', 'dist');
rmSync(unbundled, { recursive: true, force: true });
mkdirSync(unbundled, { recursive: true });
cpSync(DIST, unbundled, { recursive: true });
const source = readFileSync(join(ROOT, 'credentials', 'jwt', 'signAssertion.ts'), 'utf8');
const compiled = ts.transpileModule(source, {
	compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;
writeFileSync(join(unbundled, 'credentials', 'jwt', 'signAssertion.js'), compiled);

const variants: Array<[string, string]> = [
	['bundled (this build)', loader(DIST)],
	['jose from node_modules (before bundling)', loader(unbundled)],
	['jose from node_modules, and form-data (before)', loader(unbundled, ['form-data'])],
];
const times = variants.map(() => [] as number[]);
for (let run = 0; run < RUNS; run += 1) {
	variants.forEach(([, script], index) => times[index].push(once(script)));
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const bundled = median(times[0]);
const size = statSync(join(DIST, 'credentials', 'jwt', 'signAssertion.js')).size;
print(
	`Loading the three nodes and the credential in a new process (median of ${RUNS}, Node ${process.version})`,
);
print(`  bundled signer: ${(size / 1024).toFixed(1)} KB (jose inside)`);
variants.forEach(([name], index) => {
	const value = median(times[index]);
	print(
		`  ${name.padEnd(48)} ${value.toFixed(1).padStart(7)} ms  ${(value / bundled).toFixed(2)}x`,
	);
});
rmSync(join(ROOT, 'build', 'bench-load'), { recursive: true, force: true });
