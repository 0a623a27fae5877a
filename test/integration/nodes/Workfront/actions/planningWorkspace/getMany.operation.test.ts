import { PLANNING_CURSOR_LIMIT } from '../../../../../../nodes/shared/core/limits';
import { planningFixture } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
beforeEach(async () => ({ fixture } = await planningFixture()));
afterEach(async () => await fixture.close());

const getMany = (parameters = {}) => ({
	resource: 'planningWorkspace',
	operation: 'getMany',
	...parameters,
});

describe('Planning Workspace > Get Many', () => {
	test(`Return All follows the cursor at the largest page (${PLANNING_CURSOR_LIMIT.workspaces})`, async () => {
		for (let index = 0; index < 120; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Team ${index}` });
		const output = await fixture.output(getMany({ returnAll: true }));
		expect(output).toHaveLength(121);
		const queries = fixture.simulator.planning.requests.map(
			({ query }) => new URLSearchParams(query),
		);
		expect(queries.map((query) => query.get('limit'))).toEqual(['50', '50', '50']);
		expect(queries[0].has('cursor')).toBe(false);
		expect(queries[1].get('cursor')).toBeTruthy();
	});

	test('Limit asks for no more than it keeps', async () => {
		const output = await fixture.output(getMany({ limit: 1 }));
		expect(output.map(({ name }) => name)).toEqual(['Marketing']);
		expect(fixture.simulator.planning.requests[0].query).toBe('limit=1');
	});

	test('a cursor that comes back again ends the list with an error, not a loop', async () => {
		for (let index = 0; index < 60; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Team ${index}` });
		fixture.simulator.failNext(5, 200, {
			path: /\/maestro\/api\/v2\/workspaces$/,
			body: {
				content: [{ id: 'Ws1', name: 'Loop' }],
				cursor: { hasMore: true, nextCursor: 'same' },
			},
		});
		const result = await fixture.run(getMany({ returnAll: true }), undefined, {
			continueOnFail: true,
		});
		expect(result.json[0].error).toBe(
			'Workfront Planning answered the same page cursor twice; the list was stopped',
		);
	});
});
