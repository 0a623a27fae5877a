import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture, planningRecord } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(3)));
afterEach(async () => await fixture.close());

const remove = (options = {}) =>
	planningRecord(seed, 'delete', { recordId: '={{ $json.id }}', options });

describe('Planning Record > Delete', () => {
	test('items go in one bulk DELETE with {"ids": [...]}; each output paired', async () => {
		const result = await fixture.run(
			remove(),
			seed.campaignIds.map((id) => ({ id })),
		);
		expect(planningCalls(fixture)).toEqual([
			`DELETE /v2/record-types/${seed.campaigns.id}/records/bulk`,
		]);
		expect(fixture.simulator.planning.requests[0].body).toEqual({ ids: seed.campaignIds });
		expect(result.json).toEqual(seed.campaignIds.map((id) => ({ deleted: true, id })));
		expect(fixture.simulator.planning.recordsOf(seed.campaigns.id)).toEqual([]);
	});

	test('Batch Size 1: DELETE /v2/records/{id} per item', async () => {
		await fixture.output(remove({ batchSize: 1 }), [{ id: seed.campaignIds[0] }]);
		expect(planningCalls(fixture)).toEqual([`DELETE /v2/records/${seed.campaignIds[0]}`]);
	});

	test('a record that is not there fails alone in the 207; the others are deleted', async () => {
		const result = await fixture.run(
			remove(),
			[{ id: seed.campaignIds[0] }, { id: 'Rc000000000000000000000000' }],
			{ continueOnFail: true },
		);
		expect(result.json[0]).toEqual({ deleted: true, id: seed.campaignIds[0] });
		expect(result.json[1]).toMatchObject({
			error: "Workfront Planning: Record with ID 'Rc000000000000000000000000' was not found.",
		});
		expect(String(result.json[1].description)).toContain('ENTITY_WITH_ATTRIBUTE_NOT_FOUND');
		expect(planningCalls(fixture)).toHaveLength(1);
	});
});
