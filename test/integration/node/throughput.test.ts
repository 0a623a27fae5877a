import type { IDataObject } from 'n8n-workflow';

import { record, WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const requestsTo = (pattern: RegExp) =>
	fixture.simulator.log.filter(({ path }) => pattern.test(path));

function named(count: number, broken: number[] = []): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		name: `Item ${index}`,
		status: broken.includes(index) ? 'NOPE' : 'CUR',
	}));
}

const createFromItems = (options: IDataObject = {}) =>
	record('create', {
		inputMode: 'json',
		fieldsJson: '={{ JSON.stringify({ name: $json.name, status: $json.status }) }}',
		options,
	});

describe('batch writes', () => {
	test('250 creates go as bulk requests of 100, 100 and 50, each output paired with its item', async () => {
		const result = await fixture.run(createFromItems(), named(250));
		expect(result.error).toBeUndefined();
		expect(requestsTo(/\/proj$/i)).toHaveLength(3);
		expect(result.json.map(({ name }) => name)).toEqual(named(250).map(({ name }) => name));
		expect(result.items?.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual([
			...Array(250).keys(),
		]);
		expect(result.json.map(({ ID }) => ID)).toEqual(
			store()
				.all('PROJ')
				.map(({ ID }) => ID),
		);
		expect(fixture.simulator.counters.exchanges).toBe(1);
	});

	test('Map Input Fields Automatically sends each item as it is, minus the left-out keys', async () => {
		const result = await fixture.run(
			record('create', { inputMode: 'auto', ignoreFields: 'rowNumber' }),
			[
				{ name: 'Auto A', priority: 2, rowNumber: 1, ID: 'ignored' },
				{ name: 'Auto B', description: 'From a sheet', rowNumber: 2 },
			],
		);
		expect(result.error).toBeUndefined();
		expect(
			store()
				.all('PROJ')
				.map(({ name, priority, description }) => ({ name, priority, description })),
		).toEqual([
			{ name: 'Auto A', priority: 2, description: undefined },
			{ name: 'Auto B', priority: 0, description: 'From a sheet' },
		]);
		const empty = await fixture.run(record('create', { inputMode: 'auto', ignoreFields: 'x' }), [
			{ x: 1 },
		]);
		expect(empty.error?.message).toBe('The input item has no fields to send');
	});

	test('Batch Size 1 sends every item on its own', async () => {
		await fixture.output(createFromItems({ batchSize: 1 }), named(7));
		expect(requestsTo(/\/proj$/i)).toHaveLength(7);
	});

	test('a Batch Size over 100 is refused', async () => {
		const result = await fixture.run(createFromItems({ batchSize: 101 }), named(2));
		expect(result.error?.message).toBe(
			'Batch Size must be a whole number from 1 to 100 (it is 101)',
		);
	});

	test('Atomic: a failing batch applies nothing of itself; only its items fail', async () => {
		const result = await fixture.run(createFromItems({ atomic: true }), named(250, [150]), {
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(store().count('PROJ')).toBe(150);
		const failed = result.json.flatMap((json, index) => (json.error ? [index] : []));
		expect(failed).toEqual([...Array(100).keys()].map((index) => index + 100));
		expect(String(result.json[120].description)).toMatch(
			/items 101 to 200 in one request of 100\. The request was atomic, so none of them was applied/,
		);
		expect(result.json[0]).toMatchObject({ success: true, name: 'Item 0' });
	});

	test('a non-atomic batch that fails part-way is not sent again, and each of its items says so', async () => {
		const result = await fixture.run(createFromItems(), named(250, [150]), {
			continueOnFail: true,
		});
		const names = store()
			.all('PROJ')
			.map(({ name }) => name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toHaveLength(200);
		const failed = result.json.flatMap((json, index) => (json.error ? [index] : []));
		expect(failed).toEqual([...Array(100).keys()].map((index) => index + 100));
		expect(String(result.json[100].error)).toMatch(/Invalid custom enum value/);
		expect(String(result.json[100].description)).toMatch(
			/may have been applied before the failure; they were not sent again/,
		);
		expect(requestsTo(/\/proj$/i)).toHaveLength(3);
	});

	test('without Continue On Fail, a failed batch stops the node naming its first item', async () => {
		const result = await fixture.run(createFromItems(), named(150, [120]));
		expect(result.error?.context?.itemIndex).toBe(100);
		expect(result.error?.description).toMatch(/items 101 to 150/);
	});

	test('a bad item found before sending fails alone; the items around it are created', async () => {
		const result = await fixture.run(
			record('create', { inputMode: 'json', fieldsJson: '={{ $json.json }}' }),
			[{ json: '{"name":"a"}' }, { json: '{"name":' }, { json: '{"name":"c"}' }],
			{ continueOnFail: true },
		);
		expect(result.json.map((json) => json.name ?? json.error)).toEqual([
			'a',
			'Fields (JSON) is not valid JSON',
			'c',
		]);
		expect(
			store()
				.all('PROJ')
				.map(({ name }) => name),
		).toEqual(['a', 'c']);
	});

	test('429s on bulk requests: retried, everything created once', async () => {
		fixture.simulator.failNext(3, 429, {
			body: { error: { message: 'Too many concurrent API requests' } },
			path: /\/proj$/i,
		});
		await fixture.output(createFromItems(), named(120));
		expect(store().count('PROJ')).toBe(120);
	});

	test('Update: a failed batch is retried item by item, so only the bad item fails', async () => {
		const projects = Array.from({ length: 150 }, (_, index) =>
			fixture.simulator.insert('PROJ', { name: `P${index}` }),
		);
		fixture.simulator.resetCounters();
		const result = await fixture.run(
			record('update', {
				id: '={{ $json.id }}',
				inputMode: 'json',
				fieldsJson: '={{ JSON.stringify({ status: $json.status }) }}',
			}),
			projects.map(({ ID }, index) => ({ id: ID, status: index === 130 ? 'NOPE' : 'ONH' })),
			{ continueOnFail: true },
		);
		expect(result.json.flatMap((json, index) => (json.error ? [index] : []))).toEqual([130]);
		expect(
			store()
				.all('PROJ')
				.filter(({ status }) => status === 'ONH'),
		).toHaveLength(149);
		expect(
			requestsTo(/\/proj/i).filter(({ effectiveMethod }) => effectiveMethod === 'PUT'),
		).toHaveLength(2 + 50);
	});

	test('Atomic update: all or nothing per batch', async () => {
		const projects = Array.from({ length: 3 }, (_, index) =>
			fixture.simulator.insert('PROJ', { name: `P${index}`, status: 'PLN' }),
		);
		const result = await fixture.run(
			record('update', {
				id: '={{ $json.id }}',
				inputMode: 'json',
				fieldsJson: '={{ JSON.stringify({ status: $json.status }) }}',
				options: { atomic: true },
			}),
			projects.map(({ ID }, index) => ({ id: ID, status: index === 2 ? 'NOPE' : 'CUR' })),
			{ continueOnFail: true },
		);
		expect(result.json.every((json) => json.error)).toBe(true);
		expect(
			store()
				.all('PROJ')
				.map(({ status }) => status),
		).toEqual(['PLN', 'PLN', 'PLN']);
	});

	test('Delete: 150 IDs in two requests; an unknown ID fails alone', async () => {
		const projects = Array.from({ length: 150 }, (_, index) =>
			fixture.simulator.insert('PROJ', { name: `P${index}` }),
		);
		const ids = projects.map(({ ID }) => ID);
		const result = await fixture.run(
			record('delete', { id: '={{ $json.id }}' }),
			ids.map((id) => ({ id })),
		);
		expect(result.error).toBeUndefined();
		expect(store().count('PROJ')).toBe(0);
		expect(
			requestsTo(/\/proj$/i).filter(({ effectiveMethod }) => effectiveMethod === 'DELETE'),
		).toHaveLength(2);

		const more = Array.from(
			{ length: 3 },
			(_, index) => fixture.simulator.insert('PROJ', { name: `Q${index}` }).ID,
		);
		const partial = await fixture.run(
			record('delete', { id: '={{ $json.id }}' }),
			[{ id: more[0] }, { id: 'ffffffffffffffffffffffffffffffff' }, { id: more[2] }],
			{ continueOnFail: true },
		);
		expect(partial.json.map((json) => Boolean(json.error))).toEqual([false, true, false]);
		expect(
			store()
				.all('PROJ')
				.map(({ ID }) => ID),
		).toEqual([more[1]]);
	});
});

describe('concurrent reads', () => {
	beforeEach(() => {
		for (let index = 0; index < 20_000; index += 1)
			fixture.simulator.insert('TASK', { name: `T${index}` });
	});

	test('Return All reads pages concurrently, within the limit, in the order of sequential paging', async () => {
		fixture.simulator.setLatency(5);
		const output = await fixture.output(
			record('getMany', { objectType: 'TASK', returnAll: true, options: { concurrency: 4 } }),
		);
		const expected = store()
			.all('TASK')
			.map(({ ID }) => ID)
			.sort();
		expect(output.map(({ ID }) => ID)).toEqual(expected);
		expect(fixture.simulator.state.peakConcurrency).toBeGreaterThan(1);
		expect(fixture.simulator.state.peakConcurrency).toBeLessThanOrEqual(4);
		expect(requestsTo(/\/search$/)).toHaveLength(10);
	});

	test('Limit with concurrency stops exactly at its number', async () => {
		const output = await fixture.output(
			record('getMany', {
				objectType: 'TASK',
				returnAll: false,
				limit: 7777,
				options: { concurrency: 3 },
			}),
		);
		expect(output).toHaveLength(7777);
		expect(new Set(output.map(({ ID }) => ID)).size).toBe(7777);
	});

	test('tokens revoked while pages run concurrently: exactly one new exchange', async () => {
		fixture.simulator.injectFault({
			times: 1,
			path: /\/count$/,
			sideEffect: (state) => state.sessions.revokeAll(),
		});
		const output = await fixture.output(
			record('getMany', { objectType: 'TASK', returnAll: true, options: { concurrency: 8 } }),
		);
		expect(output).toHaveLength(20_000);
		expect(fixture.simulator.counters.exchanges).toBe(2);
		expect(fixture.simulator.counters.rejectedUnauthenticated).toBeGreaterThanOrEqual(1);
	});

	test('a Concurrency above 10 is refused', async () => {
		const result = await fixture.run(
			record('getMany', { objectType: 'TASK', returnAll: true, options: { concurrency: 11 } }),
		);
		expect(result.error?.message).toBe(
			'Concurrency must be a whole number from 1 to 10 (it is 11)',
		);
	});
});
