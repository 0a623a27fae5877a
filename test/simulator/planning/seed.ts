import type { Field, PlanningStore, RecordType, Workspace } from './store';

export interface PlanningSeedOptions {
	/** Campaign records to add (default 3). */
	campaigns?: number;
}

export interface PlanningSeed {
	workspace: Workspace;
	campaigns: RecordType;
	personas: RecordType;
	/** The Campaigns fields by a short name. */
	fields: Record<
		| 'name'
		| 'brief'
		| 'budget'
		| 'leads'
		| 'progress'
		| 'launch'
		| 'status'
		| 'channels'
		| 'approved'
		| 'owner'
		| 'team'
		| 'personas'
		| 'costPerLead'
		| 'segment',
		Field
	>;
	personaName: Field;
	personaIds: string[];
	campaignIds: string[];
}

/**
 * A Planning workspace with a record type of every field type SPEC lists (text, long text,
 * number, percentage, currency, date, single and multi select with options, checkbox, people,
 * reference, formula) and a lookup, plus a second record type it references; a table view; a few
 * records.
 */
export function seedPlanning(
	store: PlanningStore,
	options: PlanningSeedOptions = {},
): PlanningSeed {
	const workspace = store.addWorkspace({ name: 'Marketing', description: 'Campaign planning' });
	const personas = store.addRecordType(workspace.id, { displayName: 'Personas', icon: 'person' });
	const personaName = store.addField(personas.id, { displayName: 'Name', type: 'TEXT' });
	const personaIds = ['Developers', 'Marketers'].map(
		(name) => store.addRecord(personas.id, { [personaName.id]: name }).id,
	);
	const campaigns = store.addRecordType(workspace.id, {
		displayName: 'Campaigns',
		icon: 'megaphone',
	});
	const add = (displayName: string, type: string, extra: Partial<Field> = {}) =>
		store.addField(campaigns.id, { displayName, type, ...extra });
	const budget = add('Budget', 'CURRENCY', { numberOptions: { precision: 2, currency: 'USD' } });
	const leads = add('Leads', 'NUMBER', { numberOptions: { precision: 0 } });
	const fields: PlanningSeed['fields'] = {
		name: add('Name', 'TEXT'),
		brief: add('Brief', 'PARAGRAPH'),
		budget,
		leads,
		progress: add('Progress', 'PERCENTAGE'),
		launch: add('Launch Date', 'DATE', { dateOptions: { dateFormat: 'iso' } }),
		status: add('Status', 'SINGLE_SELECT', {
			options: [
				{ name: 'planned', displayName: 'Planned', color: '#cccccc' },
				{ name: 'active', displayName: 'Active', color: '#00aa00' },
				{ name: 'done', displayName: 'Done', color: '#0000aa' },
			],
		}),
		channels: add('Channels', 'MULTI_SELECT', {
			options: [
				{ name: 'web', displayName: 'Web' },
				{ name: 'email', displayName: 'Email' },
				{ name: 'social', displayName: 'Social' },
			],
		}),
		approved: add('Approved', 'CHECKBOX'),
		owner: add('Owner', 'USER', { userOptions: { multipleUsersAllowed: false } }),
		team: add('Team', 'USER', { userOptions: { multipleUsersAllowed: true } }),
		personas: add('Personas', 'REFERENCE', {
			referenceOptions: { recordTypeId: personas.id, multiple: true },
		}),
		costPerLead: add('Cost per Lead', 'FORMULA', {
			formulaOptions: { formula: '{Budget}/{Leads}', returnType: 'CURRENCY' },
			compute: (data) =>
				typeof data[budget.id] === 'number' &&
				typeof data[leads.id] === 'number' &&
				data[leads.id] !== 0
					? (data[budget.id] as number) / (data[leads.id] as number)
					: null,
		}),
		// A lookup: SPEC reads it back with lookupOptions; its type is not in SPEC's enum.
		segment: add('Persona Name', 'TEXT', {
			lookupOptions: { referenceFieldId: '', rollup: 'dist', sourceField: { id: personaName.id } },
		}),
	};
	fields.segment.lookupOptions = {
		...fields.segment.lookupOptions,
		referenceFieldId: fields.personas.id,
	};
	store.addView(campaigns.id, { name: 'All campaigns', type: 'table' });
	store.addView(campaigns.id, { name: 'Launch calendar', type: 'calendar' });
	const statuses = ['planned', 'active', 'done'];
	const campaignIds = Array.from(
		{ length: options.campaigns ?? 3 },
		(_, index) =>
			store.addRecord(campaigns.id, {
				[fields.name.id]: `Campaign ${index + 1}`,
				[fields.budget.id]: 1000 * (index + 1),
				[fields.leads.id]: 10 * (index + 1),
				[fields.status.id]: statuses[index % 3],
				[fields.channels.id]: index % 2 === 0 ? ['web', 'email'] : ['social'],
				[fields.launch.id]: `2026-0${(index % 9) + 1}-15`,
				[fields.approved.id]: index % 2 === 0,
				[fields.personas.id]: [personaIds[index % 2]],
			}).id,
	);
	return { workspace, campaigns, personas, fields, personaName, personaIds, campaignIds };
}
