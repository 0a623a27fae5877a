import type { IDataObject } from 'n8n-workflow';

import { PLANNING_SEARCH_PAGE_SIZE } from '../../../../../../nodes/shared/core/limits';
import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture, planningRecord } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(6)));
afterEach(async () => await fixture.close());

const names = (output: IDataObject[]) =>
	output.map((record) => (record.data as IDataObject)[seed.fields.name.id]);
const searchBodies = () =>
	fixture.simulator.planning.requests.map(({ body }) => body as IDataObject);

describe('Planning Record > Search', () => {
	test('conditions and a group: Match Any of (status is active) and (budget ≥ 4000 and channels has web)', async () => {
		const f = seed.fields;
		const output = await fixture.output(
			planningRecord(seed, 'search', {
				returnAll: true,
				filterMatch: 'OR',
				filterConditions: { condition: [{ field: f.status.id, condition: 'IS', value: 'active' }] },
				filterGroups: {
					group: [
						{
							match: 'AND',
							conditions: {
								condition: [
									{ field: f.budget.id, condition: 'GREATER_THAN_OR_EQUAL', value: '4000' },
									{ field: f.channels.id, condition: 'HAS_ANY_OF', value: 'web' },
								],
							},
						},
					],
				},
				sort: { field: [{ field: f.budget.id, direction: 'desc' }] },
			}),
		);
		expect(names(output)).toEqual(['Campaign 5', 'Campaign 2']);
		expect(searchBodies()[0]).toEqual({
			recordTypeId: seed.campaigns.id,
			filter: {
				operator: 'OR',
				conditions: [
					{ fieldId: f.status.id, condition: 'IS', value: 'active' },
					{
						operator: 'AND',
						conditions: [
							{ fieldId: f.budget.id, condition: 'GREATER_THAN_OR_EQUAL', value: '4000' },
							{ fieldId: f.channels.id, condition: 'HAS_ANY_OF', value: ['web'] },
						],
					},
				],
			},
			sort: [{ fieldId: f.budget.id, direction: 'desc' }],
		});
	});

	test('Filter (JSON) nests to any depth; between, empty and alias field names work', async () => {
		const output = await fixture.output(
			planningRecord(seed, 'search', {
				returnAll: true,
				filterMode: 'json',
				filterJson: JSON.stringify({
					operator: 'AND',
					conditions: [
						{
							fieldId: 'launch_date',
							condition: 'IS_BETWEEN',
							value: ['2026-02-01', '2026-05-31'],
						},
						{ operator: 'OR', conditions: [{ fieldId: 'brief', condition: 'IS_EMPTY' }] },
					],
				}),
			}),
		);
		expect(names(output)).toEqual(['Campaign 2', 'Campaign 3', 'Campaign 4', 'Campaign 5']);
	});

	test('Fields to Return is the projection (fieldIds), with aliases as keys', async () => {
		const [first] = await fixture.output(
			planningRecord(seed, 'search', {
				limit: 1,
				options: { fields: [seed.fields.name.id, seed.fields.budget.id], aliased: true },
			}),
		);
		expect(first.data).toEqual({ name: 'Campaign 1', budget: 1000 });
		expect(fixture.simulator.planning.requests[0].query).toBe(
			`fieldIds=${seed.fields.name.id}%2C${seed.fields.budget.id}&aliased=true&page=0&size=1`,
		);
	});

	test(`Return All reads pages of ${PLANNING_SEARCH_PAGE_SIZE} until the last: 5,000 records in 3 requests, each once`, async () => {
		const { planning } = fixture.simulator;
		for (let index = 0; index < 4994; index += 1)
			planning.addRecord(seed.campaigns.id, { [seed.fields.name.id]: `Bulk ${index}` });
		const output = await fixture.output(planningRecord(seed, 'search', { returnAll: true }));
		expect(output).toHaveLength(5000);
		expect(new Set(output.map(({ id }) => id)).size).toBe(5000);
		expect(planning.requests.map(({ query }) => query)).toEqual([
			`page=0&size=${PLANNING_SEARCH_PAGE_SIZE}`,
			`page=1&size=${PLANNING_SEARCH_PAGE_SIZE}`,
			`page=2&size=${PLANNING_SEARCH_PAGE_SIZE}`,
		]);
	});

	test('Limit stops at its number, asking no more than it needs', async () => {
		const output = await fixture.output(planningRecord(seed, 'search', { limit: 4 }));
		expect(output).toHaveLength(4);
		expect(planningCalls(fixture)).toHaveLength(1);
		expect(fixture.simulator.planning.requests[0].query).toBe('page=0&size=4');
	});

	test('a filter the node cannot send fails the item, naming the condition; nothing is sent', async () => {
		const result = await fixture.run(
			planningRecord(seed, 'search', {
				filterConditions: {
					condition: [
						{ field: seed.fields.launch.id, condition: 'IS_BETWEEN', value: '2026-01-01' },
					],
				},
			}),
			undefined,
			{ continueOnFail: true },
		);
		expect(result.json[0]).toMatchObject({ error: 'Condition 1: Is Between needs both ends' });
		expect(planningCalls(fixture)).toEqual([]);
	});

	test("a condition Planning refuses for the field's type comes back as its 400", async () => {
		const result = await fixture.run(
			planningRecord(seed, 'search', {
				filterConditions: {
					condition: [{ field: seed.fields.approved.id, condition: 'CONTAINS', value: 'x' }],
				},
			}),
			undefined,
			{ continueOnFail: true },
		);
		expect(result.json[0]).toMatchObject({
			error:
				'Workfront Planning: Invalid filter: CONTAINS does not apply to CHECKBOX field Approved',
			httpCode: '400',
		});
	});
});
