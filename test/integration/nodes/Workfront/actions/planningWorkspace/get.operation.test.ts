import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test('Planning Workspace > Get: GET /v2/workspaces/{id}', async () => {
	const [workspace] = await fixture.output({
		resource: 'planningWorkspace',
		operation: 'get',
		workspace: planningLocator(seed.workspace.id),
	});
	expect(workspace).toMatchObject({ id: seed.workspace.id, name: 'Marketing' });
	expect(planningCalls(fixture)).toEqual([`GET /v2/workspaces/${seed.workspace.id}`]);
});
