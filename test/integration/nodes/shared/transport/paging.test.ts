import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { pooled, searchAll } from '../../../../../nodes/shared/transport/paging';
import { RequestCancelled } from '../../../../../nodes/shared/transport/request';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { freshFixturePerTest } from '../../../../support/workfrontNode';

/**
 * Reading every matching record in pages. Return All through the node (pages read concurrently,
 * in order; a Limit met exactly; tokens revoked mid-read) is in test/integration/node/throughput.test.ts;
 * here, the pool that runs the pages and what searchAll asks for.
 */
const node = { name: 'Workfront' } as never;

describe('the pool', () => {
	test('every index runs once, at most `limit` at a time', async () => {
		let running = 0;
		let most = 0;
		const done: number[] = [];
		await pooled(10, 3, async (index) => {
			running += 1;
			most = Math.max(most, running);
			await new Promise((resolve) => setImmediate(resolve));
			done.push(index);
			running -= 1;
		});
		expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(most).toBe(3);
	});

	test('nothing to do, or a limit above the count: no more workers than work', async () => {
		let calls = 0;
		await pooled(0, 5, async () => {
			calls += 1;
		});
		expect(calls).toBe(0);
		await pooled(2, 10, async () => {
			calls += 1;
		});
		expect(calls).toBe(2);
	});

	test('the first failure stops the pool: nothing new starts, the running work is told, and that failure is what the caller gets', async () => {
		const started: number[] = [];
		const aborted: number[] = [];
		const first = new Error('page 2 failed');
		const error = await pooled(10, 2, async (index, signal) => {
			started.push(index);
			if (index === 1) throw first;
			await new Promise<void>((resolve) => {
				if (signal.aborted) return resolve();
				signal.addEventListener('abort', () => resolve(), { once: true });
			});
			aborted.push(index);
			// What an aborted request throws is not the failure reported.
			throw new RequestCancelled(node);
		}).catch((thrown: unknown) => thrown);
		expect(error).toBe(first);
		expect(started).toEqual([0, 1]);
		expect(aborted).toEqual([0]);
	});
});

describe('searchAll', () => {
	const fixture = freshFixturePerTest();
	const context = () => createExecuteContext(fixture().helper, CREDENTIAL_ID);
	const searches = () =>
		fixture()
			.simulator.log.filter(({ path }) => /\/proj\/(search|count)$/i.test(path))
			.map(({ path, query }) => {
				const params = new URLSearchParams(query);
				return `${path.split('/').pop()} ${params.get('$$FIRST') ?? ''} ${params.get('$$LIMIT') ?? ''}`.trim();
			});

	const insert = (count: number) => {
		for (let index = 0; index < count; index += 1)
			fixture().simulator.insert('PROJ', { name: `P${String(index).padStart(5, '0')}` });
	};

	const search = async (options: Partial<Parameters<typeof searchAll>[1]> = {}) =>
		await searchAll(context(), {
			objCode: 'PROJ',
			filters: [],
			shape: [
				['name_Sort', 'asc'],
				['ID_Sort', 'asc'],
				['fields', 'name'],
			],
			itemIndex: 0,
			...options,
		});

	test('a search that fits one page is one request, no count', async () => {
		insert(3);
		const records = await search();
		expect(records.map(({ name }) => name)).toEqual(['P00000', 'P00001', 'P00002']);
		expect(searches()).toEqual(['search 0 2000']);
	});

	test('a limit below a page asks for that many, and no count', async () => {
		insert(5);
		expect(await search({ limit: 2 })).toHaveLength(2);
		expect(searches()).toEqual(['search 0 2']);
	});

	test('filters go to the search and to count, the shape only to the search; the last page asks for what remains', async () => {
		insert(2_001);
		fixture().simulator.insert('PROJ', { name: 'Other', status: 'CUR' });
		const records = await search({ filters: [['status', 'PLN']], concurrency: 1 });
		expect(records).toHaveLength(2_001);
		const count = fixture().simulator.log.find(({ path }) =>
			path.toLowerCase().endsWith('/proj/count'),
		);
		expect(new URLSearchParams(count?.query).getAll('status')).toEqual(['PLN']);
		expect(new URLSearchParams(count?.query).get('fields')).toBeNull();
		expect(searches()).toEqual(['search 0 2000', 'count', 'search 2000 1']);
	});

	test('a failed page says which one, and nothing read is output', async () => {
		insert(4_001);
		fixture().simulator.injectFault({
			times: 1,
			path: /proj\/search$/i,
			skip: 2,
			status: 400,
			body: { error: { message: 'bad page' } },
		});
		const error = await search({ concurrency: 1 }).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(
			/^Reading page 3 of 3 \(records 4001 to 4001\) failed; the other pages were stopped and nothing was output\./,
		);
	});

	test('records come back in the order of sequential paging, the pages read concurrently', async () => {
		insert(4_500);
		const records: IDataObject[] = await search({ concurrency: 3 });
		expect(records).toHaveLength(4_500);
		expect(records.map(({ name }) => name)).toEqual(
			Array.from({ length: 4_500 }, (_, index) => `P${String(index).padStart(5, '0')}`),
		);
	});
});
