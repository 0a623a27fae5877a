import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	recordTypeLocator,
	workspaceForRecordType,
} from '../../../shared/descriptions/planning.description';
import { showOnlyFor } from '../../../shared/descriptions/displayOptions';
import { forEachItem } from '../../../shared/execution/perItem';
import { PLANNING_FIELD_TYPES } from '../../../shared/core/planning';
import { readPlanningId } from '../../../shared/params/planningIds';
import { readFieldDefinition } from '../../../shared/params/planningFieldDefinition';
import { planningPath, planningRequest } from '../../../shared/transport/planning';

const typeName = (type: string) =>
	type
		.toLowerCase()
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

const showFor = (...types: string[]) => ({ show: { '/fieldType': types } });

export const description: INodeProperties[] = showOnlyFor(
	{ resource: ['planningField'], operation: ['create'] },
	[
		workspaceForRecordType,
		recordTypeLocator,
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			required: true,
			description: 'The name of the field, unique in the record type (at most 256 characters)',
		},
		{
			displayName: 'Type',
			name: 'fieldType',
			type: 'options',
			default: 'TEXT',
			// Adobe's type names, as a list sorted by name.
			options: [...PLANNING_FIELD_TYPES]
				.map((type) => ({ name: typeName(type), value: type }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		},
		{
			displayName: 'Field Options',
			name: 'fieldOptions',
			type: 'collection',
			placeholder: 'Add Field Option',
			default: {},
			options: [
				{
					displayName: 'Additional Settings (JSON)',
					name: 'json',
					type: 'json',
					default: '{}',
					description:
						'Any other key of Adobe\'s FieldDto, merged last, e.g. {"referenceOptions": {"lookupFields": [{"fieldId": "F…"}]}}',
				},
				{
					displayName: 'Allow Negatives',
					name: 'allowNegatives',
					type: 'boolean',
					default: true,
					description: 'Whether the number may be negative (number, percentage, currency)',
					displayOptions: showFor('NUMBER', 'PERCENTAGE', 'CURRENCY'),
				},
				{
					displayName: 'Currency',
					name: 'currency',
					type: 'string',
					default: 'USD',
					description: 'ISO currency code, e.g. USD, EUR',
					displayOptions: showFor('CURRENCY'),
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'What the field is for (at most 512 characters)',
				},
				{
					displayName: 'Formula',
					name: 'formula',
					type: 'string',
					default: '',
					description: 'The formula expression (at most 50,000 characters)',
					displayOptions: showFor('FORMULA'),
				},
				{
					displayName: 'HTML Native',
					name: 'isHtmlNative',
					type: 'boolean',
					default: false,
					description: 'Whether the long text field holds HTML',
					displayOptions: showFor('PARAGRAPH'),
				},
				{
					displayName: 'Multiple People',
					name: 'multipleUsersAllowed',
					type: 'boolean',
					default: false,
					description: 'Whether the field holds several people',
					displayOptions: showFor('USER'),
				},
				{
					displayName: 'Multiple Records',
					name: 'multiple',
					type: 'boolean',
					default: true,
					description: 'Whether the field connects several records',
					displayOptions: showFor('REFERENCE'),
				},
				{
					displayName: 'Precision',
					name: 'precision',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 4 },
					default: 0,
					description: 'Decimal places, 0 to 4',
					displayOptions: showFor('NUMBER', 'PERCENTAGE', 'CURRENCY'),
				},
				{
					displayName: 'Referenced Record Type ID',
					name: 'referencedRecordTypeId',
					type: 'string',
					default: '',
					placeholder: 'e.g. Rt69b14f7e0e38f35f28c3ccee',
					description: 'The record type the field connects to',
					displayOptions: showFor('REFERENCE'),
				},
				{
					displayName: 'Select Options',
					name: 'selectOptions',
					type: 'string',
					default: '',
					placeholder: 'e.g. Planned, Active, Done',
					description: 'The choices, separated by commas',
					displayOptions: showFor('SINGLE_SELECT', 'MULTI_SELECT'),
				},
			],
		},
	],
);

/** `POST /v2/record-types/{id}/fields` (createField, 201): the new field. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const recordTypeId = readPlanningId(this, itemIndex, 'recordType', 'recordType');
		return await planningRequest(this, {
			method: 'POST',
			path: planningPath('record-types', recordTypeId, 'fields'),
			body: readFieldDefinition(this, itemIndex),
			itemIndex,
		});
	});
}
