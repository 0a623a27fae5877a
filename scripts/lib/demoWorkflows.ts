import type { IDataObject } from 'n8n-workflow';

import { chain, workfrontNode as anyVersion, type CredentialRef } from './workflows';

/** The samples are what a new user gets: version 2 of the node (ISO dates, lists in filters). */
const workfrontNode = (
	name: string,
	parameters: IDataObject,
	credential: true | CredentialRef = true,
) => ({
	...anyVersion(name, parameters, credential),
	typeVersion: 2,
});

/** A filter value as version 2 keeps it: picked from the field's list, or typed. */
const picked = (value: string, name: string): IDataObject => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});
const typed = (value: string): IDataObject => ({ __rl: true, mode: 'value', value });

const overdueFilters = {
	filters: {
		filter: [
			{ field: 'plannedCompletionDate', operator: 'lessThan', value: typed('$$TODAY') },
			{ field: 'status', operator: 'notEquals', value: picked('CPL', 'Complete (CPL)') },
		],
	},
};

/**
 * A record parameter as the editor stores it: a resource locator in its By ID mode. A bare string
 * would open with an empty Mode box.
 */
const byId = (value: string): IDataObject => ({ __rl: true, mode: 'id', value });

export interface DemoIds {
	/** The seeded "Campaign Details" custom form. */
	campaignFormId: string;
	/** A seeded brief that the new project gets a copy of. */
	briefDocumentId: string;
	/** The seeded Workfront Planning workspace; without it, no Planning sample. */
	planning?: PlanningDemoIds;
}

/** The seeded Planning workspace's Campaigns record type, its fields and the mapper's columns. */
export interface PlanningDemoIds {
	workspaceId: string;
	recordTypeId: string;
	fields: { name: string; status: string; budget: string; launch: string; channels: string };
	/** The mapper's columns as the editor shows and saves them (nodes/shared/workfront/planningFields.ts). */
	columns: IDataObject[];
}

/** The Server-to-Server credential the demo imports: Workfront Planning takes Adobe IMS tokens only. */
export const PLANNING_CREDENTIAL = {
	type: 'workfrontServerToServerApi',
	id: 'wfDemoImsCred001',
	name: 'Workfront Planning (Adobe IMS)',
};

/**
 * A Planning sample: the active campaigns (a filtered search), then a follow-up campaign planned for
 * each, in one bulk create through the mapper, with the Server-to-Server credential.
 */
export function planningWorkflow(ids: PlanningDemoIds): IDataObject {
	const target = {
		authentication: 'serverToServer',
		resource: 'planningRecord',
		workspace: byId(ids.workspaceId),
		recordType: byId(ids.recordTypeId),
	};
	const { fields } = ids;
	return chain('demoPlanning', 'Plan follow-up campaigns (Workfront Planning)', [
		workfrontNode(
			'Active campaigns',
			{
				...target,
				operation: 'search',
				returnAll: true,
				filterConditions: {
					condition: [{ field: fields.status, condition: 'IS', value: 'active' }],
				},
				sort: { field: [{ field: fields.budget, direction: 'desc' }] },
			},
			PLANNING_CREDENTIAL,
		),
		workfrontNode(
			'Plan follow-ups',
			{
				...target,
				operation: 'create',
				inputMode: 'mapper',
				dataColumns: {
					mappingMode: 'defineBelow',
					value: {
						[fields.name]: `={{ $json.data["${fields.name}"] }} follow-up`,
						[fields.status]: 'planned',
						[fields.budget]: `={{ $json.data["${fields.budget}"] / 2 }}`,
						[fields.launch]: '={{ $now.plus({ months: 3 }).toISODate() }}',
						[fields.channels]: '["email"]',
					},
					matchingColumns: [],
					schema: ids.columns,
				},
			},
			PLANNING_CREDENTIAL,
		),
	]);
}

/** Sample workflows the demo imports: what a Workfront admin would automate first. */
export const demoWorkflows = (ids: DemoIds): IDataObject[] => [
	...(ids.planning ? [planningWorkflow(ids.planning)] : []),
	chain('demoOverdue', 'Overdue tasks report', [
		workfrontNode('Overdue tasks', {
			resource: 'record',
			operation: 'getMany',
			objectType: 'TASK',
			returnAll: true,
			...overdueFilters,
			options: {
				fields: ['project:name', 'assignedTo:name'],
				sort: { field: [{ field: 'plannedCompletionDate', direction: 'asc' }] },
			},
		}),
		{
			...workfrontNode('Overdue by project', {
				resource: 'record',
				operation: 'report',
				objectType: 'TASK',
				groupBy: { field: [{ field: 'project:name' }] },
				aggregates: { aggregate: [{ function: 'count', field: 'ID' }] },
				...overdueFilters,
			}),
			executeOnce: true,
		},
	]),
	chain('demoTemplate', 'Create a project from a template', [
		workfrontNode('Find template', {
			resource: 'record',
			operation: 'getMany',
			objectType: 'TMPL',
			returnAll: false,
			limit: 1,
			filters: {
				filter: [{ field: 'name', operator: 'equals', value: typed('Standard Campaign') }],
			},
		}),
		workfrontNode('Create project', {
			resource: 'record',
			operation: 'create',
			objectType: 'PROJ',
			inputMode: 'fields',
			fieldValues: {
				field: [
					{
						name: 'name',
						valueType: 'string',
						stringValue: '=Spring Campaign {{ $now.toFormat("yyyy-MM-dd HH:mm") }}',
					},
					{ name: 'status', valueType: 'string', stringValue: 'PLN' },
					{ name: 'Campaign Region', valueType: 'string', stringValue: 'EMEA' },
					{ name: 'Marketing Channels', valueType: 'json', jsonValue: '["Web","Email"]' },
				],
			},
			options: { customForms: [ids.campaignFormId] },
		}),
		workfrontNode('Attach template', {
			resource: 'record',
			operation: 'executeAction',
			objectType: 'PROJ',
			id: byId('={{ $json.ID }}'),
			action: 'attachTemplate',
			attachTemplate_templateID: byId("={{ $('Find template').item.json.ID }}"),
		}),
		workfrontNode('Download brief', {
			resource: 'document',
			operation: 'download',
			documentId: byId(ids.briefDocumentId),
		}),
		workfrontNode('Upload brief', {
			resource: 'document',
			operation: 'upload',
			objectType: 'PROJ',
			objectId: byId("={{ $('Create project').item.json.ID }}"),
			binaryPropertyName: 'data',
			options: { documentName: 'Campaign brief' },
		}),
		workfrontNode('Project with tasks', {
			resource: 'record',
			operation: 'get',
			objectType: 'PROJ',
			id: byId("={{ $('Create project').item.json.ID }}"),
			options: { fields: ['tasks:name', 'documents:name', 'DE:Region', 'DE:Channels'] },
		}),
	]),
	chain('demoHours', 'Weekly hours by project', [
		workfrontNode('Hours by project', {
			resource: 'record',
			operation: 'report',
			objectType: 'HOUR',
			groupBy: { field: [{ field: 'project:name' }] },
			aggregates: { aggregate: [{ function: 'sum', field: 'hours' }] },
			filters: {
				filter: [
					{ field: 'entryDate', operator: 'greaterThanOrEqual', value: typed('$$TODAY-7d') },
				],
			},
			options: { rollup: true },
		}),
	]),
	chain('demoDueSoon', 'Open tasks due in the next two weeks', [
		workfrontNode('Open tasks', {
			resource: 'record',
			operation: 'getMany',
			objectType: 'TASK',
			returnAll: true,
			filters: {
				filter: [
					{
						field: 'status',
						operator: 'in',
						values: ['NEW', 'INP'],
					},
				],
			},
			options: { fields: ['project:name'] },
		}),
		{
			// n8n's IF node compares the node's dates as dates: version 2 writes them in ISO 8601,
			// which Luxon (and so every n8n date operation) reads.
			name: 'Due in two weeks',
			type: 'n8n-nodes-base.if',
			typeVersion: 2,
			parameters: {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
					conditions: [
						{
							id: 'due-after-now',
							leftValue: '={{ $json.plannedCompletionDate }}',
							rightValue: '={{ $now }}',
							operator: { type: 'dateTime', operation: 'after' },
						},
						{
							id: 'due-within-two-weeks',
							leftValue: '={{ $json.plannedCompletionDate }}',
							rightValue: '={{ $now.plus({ days: 14 }) }}',
							operator: { type: 'dateTime', operation: 'before' },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
		},
	]),
];
