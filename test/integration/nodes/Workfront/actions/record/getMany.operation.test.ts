import type { IDataObject } from 'n8n-workflow';

import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeAll(async () => {
	fixture = await WorkfrontFixture.start();
	const rows: Array<[string, string, number, string | null]> = [
		['Alpha launch', 'CUR', 1, '2026-01-10T12:00:00.000Z'],
		['beta Launch', 'PLN', 2, '2026-02-10T12:00:00.000Z'],
		['Gamma', 'CUR', 3, null],
		['Delta launch plan', 'ONH', 4, '2026-03-10T12:00:00.000Z'],
		['Epsilon', 'CPL', 0, '2026-04-10T12:00:00.000Z'],
	];
	for (const [name, status, priority, plannedCompletionDate] of rows) {
		fixture.simulator.insert('PROJ', { name, status, priority, plannedCompletionDate });
	}
});

afterAll(async () => fixture.close());

function lastSearch(): string {
	return fixture.simulator.log.filter(({ path }) => path.endsWith('/search')).at(-1)?.query ?? '';
}

async function names(filters: IDataObject[], extra: IDataObject = {}): Promise<string[]> {
	const output = await fixture.output(
		record('getMany', { returnAll: true, filters: { filter: filters }, ...extra }),
	);
	return output.map(({ name }) => String(name)).sort();
}

describe('each filter operator', () => {
	test.each([
		['equals', { field: 'status', operator: 'equals', value: 'CUR' }, ['Alpha launch', 'Gamma']],
		[
			'not equal (null counts as different)',
			{ field: 'plannedCompletionDate', operator: 'notEquals', value: '2026-01-10' },
			['Delta launch plan', 'Epsilon', 'Gamma', 'beta Launch'],
		],
		[
			'equals, case-insensitive',
			{ field: 'name', operator: 'equalsIgnoreCase', value: 'GAMMA' },
			['Gamma'],
		],
		[
			'contains',
			{ field: 'name', operator: 'contains', value: 'launch' },
			['Alpha launch', 'Delta launch plan'],
		],
		[
			'contains, case-insensitive',
			{ field: 'name', operator: 'containsIgnoreCase', value: 'LAUNCH' },
			['Alpha launch', 'Delta launch plan', 'beta Launch'],
		],
		[
			'does not contain',
			{ field: 'name', operator: 'notContains', value: 'launch' },
			['Epsilon', 'Gamma', 'beta Launch'],
		],
		[
			'like',
			{ field: 'name', operator: 'like', value: '%launch%' },
			['Alpha launch', 'Delta launch plan'],
		],
		[
			'greater than',
			{ field: 'priority', operator: 'greaterThan', value: '2' },
			['Delta launch plan', 'Gamma'],
		],
		[
			'greater than or equal',
			{ field: 'priority', operator: 'greaterThanOrEqual', value: '3' },
			['Delta launch plan', 'Gamma'],
		],
		['less than', { field: 'priority', operator: 'lessThan', value: '1' }, ['Epsilon']],
		[
			'less than or equal',
			{ field: 'priority', operator: 'lessThanOrEqual', value: '1' },
			['Alpha launch', 'Epsilon'],
		],
		[
			'between (numbers)',
			{ field: 'priority', operator: 'between', value: '1', valueTo: '2' },
			['Alpha launch', 'beta Launch'],
		],
		[
			'between (dates)',
			{
				field: 'plannedCompletionDate',
				operator: 'between',
				value: '2026-02-01',
				valueTo: '2026-03-31',
			},
			['Delta launch plan', 'beta Launch'],
		],
		[
			'in list',
			{ field: 'status', operator: 'in', values: 'PLN, ONH' },
			['Delta launch plan', 'beta Launch'],
		],
		['in list (JSON)', { field: 'status', operator: 'in', values: '["CPL"]' }, ['Epsilon']],
		[
			'not in list',
			{ field: 'status', operator: 'notIn', values: 'CUR,PLN' },
			['Delta launch plan', 'Epsilon'],
		],
		['is empty', { field: 'plannedCompletionDate', operator: 'isEmpty' }, ['Gamma']],
		[
			'is not empty',
			{ field: 'plannedCompletionDate', operator: 'isNotEmpty' },
			['Alpha launch', 'Delta launch plan', 'Epsilon', 'beta Launch'],
		],
		[
			'a date filter matches the whole day',
			{ field: 'plannedCompletionDate', operator: 'equals', value: '2026-04-10' },
			['Epsilon'],
		],
	])('%s', async (_name, filter, expected) => {
		expect(await names([filter])).toEqual(expected);
	});

	test("the modifiers sent are Workfront's", async () => {
		fixture.simulator.resetCounters();
		await names([{ field: 'priority', operator: 'between', value: '1', valueTo: '2' }]);
		const query = new URLSearchParams(lastSearch());
		expect(query.get('priority')).toBe('1');
		expect(query.get('priority_Range')).toBe('2');
		expect(query.get('priority_Mod')).toBe('between');
	});
});

describe('combining filters', () => {
	test('All: every filter must match', async () => {
		expect(
			await names([
				{ field: 'status', operator: 'equals', value: 'CUR' },
				{ field: 'priority', operator: 'greaterThan', value: '1' },
			]),
		).toEqual(['Gamma']);
	});

	test('Any: Workfront OR groups, one per further filter', async () => {
		fixture.simulator.resetCounters();
		const result = await names(
			[
				{ field: 'status', operator: 'equals', value: 'CPL' },
				{ field: 'priority', operator: 'greaterThanOrEqual', value: '4' },
				{ field: 'name', operator: 'equals', value: 'Gamma' },
			],
			{ filterCombination: 'any' },
		);
		expect(result).toEqual(['Delta launch plan', 'Epsilon', 'Gamma']);
		const query = new URLSearchParams(lastSearch());
		expect(query.get('OR:1:priority_Mod')).toBe('gte');
		expect(query.get('OR:2:name')).toBe('Gamma');
	});

	test('a raw filter adds what the rows cannot say', async () => {
		expect(
			await names([{ field: 'status', operator: 'equals', value: 'CUR' }], {
				options: { rawFilter: 'priority=2&priority_Mod=gt' },
			}),
		).toEqual(['Gamma']);
		expect(
			await names([], { options: { rawFilter: '{"OR:1:status":"PLN","OR:2:status":"ONH"}' } }),
		).toEqual(['Delta launch plan', 'beta Launch']);
	});

	test.each([
		[
			'two conditions on one field with All',
			[
				{ field: 'priority', operator: 'greaterThan', value: '1' },
				{ field: 'priority', operator: 'lessThan', value: '4' },
			],
			{},
			/Filter 2 \(priority\): the field is already filtered by filter 1/,
		],
		[
			'an empty field',
			[{ field: ' ', operator: 'equals', value: 'x' }],
			{},
			/Filter 1: Field is empty/,
		],
		[
			'between without its upper end',
			[{ field: 'priority', operator: 'between', value: '1' }],
			{},
			/Between needs a Value and a To Value/,
		],
		['an empty list', [{ field: 'status', operator: 'in', values: ' , ' }], {}, /Values is empty/],
		[
			'a raw filter with Any',
			[
				{ field: 'status', operator: 'equals', value: 'CUR' },
				{ field: 'name', operator: 'equals', value: 'x' },
			],
			{ filterCombination: 'any', options: { rawFilter: 'priority=1' } },
			/Raw Filter cannot be combined with Match: Any/,
		],
		[
			'a raw filter that is broken JSON',
			[],
			{ options: { rawFilter: '{"status":' } },
			/Raw Filter is not valid JSON/,
		],
		[
			'an unknown field',
			[{ field: 'stauts', operator: 'equals', value: 'CUR' }],
			{},
			/does not support field stauts/,
		],
	])('%s gives a clear error', async (_name, filters, extra, message) => {
		const result = await fixture.run(
			record('getMany', { returnAll: true, filters: { filter: filters }, ...extra }),
		);
		expect(result.error?.message).toMatch(message);
	});

	test('the unknown field error suggests the right name', async () => {
		const result = await fixture.run(
			record('getMany', {
				returnAll: true,
				filters: { filter: [{ field: 'stauts', operator: 'equals', value: 'CUR' }] },
			}),
		);
		expect(result.error?.description).toMatch(/Did you mean "status"/);
	});
});

describe('sorting, limits and fields', () => {
	test('sorts by the given fields, ID last for a stable order', async () => {
		fixture.simulator.resetCounters();
		const output = await fixture.output(
			record('getMany', {
				returnAll: true,
				options: { sort: { field: [{ field: 'priority', direction: 'desc' }] } },
			}),
		);
		expect(output.map(({ priority }) => priority)).toEqual([4, 3, 2, 1, 0]);
		const query = new URLSearchParams(lastSearch());
		expect(query.get('priority_1_Sort')).toBe('desc');
		expect(query.get('ID_2_Sort')).toBe('asc');
	});

	test('Limit stops exactly at its number', async () => {
		const output = await fixture.output(record('getMany', { returnAll: false, limit: 3 }));
		expect(output).toHaveLength(3);
	});

	test('a Limit below 1 is refused', async () => {
		const result = await fixture.run(record('getMany', { returnAll: false, limit: '={{ 0 }}' }));
		expect(result.error?.message).toMatch(/Limit must be a whole number of 1 or more/);
	});

	test('fields to return: a reference and a custom field', async () => {
		const [first] = await fixture.output(
			record('getMany', {
				returnAll: false,
				limit: 1,
				options: { fields: 'owner:name, DE:Region' },
			}),
		);
		expect(first).toHaveProperty('owner', null);
		expect(first).toHaveProperty('DE:Region', null);
	});
});

describe('paging large result sets', () => {
	let big: WorkfrontFixture;

	beforeAll(async () => {
		big = await WorkfrontFixture.start();
		for (let index = 0; index < 5000; index += 1)
			big.simulator.insert('TASK', { name: `Task ${index}`, priority: index % 5 });
	});

	afterAll(async () => big.close());

	test('Return All over 5,000 records: complete, in order, no duplicate, 3 pages of at most 2000 and a count', async () => {
		big.simulator.resetCounters();
		const output = await big.output(record('getMany', { objectType: 'TASK', returnAll: true }));
		expect(output).toHaveLength(5000);
		expect(new Set(output.map(({ ID }) => ID)).size).toBe(5000);
		const expectedOrder = big.simulator.state.store
			.all('TASK')
			.map(({ ID }) => ID)
			.sort();
		expect(output.map(({ ID }) => ID)).toEqual(expectedOrder);
		const pages = big.simulator.log
			.filter(({ path }) => path.endsWith('/search'))
			.map(({ query }) => new URLSearchParams(query));
		const pagesAsked = pages.map((query) => [query.get('$$FIRST'), query.get('$$LIMIT')]);
		expect(pagesAsked.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
			['0', '2000'],
			['2000', '2000'],
			['4000', '1000'],
		]);
		expect(big.simulator.log.filter(({ path }) => path.endsWith('/count'))).toHaveLength(1);
	});

	test('Return All with a sort and a filter pages without gaps', async () => {
		const output = await big.output(
			record('getMany', {
				objectType: 'TASK',
				returnAll: true,
				filters: { filter: [{ field: 'priority', operator: 'in', values: '1,3' }] },
				options: { sort: { field: [{ field: 'priority', direction: 'asc' }] } },
			}),
		);
		expect(output).toHaveLength(2000);
		expect(new Set(output.map(({ ID }) => ID)).size).toBe(2000);
		expect(output.slice(0, 1000).every(({ priority }) => priority === 1)).toBe(true);
	});

	test('Limit 2,500 takes two pages and stops exactly', async () => {
		big.simulator.resetCounters();
		const output = await big.output(
			record('getMany', { objectType: 'TASK', returnAll: false, limit: 2500 }),
		);
		expect(output).toHaveLength(2500);
		const searches = big.simulator.log.filter(({ path }) => path.endsWith('/search'));
		expect(searches.map(({ query }) => new URLSearchParams(query).get('$$LIMIT'))).toEqual([
			'2000',
			'500',
		]);
	});

	test('Return All over 60,000 records is complete', async () => {
		const huge = await WorkfrontFixture.start();
		try {
			for (let index = 0; index < 60_000; index += 1)
				huge.simulator.insert('HOUR', { hours: 1 + (index % 8) });
			const output = await huge.output(record('getMany', { objectType: 'HOUR', returnAll: true }));
			expect(output).toHaveLength(60_000);
			expect(new Set(output.map(({ ID }) => ID)).size).toBe(60_000);
			expect(huge.simulator.log.filter(({ path }) => path.endsWith('/search'))).toHaveLength(30);
		} finally {
			await huge.close();
		}
	});
});
