import type { INodeParameters } from 'n8n-workflow';

import { searchRecordsOf } from '../../../../../nodes/shared/methods/recordSearch';
import { editorContext } from '../../../../harness/loadOptions';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * Records of an object type by name, a page of 50 at a time, called directly in n8n-core's editor
 * context against the simulator. The record pickers as the panel uses them are in
 * test/integration/node/metadata.test.ts; here, the search's request, pages and links.
 */
const fixture = freshFixturePerTest();
const context = () => editorContext(fixture().helper, record('get') as INodeParameters);
const lastQuery = () => new URLSearchParams(fixture().simulator.log.at(-1)?.query);

test('sorted by name then ID, 50 from the token given, linked into Workfront', async () => {
	const project = fixture().simulator.insert('PROJ', { name: 'Launch' });
	const { results, paginationToken } = await searchRecordsOf(context(), 'PROJ');
	expect(results).toEqual([
		{
			name: 'Launch',
			value: project.ID,
			url: `${fixture().simulator.origin}/project/${String(project.ID)}/overview`,
		},
	]);
	expect(paginationToken).toBeUndefined();
	const query = lastQuery();
	expect([query.get('fields'), query.get('name_Sort'), query.get('ID_Sort')]).toEqual([
		'name',
		'asc',
		'asc',
	]);
	expect([query.get('$$FIRST'), query.get('$$LIMIT')]).toEqual(['0', '50']);
});

test('what is typed is searched for anywhere in the name, in any case', async () => {
	fixture().simulator.insert('PROJ', { name: 'Spring Launch' });
	fixture().simulator.insert('PROJ', { name: 'Budget' });
	const { results } = await searchRecordsOf(context(), 'PROJ', 'launch');
	expect(results.map(({ name }) => name)).toEqual(['Spring Launch']);
	expect(lastQuery().get('name')).toBe('launch');
	expect(lastQuery().get('name_Mod')).toBe('cicontains');
});

test('a full page hands back the next page’s start as text; the last page none', async () => {
	for (let index = 0; index < 60; index += 1)
		fixture().simulator.insert('PROJ', { name: `P${String(index).padStart(2, '0')}` });
	const first = await searchRecordsOf(context(), 'PROJ');
	expect(first.results).toHaveLength(50);
	expect(first.paginationToken as string | undefined).toBe('50');
	const second = await searchRecordsOf(
		context(),
		'PROJ',
		undefined,
		first.paginationToken as string | undefined,
	);
	expect(second.results.map(({ name }) => name)).toEqual(
		Array.from({ length: 10 }, (_, index) => `P${50 + index}`),
	);
	expect(second.paginationToken).toBeUndefined();
	expect(lastQuery().get('$$FIRST')).toBe('50');
});

test('a token that is not a number starts from the first page', async () => {
	await searchRecordsOf(context(), 'PROJ', undefined, 'garbage');
	expect(lastQuery().get('$$FIRST')).toBe('0');
});

test("a type's own name field, and its own address in Workfront", async () => {
	fixture().simulator.insert('OPTASK', { name: 'Broken link' });
	const issue = await searchRecordsOf(context(), 'OPTASK');
	expect(issue.results[0].url).toMatch(/\/issue\/[^/]+\/overview$/);
	await searchRecordsOf(context(), 'DOCV').catch(() => undefined);
	expect(lastQuery().get('fields')).toBe('fileName');
	expect(lastQuery().get('fileName_Sort')).toBe('asc');
});

test('an unlisted type is linked by its code in lower case; a record without a name shows its ID', async () => {
	fixture().simulator.injectFault({
		times: 1,
		path: /\/BLIN\/search$/,
		status: 200,
		body: { data: [{ ID: 'b1' }] },
	});
	expect((await searchRecordsOf(context(), 'BLIN')).results).toEqual([
		{ name: 'b1', value: 'b1', url: `${fixture().simulator.origin}/blin/b1/overview` },
	]);
});

test('names that repeat on a page get the start of their ID', async () => {
	const a = fixture().simulator.insert('TASK', { name: 'Copywriting' });
	const b = fixture().simulator.insert('TASK', { name: 'Copywriting' });
	const names = (await searchRecordsOf(context(), 'TASK')).results.map(({ name }) => name);
	expect(names.sort()).toEqual(
		[
			`Copywriting (${String(a.ID).slice(0, 8)}…)`,
			`Copywriting (${String(b.ID).slice(0, 8)}…)`,
		].sort(),
	);
});
