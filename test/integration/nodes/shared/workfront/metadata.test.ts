import { customFormsOf, objectMetadata } from '../../../../../nodes/shared/workfront/metadata';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { defineCustomForm } from '../../../../simulator/model/customForms';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * What this Workfront has, read from its metadata and custom forms, called directly against the
 * simulator. The pickers and the mapper built on it are tested in their own files; here, how an
 * answer is reduced, and that a run reads each once.
 */
const fixture = freshFixturePerTest();
const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
const asked = (pattern: RegExp) =>
	fixture().simulator.log.filter(({ path }) => pattern.test(path)).length;

/** The next metadata answer for `objCode`, as given. */
const answerMetadata = (objCode: string, data: unknown) =>
	fixture().simulator.injectFault({
		times: 1,
		path: new RegExp(`/${objCode}/metadata$`, 'i'),
		status: 200,
		body: { data },
	});

describe('objectMetadata', () => {
	test("the simulator's project: typed fields, flags, labelled values, references with their types", async () => {
		const metadata = await objectMetadata(context(), 'PROJ');
		const field = (name: string) => metadata.fields.find((candidate) => candidate.name === name);
		expect(field('name')).toMatchObject({ label: 'Name', required: true, readOnly: false });
		expect(field('lastCalcDate')).toMatchObject({ readOnly: true });
		expect(field('priority')).toMatchObject({ fieldType: 'int', required: false });
		expect(field('status')?.possibleValues).toContainEqual({ value: 'CUR', label: 'Current' });
		expect(metadata.referenceTypes).toContainEqual({
			name: 'owner',
			label: expect.any(String) as string,
			objCode: 'USER',
			idField: 'ownerID',
		});
		expect(metadata.references).toContain('portfolio');
		expect(metadata.collections).toEqual(expect.arrayContaining(['tasks', 'issues']));
	});

	test('an answer reduced as documented: defaults for what is missing, arguments without a name left out', async () => {
		answerMetadata('ZZZ', {
			fields: {
				plain: {},
				flagged: { label: 'Flagged', fieldType: 'date', flags: ['REQUIRED', 'READ_ONLY'] },
				coded: { possibleValues: [{ value: 'A' }, { value: 1, label: 'One' }] },
			},
			references: {
				owner: { typeObjCode: 'user', label: 'Owner' },
				odd: { objCode: 'proj' },
				bare: {},
			},
			collections: { items: {} },
			actions: {
				go: {
					label: 'Go',
					arguments: [{ name: 'to', type: 'string[]' }, { name: '' }, { type: 'x' }, { name: 'n' }],
				},
				stop: {},
			},
		});
		expect(await objectMetadata(context(), 'ZZZ')).toEqual({
			fields: [
				{
					name: 'plain',
					label: 'plain',
					fieldType: 'string',
					required: false,
					readOnly: false,
					possibleValues: undefined,
				},
				{
					name: 'flagged',
					label: 'Flagged',
					fieldType: 'date',
					required: true,
					readOnly: true,
					possibleValues: undefined,
				},
				{
					name: 'coded',
					label: 'coded',
					fieldType: 'string',
					required: false,
					readOnly: false,
					possibleValues: [
						{ value: 'A', label: 'A' },
						{ value: '1', label: 'One' },
					],
				},
			],
			references: ['owner', 'odd', 'bare'],
			referenceTypes: [
				{ name: 'owner', label: 'Owner', objCode: 'USER', idField: 'ownerID' },
				{ name: 'odd', label: 'odd', objCode: 'PROJ', idField: 'oddID' },
				{ name: 'bare', label: 'bare', objCode: '', idField: 'bareID' },
			],
			collections: ['items'],
			actions: [
				{
					name: 'go',
					label: 'Go',
					arguments: [
						{ name: 'to', type: 'string[]' },
						{ name: 'n', type: 'string' },
					],
				},
				{ name: 'stop', label: 'stop', arguments: [] },
			],
		});
	});

	test('an answer that is no object is an object type with nothing', async () => {
		answerMetadata('ZZZ', 'nothing here');
		expect(await objectMetadata(context(), 'ZZZ')).toEqual({
			fields: [],
			references: [],
			referenceTypes: [],
			collections: [],
			actions: [],
		});
	});

	test('read once per run and object type; another run reads it again', async () => {
		const run = context();
		await Promise.all([objectMetadata(run, 'PROJ'), objectMetadata(run, 'PROJ')]);
		await objectMetadata(run, 'TASK');
		expect(asked(/\/proj\/metadata$/i)).toBe(1);
		await objectMetadata(context(), 'PROJ');
		expect(asked(/\/proj\/metadata$/i)).toBe(2);
	});

	test('a failed read is not kept: the same run asks again', async () => {
		const run = context();
		fixture().simulator.injectFault({
			times: 1,
			path: /\/proj\/metadata$/i,
			status: 400,
			body: { error: { message: 'no' } },
		});
		await expect(objectMetadata(run, 'PROJ')).rejects.toThrow();
		expect((await objectMetadata(run, 'PROJ')).fields.length).toBeGreaterThan(0);
	});

	test('the object code is escaped into the path', async () => {
		await objectMetadata(context(), 'A/B').catch(() => undefined);
		expect(fixture().simulator.log.at(-1)?.path).toBe('/attask/api/v21.0/A%2FB/metadata');
	});
});

describe('customFormsOf', () => {
	test('the forms of the object type, and each custom field once with every form it is on', async () => {
		const store = fixture().simulator.state.store;
		const marketing = defineCustomForm(store, {
			name: 'Marketing',
			objCode: 'PROJ',
			fields: [
				{ name: 'Region', label: 'Campaign Region', options: ['EMEA', 'APAC'] },
				{ name: 'Budget Code', dataType: 'NMBR' },
			],
		});
		const finance = defineCustomForm(store, {
			name: 'Finance',
			objCode: 'PROJ',
			fields: [{ name: 'Region' }],
		});
		defineCustomForm(store, { name: 'Tasks only', objCode: 'TASK', fields: [{ name: 'Effort' }] });

		const { forms, fields } = await customFormsOf(context(), 'PROJ');
		expect(forms).toEqual([
			{ ID: finance.ID, name: 'Finance' },
			{ ID: marketing.ID, name: 'Marketing' },
		]);
		expect(fields).toEqual(
			expect.arrayContaining([
				{
					name: 'Region',
					label: 'Campaign Region',
					dataType: 'TEXT',
					displayType: 'SLCT',
					options: ['EMEA', 'APAC'],
					forms: ['Finance', 'Marketing'],
					formIds: [finance.ID, marketing.ID],
				},
				expect.objectContaining({ name: 'Budget Code', dataType: 'NMBR', forms: ['Marketing'] }),
			]),
		);
		expect(fields).toHaveLength(2);
	});

	test('no forms: nothing, and read once per run', async () => {
		const run = context();
		expect(await customFormsOf(run, 'PROJ')).toEqual({ forms: [], fields: [] });
		await customFormsOf(run, 'PROJ');
		expect(asked(/\/ctgy\/search$/i)).toBe(1);
	});
});
