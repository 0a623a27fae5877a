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

function setPath(target: IDataObject, path: string[], value: unknown): void {
	let current = target;
	for (const key of path.slice(0, -1)) {
		const next = current[key];
		if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[path[path.length - 1]] = value as IDataObject[string];
}

function deletePath(target: IDataObject, path: string[]): void {
	const parent = getPath(target, path.slice(0, -1));
	if (parent !== null && typeof parent === 'object')
		delete (parent as IDataObject)[path[path.length - 1]];
}

/** The paths a Fields box holds: comma-separated, trimmed, dot paths split. */
export function agentPaths(text: string): string[] {
	return text
		.split(',')
		.map((path) => path.trim())
		.filter(Boolean);
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
