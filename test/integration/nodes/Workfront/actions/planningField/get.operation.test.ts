import type { PlanningSeed } from '../../../../../simulator';
import { planningCalls, planningFixture } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture()));
afterEach(async () => await fixture.close());

test('Planning Field > Get: the field with its type and options', async () => {
	const [field] = await fixture.output({
		resource: 'planningField',
		operation: 'get',
		fieldId: seed.fields.status.id,
	});
	expect(field).toMatchObject({
		id: seed.fields.status.id,
		type: 'SINGLE_SELECT',
		displayName: 'Status',
	});
	expect((field.options as unknown[]).length).toBe(3);
	expect(planningCalls(fixture)).toEqual([`GET /v2/fields/${seed.fields.status.id}`]);
});
