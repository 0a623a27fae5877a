import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { BatchItemNotDone, type BatchEntry } from '../../../../../nodes/shared/execution/batches';
import { planningBulkResults } from '../../../../../nodes/shared/execution/planningBulk';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

/**
 * A Planning bulk answer as one result per item sent. How the answer's results are paired with
 * the items (requestIndex, duplicates, missing ones) is core/planning.ts's pairBulkResults
 * (test/unit/nodes/shared/core/planning.test.ts); what runInBatches then does with each result,
 * and the node's output for 207 answers of every kind, is in
 * test/integration/nodes/Workfront/actions/planningRecord/ (create, update, delete and
 * bulk.properties). Here: what each outcome becomes, and the error a refused item carries.
 */

const context = workfrontExecuteContext({
	parameters: { resource: 'planningRecord', operation: 'create' },
});

/** Items 3, 4 and 5 of the run (indexes 2 to 4), sent together. */
const entries: Array<BatchEntry<string>> = [2, 3, 4].map((itemIndex) => ({
	itemIndex,
	payload: `payload ${itemIndex}`,
}));

const output = (success: { id?: string; record?: IDataObject }, entry: BatchEntry<string>) => ({
	id: success.id ?? null,
	record: success.record ?? null,
	from: entry.payload,
});

function refusedError(result: IDataObject | BatchItemNotDone): NodeApiError {
	expect(result).toBeInstanceOf(BatchItemNotDone);
	const notDone = result as BatchItemNotDone;
	expect(notDone.unknown).toBeUndefined();
	expect(notDone.error).toBeInstanceOf(NodeApiError);
	return notDone.error as NodeApiError;
}

describe('planningBulkResults', () => {
	test('each success is the output of its own entry, in the order sent', () => {
		const results = planningBulkResults(
			context,
			{
				results: [
					{ requestIndex: 2, status: 'success', id: 'Rc3', record: { id: 'Rc3' } },
					{ requestIndex: 0, status: 'success', id: 'Rc1', record: { id: 'Rc1' } },
					{ requestIndex: 1, status: 'success', id: 'Rc2' },
				],
			},
			entries,
			output,
		);
		expect(results).toEqual([
			{ id: 'Rc1', record: { id: 'Rc1' }, from: 'payload 2' },
			{ id: 'Rc2', record: null, from: 'payload 3' },
			{ id: 'Rc3', record: { id: 'Rc3' }, from: 'payload 4' },
		]);
	});

	test("a refused item: a NodeApiError of that item with Adobe's words, code, hint and its batch", () => {
		const [, refused] = planningBulkResults(
			context,
			{
				results: [
					{ requestIndex: 0, status: 'success', id: 'Rc1' },
					{
						requestIndex: 1,
						status: 'error',
						error: {
							code: 'ENTITY_WITH_ATTRIBUTE_NOT_FOUND',
							message: "Record with ID 'Rc9' was not found.",
						},
					},
					{ requestIndex: 2, status: 'success', id: 'Rc3' },
				],
			},
			entries,
			output,
		);
		const error = refusedError(refused);
		expect(error.message).toBe("Workfront Planning: Record with ID 'Rc9' was not found.");
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toMatch(
			/^ENTITY_WITH_ATTRIBUTE_NOT_FOUND\. Nothing with this ID exists/,
		);
		expect(error.description).toContain(
			'This item was sent together with items 3 to 5 in one request of 3; Workfront Planning refused this one, so nothing of it was applied, and applied the others it reports as done.',
		);
		expect(error.errorResponse).toMatchObject({
			errorCode: 'ENTITY_WITH_ATTRIBUTE_NOT_FOUND',
			message: "Record with ID 'Rc9' was not found.",
		});
	});

	test('a refusal without a code or a message still says what happened, with no stray words', () => {
		const [refused] = planningBulkResults(
			context,
			{
				results: [
					{ requestIndex: 0, status: 'error' },
					{ requestIndex: 1, status: 'success' },
				],
			},
			entries.slice(0, 2),
			output,
		);
		const error = refusedError(refused);
		expect(error.message).toBe('Workfront Planning: Workfront Planning refused this item');
		expect(error.description).toBe(
			'This item was sent together with items 3 to 4 in one request of 2; Workfront Planning refused this one, so nothing of it was applied, and applied the others it reports as done.',
		);
	});

	test('an item the answer says nothing clear about is of unknown fate, with the reason', () => {
		const results = planningBulkResults(
			context,
			{
				results: [
					{ requestIndex: 0, status: 'success', id: 'Rc1' },
					{ requestIndex: 2, status: 'pending' },
				],
			},
			entries,
			output,
		);
		expect(results[0]).toEqual({ id: 'Rc1', record: null, from: 'payload 2' });
		for (const [index, reason] of [
			[1, 'Workfront Planning gave no result for this item in its bulk answer'],
			[2, 'Workfront Planning answered this item with the status "pending"'],
		] as const) {
			expect(results[index]).toBeInstanceOf(BatchItemNotDone);
			expect(results[index]).toMatchObject({ error: undefined, unknown: reason });
		}
	});

	test('output is called for successes only', () => {
		const called: string[] = [];
		planningBulkResults(
			context,
			{
				results: [
					{ requestIndex: 0, status: 'error', error: { message: 'no' } },
					{ requestIndex: 1, status: 'success' },
				],
			},
			entries.slice(0, 2),
			(_, entry) => {
				called.push(entry.payload);
				return {};
			},
		);
		expect(called).toEqual(['payload 3']);
	});
});
