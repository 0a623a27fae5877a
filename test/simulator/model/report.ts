import type { RequestParams } from './params';
import { resolvePath } from './paths';
import type { ObjectSpec } from './schema';
import { invalidParameter, type ObjectStore, type WfRecord } from './store';

const FUNCTIONS = ['max', 'min', 'avg', 'sum', 'count', 'std', 'var'];

interface Aggregate {
	field: string;
	fn: string;
}

function parseReport(params: RequestParams): { groupBy: string[]; aggregates: Aggregate[] } {
	const groups: Array<{ field: string; order: number }> = [];
	const aggregates: Aggregate[] = [];
	for (const [key, value] of params.entries) {
		const group = /^(.+?)(?:_(\d+))?_GroupBy$/.exec(key);
		if (group && value.toLowerCase() === 'true')
			groups.push({ field: group[1], order: Number(group[2] ?? 0) });
		const aggregate = /^(.+?)(?:_(\d+))?_AggFunc$/.exec(key);
		if (aggregate) {
			const fn = value.toLowerCase();
			const base = fn.startsWith('d') && FUNCTIONS.includes(fn.slice(1)) ? fn.slice(1) : fn;
			if (!FUNCTIONS.includes(base))
				throw invalidParameter(`Unknown aggregate function ${value} for ${aggregate[1]}`);
			aggregates.push({ field: aggregate[1], fn });
		}
	}
	return {
		groupBy: groups.sort((a, b) => a.order - b.order).map(({ field }) => field),
		aggregates,
	};
}

function aggregate(values: unknown[], fn: string): number {
	const distinct = fn.startsWith('d');
	const base = distinct ? fn.slice(1) : fn;
	let list: unknown[] = values.filter((value) => value !== null && value !== undefined);
	if (distinct)
		list = [...new Set(list.map((value) => JSON.stringify(value)))].map((value): unknown =>
			JSON.parse(value),
		);
	if (base === 'count') return list.length;
	const numbers = list.map(Number).filter((number) => Number.isFinite(number));
	if (numbers.length === 0) return 0;
	const sum = numbers.reduce((total, number) => total + number, 0);
	const mean = sum / numbers.length;
	const variance =
		numbers.reduce((total, number) => total + (number - mean) ** 2, 0) / numbers.length;
	const results: Record<string, number> = {
		sum,
		avg: mean,
		max: Math.max(...numbers),
		min: Math.min(...numbers),
		var: variance,
		std: Math.sqrt(variance),
	};
	return results[base];
}

/**
 * GET /<obj>/report: `{"<group value>": {"<groupField>": value, "<fn>_<field>": n}}`, with the
 * group values of several levels joined by ' | ', and "$$ROLLUP" for the grand total.
 */
export function runReport(
	store: ObjectStore,
	spec: ObjectSpec,
	records: WfRecord[],
	params: RequestParams,
	version: string,
): Record<string, Record<string, unknown>> {
	const { groupBy, aggregates } = parseReport(params);
	if (aggregates.length === 0)
		throw invalidParameter('A report needs at least one <field>_AggFunc parameter');
	const value = (record: WfRecord, path: string) =>
		resolvePath(store, spec, [record], path, version).values[0] ?? null;
	const groups = new Map<string, { keys: Record<string, unknown>; members: WfRecord[] }>();
	for (const record of records) {
		const keys = Object.fromEntries(groupBy.map((path) => [path, value(record, path)]));
		const label = groupBy.map((path) => String(keys[path])).join(' | ') || '$$ALL';
		const group = groups.get(label) ?? { keys, members: [] };
		group.members.push(record);
		groups.set(label, group);
	}
	const summarise = (members: WfRecord[]) =>
		Object.fromEntries(
			aggregates.map(({ field, fn }) => [
				`${fn}_${field}`,
				aggregate(
					members.map((member) => value(member, field)),
					fn,
				),
			]),
		);
	const result: Record<string, Record<string, unknown>> = {};
	for (const [label, group] of groups)
		result[label] = { ...group.keys, ...summarise(group.members) };
	if (params.flag('$$ROLLUP')) result.$$ROLLUP = summarise(records);
	return result;
}
