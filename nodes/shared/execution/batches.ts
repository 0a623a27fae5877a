import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { BatchSettings } from '../params/sizes';
import { nothingApplied } from '../core/retryPolicy';
import { asItemError, errorItem } from './perItem';

export interface BatchEntry<P> {
	itemIndex: number;
	payload: P;
}

/**
 * An item of a bulk request that its answer does not report as done (Workfront Planning's 207
 * Multi-Status answers say so item by item): refused (`error`, the item was not applied), or of
 * unknown fate (`unknown`, why: it may have been applied).
 */
export class BatchItemNotDone {
	private constructor(
		readonly error: unknown,
		readonly unknown: string | undefined,
	) {}

	/** The answer refused this item: nothing of it was applied. */
	static refused(error: unknown): BatchItemNotDone {
		return new BatchItemNotDone(error, undefined);
	}

	/** The answer does not say what became of this item. */
	static unknown(why: string): BatchItemNotDone {
		return new BatchItemNotDone(undefined, why);
	}
}

/** How one write operation is sent in bulk, and what a failed bulk request means for its items. */
export interface BatchPlan<P> {
	/** Reads and checks one item; items with the same key can share a request. Throws for a bad item. */
	prepare(itemIndex: number): Promise<{ key: string; payload: P }>;
	/**
	 * One request for the whole batch; returns one result per entry, in order: the item's output,
	 * or what the answer says of an item it did not do.
	 */
	sendBatch(
		entries: Array<BatchEntry<P>>,
		atomic: boolean,
	): Promise<Array<IDataObject | BatchItemNotDone>>;
	sendOne(entry: BatchEntry<P>): Promise<IDataObject>;
	/**
	 * Sends again, alone, an item of a bulk request that may have been applied (only for
	 * repeatable writes); sendOne when not given. A delete that finds the record gone then knows
	 * the bulk request deleted it.
	 */
	resendOne?(entry: BatchEntry<P>): Promise<IDataObject>;
	/**
	 * Whether the items of a failed non-atomic batch may simply be sent again one by one. True for
	 * writes that give the same result when repeated (update, delete); false for creates, which
	 * could then be created twice. Per item when it depends on what the item sends (an update that
	 * adds to a list is not repeatable, one that replaces values is).
	 */
	repeatable: boolean | ((entry: BatchEntry<P>) => boolean);
}

/** Workfront refused the whole request before doing anything: nothing of the batch was applied. */
function refusedBeforeProcessing(error: unknown): boolean {
	return error instanceof NodeApiError && nothingApplied(Number(error.httpCode));
}

function batchFailure(
	context: IExecuteFunctions,
	error: unknown,
	entries: Array<BatchEntry<unknown>>,
	entry: BatchEntry<unknown>,
	atomic: boolean,
): NodeApiError | NodeOperationError {
	const original = asItemError(context, error, entry.itemIndex);
	const first = entries[0].itemIndex + 1;
	const last = entries[entries.length - 1].itemIndex + 1;
	const together = `This item was sent together with items ${first} to ${last} in one request of ${entries.length}`;
	const outcome = atomic
		? 'The request was atomic, so none of them was applied.'
		: refusedBeforeProcessing(error)
			? 'Workfront refused the request before processing it, so none of them was applied.'
			: 'Some of them may have been applied before the failure; they were not sent again, so that nothing is created twice. Check Workfront before running these items again.';
	const options = {
		message: original.message,
		itemIndex: entry.itemIndex,
		description: [original.description, `${together}. ${outcome}`].filter(Boolean).join(' '),
	};
	// Workfront's answer keeps its status (a Continue On Fail item shows it); each item gets its own
	// error, since each names its own item.
	if (original instanceof NodeApiError) {
		return new NodeApiError(context.getNode(), { httpCode: original.httpCode } as JsonObject, {
			...options,
			httpCode: original.httpCode ?? undefined,
		});
	}
	return new NodeOperationError(context.getNode(), options.message, options);
}

/** An item the bulk answer left in doubt, of a write that must not be sent twice. */
function unknownFate(
	context: IExecuteFunctions,
	why: string,
	entries: Array<BatchEntry<unknown>>,
	entry: BatchEntry<unknown>,
): NodeOperationError {
	const first = entries[0].itemIndex + 1;
	const last = entries[entries.length - 1].itemIndex + 1;
	return new NodeOperationError(
		context.getNode(),
		`${why}; this item may or may not have been applied`,
		{
			itemIndex: entry.itemIndex,
			description: `This item was sent together with items ${first} to ${last} in one request of ${entries.length}, and the answer does not say what became of it. It was not sent again, so that nothing is created twice. Check Workfront before running this item again.`,
		},
	);
}

/**
 * Runs a write operation in bulk requests of up to `batchSize` items. Every output item stays
 * paired with its input item. A failed batch never leads to a blind retry: repeatable writes are
 * sent again one by one; for the others each item of the batch says what is known of its fate.
 * With Continue On Fail only the items concerned fail.
 */
export async function runInBatches<P>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: BatchPlan<P>,
	settings: BatchSettings,
): Promise<INodeExecutionData[]> {
	const outputs: Array<INodeExecutionData | undefined> = new Array(items.length);
	const continueOnFail = context.continueOnFail();
	let pending: Array<BatchEntry<P>> = [];
	let pendingKey = '';

	const fail = (error: NodeApiError | NodeOperationError, itemIndex: number) => {
		if (!continueOnFail) throw error;
		outputs[itemIndex] = errorItem(error, itemIndex);
	};
	const succeed = (json: IDataObject, itemIndex: number) => {
		outputs[itemIndex] = { json, pairedItem: { item: itemIndex } };
	};
	const sendEach = async (entries: Array<BatchEntry<P>>, again = false) => {
		const send = again && plan.resendOne ? plan.resendOne : plan.sendOne;
		for (const entry of entries) {
			try {
				succeed(await send(entry), entry.itemIndex);
			} catch (error) {
				fail(asItemError(context, error, entry.itemIndex), entry.itemIndex);
			}
		}
	};
	const repeatable = (entry: BatchEntry<P>) =>
		typeof plan.repeatable === 'function' ? plan.repeatable(entry) : plan.repeatable;
	const flush = async () => {
		const entries = pending;
		pending = [];
		if (entries.length === 0) return;
		if (entries.length === 1) return await sendEach(entries);
		let results: Array<IDataObject | BatchItemNotDone>;
		try {
			results = await plan.sendBatch(entries, settings.atomic);
		} catch (error) {
			const again = settings.atomic ? [] : entries.filter(repeatable);
			for (const entry of entries)
				if (!again.includes(entry))
					fail(batchFailure(context, error, entries, entry, settings.atomic), entry.itemIndex);
			if (again.length > 0) await sendEach(again, true);
			return;
		}
		// Items the answer refused fail; items it left in doubt are sent again one by one only when
		// repeating is harmless, else they fail saying so. Nothing else is ever sent twice.
		const again: Array<BatchEntry<P>> = [];
		entries.forEach((entry, index) => {
			const result = results[index];
			if (!(result instanceof BatchItemNotDone)) return succeed(result, entry.itemIndex);
			if (result.unknown === undefined)
				return fail(asItemError(context, result.error, entry.itemIndex), entry.itemIndex);
			if (repeatable(entry)) return again.push(entry);
			fail(unknownFate(context, result.unknown, entries, entry), entry.itemIndex);
		});
		if (again.length > 0) await sendEach(again, true);
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
		let prepared: { key: string; payload: P };
		try {
			prepared = await plan.prepare(itemIndex);
		} catch (error) {
			// Items before this one are sent first, as they would be one by one.
			await flush();
			fail(asItemError(context, error, itemIndex), itemIndex);
			continue;
		}
		if (pending.length > 0 && (prepared.key !== pendingKey || pending.length >= settings.batchSize))
			await flush();
		pendingKey = prepared.key;
		pending.push({ itemIndex, payload: prepared.payload });
	}
	await flush();
	return outputs.filter((output): output is INodeExecutionData => output !== undefined);
}

/** Checks that a bulk answer has one record per item sent, so no output item is paired with the wrong record. */
export function expectOnePerEntry(
	context: IExecuteFunctions,
	answer: unknown,
	count: number,
): IDataObject[] {
	if (Array.isArray(answer) && answer.length === count) return answer as IDataObject[];
	throw new NodeOperationError(
		context.getNode(),
		`Workfront answered a bulk request of ${count} with ${Array.isArray(answer) ? answer.length : 'no list of'} records`,
		{
			description:
				'The outcome of each item is unknown; check Workfront before running them again.',
		},
	);
}
