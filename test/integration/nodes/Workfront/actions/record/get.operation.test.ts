import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Get', () => {
	test('default fields, then *, references, collections and custom fields', async () => {
		const { users, projects } = fixture.simulator.seed({ projects: 1, tasksPerProject: 3 });
		const project = projects[0];
		project.parameterValues['DE:Region'] = 'APAC';
		const [plain] = await fixture.output(record('get', { id: project.ID }));
		expect(Object.keys(plain)).toEqual(expect.arrayContaining(['ID', 'name', 'objCode', 'status']));
		expect(plain).not.toHaveProperty('budget');

		const [full] = await fixture.output(
			record('get', {
				id: project.ID,
				options: { fields: '*, owner:name, tasks:name, DE:Region' },
			}),
		);
		expect(full).toMatchObject({ budget: project.budget, 'DE:Region': 'APAC' });
		expect(full.owner).toEqual({
			ID: project.ownerID,
			objCode: 'USER',
			name: users.find((user) => user.ID === project.ownerID)?.name,
		});
		expect((full.tasks as Array<{ name: string }>).map(({ name }) => name)).toEqual([
			'Kickoff',
			'Requirements',
			'Design',
		]);
		expect(String(full.plannedStartDate)).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}:\d{3}[+-]\d{4}$/,
		);
	});

	test('an ID that does not exist: 404 with a hint; continue on fail keeps the other items', async () => {
		const real = fixture.simulator.insert('PROJ', { name: 'Real' });
		const result = await fixture.run(
			record('get', { id: '={{ $json.id }}' }),
			[{ id: real.ID }, { id: 'ffffffffffffffffffffffffffffffff' }, { id: real.ID }],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ ID: real.ID });
		expect(result.json[1]).toMatchObject({
			error: expect.stringMatching(/was not found/),
			httpCode: '404',
		});
		expect(String(result.json[1].description)).toMatch(/Check the ID/);
		expect(result.json[2]).toMatchObject({ ID: real.ID });
		expect(result.items?.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('without continue on fail, the error names the item', async () => {
		const real = fixture.simulator.insert('PROJ', { name: 'Real' });
		const result = await fixture.run(record('get', { id: '={{ $json.id }}' }), [
			{ id: real.ID },
			{ id: 'not an id!' },
		]);
		expect(result.error?.message).toMatch(/Record: "not an id!" is not a Workfront ID/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	test('an ID that comes out empty', async () => {
		const result = await fixture.run(record('get', { id: '={{ $json.missing ?? "" }}' }));
		expect(result.error?.message).toBe('Record is empty');
	});
});
