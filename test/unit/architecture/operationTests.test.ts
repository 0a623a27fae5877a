import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Tests live next to what they test: every operation file under nodes/Workfront/actions has an
 * integration test at the same path under test/integration (Record > Create in
 * test/integration/nodes/Workfront/actions/record/create.operation.test.ts), which runs it through
 * n8n-core against the simulator.
 */
const ROOT = join(__dirname, '..', '..', '..');

function operationFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? operationFiles(join(dir, entry.name))
			: entry.name.endsWith('.operation.ts')
				? [relative(ROOT, join(dir, entry.name))]
				: [],
	);
}

const operations = operationFiles(join(ROOT, 'nodes', 'Workfront', 'actions'));

test('the operations are found', () => {
	expect(operations.length).toBeGreaterThanOrEqual(12);
});

test.each(operations)('%s has its integration test beside it', (file) => {
	const test = join(ROOT, 'test', 'integration', file.replace(/\.ts$/, '.test.ts'));
	expect(existsSync(test) ? relative(ROOT, test) : `missing: ${relative(ROOT, test)}`).toBe(
		relative(ROOT, test),
	);
});
