import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README says the package is developed and tested on Node.js 20.19 or later (n8n 1.x's
 * Node.js). npm warns (EBADENGINE) for every installed package whose `engines.node` excludes the
 * Node.js running `npm ci`. This lists the ones package-lock.json holds and fails on any that is
 * not a known, documented exception (CONTRIBUTING.md, "npm ci on Node.js 20"), and on a known one
 * that is gone (so the documentation is kept true).
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const ROOT = join(__dirname, '..', '..');
const NODE_20 = '20.19.0';

/** Lock paths whose engines exclude Node.js 20, and why they are there. */
const KNOWN: Record<string, string> = {
	'node_modules/isolated-vm':
		"isolated-vm 6.2.0 (node >=22): n8n-workflow 1.120.31, n8n 1.123's own, needs it through @n8n/expression-runtime 0.14.11; n8n 1.123 itself is installed on Node.js 20 with it",
};

function excluding(lockFile: string): Map<string, string> {
	const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
		packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
	};
	const found = new Map<string, string>();
	for (const [path, entry] of Object.entries(lock.packages)) {
		const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
		if (path !== '' && range && !semver.satisfies(NODE_20, range))
			found.set(path, `${entry.version ?? '?'} (node ${range})`);
	}
	return found;
}

test('no package of the lock excludes Node.js 20 except the documented ones', () => {
	const found = excluding(join(ROOT, 'package-lock.json'));
	const unknown = [...found].filter(([path]) => !(path in KNOWN));
	expect(unknown).toEqual([]);
	const gone = Object.keys(KNOWN).filter((path) => !found.has(path));
	expect(gone).toEqual([]);
});
