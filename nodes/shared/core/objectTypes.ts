/**
 * The object types the node offers by name. Every operation works on any of them, and on any
 * other object code typed in; nothing in the operations is specific to one type.
 */
export interface ObjectType {
	objCode: string;
	label: string;
	/** The field that names a record of this type, for pickers and summaries. */
	nameField: string;
	description: string;
}

export const OBJECT_TYPES: ObjectType[] = [
	{ objCode: 'PROJ', label: 'Project', nameField: 'name', description: 'Projects (PROJ)' },
	{ objCode: 'TASK', label: 'Task', nameField: 'name', description: 'Tasks of projects (TASK)' },
	{
		objCode: 'OPTASK',
		label: 'Issue',
		nameField: 'name',
		description: 'Issues, also called requests (OPTASK)',
	},
	{ objCode: 'USER', label: 'User', nameField: 'name', description: 'Users (USER)' },
	{
		objCode: 'DOCU',
		label: 'Document',
		nameField: 'name',
		description: 'Documents attached to objects (DOCU)',
	},
	{
		objCode: 'DOCV',
		label: 'Document Version',
		nameField: 'fileName',
		description: 'Versions of a document (DOCV)',
	},
	{
		objCode: 'DOCFDR',
		label: 'Document Folder',
		nameField: 'name',
		description: 'Document folders (DOCFDR)',
	},
	{ objCode: 'HOUR', label: 'Hour', nameField: 'hours', description: 'Logged hours (HOUR)' },
	{
		objCode: 'TSHET',
		label: 'Timesheet',
		nameField: 'displayName',
		description: 'Timesheets (TSHET)',
	},
	{
		objCode: 'NOTE',
		label: 'Note',
		nameField: 'noteText',
		description: 'Updates and comments (NOTE)',
	},
	{ objCode: 'PORT', label: 'Portfolio', nameField: 'name', description: 'Portfolios (PORT)' },
	{ objCode: 'PRGM', label: 'Program', nameField: 'name', description: 'Programs (PRGM)' },
	{
		objCode: 'TMPL',
		label: 'Template',
		nameField: 'name',
		description: 'Project templates (TMPL)',
	},
	{
		objCode: 'TTSK',
		label: 'Template Task',
		nameField: 'name',
		description: 'Tasks of templates (TTSK)',
	},
	{ objCode: 'CMPY', label: 'Company', nameField: 'name', description: 'Companies (CMPY)' },
	{ objCode: 'TEAMOB', label: 'Team', nameField: 'name', description: 'Teams (TEAMOB)' },
	{ objCode: 'GROUP', label: 'Group', nameField: 'name', description: 'Groups (GROUP)' },
	{ objCode: 'ROLE', label: 'Job Role', nameField: 'name', description: 'Job roles (ROLE)' },
	{
		objCode: 'ASSGN',
		label: 'Assignment',
		nameField: 'ID',
		description: 'Assignments of users to work (ASSGN)',
	},
	{ objCode: 'EXPNS', label: 'Expense', nameField: 'description', description: 'Expenses (EXPNS)' },
	{
		objCode: 'BLIN',
		label: 'Baseline',
		nameField: 'name',
		description: 'Project baselines (BLIN)',
	},
	{
		objCode: 'CTGY',
		label: 'Custom Form',
		nameField: 'name',
		description: 'Custom forms, called categories in the API (CTGY)',
	},
	{
		objCode: 'PARAM',
		label: 'Custom Field',
		nameField: 'name',
		description: 'Custom fields, called parameters in the API (PARAM)',
	},
	{
		objCode: 'CSTEM',
		label: 'Custom Enum',
		nameField: 'label',
		description: 'Statuses, priorities and other enums (CSTEM)',
	},
	{ objCode: 'PTLTAB', label: 'Dashboard', nameField: 'name', description: 'Dashboards (PTLTAB)' },
	{ objCode: 'PTLSEC', label: 'Report', nameField: 'name', description: 'Reports (PTLSEC)' },
	{
		objCode: 'JRNLE',
		label: 'Journal Entry',
		nameField: 'fieldName',
		description: 'Change history entries (JRNLE)',
	},
	{
		objCode: 'PRED',
		label: 'Predecessor',
		nameField: 'ID',
		description: 'Task dependencies (PRED)',
	},
	{
		objCode: 'ARVPRC',
		label: 'Approval Process',
		nameField: 'name',
		description: 'Approval processes (ARVPRC)',
	},
];

export const OTHER_OBJECT_TYPE = '__other';

export function findObjectType(objCode: string): ObjectType | undefined {
	return OBJECT_TYPES.find((type) => type.objCode === objCode.toUpperCase());
}
