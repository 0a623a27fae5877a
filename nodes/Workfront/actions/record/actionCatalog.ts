/**
 * The actions offered by name. Each one is data: the arguments it takes become parameters of the
 * Execute Action operation, and the operation sends them the same way for every action.
 */
export interface ActionArgument {
	name: string;
	displayName: string;
	description: string;
	required?: boolean;
	/** JSON arguments are sent as JSON text, the way Workfront reads nested values. */
	json?: boolean;
	/** A yes/no argument, sent as `true` or `false` only when switched on or set by an expression. */
	boolean?: boolean;
	/** A list: comma-separated text or a JSON list, sent as a JSON list. */
	list?: boolean;
	/**
	 * The type Workfront declares for the argument in Adobe's OpenAPI description of the API:
	 * `string`, `boolean`, `string[]` or an object such as `Task`. Every argument the node sends
	 * must match it.
	 */
	declaredType: string;
	options?: Array<{ name: string; value: string }>;
	default?: string;
	/** A record ID picked from a list: the list-search method that offers the records. */
	lookup?: 'searchProjects' | 'searchTemplates' | 'searchUsers';
}

export interface ActionSpec {
	value: string;
	name: string;
	description: string;
	/** `copy` is a create with copySourceID; every other action is PUT /<obj>/<id>/<action>. */
	kind: 'action' | 'copy';
	/**
	 * The object types whose declared arguments (Adobe's OpenAPI) these fields match. On other types
	 * the action is offered with the arguments Workfront declares.
	 */
	objCodes?: string[];
	arguments: ActionArgument[];
}

export const CUSTOM_ACTION = '__custom';

/** The arguments convertToTask and convertToProject share (OpenAPI). */
function conversionArguments(): ActionArgument[] {
	return [
		{
			name: 'options',
			displayName: 'Options',
			description: 'Workfront conversion options, comma-separated or as a JSON list',
			list: true,
			declaredType: 'string[]',
		},
		{
			name: 'copyNativeFields',
			displayName: 'Copy Native Fields',
			description:
				"Whether to copy the issue's own fields (such as the description) to the new record",
			boolean: true,
			declaredType: 'boolean',
		},
		{
			name: 'copyCategories',
			displayName: 'Copy Custom Forms',
			description: "Whether to copy the issue's custom forms to the new record",
			boolean: true,
			declaredType: 'boolean',
		},
	];
}

export const ACTION_CATALOG: ActionSpec[] = [
	{
		value: 'copy',
		name: 'Copy',
		description: 'Copy the record (e.g. a project or task) into a new one',
		kind: 'copy',
		arguments: [
			{
				name: 'updates',
				declaredType: 'Object',
				displayName: 'Changes to the Copy (JSON)',
				description: 'Fields to set on the copy, e.g. {"name": "Launch 2027"}',
				json: true,
			},
			{
				name: 'options',
				declaredType: 'string[]',
				displayName: 'Copy Options (JSON)',
				description: 'Workfront copy options as a JSON array, e.g. ["clearFinancials"]',
				json: true,
			},
		],
	},
	{
		value: 'move',
		objCodes: ['TASK', 'OPTASK'],
		name: 'Move',
		description: 'Move a task or issue to another project',
		kind: 'action',
		arguments: [
			{
				name: 'projectID',
				declaredType: 'string',
				displayName: 'Target Project',
				description: 'The project to move to',
				required: true,
				lookup: 'searchProjects',
			},
		],
	},
	{
		value: 'convertToTask',
		objCodes: ['OPTASK'],
		name: 'Convert Issue to Task',
		description: 'Turn an issue into a task',
		kind: 'action',
		// PUT /optask/convertToTask: task (Task), options, copyNativeFields, copyCategories (OpenAPI).
		arguments: [
			{
				name: 'task',
				displayName: 'Task (JSON)',
				description:
					'The new task as a JSON object, e.g. {"name": "Fix it", "projectID": "..."}; without a projectID the task goes into the issue\'s project',
				json: true,
				declaredType: 'Task',
			},
			...conversionArguments(),
		],
	},
	{
		value: 'convertToProject',
		objCodes: ['OPTASK'],
		name: 'Convert Issue to Project',
		description: 'Turn an issue into a project',
		kind: 'action',
		// PUT /optask/convertToProject: project (Project), exchangeRate, options, copyNativeFields,
		// copyCategories (OpenAPI).
		arguments: [
			{
				name: 'project',
				displayName: 'Project (JSON)',
				description: 'The new project as a JSON object, e.g. {"name": "New initiative"}',
				json: true,
				declaredType: 'Project',
			},
			{
				name: 'exchangeRate',
				displayName: 'Exchange Rate (JSON)',
				description: 'The exchange rate of the new project as a JSON object, e.g. {"rate": 1.1}',
				json: true,
				declaredType: 'ExchangeRate',
			},
			...conversionArguments(),
		],
	},
	{
		value: 'attachTemplate',
		objCodes: ['PROJ'],
		name: 'Attach Template',
		description: "Add a template's tasks to a project",
		kind: 'action',
		arguments: [
			{
				name: 'templateID',
				declaredType: 'string',
				displayName: 'Template',
				description: 'The template to attach',
				required: true,
				lookup: 'searchTemplates',
			},
		],
	},
	{
		value: 'calculateTimeline',
		objCodes: ['PROJ', 'TMPL'],
		name: 'Calculate Timeline',
		description: "Recalculate a project's timeline",
		kind: 'action',
		arguments: [],
	},
	{
		value: 'calculateFinance',
		objCodes: ['PROJ'],
		name: 'Calculate Finance',
		description: "Recalculate a project's finances",
		kind: 'action',
		arguments: [],
	},
	{
		value: 'markDone',
		objCodes: ['TASK', 'OPTASK'],
		name: 'Mark Done',
		// Like the Done button: the API user's own assignment is marked done; the item's status
		// follows the Done button's team setting (Experience League, "Work On It and Done buttons").
		description: "Mark the API user's assignment on a task or issue as done",
		kind: 'action',
		// PUT /task/markDone and /optask/markDone take `status` (OpenAPI).
		arguments: [
			{
				name: 'status',
				displayName: 'Status',
				description:
					'Status to give the task or issue, e.g. CPL; leave empty for what the Done button does',
				declaredType: 'string',
			},
		],
	},
	{
		value: 'assign',
		objCodes: ['TASK', 'OPTASK'],
		name: 'Assign',
		description: 'Assign a task or issue to a user, team or role',
		kind: 'action',
		arguments: [
			{
				name: 'objID',
				declaredType: 'string',
				displayName: 'Assignee',
				description: 'The user, team or role (the list shows users)',
				required: true,
				lookup: 'searchUsers',
			},
			{
				name: 'objCode',
				declaredType: 'string',
				displayName: 'Assignee Type',
				description: 'What the assignee is',
				default: 'USER',
				options: [
					{ name: 'User', value: 'USER' },
					{ name: 'Team', value: 'TEAMOB' },
					{ name: 'Job Role', value: 'ROLE' },
				],
			},
		],
	},
	{
		value: 'share',
		objCodes: ['PROJ', 'TASK', 'OPTASK'],
		name: 'Share',
		description: 'Give a user, team or group access to the record',
		kind: 'action',
		arguments: [
			{
				name: 'accessorID',
				declaredType: 'string',
				displayName: 'Share With',
				description: 'The user, team, group or company (the list shows users)',
				required: true,
				lookup: 'searchUsers',
			},
			{
				name: 'accessorObjCode',
				declaredType: 'string',
				displayName: 'Share With Type',
				description: 'What the ID belongs to',
				default: 'USER',
				options: [
					{ name: 'User', value: 'USER' },
					{ name: 'Team', value: 'TEAMOB' },
					{ name: 'Group', value: 'GROUP' },
					{ name: 'Company', value: 'CMPY' },
					{ name: 'Job Role', value: 'ROLE' },
				],
			},
			{
				name: 'coreAction',
				declaredType: 'string',
				displayName: 'Permission',
				description: 'The access to give',
				default: 'VIEW',
				options: [
					{ name: 'View', value: 'VIEW' },
					{ name: 'Contribute', value: 'LIMITED_EDIT' },
					{ name: 'Manage', value: 'EDIT' },
					{ name: 'Delete', value: 'DELETE' },
				],
			},
		],
	},
];

/** Parameter names carry the action, so arguments of the same name in two actions stay apart. */
export function argumentParameter(action: string, argument: string): string {
	return `${action}_${argument}`;
}

export function findAction(value: string): ActionSpec | undefined {
	return ACTION_CATALOG.find((action) => action.value === value);
}

/** The built-in action whose fields apply to this object type, if any (Copy applies to all). */
export function builtInFor(value: string, objCode: string): ActionSpec | undefined {
	const action = findAction(value);
	return action && (!action.objCodes || action.objCodes.includes(objCode)) ? action : undefined;
}
