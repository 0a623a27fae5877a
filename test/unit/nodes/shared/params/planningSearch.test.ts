import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { FILTER_CONDITIONS, FILTER_OPERATORS } from '../../../../../nodes/shared/core/planning';
import {
	checkFilterGroup,
	type FilterCondition,
	type FilterGroup,
} from '../../../../../nodes/shared/core/planningFilters';
import {
	readPlanningFilter,
	readPlanningProjection,
	readPlanningSort,
	readScopeWorkspaces,
} from '../../../../../nodes/shared/params/planningSearch';
import { workfrontExecuteContext } from '../../../../harness/executeContext';
import { fc, holdsFor } from '../../../../support/properties';

/**
 * A Planning Record > Search's filter, sort, projection and scope, as n8n resolves the panel's
 * parameters. How one condition row becomes a `FilterConditionDto` and how Filter (JSON) is
 * checked: test/unit/nodes/shared/core/planningFilters.test.ts; the search sent to Planning and
 * its answer: test/integration/nodes/Workfront/actions/planningRecord/search.operation.test.ts.
 */

const search = (parameters: IDataObject, input?: IDataObject[]) =>
	workfrontExecuteContext({
		parameters: {
			resource: 'planningRecord',
			operation: 'search',
			recordType: { __rl: true, mode: 'id', value: 'Rt1' },
			...parameters,
		},
		input,
	});

const filterOf = (parameters: IDataObject) => readPlanningFilter(search(parameters), 0);

/** The error reading the parameters ends with; fails the test when there is none. */
function failure(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('the parameters were accepted');
}

const conditions = (...rows: IDataObject[]) => ({ filterConditions: { condition: rows } });

describe('readPlanningFilter, from the panel', () => {
	test('no condition and no group: no filter (every record)', () => {
		expect(filterOf({})).toBeUndefined();
		expect(filterOf({ filterMatch: 'OR' })).toBeUndefined();
	});

	test('the conditions under Match (All by default); a row without a condition is Is', () => {
		expect(
			filterOf(
				conditions({ field: ' F1 ', value: 'Active' }, { field: 'F2', condition: 'IS_EMPTY' }),
			),
		).toEqual({
			operator: 'AND',
			conditions: [
				{ fieldId: 'F1', condition: 'IS', value: 'Active' },
				{ fieldId: 'F2', condition: 'IS_EMPTY' },
			],
		});
	});

	test('groups follow the conditions, each with its own Match: an OR of ANDs', () => {
		expect(
			filterOf({
				filterMatch: 'OR',
				...conditions({ field: 'F1', condition: 'IS', value: 'a' }),
				filterGroups: {
					group: [
						{
							match: 'AND',
							conditions: {
								condition: [
									{ field: 'F2', condition: 'GREATER_THAN', value: '3' },
									{ field: 'F3', condition: 'HAS_ANY_OF', value: 'x, y' },
								],
							},
						},
						{
							match: 'OR',
							conditions: { condition: [{ field: 'F4', condition: 'IS_NOT_EMPTY' }] },
						},
					],
				},
			}),
		).toEqual({
			operator: 'OR',
			conditions: [
				{ fieldId: 'F1', condition: 'IS', value: 'a' },
				{
					operator: 'AND',
					conditions: [
						{ fieldId: 'F2', condition: 'GREATER_THAN', value: '3' },
						{ fieldId: 'F3', condition: 'HAS_ANY_OF', value: ['x', 'y'] },
					],
				},
				{ operator: 'OR', conditions: [{ fieldId: 'F4', condition: 'IS_NOT_EMPTY' }] },
			],
		});
	});

	test('groups alone make a filter too', () => {
		expect(
			filterOf({
				filterGroups: { group: [{ conditions: { condition: [{ field: 'F1', value: 'a' }] } }] },
			}),
		).toEqual({
			operator: 'AND',
			conditions: [
				{ operator: 'AND', conditions: [{ fieldId: 'F1', condition: 'IS', value: 'a' }] },
			],
		});
	});

	test('a condition row at fault is named by its place: the item fails with the advice', () => {
		const error = failure(() =>
			readPlanningFilter(
				search(conditions({ field: 'F1', value: 'a' }, { field: '  ', value: 'b' })),
				0,
			),
		);
		expect(error.message).toBe('Condition 2: Field is empty');
		expect(error.description).toMatch(/^Choose the field to filter on/);
		expect(error.context.itemIndex).toBe(0);
	});

	test("a group's row at fault names the group and the row", () => {
		const error = failure(() =>
			filterOf({
				filterGroups: {
					group: [
						{ conditions: { condition: [{ field: 'F1', value: 'a' }] } },
						{
							conditions: {
								condition: [
									{ field: 'F1', value: 'a' },
									{ field: 'F2', condition: 'IS_ANY_OF', value: ' , ' },
								],
							},
						},
					],
				},
			}),
		);
		expect(error.message).toBe(
			'Condition Group 2, Condition 2: IS_ANY_OF needs at least one value',
		);
	});

	test('an empty group is refused rather than sent', () => {
		const error = failure(() =>
			filterOf({ filterGroups: { group: [{ match: 'OR', conditions: {} }] } }),
		);
		expect(error.message).toBe('Condition Group 1 has no condition');
		expect(error.description).toBe('Add a condition to the group, or remove the group.');
	});

	test("a condition from an expression that is not one of Adobe's is refused, naming the row", () => {
		const error = failure(() =>
			filterOf(conditions({ field: 'F1', condition: '={{ "BETWEEN" }}', value: 'a' })),
		);
		expect(error.message).toBe('Condition 1: "BETWEEN" is not a Planning filter condition');
	});

	test("each item's expressions are its own", () => {
		const context = search(conditions({ field: 'F1', value: '={{ $json.status }}' }), [
			{ status: 'Active' },
			{ status: 'Done' },
		]);
		const values = [0, 1].map(
			(item) =>
				((readPlanningFilter(context, item) as FilterGroup).conditions[0] as FilterCondition).value,
		);
		expect(values).toEqual(['Active', 'Done']);
	});
});

describe('readPlanningFilter, Filter (JSON)', () => {
	const json = (filterJson: string) => filterOf({ filterMode: 'json', filterJson });

	test('empty: no filter', () => {
		expect(json('')).toBeUndefined();
	});

	test('a group as text or as an object from an expression, sent as given', () => {
		const group = {
			operator: 'OR',
			conditions: [
				{ fieldId: 'F1', condition: 'IS', value: 'a' },
				{ operator: 'AND', conditions: [{ fieldId: 'F2', condition: 'IS_EMPTY' }] },
			],
		};
		expect(json(JSON.stringify(group))).toEqual(group);
		expect(json(`={{ ${JSON.stringify(group)} }}`)).toEqual(group);
	});

	test('text that is not JSON fails the item with an example of a filter', () => {
		const error = failure(() => json('{"operator": "AND",'));
		expect(error.message).toBe('Filter (JSON) is not valid JSON');
		expect(error.description).toContain('{"operator": "AND", "conditions": [');
	});

	test("a group Adobe would refuse fails the item, with checkFilterGroup's words", () => {
		const error = failure(() => json('{"operator": "XOR", "conditions": []}'));
		expect(error.message).toBe('Filter (JSON): operator must be "AND" or "OR" (it is "XOR")');
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('readPlanningSort', () => {
	const sortOf = (rows: IDataObject[]) => readPlanningSort(search({ sort: { field: rows } }), 0);

	test("rows in order as Adobe's SortDto; ascending unless Descending", () => {
		expect(sortOf([{ field: ' F1 ', direction: 'desc' }, { field: 'F2' }])).toEqual([
			{ fieldId: 'F1', direction: 'desc' },
			{ fieldId: 'F2', direction: 'asc' },
		]);
		expect(sortOf([{ field: 'F1', direction: '={{ "DESC" }}' }])).toEqual([
			{ fieldId: 'F1', direction: 'asc' },
		]);
	});

	test('no rows: no sort', () => {
		expect(readPlanningSort(search({}), 0)).toEqual([]);
	});

	test('a row without a field names its place', () => {
		const error = failure(() => sortOf([{ field: 'F1' }, { field: ' ' }]));
		expect(error.message).toBe('Sort 2: Field is empty');
		expect(error.description).toBe('Choose the field to sort by, or remove the row.');
	});
});

describe('readPlanningProjection', () => {
	const queryOf = (options: IDataObject) => readPlanningProjection(search({ options }), 0);

	test('nothing chosen: no parameter (Planning returns every field)', () => {
		expect(queryOf({})).toEqual([]);
		expect(queryOf({ fields: [], aliased: false })).toEqual([]);
	});

	test('the picked fields as one comma-separated fieldIds, then aliased', () => {
		expect(queryOf({ fields: ['F1', 'F2'], aliased: true })).toEqual([
			['fieldIds', 'F1,F2'],
			['aliased', 'true'],
		]);
	});

	test('fields from an expression: text separated by commas, or a JSON list; blanks dropped', () => {
		expect(queryOf({ fields: '={{ "F1, ,F2," }}' })).toEqual([['fieldIds', 'F1,F2']]);
		expect(queryOf({ fields: '={{ \'[" F1 ", "F2"]\' }}' })).toEqual([['fieldIds', 'F1,F2']]);
	});
});

describe('readScopeWorkspaces', () => {
	test('the workspaces given, separated by commas; none: an empty list', () => {
		const scopeOf = (scopeWorkspaceIds: string) =>
			readScopeWorkspaces(search({ options: { scopeWorkspaceIds } }), 0);
		expect(scopeOf(' Ws1, ,Ws2 ')).toEqual(['Ws1', 'Ws2']);
		expect(scopeOf('["Ws3"]')).toEqual(['Ws3']);
		expect(scopeOf('')).toEqual([]);
	});
});

describe('only Adobe’s conditions and operators are ever built', () => {
	const ADOBE = new Set<string>(FILTER_CONDITIONS.map(({ value }) => value));
	// Adobe's conditions, the names a user might type instead, and the panel's own words.
	const condition = fc.oneof(
		fc.constantFrom(...FILTER_CONDITIONS.map(({ value }) => value)),
		fc.constantFrom('BETWEEN', 'is', 'EQUALS', 'eq', 'NOT_EMPTY', '', 'IS ', 'ANY'),
	);
	const row = fc.record({
		field: fc.constantFrom('F1', ' F2 ', 'alias', '', '  '),
		condition,
		value: fc.constantFrom('a', 'a, b', '["x"]', '', ' , ', '3'),
		valueTo: fc.constantFrom('', 'z'),
		idType: fc.constantFrom('plain', 'WF', 'IMS'),
	});
	const match = fc.constantFrom('AND', 'OR');
	const panel = fc.record({
		filterMatch: match,
		rows: fc.array(row, { maxLength: 4 }),
		groups: fc.array(fc.record({ match, rows: fc.array(row, { maxLength: 3 }) }), { maxLength: 3 }),
	});

	function leaves(group: FilterGroup): FilterCondition[] {
		return group.conditions.flatMap((node) =>
			'operator' in node ? leaves(node as FilterGroup) : [node as FilterCondition],
		);
	}

	test('panel rows: a filter Adobe accepts, with the rows’ conditions only; or an error naming the row', () => {
		let built = 0;
		holdsFor(
			'Planning search: the panel builds only Adobe’s conditions, or names the row at fault',
			panel,
			({ filterMatch, rows, groups }) => {
				const parameters = {
					filterMatch,
					filterConditions: { condition: rows },
					filterGroups: {
						group: groups.map((group) => ({
							match: group.match,
							conditions: { condition: group.rows },
						})),
					},
				};
				let filter: FilterGroup | undefined;
				try {
					filter = filterOf(parameters);
				} catch (error) {
					expect(error).toBeInstanceOf(NodeOperationError);
					expect((error as Error).message).toMatch(/^(Condition \d+|Condition Group \d+)[:, ]/);
					return;
				}
				if (rows.length === 0 && groups.length === 0) {
					expect(filter).toBeUndefined();
					return;
				}
				built += 1;
				const group = filter as FilterGroup;
				// Adobe's shape: checking it as Filter (JSON) is checked changes nothing.
				expect(checkFilterGroup(group)).toEqual(group);
				expect(FILTER_OPERATORS).toContain(group.operator);
				const sent = leaves(group);
				for (const leaf of sent) {
					expect(ADOBE.has(leaf.condition)).toBe(true);
					expect(leaf.fieldId).toBe(leaf.fieldId.trim());
					expect(leaf.fieldId).not.toBe('');
				}
				// One leaf per row, in order: nothing invented, nothing dropped.
				expect(sent.map(({ condition }) => condition)).toEqual(
					[...rows, ...groups.flatMap((g) => g.rows)].map(({ condition }) => condition),
				);
			},
			{ runs: 200 },
		);
		expect(built).toBeGreaterThan(5);
	});
});
