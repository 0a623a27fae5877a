import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

const get = (recordId: string) => ({ resource: 'planningRecord', operation: 'get', recordId });

describe('Planning Record > Get', () => {
	test('one record per item, with its data keyed by field ID', async () => {
		const [first, second] = seed.campaignIds;
		const output = await fixture.output(get('={{ $json.id }}'), [{ id: first }, { id: second }]);
		expect(output.map(({ id }) => id)).toEqual([first, second]);
		expect(output[0]).toMatchObject({
			recordTypeId: seed.campaigns.id,
			data: { [seed.fields.name.id]: 'Campaign 1' },
		});
		expect(planningCalls(fixture)).toEqual([
			`GET /v2/records/${first}`,
			`GET /v2/records/${second}`,
		]);
	});

	test("a 404 problem detail becomes Adobe's words, its code, a hint and the request ID", async () => {
		const result = await fixture.run(get('Rc000000000000000000000000'), undefined, {
			continueOnFail: true,
		});
		expect(result.json[0]).toMatchObject({
			error: "Workfront Planning: Record with ID 'Rc000000000000000000000000' was not found.",
			httpCode: '404',
		});
		expect(String(result.json[0].description)).toMatch(
			/^ENTITY_WITH_ATTRIBUTE_NOT_FOUND \(HTTP 404\)\. Nothing with this ID exists in Workfront Planning .* Request ID [0-9a-f-]{36} \(quote it to Adobe support\)\.$/,
		);
	});

	test('an ID that could reshape the path is refused before anything is sent', async () => {
		const result = await fixture.run(get('../workspaces'), undefined, { continueOnFail: true });
		expect(result.json[0].error).toBe('Record ID: "../workspaces" is not a Workfront Planning ID');
		expect(planningCalls(fixture)).toEqual([]);
	});
});
