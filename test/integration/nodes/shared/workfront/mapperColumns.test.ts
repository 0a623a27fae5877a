import type { ResourceMapperField } from 'n8n-workflow';

import { MATCH_COLUMN, mapperColumns } from '../../../../../nodes/shared/workfront/mapperColumns';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * The columns of Create and Update, called directly against the simulator. What the editor does
 * with them (Map Each Field, reference lists and their bounds, display-type codes) is in
 * test/integration/node/mapper.test.ts; here, the columns themselves for each purpose.
 */
const fixture = freshFixturePerTest();
const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
const column = (columns: ResourceMapperField[], id: string) =>
	columns.find((candidate) => candidate.id === id);
const searches = () =>
	fixture().simulator.log.filter(
		({ path }) => path.endsWith('/search') && !path.endsWith('/ctgy/search'),
	);

test('Create: writable fields only, Workfront’s required ones required, no ID to match on', async () => {
	const columns = await mapperColumns(context(), 'PROJ', 'create');
	const ids = columns.map(({ id }) => id);
	expect(ids).not.toContain(MATCH_COLUMN);
	for (const system of ['objCode', 'entryDate', 'lastUpdateDate', 'enteredByID', 'lastCalcDate'])
		expect(ids).not.toContain(system);
	expect(column(columns, 'name')).toMatchObject({ required: true, type: 'string', display: true });
	expect(column(columns, 'status')?.required).toBe(false);
});

test('Update: the ID column first, to match on, and nothing else required', async () => {
	const columns = await mapperColumns(context(), 'PROJ', 'update');
	expect(columns[0]).toEqual({
		id: 'ID',
		displayName: 'ID',
		required: true,
		defaultMatch: true,
		canBeUsedToMatch: true,
		display: true,
		type: 'string',
	});
	expect(
		columns.slice(1).every(({ required, canBeUsedToMatch }) => !required && !canBeUsedToMatch),
	).toBe(true);
});

test('numbers are text columns in the editor (so an added column stays empty) and numbers when values are read', async () => {
	const editor = await mapperColumns(context(), 'PROJ', 'create');
	const values = await mapperColumns(context(), 'PROJ', 'create', 'values');
	expect(column(editor, 'priority')).toMatchObject({
		type: 'string',
		displayName: 'Priority (priority, a number)',
	});
	expect(column(values, 'priority')).toMatchObject({
		type: 'number',
		displayName: 'Priority (priority)',
	});
	expect(column(values, 'plannedStartDate')?.type).toBe('dateTime');
});

test("a field with Workfront's values offers them, labelled with their codes", async () => {
	const status = column(await mapperColumns(context(), 'PROJ', 'create'), 'status');
	expect(status?.type).toBe('options');
	expect(status?.options).toContainEqual({ name: 'Current (CUR)', value: 'CUR' });
});

test('a reference lists its records by name; a value mapped earlier stays a choice; an expression does not', async () => {
	const user = fixture().simulator.insert('USER', { name: 'Ann Smith' });
	const columns = await mapperColumns(context(), 'PROJ', 'create', 'editor', {
		ownerID: 'typed-earlier',
		portfolioID: '={{ $json.portfolio }}',
	});
	const owner = column(columns, 'ownerID');
	expect(owner?.type).toBe('options');
	expect(owner?.options).toContainEqual({ name: 'Ann Smith', value: user.ID });
	expect(owner?.options?.at(-1)).toEqual({
		name: 'typed-earlier (not in the list)',
		value: 'typed-earlier',
	});
	expect(
		column(columns, 'portfolioID')?.options?.some(({ value }) => String(value).startsWith('=')),
	).toBe(false);
});

test('when values are read, no record is searched: a reference is a text column', async () => {
	const columns = await mapperColumns(context(), 'PROJ', 'create', 'values');
	expect(column(columns, 'ownerID')?.type).toBe('string');
	expect(searches()).toHaveLength(0);
});

test('custom fields come last, named DE:<name>, shown by label with their forms, typed by their codes', async () => {
	const store = fixture().simulator.state.store;
	defineCustomForm(store, {
		name: 'Marketing',
		objCode: 'PROJ',
		fields: [
			{ name: 'Region', label: 'Campaign Region', options: ['EMEA', 'APAC'] },
			{ name: 'Channels', displayType: 'mult', options: ['Web', 'Print'] },
			{ name: 'Reach', dataType: 'NMBR' },
		],
	});
	defineCustomForm(store, { name: 'Finance', objCode: 'PROJ', fields: [{ name: 'Region' }] });
	const columns = await mapperColumns(context(), 'PROJ', 'create', 'values');
	expect(columns.slice(-3).map(({ id }) => id)).toEqual(['DE:Region', 'DE:Channels', 'DE:Reach']);
	expect(column(columns, 'DE:Region')).toMatchObject({
		displayName: 'Campaign Region (custom field on Finance, Marketing)',
		type: 'options',
		options: [
			{ name: 'EMEA', value: 'EMEA' },
			{ name: 'APAC', value: 'APAC' },
		],
		required: false,
	});
	expect(column(columns, 'DE:Channels')?.type).toBe('array');
	expect(column(columns, 'DE:Reach')?.type).toBe('number');
});

test('custom forms that cannot be read leave the standard columns', async () => {
	fixture().simulator.injectFault({ times: 1, path: /\/ctgy\/search$/i, status: 500 });
	const columns = await mapperColumns(context(), 'PROJ', 'create', 'values');
	expect(column(columns, 'name')).toBeDefined();
	expect(columns.some(({ id }) => id.startsWith('DE:'))).toBe(false);
});
