import type { PlanningSeed } from '../../../../../simulator';
import { planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test("Planning Record Type > Get Many: the workspace's record types, cursor-paged at 100", async () => {
	const output = await fixture.output({
		resource: 'planningRecordType',
		operation: 'getMany',
		workspace: planningLocator(seed.workspace.id),
		returnAll: true,
	});
	expect(output.map(({ displayName }) => displayName)).toEqual(['Personas', 'Campaigns']);
	expect(fixture.simulator.planning.requests.map(({ path, query }) => `${path}?${query}`)).toEqual([
		`/v2/workspaces/${seed.workspace.id}/record-types?limit=100`,
	]);
});
