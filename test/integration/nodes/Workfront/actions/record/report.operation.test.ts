import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Report', () => {
	test('Report: one item per group with readable keys, and the total last', async () => {
		const first = fixture.simulator.insert('PROJ', { name: 'First' });
		const second = fixture.simulator.insert('PROJ', { name: 'Second' });
		for (const [project, hours] of [
			[first, 5],
			[first, 10],
			[second, 2],
		] as const) {
			fixture.simulator.insert('HOUR', { projectID: project.ID, hours });
		}
		const output = await fixture.output(
			record('report', {
				objectType: 'HOUR',
				groupBy: { field: [{ field: 'project:name' }] },
				aggregates: {
					aggregate: [
						{ function: 'sum', field: 'hours' },
						{ function: 'count', field: 'ID' },
					],
				},
				options: { rollup: true },
			}),
		);
		expect(output).toEqual([
			{ 'project:name': 'First', sum_hours: 15, count_ID: 2 },
			{ 'project:name': 'Second', sum_hours: 2, count_ID: 1 },
			{ total: true, sum_hours: 17, count_ID: 3 },
		]);
	});

	test('Report with filters and an average', async () => {
		for (const [status, priority] of [
			['CUR', 1],
			['CUR', 3],
			['PLN', 4],
		] as const)
			fixture.simulator.insert('PROJ', { name: 'p', status, priority });
		const output = await fixture.output(
			record('report', {
				groupBy: { field: [{ field: 'status' }] },
				aggregates: { aggregate: [{ function: 'avg', field: 'priority' }] },
				filters: { filter: [{ field: 'priority', operator: 'greaterThan', value: '0' }] },
			}),
		);
		expect(output).toEqual([
			{ status: 'CUR', avg_priority: 2 },
			{ status: 'PLN', avg_priority: 4 },
		]);
	});

	test('Report without aggregates is refused', async () => {
		const result = await fixture.run(record('report', { aggregates: {} }));
		expect(result.error?.message).toBe('Add at least one aggregate');
	});
});
