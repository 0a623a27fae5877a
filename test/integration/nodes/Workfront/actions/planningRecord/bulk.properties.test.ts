import type { IDataObject } from 'n8n-workflow';

import type { PlanningSeed } from '../../../../../simulator';
import type { BulkPlan } from '../../../../../simulator/planning/store';
import { fc, holdsForAsync } from '../../../../../support/properties';
import { planningFixture, planningRecord } from '../../../../../support/planning';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

/**
 * Generated 207 Multi-Status answers (each item applied and reported, refused, applied without a
 * result, or skipped without one; results in any order), for bulk creates, updates and deletes:
 * every input item gets exactly one output, paired with it; what the answer reports is what the
 * item outputs; and nothing that may have been applied is ever sent again (a create never; an
 * update or a delete only when the answer said nothing of it, and then once, alone).
 */
let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeAll(async () => ({ fixture, seed } = await planningFixture(0)));
afterAll(async () => await fixture.close());

const FATES = ['success', 'error', 'appliedSilent', 'skippedSilent'] as const;
const answers = fc.integer({ min: 2, max: 12 }).chain((count) =>
	fc.record({
		operation: fc.constantFrom('create', 'update', 'delete'),
		fates: fc.array(fc.constantFrom(...FATES), { minLength: count, maxLength: count }),
		order: fc.shuffledSubarray(
			Array.from({ length: count }, (_, index) => index),
			{ minLength: count, maxLength: count },
		),
	}),
);

let run = 0;

test('every item one output, paired; nothing that may have been applied sent again', async () => {
	await holdsForAsync(
		'Planning bulk answers (207) pair every item and never resend an applied one',
		answers,
		async ({ operation, fates, order }) => {
			run += 1;
			const { planning } = fixture.simulator;
			const marker = (index: number) => `run ${run} item ${index}`;
			const name = seed.fields.name.id;
			const existing = fates.map(
				(_, index) => planning.addRecord(seed.campaigns.id, { [name]: marker(index) }).id,
			);
			planning.requests.length = 0;
			planning.bulkPlans.push({ fates: [...fates], order } satisfies BulkPlan);
			const input = fates.map((_, index) => ({ id: existing[index], n: `${marker(index)} new` }));
			const parameters =
				operation === 'delete'
					? planningRecord(seed, 'delete', { recordId: '={{ $json.id }}' })
					: planningRecord(seed, operation, {
							recordId: '={{ $json.id }}',
							inputMode: 'json',
							dataJson: `={{ JSON.stringify({ "${name}": $json.n }) }}`,
						});
			const result = await fixture.run(parameters, input, { continueOnFail: true });
			const items = result.items ?? [];

			// Exactly one output per item, in order, paired with it.
			expect(items.map(({ pairedItem }) => pairedItem)).toEqual(fates.map((_, item) => ({ item })));

			const singles = planning.requests.slice(1).map(({ path }) => path);
			expect(planning.requests[0].path).toMatch(/\/records\/bulk$/);
			const silent = (fate: string) => fate === 'appliedSilent' || fate === 'skippedSilent';
			fates.forEach((fate, index) => {
				const json = items[index].json as IDataObject;
				const sentAlone = singles.filter(
					(path) => path === `/v2/records/${existing[index]}`,
				).length;
				const newRecords = [...planning.records.values()].filter(
					(record) => record.data[name] === `${marker(index)} new`,
				).length;
				if (fate === 'success') expect(json.error).toBeUndefined();
				if (fate === 'error') expect(json.error).toBe('Workfront Planning: Refused for this test');
				if (operation === 'create') {
					// A create is never sent twice: at most one record per item, whatever the answer.
					expect(newRecords).toBe(fate === 'success' || fate === 'appliedSilent' ? 1 : 0);
					if (silent(fate))
						expect(String(json.error)).toContain('may or may not have been applied');
				} else {
					// Items the answer reported are never sent again; silent ones once, alone.
					expect(sentAlone).toBe(silent(fate) ? 1 : 0);
					if (silent(fate)) expect(json.error).toBeUndefined();
				}
			});
			if (operation === 'create') expect(planning.requests).toHaveLength(1);
		},
		{ runs: 60 },
	);
});
