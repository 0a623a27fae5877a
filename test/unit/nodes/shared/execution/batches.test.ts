import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	BatchItemNotDone,
	expectOnePerEntry,
	runInBatches,
	type BatchEntry,
	type BatchPlan,
} from '../../../../../nodes/shared/execution/batches';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

interface Payload {
	name: string;
}

interface PlanSettings {
	repeatable: boolean;
	/** The batch key of each item (all items share one key by default). */
	keys?: string[];
	/** Items whose preparation fails. */
	badItems?: number[];
	/** Makes sendBatch fail (with this error) for batches containing any of these items. */
	batchFails?: { items: number[]; error: unknown };
	/** Items whose sendOne fails. */
	oneFails?: number[];
}

/**
 * A write operation's plan that records what was sent: the items of each bulk request and each
 * single request, in the order sent. Each item's result is the record "saved" for it.
 */
function recordingPlan(settings: PlanSettings) {
	const sent: string[] = [];
	const batches: Array<{ items: number[]; atomic: boolean }> = [];
	const singles: number[] = [];
	const plan: BatchPlan<Payload> = {
		repeatable: settings.repeatable,
		prepare: async (itemIndex) => {
			if (settings.badItems?.includes(itemIndex))
				throw new NodeOperationError(
					{ name: 'prepare' } as never,
					`Item ${itemIndex + 1} has no name`,
					{ description: 'Give it one.' },
				);
			return { key: settings.keys?.[itemIndex] ?? 'PROJ', payload: { name: `n${itemIndex}` } };
		},
		sendBatch: async (entries: Array<BatchEntry<Payload>>, atomic: boolean) => {
			const items = entries.map(({ itemIndex }) => itemIndex);
			batches.push({ items, atomic });
			sent.push(`batch ${items.join(',')}`);
			if (settings.batchFails && items.some((item) => settings.batchFails?.items.includes(item)))
				throw settings.batchFails.error;
			return entries.map(({ itemIndex, payload }) => ({ ID: `id${itemIndex}`, ...payload }));
		},
		sendOne: async ({ itemIndex, payload }) => {
			singles.push(itemIndex);
			sent.push(`one ${itemIndex}`);
			if (settings.oneFails?.includes(itemIndex)) throw new Error(`Item ${itemIndex + 1} refused`);
			return { ID: `id${itemIndex}`, ...payload };
		},
	};
	return { plan, sent, batches, singles };
}

function run(
	count: number,
	plan: BatchPlan<Payload>,
	options: { batchSize?: number; atomic?: boolean; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const context = workfrontExecuteContext({
		parameters: { resource: 'record', operation: 'create', objectType: 'PROJ' },
		input: Array.from({ length: count }, (_, index) => ({ row: index })),
		continueOnFail: options.continueOnFail,
	});
	return runInBatches(context, context.getInputData(), plan, {
		batchSize: options.batchSize ?? 100,
		atomic: options.atomic ?? false,
	});
}

async function failure(promise: Promise<unknown>): Promise<NodeOperationError | NodeApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error instanceof NodeOperationError || error instanceof NodeApiError).toBe(true);
		return error as NodeOperationError;
	}
	throw new Error('the run did not fail');
}

const pairs = (output: INodeExecutionData[]) => output.map(({ pairedItem }) => pairedItem);
const serverError = () =>
	new NodeApiError(
		{ name: 'Workfront' } as never,
		{ message: 'Internal error' },
		{
			httpCode: '500',
			message: 'Workfront: Internal error',
			description: 'Workfront failed.',
		},
	);

describe('grouping items into bulk requests', () => {
	test('consecutive items with the same key share a request; a lone item goes on its own', async () => {
		const { plan, sent } = recordingPlan({
			repeatable: true,
			keys: ['PROJ', 'PROJ', 'TASK', 'TASK', 'TASK', 'PROJ'],
		});
		const output = await run(6, plan);
		expect(sent).toEqual(['batch 0,1', 'batch 2,3,4', 'one 5']);
		expect(output.map(({ json }) => json.ID)).toEqual(['id0', 'id1', 'id2', 'id3', 'id4', 'id5']);
		expect(pairs(output)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	test('a key seen again later starts a new request: the items keep their order', async () => {
		const { plan, sent } = recordingPlan({ repeatable: true, keys: ['A', 'B', 'A', 'A'] });
		await run(4, plan);
		expect(sent).toEqual(['one 0', 'one 1', 'batch 2,3']);
	});

	test('no request holds more than the batch size', async () => {
		const { plan, batches, singles } = recordingPlan({ repeatable: false });
		const output = await run(7, plan, { batchSize: 3 });
		expect(batches.map(({ items }) => items)).toEqual([
			[0, 1, 2],
			[3, 4, 5],
		]);
		expect(singles).toEqual([6]);
		expect(output).toHaveLength(7);
	});

	test('batch size 1 sends every item on its own', async () => {
		const { plan, sent } = recordingPlan({ repeatable: false });
		await run(3, plan, { batchSize: 1 });
		expect(sent).toEqual(['one 0', 'one 1', 'one 2']);
	});

	test('Atomic is passed on to every bulk request', async () => {
		const { plan, batches } = recordingPlan({ repeatable: true });
		await run(4, plan, { batchSize: 2, atomic: true });
		expect(batches).toEqual([
			{ items: [0, 1], atomic: true },
			{ items: [2, 3], atomic: true },
		]);
	});

	test('no items: nothing is sent', async () => {
		const { plan, sent } = recordingPlan({ repeatable: true });
		expect(await run(0, plan)).toEqual([]);
		expect(sent).toEqual([]);
	});
});

describe('a failed non-atomic batch of a repeatable write (update, delete)', () => {
	test('is sent again one item at a time, each output item paired with its input', async () => {
		const { plan, sent } = recordingPlan({
			repeatable: true,
			batchFails: { items: [0], error: serverError() },
		});
		const output = await run(3, plan);
		expect(sent).toEqual(['batch 0,1,2', 'one 0', 'one 1', 'one 2']);
		expect(output.map(({ json }) => json.ID)).toEqual(['id0', 'id1', 'id2']);
		expect(pairs(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('with Continue On Fail only the item refused on its own fails', async () => {
		const { plan } = recordingPlan({
			repeatable: true,
			batchFails: { items: [0], error: serverError() },
			oneFails: [1],
		});
		const output = await run(3, plan, { continueOnFail: true });
		expect(output).toEqual([
			{ json: { ID: 'id0', name: 'n0' }, pairedItem: { item: 0 } },
			{ json: { error: 'Item 2 refused' }, pairedItem: { item: 1 } },
			{ json: { ID: 'id2', name: 'n2' }, pairedItem: { item: 2 } },
		]);
	});

	test('without Continue On Fail the item refused on its own stops the run, named', async () => {
		const { plan, sent } = recordingPlan({
			repeatable: true,
			batchFails: { items: [0], error: serverError() },
			oneFails: [1],
		});
		const error = await failure(run(3, plan));
		expect(error.message).toBe('Item 2 refused');
		expect(error.context.itemIndex).toBe(1);
		expect(sent).toEqual(['batch 0,1,2', 'one 0', 'one 1']);
	});

	test('an atomic one is not sent again: none of it was applied', async () => {
		const { plan, sent } = recordingPlan({
			repeatable: true,
			batchFails: { items: [0], error: serverError() },
		});
		const output = await run(2, plan, { atomic: true, continueOnFail: true });
		expect(sent).toEqual(['batch 0,1']);
		expect(output).toMatchObject(
			[0, 1].map((item) => ({
				json: {
					error: 'Workfront: Internal error',
					description:
						'Workfront failed. This item was sent together with items 1 to 2 in one request of 2. The request was atomic, so none of them was applied.',
				},
				pairedItem: { item },
			})),
		);
	});
});

describe('a failed batch of a create', () => {
	test('is never sent again; each item says it may have been applied', async () => {
		const { plan, sent } = recordingPlan({
			repeatable: false,
			batchFails: { items: [2], error: serverError() },
		});
		const output = await run(5, plan, { batchSize: 2, continueOnFail: true });
		expect(sent).toEqual(['batch 0,1', 'batch 2,3', 'one 4']);
		expect(output.map(({ json }) => json.ID ?? 'failed')).toEqual([
			'id0',
			'id1',
			'failed',
			'failed',
			'id4',
		]);
		expect(pairs(output)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		for (const { json } of output.slice(2, 4)) {
			expect(json.error).toBe('Workfront: Internal error');
			expect(json.description).toBe(
				'Workfront failed. This item was sent together with items 3 to 4 in one request of 2. Some of them may have been applied before the failure; they were not sent again, so that nothing is created twice. Check Workfront before running these items again.',
			);
		}
	});

	test('without Continue On Fail the run stops at the first item of the batch', async () => {
		const { plan, sent, singles } = recordingPlan({
			repeatable: false,
			batchFails: { items: [1], error: new Error('socket hang up') },
		});
		const error = await failure(run(3, plan));
		expect(sent).toEqual(['batch 0,1,2']);
		expect(singles).toEqual([]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('socket hang up');
		expect(error.context.itemIndex).toBe(0);
		expect(error.description).toMatch(
			/with items 1 to 3 in one request of 3\. Some of them may have been applied/,
		);
	});

	test.each(['429', '401'])(
		'HTTP %s: Workfront refused it before processing, so none of it was applied',
		async (httpCode) => {
			const refusal = new NodeApiError(
				{ name: 'Workfront' } as never,
				{ message: 'No' },
				{
					httpCode,
					message: 'Workfront refused the request',
					description: 'Wait and run again.',
				},
			);
			const { plan, singles } = recordingPlan({
				repeatable: false,
				batchFails: { items: [0], error: refusal },
			});
			const output = await run(2, plan, { continueOnFail: true });
			expect(singles).toEqual([]);
			expect(output[1].json.description).toBe(
				'Wait and run again. This item was sent together with items 1 to 2 in one request of 2. Workfront refused the request before processing it, so none of them was applied.',
			);
			// Workfront's status stays with every item of the batch.
			expect(output.map(({ json }) => json.httpCode)).toEqual([httpCode, httpCode]);
		},
	);

	test('an atomic one: none of it was applied', async () => {
		const { plan } = recordingPlan({
			repeatable: false,
			batchFails: { items: [0], error: serverError() },
		});
		const output = await run(3, plan, { atomic: true, continueOnFail: true });
		expect(output.map(({ json }) => json.description)).toEqual(
			Array(3).fill(
				'Workfront failed. This item was sent together with items 1 to 3 in one request of 3. The request was atomic, so none of them was applied.',
			),
		);
	});
});

describe('an item that cannot be prepared', () => {
	test('the items before it are sent first; with Continue On Fail it fails in its place', async () => {
		const { plan, sent } = recordingPlan({ repeatable: false, badItems: [2] });
		const output = await run(5, plan, { continueOnFail: true });
		expect(sent).toEqual(['batch 0,1', 'batch 3,4']);
		expect(output[2]).toEqual({
			json: { error: 'Item 3 has no name', description: 'Give it one.' },
			pairedItem: { item: 2 },
		});
		expect(pairs(output)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	test('without Continue On Fail it stops the run after the items before it were sent', async () => {
		const { plan, sent } = recordingPlan({ repeatable: false, badItems: [2] });
		const error = await failure(run(5, plan));
		expect(sent).toEqual(['batch 0,1']);
		expect(error.message).toBe('Item 3 has no name');
		expect(error.context.itemIndex).toBe(2);
	});
});

describe("a bulk answer that reports each item (Planning's 207)", () => {
	/** A plan whose bulk answer says, per item: done, refused, or nothing clear. */
	function answering(fates: Array<'done' | 'refused' | 'unclear'>, repeatable: boolean) {
		const recorded = recordingPlan({ repeatable });
		const resent: number[] = [];
		const plan: BatchPlan<Payload> = {
			...recorded.plan,
			sendBatch: async (entries) => {
				recorded.sent.push(`batch ${entries.map(({ itemIndex }) => itemIndex).join(',')}`);
				return entries.map(({ itemIndex }) =>
					fates[itemIndex] === 'done'
						? { ID: `id${itemIndex}` }
						: fates[itemIndex] === 'refused'
							? BatchItemNotDone.refused(new Error(`Item ${itemIndex + 1} refused by Workfront`))
							: BatchItemNotDone.unknown(`No result for item ${itemIndex + 1}`),
				);
			},
			resendOne: async ({ itemIndex }) => {
				resent.push(itemIndex);
				return { ID: `again${itemIndex}` };
			},
		};
		return { plan, sent: recorded.sent, resent };
	}

	test('each item its own outcome, paired; refused ones fail, unclear ones sent again alone when repeatable', async () => {
		const { plan, sent, resent } = answering(['done', 'refused', 'unclear', 'done'], true);
		const output = await run(4, plan, { continueOnFail: true });
		expect(sent).toEqual(['batch 0,1,2,3']);
		expect(resent).toEqual([2]);
		expect(output.map(({ json }) => json.ID ?? json.error)).toEqual([
			'id0',
			'Item 2 refused by Workfront',
			'again2',
			'id3',
		]);
		expect(pairs(output)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	test('not repeatable (a create): an unclear item fails as possibly applied, and nothing is sent again', async () => {
		const { plan, sent, resent } = answering(['unclear', 'done'], false);
		const output = await run(2, plan, { continueOnFail: true });
		expect(sent).toEqual(['batch 0,1']);
		expect(resent).toEqual([]);
		expect(output[0].json.error).toBe(
			'No result for item 1; this item may or may not have been applied',
		);
		expect(output[0].json.description).toContain('It was not sent again');
	});

	test('a whole failed batch of a repeatable write is sent again with resendOne', async () => {
		const { plan, resent } = answering(['done', 'done'], true);
		const failing: BatchPlan<Payload> = {
			...plan,
			sendBatch: async () => {
				throw serverError();
			},
		};
		await run(2, failing);
		expect(resent).toEqual([0, 1]);
	});
});

describe('expectOnePerEntry', () => {
	const context = () =>
		workfrontExecuteContext({ parameters: { resource: 'record', operation: 'create' } });

	test('a list of one record per item sent is taken as it is', () => {
		const answer: IDataObject[] = [{ ID: 'a' }, { ID: 'b' }];
		expect(expectOnePerEntry(context(), answer, 2)).toBe(answer);
	});

	test.each([
		[[{ ID: 'a' }], 'Workfront answered a bulk request of 2 with 1 records'],
		[{ success: true }, 'Workfront answered a bulk request of 2 with no list of records'],
	])('%p is refused: no output item may be paired with the wrong record', (answer, message) => {
		expect(() => expectOnePerEntry(context(), answer, 2)).toThrow(message);
	});
});
