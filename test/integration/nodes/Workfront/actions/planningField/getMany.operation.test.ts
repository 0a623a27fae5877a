import type { PlanningSeed } from '../../../../../simulator';
import { planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test('Planning Field > Get Many: every field of the record type, cursor-paged at 100', async () => {
	for (let index = 0; index < 130; index += 1)
		fixture.simulator.planning.addField(seed.campaigns.id, {
			displayName: `Extra ${index}`,
			type: 'TEXT',
		});
	const output = await fixture.output({
		resource: 'planningField',
		operation: 'getMany',
		recordType: planningLocator(seed.campaigns.id),
		returnAll: true,
	});
	expect(output).toHaveLength(144);
	expect(
		fixture.simulator.planning.requests.map(({ query }) => new URLSearchParams(query).get('limit')),
	).toEqual(['100', '100']);
});
