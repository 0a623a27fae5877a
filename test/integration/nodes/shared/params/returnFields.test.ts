import type { IDataObject } from 'n8n-workflow';

import { readReturnFields } from '../../../../../nodes/shared/params/returnFields';
import { workfrontExecuteContext, workfrontPollContext } from '../../../../harness/executeContext';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/** "Fields to Return" read as Workfront's `fields` parameter, custom fields by label included. */
const fixture = freshFixturePerTest();
const read = async (options: IDataObject, parameter?: string) =>
	await readReturnFields(
		workfrontExecuteContext({
			parameters: record('getMany', { options }),
			helper: fixture().helper,
		}),
		0,
		'PROJ',
		parameter,
	);
const formReads = () =>
	fixture().simulator.log.filter(({ path }) => /\/ctgy\/search$/i.test(path)).length;

test("the picker's list, as one comma-separated parameter; Workfront's own names ask nothing", async () => {
	expect(await read({ fields: ['name', 'owner:name', '*'] })).toEqual([
		['fields', 'name,owner:name,*'],
	]);
	expect(formReads()).toBe(0);
});

test('a comma-separated text from an expression, spaces and empty entries dropped', async () => {
	expect(await read({ fields: ' name , ,status,' })).toEqual([['fields', 'name,status']]);
});

test('nothing chosen: no parameter at all', async () => {
	expect(await read({})).toEqual([]);
	expect(await read({ fields: [] })).toEqual([]);
	expect(await read({ fields: ' , ' })).toEqual([]);
});

test('a custom field by its label becomes its DE: name', async () => {
	defineCustomForm(fixture().simulator.state.store, {
		name: 'Marketing',
		objCode: 'PROJ',
		fields: [{ name: 'Region', label: 'Campaign Region' }],
	});
	expect(await read({ fields: ['name', 'Campaign Region'] })).toEqual([
		['fields', 'name,DE:Region'],
	]);
});

test('another parameter when asked, and a trigger’s parameters (no item)', async () => {
	const context = workfrontPollContext(
		{
			event: 'fieldChanged',
			objectType: 'PROJ',
			watchFields: ['status'],
			options: { fields: ['name'] },
		},
		fixture().helper,
	);
	expect(await readReturnFields(context, 0, 'PROJ', 'watchFields')).toEqual([['fields', 'status']]);
	expect(await readReturnFields(context, 0, 'PROJ')).toEqual([['fields', 'name']]);
});
