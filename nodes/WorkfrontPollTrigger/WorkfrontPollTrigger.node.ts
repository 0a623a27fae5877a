import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { outputsIsoDates, toIsoDates } from '../shared/core/dates';
import { filterProperties, rawFilterOption } from '../shared/descriptions/filters.description';
import {
	objectTypeProperties,
	returnFieldsOption,
} from '../shared/descriptions/common.description';
import { readFilterQuery } from '../shared/params/filterQuery';
import { readObjectCode } from '../shared/params/objectCode';
import { readReturnFields } from '../shared/params/returnFields';
import { nameOf, objectTypeName } from '../shared/descriptions/subtitle';
import { listSearch, loadOptions } from '../shared/methods';
import { searchAll } from '../shared/transport/paging';
import { getWatchableFields } from './methods';
import { pollWatchedFields } from './watchPoll';
import {
	dateFieldFor,
	LOOKBACK_MS,
	readCursor,
	takeNew,
	type PollCursor,
	type PollEvent,
} from './pollCursor';
import { authenticationProperty } from '../shared/descriptions/authentication.description';

/** Version 2 outputs ISO 8601 dates; the cursor reads the records before, in either form. */
function isoDatesFor(context: IPollFunctions, records: IDataObject[]): IDataObject[] {
	return outputsIsoDates(context.getNode().typeVersion) ? toIsoDates(records) : records;
}

export class WorkfrontPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Workfront Poll Trigger',
		name: 'workfrontPollTrigger',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['trigger'],
		// 2: dates output as ISO 8601 (see the Workfront node); saved triggers keep 1.
		version: [1, 2],
		// "Created or Updated: Project" on the canvas, not createdOrUpdated: PROJ.
		subtitle: `={{ ${nameOf('$parameter["event"]', { created: 'Created', createdOrUpdated: 'Created or Updated', fieldChanged: 'Field Changed', updated: 'Updated' })} + ": " + ${objectTypeName} }}`,
		description:
			'Starts the workflow with Workfront records created, updated or with a watched field changed since the last poll (no inbound access to n8n needed)',
		defaults: { name: 'Workfront Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'workfrontJwtApi',
				required: true,
				displayOptions: { show: { authentication: ['jwt'] } },
			},
			{
				name: 'workfrontOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'workfrontServerToServerApi',
				required: true,
				displayOptions: { show: { authentication: ['serverToServer'] } },
			},
		],
		properties: [
			authenticationProperty,
			...objectTypeProperties,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'createdOrUpdated',
				options: [
					{
						name: 'Created',
						value: 'created',
						description: 'Records created since the last poll (by entry date)',
					},
					{
						name: 'Created or Updated',
						value: 'createdOrUpdated',
						description: 'Records changed in any way since the last poll',
					},
					{
						name: 'Field Changed',
						value: 'fieldChanged',
						description:
							'Records where a watched field has another value than at the last poll, with the old and the new value',
					},
					{
						name: 'Updated',
						value: 'updated',
						description: 'Existing records changed since the last poll, not new ones',
					},
				],
			},
			{
				displayName: 'Fields to Watch Names or IDs',
				name: 'watchFields',
				type: 'multiOptions',
				typeOptions: {
					loadOptionsMethod: 'getWatchableFields',
					loadOptionsDependsOn: ['objectType', 'objectCode'],
				},
				required: true,
				default: [],
				displayOptions: { show: { event: ['fieldChanged'] } },
				description:
					'A record is emitted when one of these fields changed since the last poll; the first poll only notes the current values. Fields of the record and its custom fields. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			...filterProperties,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [returnFieldsOption, rawFilterOption],
			},
		],
	};

	methods = { loadOptions: { ...loadOptions, getWatchableFields }, listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const objCode = readObjectCode(this, 0);
		const chosen = this.getNodeParameter('event', 'createdOrUpdated') as string;
		if (chosen === 'fieldChanged') return await pollWatchedFields(this, objCode);
		const event = chosen as PollEvent;
		const dateField = dateFieldFor(event);
		const fields = await readReturnFields(this, 0, objCode);
		const shapeFields = [
			'entryDate',
			'lastUpdateDate',
			...(fields[0]?.[1] ?? '').split(',').filter(Boolean),
		].join(',');
		const filters = readFilterQuery(this, 0);
		const staticData = this.getWorkflowStaticData('node');

		if (this.getMode() === 'manual') {
			const sample = await searchAll(this, {
				objCode,
				filters,
				shape: [
					[`${dateField}_1_Sort`, 'desc'],
					['ID_2_Sort', 'desc'],
					['fields', shapeFields],
				],
				limit: 1,
				itemIndex: 0,
			});
			return sample.length > 0 ? [this.helpers.returnJsonArray(isoDatesFor(this, sample))] : null;
		}

		// The poll's own time, read before the search, on the n8n host's clock. Workfront documents
		// no header or field that gives its server time: the HTTP Date header most servers send is
		// not in Adobe's documents, has whole seconds only, and the shared search returns records,
		// not headers. So the host's clock it is, the one the first poll already starts from, with
		// tolerance for the two disagreeing: Workfront's clock up to a minute behind is absorbed by
		// the look back; ahead by any amount, its records are dated in the future, emitted once
		// without moving the cursor; and a cursor found ahead of `now` (the host's clock went back)
		// is brought back to it.
		const now = Date.now();
		// What Field Changed remembered (up to about 1 MB) is not needed by this event.
		delete staticData.watch;
		const cursor = readCursor(staticData.cursor, now);
		if (!cursor) {
			// First poll after activation: changes from now on, not the whole history.
			staticData.cursor = { since: now, seen: [] } satisfies PollCursor;
			return null;
		}
		const records = await searchAll(this, {
			objCode,
			filters: [
				...filters,
				[dateField, new Date(cursor.since - LOOKBACK_MS).toISOString()],
				[`${dateField}_Mod`, 'gte'],
			],
			shape: [
				[`${dateField}_1_Sort`, 'asc'],
				['ID_2_Sort', 'asc'],
				['fields', shapeFields],
			],
			itemIndex: 0,
		});
		const { emit, cursor: next } = takeNew(records, cursor, event, now);
		staticData.cursor = next;
		return emit.length > 0
			? [this.helpers.returnJsonArray(isoDatesFor(this, emit as IDataObject[]))]
			: null;
	}
}
