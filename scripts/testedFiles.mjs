#!/usr/bin/env node
// How many shipped files have a test beside them. A shipped file is a .ts file under nodes/ or
// credentials/; its mirrored test is the same path under test/<tier>/ with .test.ts (or
// .properties.test.ts) in place of .ts: nodes/shared/core/answers.ts is unit-tested when
// test/unit/nodes/shared/core/answers.test.ts exists.
//
//   node scripts/testedFiles.mjs               the figures for the working tree
//   node scripts/testedFiles.mjs --ref main    the figures for a commit (read with git)
//   node scripts/testedFiles.mjs --list        also the shipped files without a unit test
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const refAt = args.indexOf('--ref');
const ref = refAt >= 0 ? args[refAt + 1] : undefined;

const git = (...gitArgs) =>
	execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
		.split('\n')
		.filter(Boolean);
// Tracked and new files alike, so that the figure counts a test before it is committed.
const files = ref
	? git('ls-tree', '-r', '--name-only', ref)
	: git('ls-files', '--cached', '--others', '--exclude-standard');
const present = new Set(files);

const shipped = files
	.filter((file) => /^(nodes|credentials)\/.*\.ts$/.test(file) && !file.endsWith('.test.ts'))
	.sort();
const testedIn = (tier, file) => {
	const base = `test/${tier}/${file.replace(/\.ts$/, '')}`;
	return present.has(`${base}.test.ts`) || present.has(`${base}.properties.test.ts`);
};
const unit = shipped.filter((file) => testedIn('unit', file));
const anyTier = shipped.filter((file) => testedIn('unit', file) || testedIn('integration', file));

console.log(`${ref ?? 'working tree'}:`);
console.log(`  unit-tested shipped files: ${unit.length}/${shipped.length}`);
console.log(
	`  shipped files with a mirrored test (unit or integration): ${anyTier.length}/${shipped.length}`,
);
if (args.includes('--list')) {
	console.log('  without a mirrored unit test:');
	for (const file of shipped.filter((f) => !unit.includes(f)))
		console.log(`    ${file}${anyTier.includes(file) ? '  (integration)' : ''}`);
}
