import type { IDataObject } from 'n8n-workflow';

import { fc, holdsForAsync } from '../../support/properties';
import { record, WorkfrontFixture } from '../../support/workfrontNode';

/**
 * Map Each Field, for generated values: a value the user typed reaches Workfront as its column's
 * type (text as typed, a number typed as text as that number, a list as that list), or the item
 * fails with an error naming the column, before anything is sent. Nothing is changed or dropped
 * silently. Workflows written by hand store no columns, so the types come from Workfront's
 * metadata, as for the simulator's seeded custom form "Campaign Details".
 */
let fixture: WorkfrontFixture;

beforeAll(async () => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.seed({ projects: 1, tasksPerProject: 0, issuesPerProject: 0, hoursPerTask: 0 });
});

afterAll(async () => fixture.close());

const CHANNELS = ['Web', 'Email', 'Print', 'Events'];

type Column = { typed: unknown; expected?: unknown; bad?: RegExp };

const name: fc.Arbitrary<Column> = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
	.filter((text) => text.trim() !== '' && !text.startsWith('='))
	.map((text) => ({ typed: text, expected: text }));

const leads: fc.Arbitrary<Column> = fc.oneof(
	fc.integer({ min: -1e6, max: 1e6 }).map((n) => ({ typed: n, expected: n })),
	fc.integer({ min: 0, max: 1e6 }).map((n) => ({ typed: ` ${n} `, expected: n })),
	fc
		.string({ minLength: 1, maxLength: 12 })
		.filter((text) => text.trim() === '' || !Number.isFinite(Number(text.trim())))
		.filter((text) => text !== '' && !text.startsWith('='))
		.map((text) => ({ typed: text, bad: /Expected Leads.*is not a number/ })),
);

const channels: fc.Arbitrary<Column> = fc.oneof(
	fc.subarray(CHANNELS, { minLength: 1 }).map((list) => ({ typed: list, expected: list })),
	fc
		.subarray(CHANNELS, { minLength: 1 })
		.map((list) => ({ typed: list.join(' ,  '), expected: list })),
	fc
		.subarray(CHANNELS, { minLength: 1 })
		.map((list) => ({ typed: JSON.stringify(list), expected: list })),
	fc.subarray(CHANNELS, { minLength: 1 }).map((list) => ({
		typed: JSON.stringify(list).slice(0, -1),
		bad: /Marketing Channels.*is not a list/,
	})),
);

describe('Map Each Field, for generated values', () => {
	test('each value reaches Workfront as its type, or the item fails naming the column, sending nothing', async () => {
		let created = 0;
		let refused = 0;
		await holdsForAsync(
			'mapper values typed or refused by column',
			fc.record({ name, leads, channels }),
			async (columns) => {
				const writesBefore = fixture.simulator.log.filter(
					({ method, path }) => method === 'POST' && path.startsWith('/attask/'),
				).length;
				const value: IDataObject = {
					name: columns.name.typed as string,
					'DE:Expected Leads': columns.leads.typed as string,
					'DE:Channels': columns.channels.typed as string,
				};
				const result = await fixture.run({
					...record('create', { inputMode: 'mapper' }),
					columns: { mappingMode: 'defineBelow', value },
				});
				const bad = [columns.leads.bad, columns.channels.bad].filter(Boolean) as RegExp[];
				const writes =
					fixture.simulator.log.filter(
						({ method, path }) => method === 'POST' && path.startsWith('/attask/'),
					).length - writesBefore;
				if (bad.length > 0) {
					refused += 1;
					expect(result.error).toBeDefined();
					expect(bad.some((pattern) => pattern.test(String(result.error?.message)))).toBe(true);
					expect(writes).toBe(0);
					return;
				}
				created += 1;
				expect(result.error).toBeUndefined();
				const saved = fixture.simulator.state.store.get('PROJ', String(result.json[0]?.ID));
				expect(saved?.name).toBe(columns.name.expected);
				expect(saved?.parameterValues).toMatchObject({
					'DE:Expected Leads': columns.leads.expected,
					'DE:Channels': columns.channels.expected,
				});
				expect(writes).toBe(1);
			},
			{ runs: 80 },
		);
		// Both outcomes were tried.
		expect(created).toBeGreaterThan(5);
		expect(refused).toBeGreaterThan(5);
	});
});
