import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { returnAllOrLimitProperties } from '../../../shared/descriptions/returnAllOrLimit';
import { readFilterQuery, readSortQuery } from '../../../shared/params/filterQuery';
import { readObjectCode } from '../../../shared/params/objectCode';
import { forEachItem } from '../../../shared/execution/perItem';
import { readReturnFields } from '../../../shared/params/returnFields';
import { searchAll } from '../../../shared/transport/paging';
import {
	filterProperties,
	rawFilterOption,
	sortOption,
} from '../../../shared/descriptions/filters.description';
import {
	returnFieldsOption,
	optionsCollection,
} from '../../../shared/descriptions/common.description';
import { readLimit, readConcurrency } from '../../../shared/params/sizes';
import {
	AGENT_RECORDS,
	DEFAULT_CONCURRENCY,
	MAX_CONCURRENCY,
	MAX_PAGE_SIZE,
} from '../../../shared/core/limits';
import { agentPaths, shapeRecord, type AgentShape } from '../../../shared/execution/toolOutput';
import { readWholeNumber } from '../../../shared/params/parameters';

/** Shown only when the node is an AI agent's tool (n8n's `@tool` condition, as HTTP Request's). */
const asTool = { '@tool': [true] };
const DEFAULT_AGENT_RECORDS = AGENT_RECORDS.default;

/**
 * What the agent gets: n8n passes a tool's whole answer to the model, so Get Many as a tool keeps
 * its answer small: at most Max Records for the Agent, and only the fields it needs.
 */
const agentProperties: INodeProperties[] = [
	{
		displayName: 'Max Records for the Agent',
		name: 'agentMaxRecords',
		type: 'number',
		typeOptions: { minValue: AGENT_RECORDS.min, maxValue: AGENT_RECORDS.max },
		default: DEFAULT_AGENT_RECORDS,
		description:
			'At most this many records go to the agent, whatever Limit or Return All say; when more match, a last item tells the agent so (narrow the filters to see the others)',
		displayOptions: { show: asTool },
	},
	{
		displayName: 'Fields to Include for the Agent',
		name: 'agentFieldsToInclude',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Every field Workfront returned' },
			{ name: 'Selected', value: 'selected', description: 'Only the fields listed' },
			{ name: 'All Except', value: 'except', description: 'Every field but those listed' },
		],
		displayOptions: { show: asTool },
	},
	{
		displayName: 'Fields',
		name: 'agentFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. ID, name, status, project.name',
		description: 'Comma-separated field names; a dot reaches into a referenced record',
		displayOptions: { show: { ...asTool, agentFieldsToInclude: ['selected', 'except'] } },
	},
];

/** The agent's cap and shape; undefined when the node is not a tool (the parameters are hidden). */
function readAgentOutput(
	context: IExecuteFunctions,
	itemIndex: number,
): { max: number; shape: AgentShape } | undefined {
	const include = context.getNodeParameter('agentFieldsToInclude', itemIndex, '') as string;
	if (include === '') return undefined;
	return {
		max: readWholeNumber(context, 'agentMaxRecords', itemIndex, {
			label: 'Max Records for the Agent',
			min: AGENT_RECORDS.min,
			max: AGENT_RECORDS.max,
			fallback: AGENT_RECORDS.default,
			advice: `Enter how many records the agent may get at most (${AGENT_RECORDS.default} by default).`,
		}),
		shape: {
			include: include as AgentShape['include'],
			paths: agentPaths(String(context.getNodeParameter('agentFields', itemIndex, '') ?? '')),
		},
	};
}

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['record'], operation: ['getMany'] },
	[
		...returnAllOrLimitProperties,
		...filterProperties,
		optionsCollection([
			returnFieldsOption,
			rawFilterOption,
			sortOption,
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_CONCURRENCY,
				description: `How many pages of ${MAX_PAGE_SIZE.toLocaleString('en-US')} to read at the same time when more than one is needed. Workfront limits concurrent requests per organisation; the default leaves room for other integrations.`,
			},
		]),
		...agentProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const objCode = readObjectCode(this, itemIndex);
		const agent = readAgentOutput(this, itemIndex);
		const limit = readLimit(this, itemIndex);
		const records = await searchAll(this, {
			objCode,
			filters: readFilterQuery(this, itemIndex),
			shape: [
				...readSortQuery(this, itemIndex),
				...(await readReturnFields(this, itemIndex, objCode)),
			],
			// For an agent, one record more than it gets tells whether more matched.
			limit: agent ? Math.min(limit ?? Number.POSITIVE_INFINITY, agent.max + 1) : limit,
			itemIndex,
			concurrency: readConcurrency(this, itemIndex),
		});
		if (!agent) return records;
		const shaped = records.slice(0, agent.max).map((record) => shapeRecord(record, agent.shape));
		return records.length > agent.max && (limit === undefined || limit > agent.max)
			? [
					...shaped,
					{
						note: `More than ${agent.max} records match; these are the first ${agent.max}. Narrow the filters to find the others.`,
					},
				]
			: shaped;
	});
}
