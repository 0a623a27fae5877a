import type { IDataObject } from 'n8n-workflow';

/**
 * Output for an AI agent. n8n hands an agent only the JSON of a tool's items, all of it, as text
 * (n8n-core's tool invocation: `JSON.stringify` of output 0's JSON, with no truncation), so a large
 * answer fills the model's context. These shape it, as n8n's HTTP Request node shapes its answers
 * as a tool (its "Optimize Response": fields to include, selected or all but some, dot paths).
 */

export interface AgentShape {
	include: 'all' | 'selected' | 'except';
	/** Dot paths, e.g. `name`, `project.name`. */
	paths: string[];
}

function getPath(value: IDataObject, path: string[]): unknown {
	let current: unknown = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
			return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/**
 * Segments that would reach an object's prototype instead of a field: `JSON.parse` keeps
 * `"__proto__"` as an ordinary key, so an answer can hold it, and a path could walk from it into
 * `Object.prototype` (the paths may come from the agent, the answer from any server). No field of
 * a Workfront record has these names.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Writes own properties only: every step down is an object this function made. */
function setPath(target: IDataObject, path: string[], value: unknown): void {
	let current = target;
	for (const key of path.slice(0, -1)) {
		const next = Object.hasOwn(current, key) ? current[key] : undefined;
		if (next === null || typeof next !== 'object' || Array.isArray(next)) {
			Object.defineProperty(current, key, {
				value: {},
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		current = current[key] as IDataObject;
	}
	Object.defineProperty(current, path[path.length - 1], {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function deletePath(target: IDataObject, path: string[]): void {
	const parent = getPath(target, path.slice(0, -1));
	const key = path[path.length - 1];
	if (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key))
		delete (parent as IDataObject)[key];
}

/** The paths a Fields box holds: comma-separated, trimmed; none that could reach a prototype. */
export function agentPaths(text: string): string[] {
	return text
		.split(',')
		.map((path) => path.trim())
		.filter(Boolean)
		.filter((path) => !path.split('.').some((key) => PROTOTYPE_KEYS.has(key)));
}

/** One record with only the fields selected, or without the fields excepted. */
export function shapeRecord(record: IDataObject, shape: AgentShape): IDataObject {
	if (shape.include === 'all' || shape.paths.length === 0) return record;
	const paths = shape.paths.map((path) => path.split('.'));
	if (shape.include === 'selected') {
		const kept: IDataObject = {};
		for (const path of paths) {
			const value = getPath(record, path);
			if (value !== undefined) setPath(kept, path, value);
		}
		return kept;
	}
	const copy = structuredClone(record);
	for (const path of paths) deletePath(copy, path);
	return copy;
}
