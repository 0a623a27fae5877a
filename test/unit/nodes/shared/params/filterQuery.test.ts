import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	moveLoginNamesToJson,
	readFilterQuery,
	readSortQuery,
} from '../../../../../nodes/shared/params/filterQuery';
import type { QueryParams } from '../../../../../nodes/shared/transport/connection';
import { workfrontExecuteContext, workfrontPollContext } from '../../../../harness/executeContext';

/** Get Many's parameters with the given filter rows, combination and options. */
function getMany(rows: IDataObject[], extra: IDataObject = {}): IDataObject {
	return {
		resource: 'record',
		operation: 'getMany',
		objectType: 'PROJ',
		filters: { filter: rows },
		...extra,
	};
}

function filterQuery(parameters: IDataObject, input?: IDataObject[], itemIndex = 0): QueryParams {
	return readFilterQuery(workfrontExecuteContext({ parameters, input }), itemIndex);
}

function sortQuery(rows: IDataObject[]): QueryParams {
	return readSortQuery(
		workfrontExecuteContext({ parameters: getMany([], { options: { sort: { field: rows } } }) }),
		0,
	);
}

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

describe('one filter row per operator kind', () => {
	test.each([
		['equals', 'eq'],
		['notEquals', 'ne'],
		['equalsIgnoreCase', 'cieq'],
		['contains', 'contains'],
		['containsIgnoreCase', 'cicontains'],
		['notContains', 'notcontains'],
		['like', 'like'],
		['greaterThan', 'gt'],
		['greaterThanOrEqual', 'gte'],
		['lessThan', 'lt'],
		['lessThanOrEqual', 'lte'],
	])('a value: %s sends the value and the modifier %s', (operator, modifier) => {
		expect(filterQuery(getMany([{ field: 'name', operator, value: 'Launch' }]))).toEqual([
			['name', 'Launch'],
			['name_Mod', modifier],
		]);
	});

	test('the operator defaults to Equals, as the panel shows it', () => {
		expect(filterQuery(getMany([{ field: 'status', value: 'CUR' }]))).toEqual([
			['status', 'CUR'],
			['status_Mod', 'eq'],
		]);
	});

	test('the field name is trimmed; an empty value is still sent as a condition', () => {
		expect(filterQuery(getMany([{ field: ' description ', operator: 'equals' }]))).toEqual([
			['description', ''],
			['description_Mod', 'eq'],
		]);
	});

	test('a range: Between sends both ends, the upper one as _Range', () => {
		expect(
			filterQuery(
				getMany([{ field: 'priority', operator: 'between', value: ' 1 ', valueTo: '3' }]),
			),
		).toEqual([
			['priority', '1'],
			['priority_Range', '3'],
			['priority_Mod', 'between'],
		]);
	});

	test.each([
		['isEmpty', 'isnull'],
		['isNotEmpty', 'notnull'],
	])('nothing: %s sends an empty value and the modifier %s', (operator, modifier) => {
		expect(filterQuery(getMany([{ field: 'description', operator }]))).toEqual([
			['description', ''],
			['description_Mod', modifier],
		]);
	});
});

describe('the values of In List and Not In List', () => {
	const expected = (modifier: string): QueryParams => [
		['status', 'CUR'],
		['status', 'PLN'],
		['status_Mod', modifier],
	];

	test('comma-separated text, blanks and empty entries dropped', () => {
		expect(
			filterQuery(getMany([{ field: 'status', operator: 'in', values: ' CUR, ,PLN, ' }])),
		).toEqual(expected('in'));
	});

	test('a JSON array as text', () => {
		expect(
			filterQuery(getMany([{ field: 'status', operator: 'notIn', values: '["CUR", "PLN"]' }])),
		).toEqual(expected('notin'));
	});

	test('an array from an expression, numbers turned into text', () => {
		const parameters = getMany([
			{ field: 'priority', operator: 'in', values: '={{ $json.priorities }}' },
		]);
		expect(filterQuery(parameters, [{ priorities: [1, ' 3 ', ''] }])).toEqual([
			['priority', '1'],
			['priority', '3'],
			['priority_Mod', 'in'],
		]);
	});

	test('text that starts like a JSON array but is not one', () => {
		const error = failure(() =>
			filterQuery(getMany([{ field: 'status', operator: 'in', values: '["CUR", PLN' }])),
		);
		expect(error.message).toBe('Filter 1 (status): Values is not a valid JSON array');
		expect(error.description).toBe('Enter comma-separated values, e.g. CUR, PLN, or a JSON array.');
	});

	test.each([
		['no text', ''],
		['only commas and blanks', ' , ,'],
		['an empty JSON array', '[]'],
	])('%s: Values is empty', (_name, values) => {
		const error = failure(() =>
			filterQuery(getMany([{ field: 'status', operator: 'in', values }])),
		);
		expect(error.message).toBe('Filter 1 (status): Values is empty');
		expect(error.description).toBe('Enter at least one value, separated by commas.');
	});
});

describe('bad rows are named by their number and field', () => {
	test('an empty field', () => {
		const error = failure(() =>
			filterQuery(
				getMany([
					{ field: 'status', value: 'CUR' },
					{ field: '  ', value: 'x' },
				]),
			),
		);
		expect(error.message).toBe('Filter 2: Field is empty');
		expect(error.description).toMatch(/Enter the field to filter on/);
	});

	test('an operator the node does not know (from an expression)', () => {
		const error = failure(() =>
			filterQuery(getMany([{ field: 'status', operator: '={{ $json.operator }}', value: 'CUR' }]), [
				{ operator: 'approximately' },
			]),
		);
		expect(error.message).toBe('Filter 1 (status): unknown operator "approximately"');
		expect(error.description).toBe('Pick an operator from the list.');
	});

	test.each([
		['no upper end', { value: '1', valueTo: '' }],
		['no lower end', { value: ' ', valueTo: '5' }],
	])('Between with %s', (_name, ends) => {
		const error = failure(() =>
			filterQuery(getMany([{ field: 'priority', operator: 'between', ...ends }])),
		);
		expect(error.message).toBe('Filter 1 (priority): Between needs a Value and a To Value');
		expect(error.description).toBe('Enter both ends of the range.');
	});

	test('the same field twice when all filters must match', () => {
		const error = failure(() =>
			filterQuery(
				getMany([
					{ field: 'status', value: 'CUR' },
					{ field: 'name', operator: 'contains', value: 'x' },
					{ field: 'status', operator: 'notEquals', value: 'DED' },
				]),
			),
		);
		expect(error.message).toBe('Filter 3 (status): the field is already filtered by filter 1');
		expect(error.description).toMatch(/use Between for a range, In List for several values/);
	});

	test('the error names the input item whose expression gave the bad value', () => {
		const parameters = getMany([{ field: '={{ $json.field }}', value: 'x' }]);
		const input = [{ field: 'status' }, { field: '' }];
		expect(filterQuery(parameters, input, 0)).toEqual([
			['status', 'x'],
			['status_Mod', 'eq'],
		]);
		const error = failure(() => filterQuery(parameters, input, 1));
		expect(error.message).toBe('Filter 1: Field is empty');
		expect(error.context.itemIndex).toBe(1);
	});
});

describe('Match: Any Filter', () => {
	test('the first row is the base set, every further row its own OR group', () => {
		const parameters = getMany(
			[
				{ field: 'status', value: 'CUR' },
				{ field: 'status', operator: 'in', values: 'PLN, APR' },
				{ field: 'priority', operator: 'between', value: '3', valueTo: '4' },
			],
			{ filterCombination: 'any' },
		);
		expect(filterQuery(parameters)).toEqual([
			['status', 'CUR'],
			['status_Mod', 'eq'],
			['OR:1:status', 'PLN'],
			['OR:1:status', 'APR'],
			['OR:1:status_Mod', 'in'],
			['OR:2:priority', '3'],
			['OR:2:priority_Range', '4'],
			['OR:2:priority_Mod', 'between'],
		]);
	});

	test('a raw filter cannot be combined with several rows', () => {
		const parameters = getMany(
			[
				{ field: 'status', value: 'CUR' },
				{ field: 'status', value: 'PLN' },
			],
			{ filterCombination: 'any', options: { rawFilter: 'priority=3' } },
		);
		const error = failure(() => filterQuery(parameters));
		expect(error.message).toBe('Raw Filter cannot be combined with Match: Any Filters');
		expect(error.description).toMatch(/OR:1:field=value&OR:2:field=value/);
	});

	test('with one row there is nothing to OR, so a raw filter is fine', () => {
		const parameters = getMany([{ field: 'status', value: 'CUR' }], {
			filterCombination: 'any',
			options: { rawFilter: 'priority=3' },
		});
		expect(filterQuery(parameters)).toEqual([
			['priority', '3'],
			['status', 'CUR'],
			['status_Mod', 'eq'],
		]);
	});
});

describe('Raw Filter', () => {
	test('a query string (a leading ? ignored) comes first, then the rows', () => {
		const parameters = getMany([{ field: 'name', operator: 'contains', value: 'Q3' }], {
			options: { rawFilter: '?priority=3&priority_Mod=gte&OR:1:status=CUR' },
		});
		expect(filterQuery(parameters)).toEqual([
			['priority', '3'],
			['priority_Mod', 'gte'],
			['OR:1:status', 'CUR'],
			['name', 'Q3'],
			['name_Mod', 'contains'],
		]);
	});

	test('a JSON object; a list repeats its key, numbers and booleans become text', () => {
		const parameters = getMany([], {
			options: {
				rawFilter:
					' {"status": ["CUR", "PLN"], "status_Mod": "in", "priority": 3, "isActive": true} ',
			},
		});
		expect(filterQuery(parameters)).toEqual([
			['status', 'CUR'],
			['status', 'PLN'],
			['status_Mod', 'in'],
			['priority', '3'],
			['isActive', 'true'],
		]);
	});

	test('JSON that does not parse', () => {
		const error = failure(() =>
			filterQuery(getMany([], { options: { rawFilter: '{"status": "CUR",}' } })),
		);
		expect(error.message).toBe('Raw Filter is not valid JSON');
		expect(error.description).toMatch(/\{"status": "CUR"\}.*status=CUR&priority_Mod=gte/);
	});

	test.each([
		['{"projectID": null}', 'Raw Filter: "projectID" is null', /"projectID_Mod": "isnull"/],
		['{"owner": {"name": "Ann"}}', 'Raw Filter: "owner" is an object', /text, a number/],
		['{"status": ["CUR", null]}', 'Raw Filter: "status" is null', /"status_Mod": "isnull"/],
	])('JSON %s is refused rather than sent as text', (rawFilter, message, advice) => {
		const error = failure(() => filterQuery(getMany([], { options: { rawFilter } })));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(advice);
	});

	test('a JSON list is refused, not sent as a query string', () => {
		const error = failure(() =>
			filterQuery(getMany([], { options: { rawFilter: '[{"status": "CUR"}]' } })),
		);
		expect(error.message).toBe('Raw Filter is a JSON list');
	});

	test('no rows and no raw filter: no conditions at all', () => {
		expect(filterQuery(getMany([]))).toEqual([]);
		expect(filterQuery({ resource: 'record', operation: 'getMany', objectType: 'PROJ' })).toEqual(
			[],
		);
	});
});

describe('user name, password and API key conditions go in the JSON filters parameter', () => {
	test('rows on them, OR groups and modifiers included; other conditions stay', () => {
		const parameters = getMany(
			[
				{ field: 'username', operator: 'contains', value: 'ann' },
				{ field: 'password', operator: 'isNotEmpty' },
				{ field: 'emailAddr', operator: 'in', values: 'a@x.com, b@x.com' },
			],
			{ filterCombination: 'any' },
		);
		const query = filterQuery(parameters);
		expect(query.slice(0, -1)).toEqual([
			['OR:2:emailAddr', 'a@x.com'],
			['OR:2:emailAddr', 'b@x.com'],
			['OR:2:emailAddr_Mod', 'in'],
		]);
		expect(query[query.length - 1][0]).toBe('filters');
		expect(JSON.parse(query[query.length - 1][1])).toEqual({
			username: 'ann',
			username_Mod: 'contains',
			'OR:1:password': '',
			'OR:1:password_Mod': 'notnull',
		});
	});

	test('a repeated one (In List) becomes a JSON list; any letter case is caught', () => {
		expect(
			moveLoginNamesToJson([
				['apiKey', 'k1'],
				['apiKey', 'k2'],
				['apiKey_Mod', 'in'],
				['UserName', 'ann'],
				['status', 'CUR'],
			]),
		).toEqual([
			['status', 'CUR'],
			['filters', JSON.stringify({ apiKey: ['k1', 'k2'], apiKey_Mod: 'in', UserName: 'ann' })],
		]);
	});

	test('without them the parameters are returned as they are', () => {
		const params: QueryParams = [
			['usernameSuffix', 'x'],
			['status', 'CUR'],
		];
		expect(moveLoginNamesToJson(params)).toBe(params);
	});
});

describe('the Workfront Poll Trigger reads the same filters, without items', () => {
	test('rows and raw filter from its one set of parameters', () => {
		const context = workfrontPollContext({
			event: 'createdOrUpdated',
			objectType: 'TASK',
			filters: { filter: [{ field: 'status', operator: 'notEquals', value: 'CPL' }] },
			options: { rawFilter: 'projectID=p1' },
		});
		expect(readFilterQuery(context, 0)).toEqual([
			['projectID', 'p1'],
			['status', 'CPL'],
			['status_Mod', 'ne'],
		]);
	});

	test('a bad row is reported without an item', () => {
		const context = workfrontPollContext({
			objectType: 'TASK',
			filters: { filter: [{ field: 'status', operator: 'in', values: '' }] },
		});
		const error = failure(() => readFilterQuery(context, 0));
		expect(error.message).toBe('Filter 1 (status): Values is empty');
	});
});

describe('Sort', () => {
	test('no rows: by ID, so that pages neither repeat nor skip records', () => {
		expect(sortQuery([])).toEqual([['ID_Sort', 'asc']]);
	});

	test('rows are numbered in order, directions kept, ID last', () => {
		expect(
			sortQuery([
				{ field: 'plannedCompletionDate', direction: 'desc' },
				{ field: ' name ', direction: 'ciasc' },
				{ field: 'priority' },
			]),
		).toEqual([
			['plannedCompletionDate_1_Sort', 'desc'],
			['name_2_Sort', 'ciasc'],
			['priority_3_Sort', 'asc'],
			['ID_4_Sort', 'asc'],
		]);
	});

	test('a row on ID is not repeated; ID alone keeps the plain form', () => {
		expect(sortQuery([{ field: 'ID', direction: 'desc' }])).toEqual([['ID_Sort', 'desc']]);
		expect(
			sortQuery([
				{ field: 'ID', direction: 'desc' },
				{ field: 'name', direction: 'asc' },
			]),
		).toEqual([
			['ID_1_Sort', 'desc'],
			['name_2_Sort', 'asc'],
		]);
	});

	test('an empty field names its row', () => {
		const error = failure(() => sortQuery([{ field: 'name' }, { field: '' }]));
		expect(error.message).toBe('Sort 2: Field is empty');
		expect(error.description).toMatch(/Enter the field to sort by/);
		expect(error.context.itemIndex).toBe(0);
	});
});
