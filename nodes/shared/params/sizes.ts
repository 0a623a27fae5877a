import {
	DEFAULT_CONCURRENCY,
	MAX_BATCH_SIZE,
	MAX_CONCURRENCY,
	PLANNING_MAX_BATCH_SIZE,
} from '../core/limits';
import { readParameter, readWholeNumber, type ParameterContext } from './parameters';

/** How many records to read: undefined for Return All, else a checked Limit. */
export function readLimit(context: ParameterContext, itemIndex: number): number | undefined {
	if (readParameter(context, 'returnAll', itemIndex, false)) return undefined;
	return readWholeNumber(context, 'limit', itemIndex, {
		label: 'Limit',
		min: 1,
		fallback: 50,
		advice: 'Enter how many records to return, or turn on Return All.',
	});
}

/** How many pages of a Return All are read at once. */
export function readConcurrency(context: ParameterContext, itemIndex: number): number {
	return readWholeNumber(context, 'options.concurrency', itemIndex, {
		label: 'Concurrency',
		min: 1,
		max: MAX_CONCURRENCY,
		fallback: DEFAULT_CONCURRENCY,
		advice: `Workfront limits concurrent requests per organisation (it documented ${MAX_CONCURRENCY}); ${DEFAULT_CONCURRENCY} leaves room for other integrations.`,
	});
}

export interface BatchSettings {
	batchSize: number;
	atomic: boolean;
}

/** The Batch Size and Atomic options of a write operation, checked: settings of the whole run. */
export function readBatchSettings(context: ParameterContext): BatchSettings {
	const batchSize = readWholeNumber(context, 'options.batchSize', undefined, {
		label: 'Batch Size',
		min: 1,
		max: MAX_BATCH_SIZE,
		fallback: MAX_BATCH_SIZE,
		advice: `Workfront takes at most ${MAX_BATCH_SIZE} records in one request; 1 sends every item on its own.`,
	});
	return { batchSize, atomic: Boolean(readParameter(context, 'options.atomic', 0, false)) };
}

/** Batch Size of a Planning bulk write: up to Planning's 100 records a request. */
export function readPlanningBatchSize(context: ParameterContext): number {
	return readWholeNumber(context, 'options.batchSize', undefined, {
		label: 'Batch Size',
		min: 1,
		max: PLANNING_MAX_BATCH_SIZE,
		fallback: PLANNING_MAX_BATCH_SIZE,
		advice: `Workfront Planning takes at most ${PLANNING_MAX_BATCH_SIZE} records in one bulk request; 1 sends every item on its own.`,
	});
}
