import type { PlanningSeed } from '../../../../../simulator';
import { planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test('Planning Record Type > Get Views: GET /v2/record-types/{id}/views', async () => {
	const output = await fixture.output({
		resource: 'planningRecordType',
		operation: 'getViews',
		recordType: planningLocator(seed.campaigns.id),
		returnAll: true,
	});
	expect(output.map(({ name, type }) => `${String(name)} (${String(type)})`)).toEqual([
		'All campaigns (table)',
		'Launch calendar (calendar)',
	]);
	expect(fixture.simulator.planning.requests[0].path).toBe(
		`/v2/record-types/${seed.campaigns.id}/views`,
	);
});
