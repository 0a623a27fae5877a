import { NodeOperationError } from 'n8n-workflow';

import {
	parsePlanningId,
	PLANNING_ID_KINDS,
	readPlanningId,
	type PlanningIdKind,
} from '../../../../../nodes/shared/params/planningIds';
import { planningPath } from '../../../../../nodes/shared/transport/planning';
import { workfrontExecuteContext } from '../../../../harness/executeContext';
import { fc, holdsFor } from '../../../../support/properties';

/**
 * Planning IDs read from a parameter: what is accepted, what each refusal says, and that no
 * accepted ID can reshape the request path it goes into. Through the node, an ID refused before
 * anything is sent: planningRecord/get.operation.test.ts; the pickers' use: methods/planning.test.ts.
 */

const KINDS = Object.keys(PLANNING_ID_KINDS) as PlanningIdKind[];

function refusal(raw: unknown, kind: PlanningIdKind): { problem: string; advice: string } {
	const parsed = parsePlanningId(raw, kind);
	if ('id' in parsed) throw new Error(`${JSON.stringify(raw)} was accepted as ${parsed.id}`);
	return parsed;
}

describe('parsePlanningId', () => {
	test.each([
		['plain text, trimmed', '  Rc69b2a78e63cd0d41a1bedf2e ', 'Rc69b2a78e63cd0d41a1bedf2e'],
		['a locator from the list', { mode: 'list', value: 'Ws1' }, 'Ws1'],
		['a locator by ID, trimmed', { __rl: true, mode: 'id', value: ' Rt_2-b ' }, 'Rt_2-b'],
		['a number from an expression', 42, '42'],
		['128 characters, the most taken', 'a'.repeat(128), 'a'.repeat(128)],
	])('%s', (_, raw, id) => {
		expect(parsePlanningId(raw, 'record')).toEqual({ id });
	});

	test.each(KINDS)('empty (%s): named by its label, with an example of its ID', (kind) => {
		const { label, example } = PLANNING_ID_KINDS[kind];
		for (const raw of ['', '   ', undefined, null, { mode: 'list', value: '' }, {}, true, ['Rc1']])
			expect(refusal(raw, kind)).toEqual({
				problem: `${label} is empty`,
				advice: `Pick it from the list, enter its ID (e.g. ${example}), or map it from a previous node.`,
			});
	});

	test.each(['../workspaces', 'Rc1/fields', 'Rc1?x=1', 'Rc1#x', 'Rc 1', 'Rc%2F1', 'Rc.1', 'Ŕc1'])(
		'"%s" is not a Planning ID, and the message says which field',
		(raw) => {
			expect(refusal(raw, 'recordType')).toEqual({
				problem: `Record Type: "${raw}" is not a Workfront Planning ID`,
				advice: `Planning IDs are letters and digits, e.g. ${PLANNING_ID_KINDS.recordType.example}.`,
			});
		},
	);

	test('longer than 128 characters is refused, and the message quotes at most 80 of them', () => {
		const long = 'b'.repeat(129);
		expect(refusal(long, 'field').problem).toBe(
			`Field: "${'b'.repeat(80)}" is not a Workfront Planning ID`,
		);
	});

	test('each kind has a label and an example that is itself a valid ID', () => {
		for (const kind of KINDS) {
			const { label, example } = PLANNING_ID_KINDS[kind];
			expect(label).not.toBe('');
			expect(parsePlanningId(example, kind)).toEqual({ id: example });
		}
	});
});

describe('readPlanningId', () => {
	const get = (recordId: string, input?: Array<{ id: string }>) =>
		workfrontExecuteContext({
			parameters: { resource: 'planningRecord', operation: 'get', recordId },
			input,
		});

	test("an item's expression is resolved for that item", () => {
		const context = get('={{ $json.id }}', [{ id: 'Rc1' }, { id: ' Rc2 ' }]);
		expect(readPlanningId(context, 0, 'recordId', 'record')).toBe('Rc1');
		expect(readPlanningId(context, 1, 'recordId', 'record')).toBe('Rc2');
	});

	test('a refusal is an error of that item, naming the field, with the advice under it', () => {
		const context = get('={{ $json.id }}', [{ id: 'Rc1' }, { id: 'Rc1/../x' }]);
		let thrown: unknown;
		try {
			readPlanningId(context, 1, 'recordId', 'record');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		const error = thrown as NodeOperationError;
		expect(error.message).toBe('Record ID: "Rc1/../x" is not a Workfront Planning ID');
		expect(error.description).toBe(
			`Planning IDs are letters and digits, e.g. ${PLANNING_ID_KINDS.record.example}.`,
		);
		expect(error.context.itemIndex).toBe(1);
	});
});

describe('no generated text becomes an ID that reshapes a path', () => {
	// Near-IDs with the characters that matter in a path, and any text at all.
	const pathy = fc.constantFrom(
		'/',
		'.',
		'..',
		'%',
		'%2F',
		'?',
		'#',
		'\\',
		' ',
		'\n',
		':',
		'@',
		';',
	);
	const raw = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 140 }),
		fc
			.tuple(
				fc.stringMatching(/^[A-Za-z0-9_-]{0,20}$/),
				pathy,
				fc.stringMatching(/^[A-Za-z0-9]{0,20}$/),
			)
			.map(([before, inside, after]) => `${before}${inside}${after}`),
		fc.stringMatching(/^\s{0,2}[A-Za-z0-9_-]{1,130}\s{0,2}$/),
	);

	test('an accepted ID is one path segment, sent as written; a refused one names its field', () => {
		let accepted = 0;
		holdsFor(
			'Planning IDs: accepted ones are single, unencoded path segments',
			fc.tuple(raw, fc.constantFrom(...KINDS)),
			([text, kind]) => {
				const parsed = parsePlanningId(text, kind);
				if ('id' in parsed) {
					accepted += 1;
					expect(parsed.id).toBe(text.trim());
					expect(parsed.id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
					// Encoding changes nothing, and the ID stays one segment between its neighbours.
					expect(encodeURIComponent(parsed.id)).toBe(parsed.id);
					expect(planningPath('records', parsed.id, 'fields').split('/')).toEqual([
						'records',
						parsed.id,
						'fields',
					]);
				} else {
					expect(parsed.problem.startsWith(PLANNING_ID_KINDS[kind].label)).toBe(true);
				}
			},
			{ runs: 1000 },
		);
		// The generator reaches both sides.
		expect(accepted).toBeGreaterThan(50);
	});
});
