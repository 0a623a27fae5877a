// Planning answers of an unexpected shape, and generated filter rows and bulk answers: a clear
// error or the entry skipped, never a TypeError (found by an outside review).
import { KINDS } from '../../credentials/common/kinds';
import {
	checkFilterGroup,
	conditionFromRow,
	FilterProblem,
} from '../../nodes/shared/core/planningFilters';
import { pairBulkResults } from '../../nodes/shared/core/planning';
import { planningColumns, recordTypeFields } from '../../nodes/shared/workfront/planningFields';
import { createExecuteContext } from '../harness/executeContext';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import type { PlanningSeed } from '../simulator';
import { planningFixture, planningRecord } from '../support/planning';
import { fc, holdsFor } from '../support/properties';
import type { WorkfrontFixture } from '../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(2)));
afterEach(async () => await fixture.close());

const TYPE_ERROR = /Cannot read|is not a function|Cannot convert|undefined|null/;

describe('answers of an unexpected shape', () => {
	test('a search page whose content holds null: a clear error (or the null skipped), never a TypeError', async () => {
		fixture.simulator.failNext(1, 200, {
			path: /records\/search$/,
			body: { records: { content: [null, { id: 'Rc1', data: {} }], last: true } },
		});
		const result = await fixture.run(
			planningRecord(seed, 'search', { returnAll: true }),
			undefined,
			{
				continueOnFail: true,
			},
		);
		expect(String(result.json[0].error ?? '')).not.toMatch(TYPE_ERROR);
	});

	test('a fields page whose content holds null (Map Automatically, pickers): never a TypeError', async () => {
		fixture.simulator.failNext(1, 200, {
			path: /\/fields$/,
			body: { content: [null, { id: 'F1', displayName: 'A', type: 'TEXT' }] },
		});
		const context = createExecuteContext(fixture.helper, CREDENTIAL_ID, KINDS.serverToServer.type, {
			authentication: 'serverToServer',
		});
		const error = await recordTypeFields(context, seed.campaigns.id).then(
			() => undefined,
			(thrown: Error) => thrown,
		);
		expect(String(error?.message ?? '')).not.toMatch(TYPE_ERROR);
	});

	test('a select field whose options are not a list: the mapper columns still load', () => {
		expect(() =>
			planningColumns([
				{ id: 'F1', displayName: 'S', type: 'MULTI_SELECT', options: 'web' as never },
				{ id: 'F2', displayName: 'T', type: 'SINGLE_SELECT', options: [null as never] },
			]),
		).not.toThrow();
	});
});

describe('generated inputs', () => {
	test('conditionFromRow over any JSON row: a row or a FilterProblem, nothing else', () => {
		holdsFor(
			'conditionFromRow never throws anything but FilterProblem',
			fc.record(
				{
					field: fc.jsonValue(),
					condition: fc.oneof(
						fc.constantFrom('IS', 'IS_BETWEEN', 'HAS_ANY_OF', 'IS_EMPTY', 'CONTAINS'),
						fc.jsonValue(),
					),
					value: fc.jsonValue(),
					valueTo: fc.jsonValue(),
					idType: fc.oneof(fc.constantFrom('WF', 'IMS', 'plain'), fc.jsonValue()),
				},
				{ requiredKeys: [] },
			),
			(row) => {
				try {
					conditionFromRow(row, 'Condition 1');
				} catch (error) {
					if (!(error instanceof FilterProblem)) throw error;
				}
			},
			{ runs: 500 },
		);
	});

	test('checkFilterGroup over any JSON: a group or a FilterProblem', () => {
		holdsFor(
			'checkFilterGroup never throws anything but FilterProblem',
			fc.jsonValue({ maxDepth: 6 }),
			(value) => {
				try {
					checkFilterGroup(value);
				} catch (error) {
					if (!(error instanceof FilterProblem)) throw error;
				}
			},
			{ runs: 500 },
		);
	});

	test('pairBulkResults over any JSON answer: one outcome per item, never throws', () => {
		holdsFor(
			'pairBulkResults total',
			fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 1, max: 5 })),
			([answer, count]) => pairBulkResults(answer, count).length === count,
			{ runs: 500 },
		);
	});
});
