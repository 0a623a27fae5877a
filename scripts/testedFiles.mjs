#!/usr/bin/env node
// How many shipped files have a test beside them. A shipped file is a .ts file under nodes/ or
// credentials/; its mirrored test is the same path under test/<tier>/ with .test.ts (or
// .properties.test.ts) in place of .ts: nodes/shared/core/answers.ts is unit-tested when
// test/unit/nodes/shared/core/answers.test.ts exists. A module without logic (a description, a
// resource's operation table, an index that re-exports) needs no test of its own: NO_LOGIC names
// each one with the reason, and the figure is of the shipped modules with logic.
//
//   node scripts/testedFiles.mjs               the figures for the working tree
//   node scripts/testedFiles.mjs --ref main    the figures for a commit (read with git)
//   node scripts/testedFiles.mjs --list        also the modules with logic without a mirrored test
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

/**
 * Shipped modules without logic of their own, reviewed one by one: what the editor shows is
 * checked by the panel suites (test/integration/node/nodePanel.test.ts, editorIssues), and what a
 * table points to is tested where it points. A file that gains a function with a decision in it
 * leaves this list and gets its test.
 */
const NO_LOGIC = {
	'credentials/common/fields.ts':
		'the fields every credential shows (descriptions); each credential suite reads them',
	'nodes/Workfront/Workfront.node.ts':
		'the node description; execute only calls actions/router.ts (tested)',
	'nodes/Workfront/actions/customApiCall/CustomApiCall.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/document/Document.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/record/Record.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/planningField/PlanningField.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/planningRecord/PlanningRecord.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/planningRecordType/PlanningRecordType.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/planningWorkspace/PlanningWorkspace.resource.ts':
		'a resource: its Operation list and operations table',
	'nodes/Workfront/actions/record/actionPanel.ts':
		"Execute Action's parameters, built from actionCatalog.ts (tested)",
	'nodes/Workfront/actions/document/attachedTo.ts':
		'a description: the object type parameters under another display name',
	'nodes/Workfront/methods/index.ts': 'an index: the shared pickers with this node’s own',
	'nodes/shared/methods/index.ts': 'an index: the shared pickers gathered for the nodes',
	'nodes/shared/descriptions/authentication.description.ts':
		'a description: the Authentication parameter',
	'nodes/shared/descriptions/common.description.ts':
		'a description: parameter blocks (object type, record locator, options, batches)',
	'nodes/shared/descriptions/fieldValues.description.ts':
		'a description: the field values parameters',
	'nodes/shared/descriptions/filters.description.ts': 'a description: filters and sort',
	'nodes/shared/descriptions/planning.description.ts':
		'a description: the Planning parameter blocks (locators, typed filter, sort, data, options)',
	'nodes/shared/descriptions/returnAllOrLimit.ts': 'a description: Return All and Limit',
	'nodes/WorkfrontTrigger/description.ts': "a description: the Workfront Trigger's panel",
};

const shipped = files
	.filter((file) => /^(nodes|credentials)\/.*\.ts$/.test(file) && !file.endsWith('.test.ts'))
	.sort();
const testedIn = (tier, file) => {
	const base = `test/${tier}/${file.replace(/\.ts$/, '')}`;
	return present.has(`${base}.test.ts`) || present.has(`${base}.properties.test.ts`);
};
const withLogic = shipped.filter((file) => !Object.hasOwn(NO_LOGIC, file));
const unit = withLogic.filter((file) => testedIn('unit', file));
const anyTier = withLogic.filter((file) => testedIn('unit', file) || testedIn('integration', file));
// A name on the list that no longer exists (moved, renamed) is said, so the list stays reviewed.
const stale = Object.keys(NO_LOGIC).filter((file) => !shipped.includes(file));

console.log(`${ref ?? 'working tree'}:`);
console.log(
	`  shipped modules: ${shipped.length}, of which without logic (NO_LOGIC): ${shipped.length - withLogic.length}`,
);
console.log(
	`  shipped modules with logic that have a mirrored unit test: ${unit.length}/${withLogic.length}`,
);
console.log(
	`  shipped modules with logic that have a mirrored test (unit or integration): ${anyTier.length}/${withLogic.length}`,
);
if (stale.length > 0)
	console.log(`  NO_LOGIC names files that are not shipped: ${stale.join(', ')}`);
if (args.includes('--list')) {
	console.log('  with logic, without a mirrored test:');
	const untested = withLogic.filter((f) => !anyTier.includes(f));
	for (const file of untested) console.log(`    ${file}`);
	if (untested.length === 0) console.log('    (none)');
	console.log('  with logic, tested in the integration tier only:');
	for (const file of anyTier.filter((f) => !unit.includes(f))) console.log(`    ${file}`);
	console.log('  without logic (NO_LOGIC):');
	for (const file of shipped.filter((f) => !withLogic.includes(f)))
		console.log(`    ${file}: ${NO_LOGIC[file]}`);
}
