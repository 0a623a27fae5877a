/**
 * The object types the simulator serves, as data: fields with their types, references to other
 * objects, collections, and the actions each type accepts. Handlers read this table; adding an
 * object type is adding an entry here.
 */
export type FieldType =
	| 'string'
	| 'int'
	| 'double'
	| 'boolean'
	| 'date'
	| 'dateTime'
	| 'enum'
	| 'id'
	| 'currency';

export interface FieldSpec {
	type: FieldType;
	label: string;
	enumValues?: string[];
	required?: boolean;
	readOnly?: boolean;
	default?: unknown;
}

export interface ReferenceSpec {
	objCode: string;
	/** The ID field on this object that points at the referenced one. */
	key: string;
}

export interface CollectionSpec {
	objCode: string;
	/** The ID field on the collected objects that points back at this one. */
	foreignKey: string;
}

export interface ObjectSpec {
	objCode: string;
	name: string;
	label: string;
	/** URL names besides the objCode, e.g. `project`, `issue`. */
	aliases: string[];
	fields: Record<string, FieldSpec>;
	references: Record<string, ReferenceSpec>;
	collections: Record<string, CollectionSpec>;
	/** The "commonly used subset" returned when no `fields` are asked for. */
	defaultFields: string[];
	actions: string[];
}

const STATUS_PROJECT = ['PLN', 'CUR', 'ONH', 'CPL', 'DED', 'REQ', 'APR', 'IDA'];
const STATUS_TASK = ['NEW', 'INP', 'CPL'];
const STATUS_ISSUE = ['NEW', 'INP', 'CLS', 'AWF'];

const common = (): Record<string, FieldSpec> => ({
	ID: { type: 'id', label: 'ID', readOnly: true },
	objCode: { type: 'string', label: 'Object Code', readOnly: true },
	entryDate: { type: 'dateTime', label: 'Entry Date', readOnly: true },
	lastUpdateDate: { type: 'dateTime', label: 'Last Update Date', readOnly: true },
	enteredByID: { type: 'id', label: 'Entered By ID', readOnly: true },
	lastUpdatedByID: { type: 'id', label: 'Last Updated By ID', readOnly: true },
	categoryID: { type: 'id', label: 'Custom Form ID' },
});

const named = (): Record<string, FieldSpec> => ({
	...common(),
	name: { type: 'string', label: 'Name', required: true },
	description: { type: 'string', label: 'Description' },
});

const byAudit = {
	enteredBy: { objCode: 'USER', key: 'enteredByID' },
	lastUpdatedBy: { objCode: 'USER', key: 'lastUpdatedByID' },
	category: { objCode: 'CTGY', key: 'categoryID' },
};

export const OBJECT_SPECS: ObjectSpec[] = [
	{
		objCode: 'PROJ',
		name: 'Project',
		label: 'Project',
		aliases: ['project'],
		fields: {
			...named(),
			status: { type: 'enum', label: 'Status', enumValues: STATUS_PROJECT, default: 'PLN' },
			priority: { type: 'int', label: 'Priority', default: 0 },
			percentComplete: { type: 'double', label: 'Percent Complete', default: 0 },
			plannedStartDate: { type: 'dateTime', label: 'Planned Start Date' },
			plannedCompletionDate: { type: 'dateTime', label: 'Planned Completion Date' },
			budget: { type: 'currency', label: 'Budget', default: 0 },
			ownerID: { type: 'id', label: 'Owner ID' },
			portfolioID: { type: 'id', label: 'Portfolio ID' },
			programID: { type: 'id', label: 'Program ID' },
			companyID: { type: 'id', label: 'Company ID' },
			templateID: { type: 'id', label: 'Template ID' },
			groupID: { type: 'id', label: 'Group ID' },
			lastCalcDate: { type: 'dateTime', label: 'Last Calculated Date', readOnly: true },
		},
		references: {
			...byAudit,
			owner: { objCode: 'USER', key: 'ownerID' },
			portfolio: { objCode: 'PORT', key: 'portfolioID' },
			program: { objCode: 'PRGM', key: 'programID' },
			company: { objCode: 'CMPY', key: 'companyID' },
			template: { objCode: 'TMPL', key: 'templateID' },
		},
		collections: {
			tasks: { objCode: 'TASK', foreignKey: 'projectID' },
			issues: { objCode: 'OPTASK', foreignKey: 'projectID' },
			hours: { objCode: 'HOUR', foreignKey: 'projectID' },
			documents: { objCode: 'DOCU', foreignKey: 'projectID' },
		},
		defaultFields: [
			'ID',
			'name',
			'objCode',
			'status',
			'priority',
			'percentComplete',
			'plannedStartDate',
			'plannedCompletionDate',
		],
		// No saveAsTemplate: Adobe's OpenAPI declares no such action on project.
		actions: ['calculateTimeline', 'calculateFinance', 'attachTemplate', 'share'],
	},
	{
		objCode: 'TASK',
		name: 'Task',
		label: 'Task',
		aliases: ['task'],
		fields: {
			...named(),
			projectID: { type: 'id', label: 'Project ID', required: true },
			parentID: { type: 'id', label: 'Parent Task ID' },
			status: { type: 'enum', label: 'Status', enumValues: STATUS_TASK, default: 'NEW' },
			priority: { type: 'int', label: 'Priority', default: 0 },
			percentComplete: { type: 'double', label: 'Percent Complete', default: 0 },
			plannedStartDate: { type: 'dateTime', label: 'Planned Start Date' },
			plannedCompletionDate: { type: 'dateTime', label: 'Planned Completion Date' },
			workRequired: { type: 'int', label: 'Planned Minutes', default: 0 },
			assignedToID: { type: 'id', label: 'Assigned To ID' },
			taskNumber: { type: 'int', label: 'Task Number', readOnly: true },
		},
		references: {
			...byAudit,
			project: { objCode: 'PROJ', key: 'projectID' },
			parent: { objCode: 'TASK', key: 'parentID' },
			assignedTo: { objCode: 'USER', key: 'assignedToID' },
		},
		collections: {
			assignments: { objCode: 'ASSGN', foreignKey: 'taskID' },
			hours: { objCode: 'HOUR', foreignKey: 'taskID' },
			children: { objCode: 'TASK', foreignKey: 'parentID' },
			documents: { objCode: 'DOCU', foreignKey: 'taskID' },
		},
		defaultFields: [
			'ID',
			'name',
			'objCode',
			'status',
			'priority',
			'percentComplete',
			'plannedStartDate',
			'plannedCompletionDate',
			'projectID',
		],
		actions: ['move', 'markDone', 'assign', 'assignMultiple', 'share'],
	},
	{
		objCode: 'OPTASK',
		name: 'Issue',
		label: 'Issue',
		aliases: ['optask', 'issue'],
		fields: {
			...named(),
			projectID: { type: 'id', label: 'Project ID' },
			status: { type: 'enum', label: 'Status', enumValues: STATUS_ISSUE, default: 'NEW' },
			priority: { type: 'int', label: 'Priority', default: 0 },
			severity: { type: 'int', label: 'Severity', default: 0 },
			opTaskType: {
				type: 'enum',
				label: 'Issue Type',
				enumValues: ['BUG', 'ISU', 'REQ', 'CHG', 'RSK'],
				default: 'ISU',
			},
			assignedToID: { type: 'id', label: 'Assigned To ID' },
			plannedCompletionDate: { type: 'dateTime', label: 'Planned Completion Date' },
		},
		references: {
			...byAudit,
			project: { objCode: 'PROJ', key: 'projectID' },
			assignedTo: { objCode: 'USER', key: 'assignedToID' },
		},
		collections: {
			hours: { objCode: 'HOUR', foreignKey: 'opTaskID' },
			documents: { objCode: 'DOCU', foreignKey: 'opTaskID' },
		},
		defaultFields: ['ID', 'name', 'objCode', 'status', 'priority', 'severity', 'projectID'],
		actions: ['move', 'convertToTask', 'convertToProject', 'markDone', 'assign', 'share'],
	},
	{
		objCode: 'USER',
		name: 'User',
		label: 'User',
		aliases: ['user'],
		fields: {
			...named(),
			firstName: { type: 'string', label: 'First Name' },
			lastName: { type: 'string', label: 'Last Name' },
			emailAddr: { type: 'string', label: 'Email Address' },
			username: { type: 'string', label: 'Username' },
			title: { type: 'string', label: 'Job Title' },
			isActive: { type: 'boolean', label: 'Is Active', default: true },
			homeTeamID: { type: 'id', label: 'Home Team ID' },
			companyID: { type: 'id', label: 'Company ID' },
		},
		references: {
			...byAudit,
			homeTeam: { objCode: 'TEAMOB', key: 'homeTeamID' },
			company: { objCode: 'CMPY', key: 'companyID' },
		},
		collections: {
			assignments: { objCode: 'ASSGN', foreignKey: 'assignedToID' },
			hours: { objCode: 'HOUR', foreignKey: 'ownerID' },
		},
		defaultFields: ['ID', 'name', 'objCode', 'firstName', 'lastName', 'emailAddr', 'isActive'],
		actions: [],
	},
	{
		objCode: 'PORT',
		name: 'Portfolio',
		label: 'Portfolio',
		aliases: ['portfolio'],
		fields: {
			...named(),
			ownerID: { type: 'id', label: 'Owner ID' },
			budget: { type: 'currency', label: 'Budget', default: 0 },
			isActive: { type: 'boolean', label: 'Is Active', default: true },
		},
		references: { ...byAudit, owner: { objCode: 'USER', key: 'ownerID' } },
		collections: {
			projects: { objCode: 'PROJ', foreignKey: 'portfolioID' },
			programs: { objCode: 'PRGM', foreignKey: 'portfolioID' },
		},
		defaultFields: ['ID', 'name', 'objCode', 'isActive'],
		actions: ['share'],
	},
	{
		objCode: 'PRGM',
		name: 'Program',
		label: 'Program',
		aliases: ['program'],
		fields: {
			...named(),
			portfolioID: { type: 'id', label: 'Portfolio ID' },
			ownerID: { type: 'id', label: 'Owner ID' },
			isActive: { type: 'boolean', label: 'Is Active', default: true },
		},
		references: {
			...byAudit,
			portfolio: { objCode: 'PORT', key: 'portfolioID' },
			owner: { objCode: 'USER', key: 'ownerID' },
		},
		collections: { projects: { objCode: 'PROJ', foreignKey: 'programID' } },
		defaultFields: ['ID', 'name', 'objCode', 'portfolioID'],
		actions: ['share'],
	},
	{
		objCode: 'TMPL',
		name: 'Template',
		label: 'Template',
		aliases: ['template'],
		fields: { ...named(), ownerID: { type: 'id', label: 'Owner ID' } },
		references: { ...byAudit, owner: { objCode: 'USER', key: 'ownerID' } },
		collections: { templateTasks: { objCode: 'TTSK', foreignKey: 'templateID' } },
		defaultFields: ['ID', 'name', 'objCode'],
		actions: ['share'],
	},
	{
		objCode: 'TTSK',
		name: 'TemplateTask',
		label: 'Template Task',
		aliases: ['templatetask'],
		fields: {
			...named(),
			templateID: { type: 'id', label: 'Template ID', required: true },
			workRequired: { type: 'int', label: 'Planned Minutes', default: 0 },
			duration: { type: 'int', label: 'Duration', default: 1 },
		},
		references: { ...byAudit, template: { objCode: 'TMPL', key: 'templateID' } },
		collections: {},
		defaultFields: ['ID', 'name', 'objCode', 'templateID'],
		actions: [],
	},
	{
		objCode: 'CMPY',
		name: 'Company',
		label: 'Company',
		aliases: ['company'],
		fields: { ...named(), isPrimary: { type: 'boolean', label: 'Is Primary', default: false } },
		references: { ...byAudit },
		collections: {
			users: { objCode: 'USER', foreignKey: 'companyID' },
			projects: { objCode: 'PROJ', foreignKey: 'companyID' },
		},
		defaultFields: ['ID', 'name', 'objCode'],
		actions: [],
	},
	{
		objCode: 'TEAMOB',
		name: 'Team',
		label: 'Team',
		aliases: ['team'],
		fields: { ...named(), ownerID: { type: 'id', label: 'Owner ID' } },
		references: { ...byAudit, owner: { objCode: 'USER', key: 'ownerID' } },
		collections: { users: { objCode: 'USER', foreignKey: 'homeTeamID' } },
		defaultFields: ['ID', 'name', 'objCode'],
		actions: [],
	},
	{
		objCode: 'ASSGN',
		name: 'Assignment',
		label: 'Assignment',
		aliases: ['assignment'],
		fields: {
			...common(),
			taskID: { type: 'id', label: 'Task ID' },
			opTaskID: { type: 'id', label: 'Issue ID' },
			assignedToID: { type: 'id', label: 'Assigned To ID', required: true },
			workRequired: { type: 'int', label: 'Planned Minutes', default: 0 },
			status: { type: 'enum', label: 'Status', enumValues: ['AA', 'AD', 'DN'], default: 'AA' },
		},
		references: {
			...byAudit,
			task: { objCode: 'TASK', key: 'taskID' },
			assignedTo: { objCode: 'USER', key: 'assignedToID' },
		},
		collections: {},
		defaultFields: ['ID', 'objCode', 'taskID', 'assignedToID', 'status'],
		actions: [],
	},
	{
		objCode: 'HOUR',
		name: 'Hour',
		label: 'Hour',
		aliases: ['hour'],
		fields: {
			...common(),
			hours: { type: 'double', label: 'Hours', required: true },
			entryDate: { type: 'date', label: 'Entry Date' },
			projectID: { type: 'id', label: 'Project ID' },
			taskID: { type: 'id', label: 'Task ID' },
			opTaskID: { type: 'id', label: 'Issue ID' },
			ownerID: { type: 'id', label: 'Owner ID' },
			status: {
				type: 'enum',
				label: 'Status',
				enumValues: ['SUB', 'APP', 'REJ', 'UNS'],
				default: 'SUB',
			},
			description: { type: 'string', label: 'Description' },
		},
		references: {
			...byAudit,
			project: { objCode: 'PROJ', key: 'projectID' },
			task: { objCode: 'TASK', key: 'taskID' },
			owner: { objCode: 'USER', key: 'ownerID' },
		},
		collections: {},
		defaultFields: [
			'ID',
			'objCode',
			'hours',
			'entryDate',
			'projectID',
			'taskID',
			'ownerID',
			'status',
		],
		actions: [],
	},
	{
		objCode: 'NOTE',
		name: 'Note',
		label: 'Note',
		aliases: ['note'],
		fields: {
			...common(),
			noteText: { type: 'string', label: 'Note Text', required: true },
			noteObjCode: { type: 'string', label: 'Object Code', required: true },
			objID: { type: 'id', label: 'Object ID', required: true },
			ownerID: { type: 'id', label: 'Owner ID' },
			projectID: { type: 'id', label: 'Project ID' },
			taskID: { type: 'id', label: 'Task ID' },
		},
		references: { ...byAudit, owner: { objCode: 'USER', key: 'ownerID' } },
		collections: {},
		defaultFields: ['ID', 'objCode', 'noteText', 'noteObjCode', 'objID'],
		actions: [],
	},
	{
		objCode: 'DOCU',
		name: 'Document',
		label: 'Document',
		aliases: ['document'],
		fields: {
			...named(),
			docObjCode: { type: 'string', label: 'Object Code' },
			objID: { type: 'id', label: 'Object ID' },
			projectID: { type: 'id', label: 'Project ID' },
			taskID: { type: 'id', label: 'Task ID' },
			opTaskID: { type: 'id', label: 'Issue ID' },
			folderID: { type: 'id', label: 'Folder ID' },
			currentVersionID: { type: 'id', label: 'Current Version ID', readOnly: true },
			downloadURL: { type: 'string', label: 'Download URL', readOnly: true },
		},
		references: {
			...byAudit,
			project: { objCode: 'PROJ', key: 'projectID' },
			currentVersion: { objCode: 'DOCV', key: 'currentVersionID' },
		},
		collections: { versions: { objCode: 'DOCV', foreignKey: 'documentID' } },
		defaultFields: ['ID', 'name', 'objCode', 'docObjCode', 'objID'],
		actions: ['share'],
	},
	{
		objCode: 'DOCV',
		name: 'DocumentVersion',
		label: 'Document Version',
		aliases: ['documentversion'],
		fields: {
			...common(),
			documentID: { type: 'id', label: 'Document ID', required: true },
			fileName: { type: 'string', label: 'File Name' },
			version: { type: 'string', label: 'Version' },
			docSize: { type: 'int', label: 'Size', readOnly: true },
			fileType: { type: 'string', label: 'File Type' },
		},
		references: { ...byAudit, document: { objCode: 'DOCU', key: 'documentID' } },
		collections: {},
		defaultFields: ['ID', 'objCode', 'documentID', 'fileName', 'version'],
		actions: [],
	},
	{
		objCode: 'EXPNS',
		name: 'Expense',
		label: 'Expense',
		aliases: ['expense'],
		fields: {
			...common(),
			description: { type: 'string', label: 'Description' },
			actualAmount: { type: 'currency', label: 'Actual Amount', default: 0 },
			plannedAmount: { type: 'currency', label: 'Planned Amount', default: 0 },
			projectID: { type: 'id', label: 'Project ID' },
			objID: { type: 'id', label: 'Object ID' },
			objObjCode: { type: 'string', label: 'Object Code' },
		},
		references: { ...byAudit, project: { objCode: 'PROJ', key: 'projectID' } },
		collections: {},
		defaultFields: ['ID', 'objCode', 'description', 'actualAmount', 'projectID'],
		actions: [],
	},
	{
		objCode: 'CTGY',
		name: 'Category',
		label: 'Custom Form',
		aliases: ['category'],
		fields: { ...named(), catObjCode: { type: 'string', label: 'Object Code', required: true } },
		references: { ...byAudit },
		collections: { categoryParameters: { objCode: 'CTGYPA', foreignKey: 'categoryID' } },
		defaultFields: ['ID', 'name', 'objCode', 'catObjCode'],
		actions: [],
	},
	{
		objCode: 'PARAM',
		name: 'Parameter',
		label: 'Custom Field',
		aliases: ['parameter'],
		fields: {
			...named(),
			label: { type: 'string', label: 'Label', required: true },
			dataType: {
				type: 'enum',
				label: 'Data Type',
				enumValues: ['TEXT', 'NMBR', 'CURC', 'DATE'],
				default: 'TEXT',
			},
			// Adobe's codes (see DisplayType in customForms.ts for the sources); TEXT, TEXTAREA and
			// DATE are the simulator's own words: Adobe documents no code for those fields.
			displayType: {
				type: 'enum',
				label: 'Display Type',
				enumValues: [
					'SLCT',
					'RDIO',
					'CHCK',
					'MULT',
					'TYAH',
					'RICH',
					'EXTRNL',
					'MULTEXTRNL',
					'INTRNL',
					'MULTINTRNL',
					'TEXT',
					'TEXTAREA',
					'DATE',
				],
				default: 'TEXT',
			},
			isRequired: { type: 'boolean', label: 'Is Required', default: false },
		},
		references: { ...byAudit },
		collections: { parameterOptions: { objCode: 'POPT', foreignKey: 'parameterID' } },
		defaultFields: ['ID', 'name', 'objCode', 'label', 'dataType', 'displayType'],
		actions: [],
	},
	{
		objCode: 'POPT',
		name: 'ParameterOption',
		label: 'Custom Field Option',
		aliases: ['parameteroption'],
		fields: {
			...common(),
			parameterID: { type: 'id', label: 'Custom Field ID', required: true },
			value: { type: 'string', label: 'Value', required: true },
			label: { type: 'string', label: 'Label' },
		},
		references: { ...byAudit, parameter: { objCode: 'PARAM', key: 'parameterID' } },
		collections: {},
		defaultFields: ['ID', 'objCode', 'parameterID', 'value', 'label'],
		actions: [],
	},
	{
		objCode: 'CTGYPA',
		name: 'CategoryParameter',
		label: 'Custom Form Field',
		aliases: ['categoryparameter'],
		fields: {
			...common(),
			categoryID: { type: 'id', label: 'Custom Form ID', required: true },
			parameterID: { type: 'id', label: 'Custom Field ID', required: true },
			displayOrder: { type: 'int', label: 'Display Order', default: 0 },
		},
		references: {
			...byAudit,
			category: { objCode: 'CTGY', key: 'categoryID' },
			parameter: { objCode: 'PARAM', key: 'parameterID' },
		},
		collections: {},
		defaultFields: ['ID', 'objCode', 'categoryID', 'parameterID', 'displayOrder'],
		actions: [],
	},
];

const BY_NAME = new Map<string, ObjectSpec>();
for (const spec of OBJECT_SPECS) {
	for (const name of [spec.objCode, spec.name, ...spec.aliases])
		BY_NAME.set(name.toLowerCase(), spec);
}

/** "The object type is case insensitive and can be either the ObjCode or the object name." */
export function findSpec(urlName: string): ObjectSpec | undefined {
	return BY_NAME.get(urlName.toLowerCase());
}

export function specFor(objCode: string): ObjectSpec {
	const spec = findSpec(objCode);
	if (!spec) throw new Error(`No spec for ${objCode}`);
	return spec;
}
