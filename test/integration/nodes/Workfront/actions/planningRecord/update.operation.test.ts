import type { IDataObject } from 'n8n-workflow';

import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture, planningRecord } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(4)));
afterEach(async () => await fixture.close());

const update = (dataJson: string, options: IDataObject = {}) =>
	planningRecord(seed, 'update', {
		recordId: '={{ $json.id }}',
		inputMode: 'json',
		dataJson,
		options,
	});
const stored = (id: string) => fixture.simulator.planning.records.get(id)?.data ?? {};

describe('Planning Record > Update', () => {
	test('PATCH with only the fields given: the others stay; null clears', async () => {
		const [id] = seed.campaignIds;
		await fixture.output(
			update(JSON.stringify({ [seed.fields.budget.id]: 5, [seed.fields.launch.id]: null })),
			[{ id }],
		);
		expect(planningCalls(fixture)).toEqual([`PATCH /v2/records/${id}`]);
		expect(stored(id)).toMatchObject({
			[seed.fields.name.id]: 'Campaign 1',
			[seed.fields.budget.id]: 5,
		});
		expect(stored(id)).not.toHaveProperty(seed.fields.launch.id);
	});

	test('several items: one bulk PATCH with each id; List Fields: Add sends the operation', async () => {
		await fixture.output(
			update(JSON.stringify({ [seed.fields.channels.id]: ['social'] }), { listChange: 'add' }),
			[{ id: seed.campaignIds[0] }, { id: seed.campaignIds[1] }],
		);
		expect(planningCalls(fixture)).toEqual([
			`PATCH /v2/record-types/${seed.campaigns.id}/records/bulk`,
		]);
		expect(fixture.simulator.planning.requests[0].body).toEqual(
			seed.campaignIds.slice(0, 2).map((id) => ({
				id,
				data: { [seed.fields.channels.id]: [{ op: 'add', value: ['social'] }] },
			})),
		);
	});

	test('Data (JSON) already written as operations is sent as written, whatever List Fields says', async () => {
		const [id] = seed.campaignIds;
		const operations = [{ op: 'remove', value: ['web'] }];
		await fixture.output(
			update(JSON.stringify({ [seed.fields.channels.id]: operations }), { listChange: 'add' }),
			[{ id }],
		);
		// One item: one record's PATCH, its data as written.
		expect(fixture.simulator.planning.requests[0].body).toEqual({
			data: { [seed.fields.channels.id]: operations },
		});
	});

	test('the mapper with List Fields: Remove takes values out of a multi-select', async () => {
		const [id] = seed.campaignIds;
		await fixture.output(
			planningRecord(seed, 'update', {
				recordId: id,
				dataColumns: {
					mappingMode: 'defineBelow',
					value: { [seed.fields.channels.id]: '["web"]' },
					schema: [
						{
							id: seed.fields.channels.id,
							displayName: 'Channels (multi-select)',
							type: 'array',
							display: true,
							required: false,
							defaultMatch: false,
						},
					],
				},
				options: { listChange: 'remove' },
			}),
		);
		expect(fixture.simulator.planning.requests[0].body).toEqual({
			data: { [seed.fields.channels.id]: [{ op: 'remove', value: ['web'] }] },
		});
		expect(stored(id)[seed.fields.channels.id]).toEqual(['email']);
	});

	test('items a 207 leaves in doubt are sent again one by one (replacing is repeatable); refused ones are not', async () => {
		fixture.simulator.planning.bulkPlans.push({
			fates: ['success', 'appliedSilent', 'error', 'skippedSilent'],
		});
		const result = await fixture.run(
			update(`={{ JSON.stringify({ "${seed.fields.budget.id}": $json.budget }) }}`),
			seed.campaignIds.map((id, index) => ({ id, budget: 100 + index })),
			{ continueOnFail: true },
		);
		expect(planningCalls(fixture)).toEqual([
			`PATCH /v2/record-types/${seed.campaigns.id}/records/bulk`,
			`PATCH /v2/records/${seed.campaignIds[1]}`,
			`PATCH /v2/records/${seed.campaignIds[3]}`,
		]);
		expect(result.json.map((json) => json.error ?? json.id)).toEqual([
			seed.campaignIds[0],
			seed.campaignIds[1],
			'Workfront Planning: Refused for this test',
			seed.campaignIds[3],
		]);
		expect(seed.campaignIds.map((id) => stored(id)[seed.fields.budget.id])).toEqual([
			100, 101, 3000, 103,
		]);
	});

	test('adding to lists is not repeated: an item left in doubt fails instead', async () => {
		fixture.simulator.planning.bulkPlans.push({ fates: ['success', 'appliedSilent'] });
		const result = await fixture.run(
			update(JSON.stringify({ [seed.fields.channels.id]: ['social'] }), { listChange: 'add' }),
			seed.campaignIds.slice(0, 2).map((id) => ({ id })),
			{ continueOnFail: true },
		);
		expect(planningCalls(fixture)).toHaveLength(1);
		expect(String(result.json[1].error)).toContain('may or may not have been applied');
	});
});
