import type { PlanningSeed } from '../../../../../simulator';
import { planningFixture, planningLocator } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

const create = (parameters: object) => ({
	resource: 'planningField',
	operation: 'create',
	recordType: planningLocator(seed.campaigns.id),
	...parameters,
});

describe('Planning Field > Create', () => {
	test("a single select with its options; only its type's settings are sent", async () => {
		const [field] = await fixture.output(
			create({
				displayName: 'Region',
				fieldType: 'SINGLE_SELECT',
				fieldOptions: { selectOptions: 'EMEA, APAC', description: 'Where', precision: 2 },
			}),
		);
		expect(fixture.simulator.planning.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v2/record-types/${seed.campaigns.id}/fields`,
			body: {
				displayName: 'Region',
				type: 'SINGLE_SELECT',
				description: 'Where',
				options: [{ displayName: 'EMEA' }, { displayName: 'APAC' }],
			},
		});
		expect(field).toMatchObject({ type: 'SINGLE_SELECT', displayName: 'Region' });
	});

	test('a currency with its number options, and a setting given as JSON', async () => {
		await fixture.output(
			create({
				displayName: 'Spend',
				fieldType: 'CURRENCY',
				fieldOptions: {
					precision: 2,
					currency: 'eur',
					json: '{"numberOptions": {"precision": 2, "currency": "EUR", "visualizationType": "TEXT"}}',
				},
			}),
		);
		expect(fixture.simulator.planning.requests[0].body).toEqual({
			displayName: 'Spend',
			type: 'CURRENCY',
			numberOptions: { precision: 2, currency: 'EUR', visualizationType: 'TEXT' },
		});
	});

	test("a name already taken: Planning's 403 FIELD_DISPLAY_NAME_NOT_UNIQUE with its hint", async () => {
		const result = await fixture.run(
			create({ displayName: 'Budget', fieldType: 'NUMBER' }),
			undefined,
			{
				continueOnFail: true,
			},
		);
		expect(result.json[0]).toMatchObject({ httpCode: '403' });
		expect(String(result.json[0].description)).toContain(
			'Field names must be unique within a record type',
		);
	});
});
