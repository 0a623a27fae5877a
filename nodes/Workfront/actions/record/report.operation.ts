import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { readFilterQuery } from '../../../shared/params/filterQuery';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import type { QueryParams } from '../../../shared/transport/connection';
import { workfrontRequest } from '../../../shared/transport/request';
import { fieldPicker, optionsCollection } from '../../../shared/descriptions/common.description';
import {
	filterProperties,
	rawFilterOption,
} from '../../../shared/descriptions/filters.description';
import { failItem } from '../../../shared/params/parameters';

const FUNCTIONS = [
	{ name: 'Sum', value: 'sum' },
	{ name: 'Average', value: 'avg' },
	{ name: 'Minimum', value: 'min' },
	{ name: 'Maximum', value: 'max' },
	{ name: 'Count', value: 'count' },
	{ name: 'Count Distinct', value: 'dcount' },
	{ name: 'Standard Deviation', value: 'std' },
	{ name: 'Variance', value: 'var' },
];

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['report'] },
	[
		{
			displayName: 'Group By',
			name: 'groupBy',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Group-By Field',
			default: {},
			description:
				'Fields to group by, outermost first; without any, one total over all matching records',
			options: [
				{
					displayName: 'Group By',
					name: 'field',
					values: [
						fieldPicker(
							'The field to group by: a field of the object, a referenced field (project:name) or a custom field (DE:&lt;name&gt;).',
						),
					],
				},
			],
		},
		{
			displayName: 'Aggregates',
			name: 'aggregates',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Aggregate',
			default: { aggregate: [{ function: 'count', field: 'ID' }] },
			options: [
				{
					displayName: 'Aggregate',
					name: 'aggregate',
					values: [
						{
							displayName: 'Function',
							name: 'function',
							type: 'options',
							default: 'sum',
							options: FUNCTIONS,
						},
						fieldPicker('The field to aggregate, e.g. hours, or ID to count records.'),
					],
				},
			],
		},
		...filterProperties,
		optionsCollection([
			rawFilterOption,
			{
				displayName: 'Include Total',
				name: 'rollup',
				type: 'boolean',
				default: false,
				description: 'Whether to add a last item with the aggregates over all groups ($$ROLLUP)',
			},
		]),
	],
);

function readReportQuery(
	context: IExecuteFunctions,
	itemIndex: number,
): { query: QueryParams; groupBy: string[] } {
	const fail = (message: string, description: string): never =>
		failItem(context, itemIndex, message, description);
	const groupBy = (
		(context.getNodeParameter('groupBy.field', itemIndex, []) as Array<{ field?: string }>) ?? []
	).map(
		(row, index) =>
			String(row.field ?? '').trim() ||
			fail(
				`Group By ${index + 1}: Field is empty`,
				'Enter a field, e.g. project:name, or remove the row.',
			),
	);
	const aggregates =
		(context.getNodeParameter('aggregates.aggregate', itemIndex, []) as Array<{
			function?: string;
			field?: string;
		}>) ?? [];
	if (aggregates.length === 0)
		fail('Add at least one aggregate', 'For example Sum of hours, or Count of ID.');
	const query: QueryParams = groupBy.map((field, index): [string, string] => [
		`${field}_${index + 1}_GroupBy`,
		'true',
	]);
	const used = new Set<string>();
	aggregates.forEach((row, index) => {
		const field = String(row.field ?? '').trim();
		if (field === '')
			fail(
				`Aggregate ${index + 1}: Field is empty`,
				'Enter the field to aggregate, e.g. hours (ID for counts).',
			);
		if (used.has(field)) {
			fail(
				`Aggregate ${index + 1}: ${field} is aggregated twice`,
				'Workfront takes one aggregate function per field in a report.',
			);
		}
		used.add(field);
		query.push([`${field}_AggFunc`, row.function ?? 'sum']);
	});
	if (context.getNodeParameter('options.rollup', itemIndex, false))
		query.push(['$$ROLLUP', 'true']);
	return { query: [...readFilterQuery(context, itemIndex), ...query], groupBy };
}

/** Workfront answers `{"<group value>": {...}}`; the node gives one item per group instead, the total last. */
function toItems(answer: unknown, groupBy: string[]): IDataObject[] {
	if (!answer || typeof answer !== 'object') return [];
	const items: IDataObject[] = [];
	let total: IDataObject | undefined;
	for (const [key, value] of Object.entries(answer as Record<string, unknown>)) {
		const group: IDataObject =
			value && typeof value === 'object'
				? { ...(value as IDataObject) }
				: { value: value as IDataObject[string] };
		if (key === '$$ROLLUP') {
			total = { total: true, ...group };
			continue;
		}
		if (groupBy.length === 1 && !(groupBy[0] in group)) group[groupBy[0]] = key;
		items.push(group);
	}
	return total ? [...items, total] : items;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const { query, groupBy } = readReportQuery(this, itemIndex);
		const answer = await workfrontRequest(this, {
			method: 'GET',
			path: `${encodeURIComponent(objCode)}/report`,
			query,
			itemIndex,
		});
		return toItems(answer, groupBy);
	});
}
