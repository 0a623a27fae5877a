import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Count', () => {
	test('Count uses the same filters as Get Many', async () => {
		for (const status of ['CUR', 'CUR', 'PLN'])
			fixture.simulator.insert('PROJ', { name: status, status });
		const [answer] = await fixture.output(
			record('count', {
				filters: { filter: [{ field: 'status', operator: 'equals', value: 'CUR' }] },
			}),
		);
		expect(answer).toEqual({ count: 2, objCode: 'PROJ' });
	});
});
