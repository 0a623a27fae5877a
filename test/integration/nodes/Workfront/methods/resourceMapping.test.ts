import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { getColumns } from '../../../../../nodes/Workfront/methods/resourceMapping';
import { editorContext } from '../../../../harness/loadOptions';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * Map Each Field's columns for what the panel holds now (mapperColumns.test.ts tests the columns
 * themselves): the operation, the object type, and the values already mapped.
 */
const fixture = freshFixturePerTest();
const columnsFor = async (parameters: IDataObject) =>
	(
		await getColumns.call(
			editorContext(fixture().helper, parameters as INodeParameters, 'parameters.columns'),
		)
	).fields;

test("the panel's operation decides the columns: Update matches on ID, Create does not", async () => {
	expect((await columnsFor(record('update')))[0].id).toBe('ID');
	expect((await columnsFor(record('create'))).some(({ id }) => id === 'ID')).toBe(false);
});

test("the panel's object type decides whose fields", async () => {
	const task = await columnsFor(record('create', { objectType: 'TASK' }));
	expect(task.some(({ id }) => id === 'projectID')).toBe(true);
	expect((await columnsFor(record('create'))).some(({ id }) => id === 'projectID')).toBe(false);
});

test('a value already mapped stays a choice of its column', async () => {
	const columns = await columnsFor(
		record('create', {
			columns: { mappingMode: 'defineBelow', value: { ownerID: 'picked-earlier' } },
		}),
	);
	expect(columns.find(({ id }) => id === 'ownerID')?.options).toContainEqual({
		name: 'picked-earlier (not in the list)',
		value: 'picked-earlier',
	});
});
