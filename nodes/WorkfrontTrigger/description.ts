import type { INodeProperties } from 'n8n-workflow';

import { OBJECT_TYPE_OPTIONS } from './objectTypes';
import {
	MAX_FILTER_GROUPS,
	MAX_FILTERS_PER_GROUP,
	MIN_FILTERS_PER_GROUP,
} from '../shared/core/limits';

const COMPARISONS = [
	{ name: 'Changed', value: 'changed', description: 'The field has a new value' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Contains Only', value: 'containsOnly' },
	{ name: 'Does Not Contain', value: 'notContains' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Not Equal', value: 'ne' },
];

/** One filter: the fields of a row of Filters, and of a row inside a filter group. */
const FILTER_FIELDS: INodeProperties[] = [
	{
		displayName: 'Comparison',
		name: 'comparison',
		type: 'options',
		default: 'eq',
		options: COMPARISONS,
	},
	{
		displayName: 'Field Name',
		name: 'fieldName',
		type: 'string',
		default: '',
		placeholder: 'e.g. status',
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		default: 'newState',
		options: [
			{ name: 'New Value', value: 'newState' },
			{ name: 'Old Value', value: 'oldState' },
		],
	},
	{
		displayName: 'Value',
		name: 'fieldValue',
		type: 'string',
		default: '',
		description:
			'Sent as text, numbers included (as in Adobe\'s examples). For a multi-select field, a JSON list such as ["Web","Email"]. For a Planning record\'s data (Field Name data), a JSON object of field IDs and values such as {"F693ab1c96f11ea3f4175e710": "Active"}.',
	},
];

/** The Workfront Trigger's parameters: what to subscribe to, which events pass, what to output. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Event subscriptions need a Workfront System Administrator as the credential's user, and Workfront must be able to reach this n8n's webhook URL. Behind a firewall, use the Workfront Poll Trigger.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Object Type',
		name: 'objectType',
		type: 'options',
		default: 'PROJ',
		options: OBJECT_TYPE_OPTIONS,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['CREATE', 'UPDATE'],
		options: [
			{ name: 'Created', value: 'CREATE' },
			{ name: 'Deleted', value: 'DELETE' },
			{ name: 'Updated', value: 'UPDATE' },
		],
		description: 'Each event is one subscription in Workfront',
	},
	{
		displayName: 'Only This Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description:
			'Only events of this one record (its ID or Workfront URL); empty for every record of the type',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description: 'Workfront checks these before it sends an event',
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: FILTER_FIELDS,
			},
		],
	},
	{
		displayName: 'Filter Groups',
		name: 'filterGroups',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter Group',
		default: {},
		description: `Filters combined among themselves first, by their own Match; each group then counts as one filter. Up to ${MAX_FILTER_GROUPS} groups of ${MIN_FILTERS_PER_GROUP} to ${MAX_FILTERS_PER_GROUP} filters.`,
		options: [
			{
				displayName: 'Group',
				name: 'group',
				values: [
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Filter',
						default: {},
						description: `${MIN_FILTERS_PER_GROUP} to ${MAX_FILTERS_PER_GROUP} filters`,
						options: [{ displayName: 'Filter', name: 'filter', values: FILTER_FIELDS }],
					},
					{
						displayName: 'Match',
						name: 'connector',
						type: 'options',
						default: 'AND',
						options: [
							{ name: 'All Filters in the Group', value: 'AND' },
							{ name: 'Any Filter in the Group', value: 'OR' },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Match',
		name: 'filterConnector',
		type: 'options',
		default: 'AND',
		description: 'How Filters and Filter Groups combine',
		options: [
			{ name: 'All Filters and Groups', value: 'AND' },
			{ name: 'Any Filter or Group', value: 'OR' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		// Shown from the start: a user testing with the credential's own user must see why their
		// change does not arrive. Removing the option keeps it on; switching it off turns it off.
		default: { ignoreOwnEvents: true },
		options: [
			{
				displayName: "Ignore Changes by This Credential's User",
				name: 'ignoreOwnEvents',
				type: 'boolean',
				default: true,
				description:
					"Whether to ignore creations and updates made by the credential's user, so that a workflow that writes to Workfront does not trigger itself (Workfront does not say who deleted a record)",
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'changes',
				options: [
					{ name: 'New and Old State with Changed Fields', value: 'changes' },
					{
						name: 'New State Only',
						value: 'newState',
						description: 'The record as it is now; for a deletion, as it was',
					},
					{ name: 'Whole Event', value: 'event', description: 'As Workfront delivered it' },
				],
			},
		],
	},
];
