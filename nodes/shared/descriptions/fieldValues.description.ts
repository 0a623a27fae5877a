import type { INodeProperties } from 'n8n-workflow';

const VALUE_TYPES = [
	{ name: 'Text', value: 'string' },
	{ name: 'Number', value: 'number' },
	{ name: 'Boolean', value: 'boolean' },
	{ name: 'Date & Time', value: 'dateTime' },
	{ name: 'JSON (Objects, Lists)', value: 'json' },
	{ name: 'Empty (Null)', value: 'null' },
	{ name: 'Record (From List or ID)', value: 'record' },
];

/**
 * Map Each Field. Create works in n8n's "add" mode, where Workfront's required fields are
 * required; Update works in "update" mode: the ID column is the column to match on, as in n8n's
 * other mapper nodes, and nothing else is required.
 */
function mapperProperty(operation: 'create' | 'update'): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			// The operation too: Create and Update share this parameter, and without it the editor
			// kept Create's columns after a switch to Update ("No field that can be used for matching
			// found") until Refresh was pressed.
			loadOptionsDependsOn: ['objectType', 'objectCode', 'operation'],
			resourceMapper: {
				resourceMapperMethod: 'getColumns',
				mode: operation === 'create' ? 'add' : 'update',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
				...(operation === 'update'
					? {
							matchingFieldsLabels: {
								title: 'Record to Update',
								description: 'The field that identifies the record: its ID',
								hint: 'Map the ID of the record to update, e.g. {{ $json.ID }}',
							},
						}
					: {}),
			},
		},
		displayOptions: { show: { inputMode: ['mapper'] } },
	};
}

/**
 * Fields to Leave Out acts only where the input item's keys are sent: Map Input Fields
 * Automatically, or Map Each Field set to map automatically. Elsewhere it would do nothing. n8n
 * shows a property under one set of conditions, so it is declared once for each.
 */
const leaveOutProperties: INodeProperties[] = [
	{ inputMode: ['auto'] },
	{ inputMode: ['mapper'], '/columns.mappingMode': ['autoMapInputData'] },
].map((show) => ({
	displayName: 'Fields to Leave Out',
	name: 'ignoreFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. rowNumber, source',
	description:
		'Comma-separated keys of the input items not to send (ID and objCode are never sent as fields)',
	displayOptions: { show },
}));

const showFor = (types: string[]) => ({ show: { valueType: types } });

/** How Create and Update take field values: the resource mapper, typed rows, JSON or the input item. */
export function fieldValuesProperties(operation: 'create' | 'update'): INodeProperties[] {
	return [
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			default: 'mapper',
			options: [
				{
					name: 'Map Each Field',
					value: 'mapper',
					description:
						"Your Workfront's fields for this object type, typed, custom fields included",
				},
				{
					name: 'Define Fields Below',
					value: 'fields',
					description: 'One row per field, each with its type',
				},
				{ name: 'JSON', value: 'json', description: 'One JSON object of field names and values' },
				{
					name: 'Map Input Fields Automatically',
					value: 'auto',
					description:
						"Send each input item's fields as they are: its keys must be Workfront field names",
				},
			],
		},
		mapperProperty(operation),
		...leaveOutProperties,
		{
			displayName: 'Fields',
			name: 'fieldValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { inputMode: ['fields'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. name, projectID or DE:Region',
							description:
								'Case-sensitive Workfront field name; custom fields as DE:&lt;name&gt;. For a field that points at a record (projectID, assignedToID), choose the type Record to pick it from a list.',
						},
						{
							displayName: 'Type',
							name: 'valueType',
							type: 'options',
							default: 'string',
							options: VALUE_TYPES,
						},
						{
							displayName: 'Value',
							name: 'stringValue',
							type: 'string',
							default: '',
							displayOptions: showFor(['string']),
						},
						{
							displayName: 'Value',
							name: 'numberValue',
							type: 'number',
							default: 0,
							displayOptions: showFor(['number']),
						},
						{
							displayName: 'Value',
							name: 'booleanValue',
							type: 'boolean',
							default: false,
							displayOptions: showFor(['boolean']),
						},
						{
							displayName: 'Value',
							name: 'dateTimeValue',
							type: 'dateTime',
							default: '',
							displayOptions: showFor(['dateTime']),
						},
						{
							displayName: 'Value (JSON)',
							name: 'jsonValue',
							type: 'json',
							default: '',
							description: 'A JSON value, e.g. ["A","B"] for a multi-select custom field',
							displayOptions: showFor(['json']),
						},
						{
							// A reference field (projectID, assignedToID, ownerID, …): the records of the
							// object type the row's Field Name references, searched by name (`&name`: n8n
							// resolves it within the row and reads the list again when it changes).
							displayName: 'Value (Record)',
							name: 'recordValue',
							type: 'resourceLocator',
							default: { mode: 'list', value: '' },
							description:
								'The record the field points at, e.g. the project of projectID: from the list (searched by name), or its ID',
							modes: [
								{
									displayName: 'From List',
									name: 'list',
									type: 'list',
									typeOptions: { searchListMethod: 'searchReferencedRecords', searchable: true },
								},
								{
									displayName: 'By ID',
									name: 'id',
									type: 'string',
									placeholder: 'e.g. 5f8e3a7b0000a1b2c3d4e5f60718293a',
								},
							],
							displayOptions: showFor(['record']),
						},
					],
				},
			],
		},
		{
			displayName: 'Fields (JSON)',
			name: 'fieldsJson',
			type: 'json',
			default: '{\n  "name": ""\n}',
			displayOptions: { show: { inputMode: ['json'] } },
			description:
				'Field names and values, e.g. {"name": "Launch", "status": "CUR", "DE:Region": "EU"}',
		},
	];
}

export const customFormsOption: INodeProperties = {
	displayName: 'Custom Form Names or IDs',
	name: 'customForms',
	type: 'multiOptions',
	typeOptions: {
		loadOptionsMethod: 'getCustomForms',
		loadOptionsDependsOn: ['objectType', 'objectCode'],
	},
	default: [],
	description:
		'Custom forms to attach, in this order (Workfront\'s objectCategories). On Update the list replaces the forms already attached. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const attachFormsOption: INodeProperties = {
	displayName: 'Attach Forms of Custom Fields',
	name: 'attachForms',
	type: 'boolean',
	default: true,
	description:
		"Whether to attach the custom form of each custom field given when none of the record's forms has it. Workfront accepts a custom field only when a form that has it is attached.",
};
