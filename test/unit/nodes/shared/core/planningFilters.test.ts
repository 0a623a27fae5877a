import {
	checkFilterGroup,
	conditionFromRow,
	FilterProblem,
	listOf,
} from '../../../../../nodes/shared/core/planningFilters';
import { FILTER_CONDITIONS } from '../../../../../nodes/shared/core/planning';
import { PLANNING_MAX_FILTER_DEPTH } from '../../../../../nodes/shared/core/limits';
import { planningSpec, validate } from '../../../../simulator/planning/spec';

const body = (filter: unknown) => ({ recordTypeId: 'Rt1', filter });
const conforms = (filter: unknown) =>
	validate(planningSpec.schemas.RecordSearchRequestDto, body(filter), { strict: true });

describe('conditionFromRow: every condition Adobe documents, as SPEC shapes its value', () => {
	test.each(FILTER_CONDITIONS.map(({ value }) => value))('%s conforms to SPEC', (condition) => {
		const built = conditionFromRow(
			{ field: 'F1', condition, value: 'a, b', valueTo: 'c' },
			'Condition 1',
		);
		expect(conforms({ operator: 'AND', conditions: [built] })).toEqual([]);
		if (condition === 'IS_EMPTY' || condition === 'IS_NOT_EMPTY')
			expect(built.value).toBeUndefined();
		else if (condition.endsWith('BETWEEN')) expect(built.value).toEqual(['a, b', 'c']);
		else if (
			['IS_ANY_OF', 'IS_NONE_OF', 'HAS_ANY_OF', 'HAS_ALL_OF', 'HAS_NONE_OF', 'IS_EXACTLY'].includes(
				condition,
			)
		)
			expect(built.value).toEqual(['a', 'b']);
		else expect(built.value).toBe('a, b');
	});

	test('people values typed with idType WF or IMS; plain left plain', () => {
		expect(
			conditionFromRow({ field: 'F1', condition: 'HAS_ANY_OF', value: 'u1,u2', idType: 'WF' }, 'C')
				.value,
		).toEqual([
			{ id: 'u1', idType: 'WF' },
			{ id: 'u2', idType: 'WF' },
		]);
		expect(
			conditionFromRow({ field: 'F1', condition: 'IS', value: 'u1', idType: 'IMS' }, 'C').value,
		).toEqual({
			id: 'u1',
			idType: 'IMS',
		});
		expect(conditionFromRow({ field: 'F1', condition: 'IS', value: 'u1' }, 'C').value).toBe('u1');
	});

	test('matchExternalId is sent only when set', () => {
		expect(
			conditionFromRow(
				{ field: 'F1', condition: 'HAS_ANY_OF', value: 'x', matchExternalId: true },
				'C',
			),
		).toMatchObject({ matchExternalId: true });
		expect(
			conditionFromRow({ field: 'F1', condition: 'HAS_ANY_OF', value: 'x' }, 'C'),
		).not.toHaveProperty('matchExternalId');
	});

	test.each([
		[{ condition: 'IS', value: 'x' }, 'Condition 2: Field is empty'],
		[
			{ field: 'F1', condition: 'BETWEEN' },
			'Condition 2: "BETWEEN" is not a Planning filter condition',
		],
		[
			{ field: 'F1', condition: 'IS_BETWEEN', value: '2026-01-01' },
			'Condition 2: Is Between needs both ends',
		],
		[
			{ field: 'F1', condition: 'HAS_ANY_OF', value: ' ' },
			'Condition 2: HAS_ANY_OF needs at least one value',
		],
	])('a bad row is refused, naming it: %j', (row, message) => {
		expect(() => conditionFromRow(row, 'Condition 2')).toThrow(new FilterProblem(message, ''));
	});

	test('listOf reads JSON lists and comma-separated text', () => {
		expect(listOf('["a,b", 2]')).toEqual(['a,b', 2]);
		expect(listOf('a, b,,c')).toEqual(['a', 'b', 'c']);
		expect(listOf('[Draft] plan')).toEqual(['[Draft] plan']);
	});
});

describe('checkFilterGroup: a JSON filter checked as SPEC describes it', () => {
	const leaf = { fieldId: 'F1', condition: 'IS', value: 'Active' };

	test("BASICS' OR of ANDs, nested, passes and conforms", () => {
		const filter = {
			operator: 'OR',
			conditions: [
				{ fieldId: 'F2', condition: 'IS_BETWEEN', value: ['2024-03-31', '2024-04-01'] },
				{ operator: 'AND', conditions: [leaf, { operator: 'OR', conditions: [leaf] }] },
			],
		};
		expect(checkFilterGroup(filter)).toEqual(filter);
		expect(conforms(filter)).toEqual([]);
	});

	test("Adobe's own BASICS example, BETWEEN, is refused (SPEC says IS_BETWEEN), as the fixture refuses it", () => {
		const filter = {
			operator: 'AND',
			conditions: [{ fieldId: 'F1', condition: 'BETWEEN', value: [1, 2] }],
		};
		expect(() => checkFilterGroup(filter)).toThrow(
			/condition 1: "BETWEEN" is not a Planning filter condition/,
		);
		expect(conforms(filter).join()).toMatch(/not one of/);
	});

	test.each([
		[[], 'Filter (JSON) is not a filter group'],
		[{ operator: 'XOR', conditions: [leaf] }, 'operator must be "AND" or "OR"'],
		[{ operator: 'AND', conditions: [] }, 'conditions must be a list of at least one condition'],
		[{ operator: 'AND', conditions: [{ condition: 'IS' }] }, 'condition 1: fieldId is missing'],
	])('%j is refused', (filter, message) => {
		expect(() => checkFilterGroup(filter)).toThrow(message);
	});

	test(`groups nested deeper than ${PLANNING_MAX_FILTER_DEPTH} levels are refused, not recursed into`, () => {
		let filter: object = { operator: 'AND', conditions: [leaf] };
		for (let depth = 0; depth < 10_000; depth += 1)
			filter = { operator: 'AND', conditions: [filter] };
		expect(() => checkFilterGroup(filter)).toThrow(
			`deeper than ${PLANNING_MAX_FILTER_DEPTH} levels`,
		);
	});
});
