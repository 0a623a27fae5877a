import type { IDataObject } from 'n8n-workflow';

import { planningColumns } from '../../../../../../nodes/shared/workfront/planningFields';
import type { PlanningField } from '../../../../../../nodes/shared/core/planning';
import type { PlanningSeed } from '../../../../../simulator';
import {
	mapperValue,
	planningCalls,
	planningFixture,
	planningRecord,
} from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(0)));
afterEach(async () => await fixture.close());

/** The columns as the editor shows and saves them, from the simulator's fields. */
function schema(): IDataObject[] {
	const fields = fixture.simulator.planning.fieldsOf(
		seed.campaigns.id,
	) as unknown as PlanningField[];
	return planningColumns(fields) as unknown as IDataObject[];
}

const byName = (name: string) => (json: IDataObject) =>
	(json.data as IDataObject)[seed.fields.name.id] === name;

describe('Planning Record > Create', () => {
	test('every writable field type from the mapper, each sent as its type; computed fields never', async () => {
		const f = seed.fields;
		const [created] = await fixture.output(
			planningRecord(seed, 'create', {
				dataColumns: mapperValue(
					{
						[f.name.id]: 'Spring launch',
						[f.brief.id]: '<p>Brief</p>',
						[f.budget.id]: '1200.5',
						[f.leads.id]: 40,
						[f.progress.id]: '0.25',
						[f.launch.id]: '2026-03-15',
						[f.status.id]: 'active',
						[f.channels.id]: '["web", "email"]',
						[f.approved.id]: 'true',
						[f.owner.id]: 'user-1',
						[f.team.id]: '["user-1", "user-2"]',
						// A list column also takes values separated by commas, from an expression.
						[f.personas.id]: `={{ "${seed.personaIds.join(', ')}" }}`,
						[f.costPerLead.id]: '999',
						[f.segment.id]: 'typed by mistake',
					},
					schema(),
				),
				options: { peopleIdType: 'WF' },
			}),
		);
		const sent = fixture.simulator.planning.requests[0];
		expect(planningCalls(fixture)).toEqual([`POST /v2/record-types/${seed.campaigns.id}/records`]);
		expect((sent.body as IDataObject).data).toEqual({
			[f.name.id]: 'Spring launch',
			[f.brief.id]: '<p>Brief</p>',
			[f.budget.id]: 1200.5,
			[f.leads.id]: 40,
			[f.progress.id]: 0.25,
			[f.launch.id]: '2026-03-15',
			[f.status.id]: 'active',
			[f.channels.id]: ['web', 'email'],
			[f.approved.id]: true,
			[f.owner.id]: { id: 'user-1', idType: 'WF' },
			[f.team.id]: [
				{ id: 'user-1', idType: 'WF' },
				{ id: 'user-2', idType: 'WF' },
			],
			[f.personas.id]: seed.personaIds,
		});
		// Planning computed the formula from what was written.
		expect((created.data as IDataObject)[f.costPerLead.id]).toBeCloseTo(1200.5 / 40);
		expect(fixture.simulator.planning.records.get(String(created.id))).toBeDefined();
	});

	test('1,000 items are 10 bulk requests of 100 (plus authentication), each output paired with its item', async () => {
		const input = Array.from({ length: 1000 }, (_, index) => ({ title: `Campaign ${index}` }));
		const result = await fixture.run(
			planningRecord(seed, 'create', {
				dataColumns: mapperValue({ [seed.fields.name.id]: '={{ $json.title }}' }, schema()),
			}),
			input,
		);
		expect(result.error).toBeUndefined();
		expect(planningCalls(fixture)).toEqual(
			Array(10).fill(`POST /v2/record-types/${seed.campaigns.id}/records/bulk`),
		);
		expect(
			fixture.simulator.planning.requests.map(({ body }) => (body as unknown[]).length),
		).toEqual(Array(10).fill(100));
		// Authentication: one IMS token, one check of it with Workfront; nothing else.
		expect(fixture.simulator.counters.imsTokens).toBe(1);
		expect(fixture.simulator.log.filter(({ path }) => path.startsWith('/attask/'))).toHaveLength(1);
		const items = result.items ?? [];
		expect(items).toHaveLength(1000);
		items.forEach(({ json, pairedItem }, index) => {
			expect(pairedItem).toEqual({ item: index });
			expect(byName(`Campaign ${index}`)(json)).toBe(true);
		});
		expect(fixture.simulator.planning.recordsOf(seed.campaigns.id)).toHaveLength(1000);
	});

	test('a 207 answer: each item its own success or error, paired; the refused ones not sent again', async () => {
		fixture.simulator.planning.bulkPlans.push({
			fates: ['success', 'error', 'success', 'error'],
			order: [3, 2, 1, 0],
		});
		const result = await fixture.run(
			planningRecord(seed, 'create', {
				inputMode: 'json',
				dataJson: `={{ JSON.stringify({ "${seed.fields.name.id}": $json.n }) }}`,
			}),
			[{ n: 'a' }, { n: 'b' }, { n: 'c' }, { n: 'd' }],
			{ continueOnFail: true },
		);
		expect(result.items?.map(({ pairedItem }) => pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(byName('a')(result.json[0])).toBe(true);
		expect(result.json[1]).toMatchObject({ error: 'Workfront Planning: Refused for this test' });
		expect(String(result.json[1].description)).toContain('nothing of it was applied');
		expect(byName('c')(result.json[2])).toBe(true);
		expect(planningCalls(fixture)).toHaveLength(1);
		expect(fixture.simulator.planning.recordsOf(seed.campaigns.id)).toHaveLength(2);
	});

	test('an item the answer leaves in doubt fails saying so, and is not created again', async () => {
		fixture.simulator.planning.bulkPlans.push({ fates: ['success', 'appliedSilent'] });
		const result = await fixture.run(
			planningRecord(seed, 'create', {
				inputMode: 'json',
				dataJson: `={{ JSON.stringify({ "${seed.fields.name.id}": $json.n }) }}`,
			}),
			[{ n: 'a' }, { n: 'b' }],
			{ continueOnFail: true },
		);
		expect(String(result.json[1].error)).toContain('may or may not have been applied');
		expect(String(result.json[1].description)).toContain('It was not sent again');
		expect(planningCalls(fixture)).toHaveLength(1);
		expect(fixture.simulator.planning.recordsOf(seed.campaigns.id)).toHaveLength(2);
	});

	test("a bad item fails alone before anything is sent; Planning's refusal of another names its field", async () => {
		const result = await fixture.run(
			planningRecord(seed, 'create', {
				dataColumns: mapperValue({ [seed.fields.leads.id]: '={{ $json.leads }}' }, schema()),
				options: { batchSize: 1 },
			}),
			[{ leads: 'many' }, { leads: 5 }],
			{ continueOnFail: true },
		);
		expect(result.json[0]).toMatchObject({
			error: 'Fields: Leads (number): "many" is not a number',
		});
		expect(planningCalls(fixture)).toEqual([`POST /v2/record-types/${seed.campaigns.id}/records`]);
		expect(result.json[1].id).toBeDefined();
	});

	test("Map Automatically: the input item's keys by field name, ID or alias; computed and unknown keys left out", async () => {
		await fixture.output(
			planningRecord(seed, 'create', { dataColumns: mapperValue({}, schema(), 'autoMapInputData') }),
			[{ Name: 'Auto', budget: 10, [seed.fields.costPerLead.id]: 3, somethingElse: 'x' }],
		);
		expect(fixture.simulator.planning.requests.at(-1)?.body).toEqual({
			data: { [seed.fields.name.id]: 'Auto', [seed.fields.budget.id]: 10 },
		});
	});
});
