import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;

describe('Delete', () => {
	test('Delete refuses dependants without Force, and removes them with it', async () => {
		const { projects } = fixture.simulator.seed({ projects: 1, tasksPerProject: 2 });
		const id = projects[0].ID;
		const refused = await fixture.run(record('delete', { id }));
		expect(refused.error?.message).toMatch(/still has \d+ dependent object/);
		expect(store().get('PROJ', id)).toBeDefined();

		const [deleted] = await fixture.output(record('delete', { id, force: true }));
		expect(deleted).toEqual({ deleted: true, ID: id, objCode: 'PROJ' });
		expect(store().get('PROJ', id)).toBeUndefined();
		expect(
			store()
				.all('TASK')
				.filter((task) => task.projectID === id),
		).toEqual([]);
		expect(fixture.simulator.log.at(-1)?.query).toBe('force=true');
	});
});
