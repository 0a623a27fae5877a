import {
	nameFieldOf,
	referenceChoices,
	searchChoices,
} from '../../../../../nodes/shared/workfront/referenceChoices';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * The records a reference column lists, called directly against the simulator. The mapper's
 * bounds as a user meets them (200 records, 8 types, 3 at a time, a failed type left out) are in
 * test/integration/node/mapper.test.ts; here, one search's request and options, and the order the
 * types are searched in.
 */
const fixture = freshFixturePerTest();
const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
const searched = () =>
	fixture()
		.simulator.log.filter(({ path }) => path.endsWith('/search'))
		.map(({ path }) => path.split('/').at(-2));

test("the name field of a type: the built-in list's, else name", () => {
	expect(nameFieldOf('PROJ')).toBe('name');
	expect(nameFieldOf('DOCV')).toBe('fileName');
	expect(nameFieldOf('TSHET')).toBe('displayName');
	expect(nameFieldOf('UNKNOWN')).toBe('name');
});

describe('searchChoices', () => {
	test('names shown, IDs as values, in name order; one more asked than shown, to know if there are more', async () => {
		for (const name of ['Charlie', 'Alpha', 'Bravo']) fixture().simulator.insert('PROJ', { name });
		const choices = await searchChoices(context(), 'PROJ', 2);
		expect(choices.options.map(({ name }) => name)).toEqual(['Alpha', 'Bravo']);
		expect(choices.partial).toBe(true);
		const query = new URLSearchParams(fixture().simulator.log.at(-1)?.query);
		expect(query.get('$$LIMIT')).toBe('3');
		expect(query.get('fields')).toBe('name');
		expect(query.get('name_1_Sort')).toBe('asc');
		expect(query.get('ID_2_Sort')).toBe('asc');
	});

	test('all of them fit: not partial', async () => {
		const project = fixture().simulator.insert('PROJ', { name: 'Only' });
		expect(await searchChoices(context(), 'PROJ', 2)).toEqual({
			options: [{ name: 'Only', value: project.ID }],
			partial: false,
		});
	});

	test('a name that repeats gets the start of its ID, so the two can be told apart', async () => {
		const first = fixture().simulator.insert('PROJ', { name: 'Launch' });
		const second = fixture().simulator.insert('PROJ', { name: 'Launch' });
		fixture().simulator.insert('PROJ', { name: 'Other' });
		const { options } = await searchChoices(context(), 'PROJ', 10);
		expect(options.map(({ name }) => name).sort()).toEqual(
			[
				`Launch (${String(first.ID).slice(0, 8)}…)`,
				`Launch (${String(second.ID).slice(0, 8)}…)`,
				'Other',
			].sort(),
		);
	});

	test('a record without a name is shown by its ID', async () => {
		fixture().simulator.injectFault({
			times: 1,
			path: /\/search$/,
			status: 200,
			body: { data: [{ ID: 'abc123' }] },
		});
		expect((await searchChoices(context(), 'PROJ', 5)).options).toEqual([
			{ name: 'abc123', value: 'abc123' },
		]);
	});
});

describe('referenceChoices', () => {
	test('one search per type, however many references point at it; an empty code is none', async () => {
		const choices = await referenceChoices(context(), [
			{ objCode: 'USER', required: false },
			{ objCode: 'USER', required: false },
			{ objCode: '', required: false },
			{ objCode: 'PROJ', required: false },
		]);
		expect([...choices.keys()].sort()).toEqual(['PROJ', 'USER']);
		expect(searched().sort()).toEqual(['PROJ', 'USER']);
	});

	test('beyond eight types: required ones first, then the common ones, then in the order given', async () => {
		const wanted = ['ZZ1', 'ZZ2', 'ZZ3', 'ZZ4', 'ZZ5', 'TEAMOB', 'CMPY', 'USER', 'PROJ', 'ZZ6'].map(
			(objCode) => ({ objCode, required: objCode === 'ZZ6' }),
		);
		const choices = await referenceChoices(context(), wanted);
		// Unknown types fail to search (the simulator has no ZZ objects) and are left out.
		expect([...choices.keys()].sort()).toEqual(['CMPY', 'PROJ', 'TEAMOB', 'USER']);
		expect(new Set(searched())).toEqual(
			new Set(['ZZ6', 'PROJ', 'USER', 'CMPY', 'TEAMOB', 'ZZ1', 'ZZ2', 'ZZ3']),
		);
	});

	test('never throws: every search failing is an empty map', async () => {
		fixture().simulator.injectFault({ times: 10, path: /\/search$/, status: 500 });
		expect((await referenceChoices(context(), [{ objCode: 'PROJ', required: true }])).size).toBe(0);
	});
});
