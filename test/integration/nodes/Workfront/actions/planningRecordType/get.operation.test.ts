import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test('Planning Record Type > Get: GET /v2/record-types/{id}, no workspace needed by ID', async () => {
	const [recordType] = await fixture.output({
		resource: 'planningRecordType',
		operation: 'get',
		recordType: planningLocator(seed.campaigns.id),
	});
	expect(recordType).toMatchObject({
		id: seed.campaigns.id,
		displayName: 'Campaigns',
		alias: 'campaigns',
	});
	expect(planningCalls(fixture)).toEqual([`GET /v2/record-types/${seed.campaigns.id}`]);
});
