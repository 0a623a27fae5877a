import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as customApiCall from './actions/customApiCall/CustomApiCall.resource';
import * as document from './actions/document/Document.resource';
import * as planningField from './actions/planningField/PlanningField.resource';
import * as planningRecord from './actions/planningRecord/PlanningRecord.resource';
import * as planningRecordType from './actions/planningRecordType/PlanningRecordType.resource';
import * as planningWorkspace from './actions/planningWorkspace/PlanningWorkspace.resource';
import * as record from './actions/record/Record.resource';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';
import { authenticationProperty } from '../shared/descriptions/authentication.description';

export class Workfront implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Workfront',
		name: 'workfront',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['transform'],
		// 2: dates output as ISO 8601, filter values and reference fields picked from lists. n8n
		// gives new nodes the last version of the list and keeps a saved node at its own, so 1 stays
		// (a version no longer listed opens as an unknown node; n8n-docs "Node versioning").
		version: [1, 2],
		// "Get Many: Task" on the canvas, as the panel names them, not getMany: TASK.
		// Written out, as n8n's rules want a literal subtitle; it must name the operations and
		// object types as the Operation and Object Type lists do (the package's tests compare them).
		subtitle:
			'={{ $parameter["resource"] === "customApiCall" ? $parameter["method"] + " " + $parameter["path"] : ({"count":"Count","create":"Create","delete":"Delete","executeAction":"Execute Action","get":"Get","getMany":"Get Many","report":"Report","update":"Update","download":"Download","upload":"Upload","search":"Search","getViews":"Get Views"}[$parameter["operation"]] || $parameter["operation"]) + ": " + ($parameter["resource"] === "document" || $parameter["resource"].startsWith("planning") ? ({"customApiCall":"Custom API Call","document":"Document","planningField":"Planning Field","planningRecord":"Planning Record","planningRecordType":"Planning Record Type","planningWorkspace":"Planning Workspace","record":"Record"}[$parameter["resource"]] || $parameter["resource"]) : ($parameter["objectType"] === "__other" ? $parameter["objectCode"] : ({"PROJ":"Project","TASK":"Task","OPTASK":"Issue","USER":"User","DOCU":"Document","DOCV":"Document Version","DOCFDR":"Document Folder","HOUR":"Hour","TSHET":"Timesheet","NOTE":"Note","PORT":"Portfolio","PRGM":"Program","TMPL":"Template","TTSK":"Template Task","CMPY":"Company","TEAMOB":"Team","GROUP":"Group","ROLE":"Job Role","ASSGN":"Assignment","EXPNS":"Expense","BLIN":"Baseline","CTGY":"Custom Form","PARAM":"Custom Field","CSTEM":"Custom Enum","PTLTAB":"Dashboard","PTLSEC":"Report","JRNLE":"Journal Entry","PRED":"Predecessor","ARVPRC":"Approval Process"}[$parameter["objectType"]] || $parameter["objectType"]))) }}',
		description: 'Create, read, search, update, report on and act on any Adobe Workfront object',
		defaults: { name: 'Workfront' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'record',
				options: [
					{
						name: 'Custom API Call',
						value: 'customApiCall',
						description: 'Any Workfront REST endpoint',
					},
					{
						name: 'Document',
						value: 'document',
						description: 'Upload and download files attached to records',
					},
					{
						name: 'Planning Field',
						value: 'planningField',
						description: 'Fields of Workfront Planning record types (Server-to-Server credential)',
					},
					{
						name: 'Planning Record',
						value: 'planningRecord',
						description:
							'Workfront Planning records: campaigns, personas and other record types of your own (Server-to-Server credential)',
					},
					{
						name: 'Planning Record Type',
						value: 'planningRecordType',
						description:
							'Workfront Planning record types and their views (Server-to-Server credential)',
					},
					{
						name: 'Planning Workspace',
						value: 'planningWorkspace',
						description: 'Workfront Planning workspaces (Server-to-Server credential)',
					},
					{
						name: 'Record',
						value: 'record',
						description: 'Projects, tasks, issues, users, hours and every other object type',
					},
				],
			},
			...record.description,
			...document.description,
			...customApiCall.description,
			...planningRecord.description,
			...planningWorkspace.description,
			...planningRecordType.description,
			...planningField.description,
		],
	};

	methods = { loadOptions, listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
