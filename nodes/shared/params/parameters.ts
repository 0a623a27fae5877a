import {
	NodeOperationError,
	type IExecuteFunctions,
	type IGetNodeParameterOptions,
	type IHookFunctions,
	type INode,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { wholeNumberIn, wholeNumberRange } from '../core/limits';

/**
 * Whoever reads the node's parameters: a run of the Workfront node (per item) or a trigger, which
 * has one set of parameters and no items; a trigger's parameters are read as item 0's.
 */
export type ParameterContext =
	| IExecuteFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** A parameter as n8n resolves it for one item (expressions included). */
export function readParameter(
	context: ParameterContext,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): unknown {
	if ('getInputData' in context)
		return context.getNodeParameter(name, itemIndex, fallback, options);
	return context.getNodeParameter(name, fallback, options);
}

/**
 * The one way bad input is reported: which item, what is wrong (`message`, naming the field) and
 * how to fix it (`description`). Without an item index, the error is about the node's settings.
 */
export function failItem(
	context: { getNode(): INode },
	itemIndex: number | undefined,
	message: string,
	description: string,
): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

export interface WholeNumberRule {
	/** As the panel shows the field, e.g. "Batch Size". */
	label: string;
	min: number;
	max?: number;
	fallback: number;
	/** How to fix it, shown under the error. */
	advice: string;
}

/**
 * A numeric parameter that must be a whole number within a range. `itemIndex` undefined reads a
 * setting of the whole run (item 0's value) and reports it without an item.
 */
export function readWholeNumber(
	context: ParameterContext,
	name: string,
	itemIndex: number | undefined,
	rule: WholeNumberRule,
): number {
	const raw = readParameter(context, name, itemIndex ?? 0, rule.fallback);
	const number = wholeNumberIn(raw, rule.min, rule.max);
	if (number !== undefined) return number;
	return failItem(
		context,
		itemIndex,
		`${rule.label} must be a whole number ${wholeNumberRange(rule.min, rule.max)} (it is ${String(raw)})`,
		rule.advice,
	);
}
