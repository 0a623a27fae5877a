import {
	filterValue,
	subscriptionFiltersFrom,
	type FilterRow,
	type GroupRow,
} from '../../../../nodes/WorkfrontTrigger/subscriptionFilters';
import { fc, holdsFor } from '../../../support/properties';

const row = (fieldName: string, fieldValue = 'x', comparison = 'eq'): FilterRow => ({
	fieldName,
	fieldValue,
	comparison,
	state: 'newState',
});
const group = (size: number, connector: 'AND' | 'OR' = 'AND'): GroupRow => ({
	connector,
	filters: { filter: Array.from({ length: size }, (_, index) => row(`field${index}`)) },
});
const groups = (count: number, size: number) => Array.from({ length: count }, () => group(size));

describe('filter groups: the limits Adobe gives, checked before subscribing', () => {
	test('Adobe’s own example: a standalone filter and an OR group of two', () => {
		const result = subscriptionFiltersFrom(
			[row('percentComplete', '100', 'lt')],
			[
				{
					connector: 'OR',
					filters: { filter: [row('status', 'CUR'), row('priority', '1')] },
				},
			],
		);
		expect(result).toEqual({
			filters: [
				{ fieldName: 'percentComplete', fieldValue: '100', comparison: 'lt', state: 'newState' },
				{
					type: 'group',
					connector: 'OR',
					filters: [
						{ fieldName: 'status', fieldValue: 'CUR', comparison: 'eq', state: 'newState' },
						{ fieldName: 'priority', fieldValue: '1', comparison: 'eq', state: 'newState' },
					],
				},
			],
		});
	});

	test.each([
		['10 groups of 5 filters (the most Adobe allows)', groups(10, 5), 10],
		['one group of 2 filters (the fewest)', groups(1, 2), 1],
		['no groups', [], 0],
	])('%s: accepted', (_case, configured, count) => {
		const result = subscriptionFiltersFrom([], configured);
		expect('filters' in result && result.filters.length).toBe(count);
	});

	test.each([
		[
			'11 groups',
			groups(11, 2),
			'Filter Groups: 11 groups, but Workfront allows at most 10 in one subscription',
			/Remove 1 group, merge groups .* or split the conditions across two Workfront Trigger nodes/,
		],
		[
			'a group of one filter',
			[group(2), group(1)],
			'Filter Group 2: 1 filter, but a group needs at least 2',
			/Add another filter to the group, or remove the group and add its filter under Filters/,
		],
		[
			'an empty group',
			[group(0)],
			'Filter Group 1: 0 filters, but a group needs at least 2',
			/Add two filters to the group, or remove the group/,
		],
		[
			'a group of six filters',
			[group(3), group(3), group(6)],
			'Filter Group 3: 6 filters, but Workfront allows at most 5 in a group',
			/Move 1 filter to another group with the same Match, or remove it/,
		],
		[
			'a group of eight filters',
			[group(8)],
			'Filter Group 1: 8 filters, but Workfront allows at most 5 in a group',
			/Move 3 filters .* or remove them/,
		],
		[
			'a filter without a field in a group',
			[group(2), { connector: 'OR', filters: { filter: [row('status'), row('  ')] } }],
			'Filter Group 2, Filter 2: Field Name is empty',
			/Enter the field, e.g. status, or remove the filter/,
		],
	])('%s: refused, naming the group and how to fix it', (_case, configured, message, fix) => {
		const result = subscriptionFiltersFrom([], configured);
		expect('problem' in result && result.problem.message).toBe(message);
		expect('problem' in result && result.problem.description).toMatch(fix);
	});

	test('a standalone filter without a field is named as before', () => {
		expect(subscriptionFiltersFrom([row('status'), row('')], [])).toEqual({
			problem: {
				message: 'Filter 2: Field Name is empty',
				description: 'Enter the field, e.g. status, or remove the filter.',
			},
		});
	});

	test('standalone filters have no documented limit: 40 are sent', () => {
		const rows = Array.from({ length: 40 }, (_, index) => row(`f${index}`));
		const result = subscriptionFiltersFrom(rows, []);
		expect('filters' in result && result.filters).toHaveLength(40);
	});
});

describe('filter values', () => {
	test.each([
		['CUR', 'CUR'],
		['100', '100'],
		['["Web","Email"]', ['Web', 'Email']],
		['[1, 2]', [1, 2]],
		['[Draft] Plan', '[Draft] Plan'],
		['[{"a":1}]', '[{"a":1}]'],
		['[', '['],
		// Adobe's nested filter on a Planning record's data ("Using nested filters").
		['{"customField1": "myCustomFieldValue"}', { customField1: 'myCustomFieldValue' }],
		['{"fields": {"children": {"name": "x"}}}', { fields: { children: { name: 'x' } } }],
		['{Draft} Plan', '{Draft} Plan'],
		['{"a":', '{"a":'],
	])('%s is sent as %j', (text, sent) => {
		expect(filterValue(text)).toEqual(sent);
	});
});

describe('filter groups, over generated structures', () => {
	const filterRow = fc.record({
		fieldName: fc.oneof(
			{ weight: 60, arbitrary: fc.constantFrom('status', 'priority', 'name', 'DE:Region') },
			{ weight: 1, arbitrary: fc.constantFrom('', '   ') },
		),
		fieldValue: fc.oneof(fc.string({ maxLength: 6 }), fc.constant('["A","B"]')),
		comparison: fc.constantFrom('eq', 'ne', 'gt', 'contains', 'containsOnly', 'changed'),
		state: fc.constantFrom('newState', 'oldState'),
	});
	// Sizes near the limits on both sides: groups 0-3 and 9-12, filters 2-5 mostly, 0, 1, 6, 7 at times.
	const sized = <T>(arbitrary: fc.Arbitrary<T>, size: fc.Arbitrary<number>) =>
		size.chain((length) => fc.array(arbitrary, { minLength: length, maxLength: length }));
	const groupRow = fc.record({
		connector: fc.constantFrom('AND', 'OR'),
		filters: fc.record({
			filter: sized(
				filterRow,
				fc.oneof(
					{ weight: 12, arbitrary: fc.integer({ min: 2, max: 5 }) },
					{ weight: 1, arbitrary: fc.constantFrom(0, 1, 6, 7) },
				),
			),
		}),
	});
	const configuration = fc.record({
		rows: fc.array(filterRow, { maxLength: 4 }),
		groups: sized(
			groupRow,
			fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 9, max: 12 })),
		),
	});

	test('accepted exactly when within Adobe’s limits and every field is named; what is sent is what was configured', () => {
		const seen = new Map<string, number>();
		const count = (kind: string) => seen.set(kind, (seen.get(kind) ?? 0) + 1);
		holdsFor(
			'filter groups: accepted iff within limits, sent as configured',
			configuration,
			({ rows, groups: configured }) => {
				const named = (filter: FilterRow) => String(filter.fieldName).trim() !== '';
				const within =
					configured.length <= 10 &&
					configured.every(
						({ filters }) => filters.filter.length >= 2 && filters.filter.length <= 5,
					);
				const allNamed =
					rows.every(named) && configured.every(({ filters }) => filters.filter.every(named));
				const result = subscriptionFiltersFrom(rows, configured);
				expect('filters' in result).toBe(within && allNamed);
				count(
					'filters' in result
						? `accepted with ${configured.length === 0 ? 'no groups' : configured.length < 10 ? '1-9 groups' : '10 groups'}`
						: `refused: ${result.problem.message
								.replace(/\d+/g, 'N')
								.replace(/:.*? but /, ': ')
								.slice(0, 70)}`,
				);
				if (!('filters' in result)) {
					// The message names the place: a filter, a group, or the groups as a whole.
					expect(result.problem.message).toMatch(
						/^(Filter \d+|Filter Group \d+|Filter Groups)[:,]/,
					);
					expect(result.problem.description.length).toBeGreaterThan(10);
					return;
				}
				const sent = (filter: FilterRow) => ({
					fieldName: String(filter.fieldName).trim(),
					fieldValue: filterValue(String(filter.fieldValue).trim()),
					comparison: filter.comparison,
					state: filter.state,
				});
				expect(result.filters).toEqual([
					...rows.map(sent),
					...configured.map(({ connector, filters }) => ({
						type: 'group',
						connector,
						filters: filters.filter.map(sent),
					})),
				]);
			},
			{ runs: 500 },
		);
		process.stderr.write(
			`[property] filter groups by outcome: ${[...seen.entries()]
				.sort()
				.map(([kind, runs]) => `${kind}: ${runs}`)
				.join('; ')}\n`,
		);
		// Both sides of the property were exercised.
		expect([...seen.keys()].some((kind) => kind.startsWith('accepted with 1-9'))).toBe(true);
		expect([...seen.keys()].some((kind) => kind.startsWith('accepted with 10'))).toBe(true);
		expect([...seen.keys()].some((kind) => kind.includes('Filter Groups:'))).toBe(true);
		expect([...seen.keys()].some((kind) => kind.includes('at least'))).toBe(true);
		expect([...seen.keys()].some((kind) => kind.includes('at most N in a group'))).toBe(true);
	});
});
