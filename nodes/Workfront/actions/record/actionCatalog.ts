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
	arguments: ActionArgument[];
}

export const CUSTOM_ACTION = '__custom';

export const ACTION_CATALOG: ActionSpec[] = [
	{
		value: 'copy',
		name: 'Copy',
		description: 'Copy the record (e.g. a project or task) into a new one',
		kind: 'copy',
		arguments: [
			{
				name: 'updates',
				displayName: 'Changes to the Copy (JSON)',
				description: 'Fields to set on the copy, e.g. {"name": "Launch 2027"}',
				json: true,
			},
			{
				name: 'options',
				displayName: 'Copy Options (JSON)',
				description: 'Workfront copy options as a JSON array, e.g. ["clearFinancials"]',
				json: true,
			},
		],
	},
	{
		value: 'move',
		name: 'Move',
		description: 'Move a task or issue to another project',
		kind: 'action',
		arguments: [
			{
				name: 'projectID',
				displayName: 'Target Project',
				description: 'The project to move to',
				required: true,
				lookup: 'searchProjects',
			},
		],
	},
	{
		value: 'convertToTask',
		name: 'Convert Issue to Task',
		description: 'Turn an issue into a task',
		kind: 'action',
		arguments: [
			{
				name: 'updates',
				displayName: 'Task Fields (JSON)',
				description: 'Fields of the new task, e.g. {"name": "Fix it", "projectID": "..."}',
				json: true,
			},
		],
	},
	{
		value: 'convertToProject',
		name: 'Convert Issue to Project',
		description: 'Turn an issue into a project',
		kind: 'action',
		arguments: [
			{
				name: 'updates',
				displayName: 'Project Fields (JSON)',
				description: 'Fields of the new project, e.g. {"name": "New initiative"}',
				json: true,
			},
		],
	},
	{
		value: 'attachTemplate',
		name: 'Attach Template',
		description: "Add a template's tasks to a project",
		kind: 'action',
		arguments: [
			{
				name: 'templateID',
				displayName: 'Template',
				description: 'The template to attach',
				required: true,
				lookup: 'searchTemplates',
			},
		],
	},
	{
		value: 'saveAsTemplate',
		name: 'Save as Template',
		description: 'Save a project as a new template',
		kind: 'action',
		arguments: [
			{
				name: 'templateName',
				displayName: 'Template Name',
				description: 'Name of the new template',
				required: true,
			},
		],
	},
	{
		value: 'calculateTimeline',
		name: 'Calculate Timeline',
		description: "Recalculate a project's timeline",
		kind: 'action',
		arguments: [],
	},
	{
		value: 'calculateFinance',
		name: 'Calculate Finance',
		description: "Recalculate a project's finances",
		kind: 'action',
		arguments: [],
	},
	{
		value: 'markDone',
		name: 'Mark Done',
		description: 'Mark a task or issue as complete',
		kind: 'action',
		arguments: [],
	},
	{
		value: 'assign',
		name: 'Assign',
		description: 'Assign a task or issue to a user, team or role',
		kind: 'action',
		arguments: [
			{
				name: 'objID',
				displayName: 'Assignee',
				description: 'The user, team or role (the list shows users)',
				required: true,
				lookup: 'searchUsers',
			},
			{
				name: 'objCode',
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
		name: 'Share',
		description: 'Give a user, team or group access to the record',
		kind: 'action',
		arguments: [
			{
				name: 'accessorID',
				displayName: 'Share With',
				description: 'The user, team, group or company (the list shows users)',
				required: true,
				lookup: 'searchUsers',
			},
			{
				name: 'accessorObjCode',
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
