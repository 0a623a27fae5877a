import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as listSearch from '../../../../../nodes/shared/methods/listSearch';
import { OTHER_OBJECT_TYPE } from '../../../../../nodes/shared/core/objectTypes';
import { editorContext } from '../../../../harness/loadOptions';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/** Each record picker searches its own object type (recordSearch.test.ts tests the search). */
const fixture = freshFixturePerTest();
const context = (parameters: IDataObject = record('get')) =>
	editorContext(fixture().helper, parameters as INodeParameters);
const searchedType = () => fixture().simulator.log.at(-1)?.path.split('/').at(-2);

test.each([
	['searchProjects', 'PROJ'],
	['searchTemplates', 'TMPL'],
	['searchUsers', 'USER'],
	['searchDocuments', 'DOCU'],
] as const)('%s searches %s, whatever object type the node has', async (method, objCode) => {
	await listSearch[method].call(context(record('get', { objectType: 'TASK' })), 'x', '50');
	expect(searchedType()).toBe(objCode);
	const query = new URLSearchParams(fixture().simulator.log.at(-1)?.query);
	expect(query.get('$$FIRST')).toBe('50');
});

test("searchRecords searches the node's object type, an Other code included", async () => {
	const task = fixture().simulator.insert('TASK', { name: 'Write' });
	const { results } = await listSearch.searchRecords.call(
		context(record('get', { objectType: 'TASK' })),
	);
	expect(results.map(({ value }) => value)).toEqual([task.ID]);
	// The simulator has no BLIN objects: what matters is what was asked.
	await listSearch.searchRecords
		.call(context(record('get', { objectType: OTHER_OBJECT_TYPE, objectCode: 'blin' })))
		.catch(() => undefined);
	expect(searchedType()).toBe('BLIN');
});

test('searchRecords with an Other type without a code says so and sends nothing', async () => {
	await expect(
		listSearch.searchRecords.call(
			context(record('get', { objectType: OTHER_OBJECT_TYPE, objectCode: '' })),
		),
	).rejects.toThrow('Object Code is empty');
	expect(fixture().simulator.log.filter(({ path }) => path.startsWith('/attask/'))).toHaveLength(0);
});
