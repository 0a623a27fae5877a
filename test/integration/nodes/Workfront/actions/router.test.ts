import { router } from '../../../../../nodes/Workfront/actions/router';
import { workfrontExecuteContext } from '../../../../harness/executeContext';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * The router called as the node's execute calls it, in n8n-core's execution context against the
 * simulator: the choice of the operation, the one output it hands back, and the form of its dates
 * by node version (read once, here; each version's dates in detail are in
 * test/integration/node/versions.test.ts).
 */
const fixture = freshFixturePerTest();

test('every input item goes to the chosen operation, and its items come back as the one output', async () => {
	fixture().simulator.insert('PROJ', { name: 'Launch' });
	const context = workfrontExecuteContext({
		parameters: record('count'),
		input: [{}, {}, {}],
		helper: fixture().helper,
	});
	const output = await router.call(context);
	expect(output).toHaveLength(1);
	expect(output[0].map(({ json }) => json.count)).toEqual([1, 1, 1]);
	expect(output[0].map(({ pairedItem }) => pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
});

test.each([
	['record', 'fly'],
	['document', 'fly'],
])('resource %s, operation %s: said plainly, nothing sent', async (resource, operation) => {
	const context = workfrontExecuteContext({
		parameters: { resource, operation },
		helper: fixture().helper,
	});
	await expect(router.call(context)).rejects.toThrow(
		`The operation "${operation}" of "${resource}" is not supported`,
	);
	expect(fixture().simulator.log).toHaveLength(0);
});

test.each([
	[1, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d:\d{3}[+-]\d{4}$/],
	[2, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/],
])("version %s: the output's dates in that version's form", async (typeVersion, form) => {
	const project = fixture().simulator.insert('PROJ', { name: 'Dated' });
	const context = workfrontExecuteContext({
		parameters: record('get', { id: String(project.ID), options: { fields: ['entryDate'] } }),
		helper: fixture().helper,
		typeVersion,
	});
	const [[item]] = await router.call(context);
	expect(String(item.json.entryDate)).toMatch(form);
});
