import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { pairBulkResults, type BulkOutcome } from '../core/planning';
import { planningHint } from '../transport/planningErrors';
import { BatchItemNotDone, type BatchEntry } from './batches';

type Success = Extract<BulkOutcome, { kind: 'success' }>;

/**
 * A Planning bulk answer (201, 200 or 207 Multi-Status: SPEC `RecordBulkResponseDto`) as one
 * result per item sent, paired by `requestIndex` (core/planning.ts pairBulkResults): the item's
 * output for a success, the item's own error for a refusal, and "not known" for an item the answer
 * says nothing clear about, which runInBatches sends again alone only when that is harmless.
 */
export function planningBulkResults<P>(
	context: IExecuteFunctions,
	answer: unknown,
	entries: Array<BatchEntry<P>>,
	output: (success: Success, entry: BatchEntry<P>) => IDataObject,
): Array<IDataObject | BatchItemNotDone> {
	const first = entries[0].itemIndex + 1;
	const last = entries[entries.length - 1].itemIndex + 1;
	return pairBulkResults(answer, entries.length).map((outcome, index) => {
		const entry = entries[index];
		if (outcome.kind === 'success') return output(outcome, entry);
		if (outcome.kind === 'unknown') return BatchItemNotDone.unknown(outcome.reason);
		const description = [
			outcome.code ? `${outcome.code}.` : '',
			planningHint(outcome.code, 0) ?? '',
			`This item was sent together with items ${first} to ${last} in one request of ${entries.length}; Workfront Planning refused this one, so nothing of it was applied, and applied the others it reports as done.`,
		]
			.filter(Boolean)
			.join(' ');
		return BatchItemNotDone.refused(
			new NodeApiError(
				context.getNode(),
				{ errorCode: outcome.code ?? null, message: outcome.message } as JsonObject,
				{
					message: `Workfront Planning: ${outcome.message}`,
					description,
					itemIndex: entry.itemIndex,
				},
			),
		);
	});
}
