/**
 * The object types the Workfront Trigger offers: every objCode of Adobe's Event Subscription API,
 * with Adobe's names. Source: Experience League, "Event Subscription API" (AdobeDocs/workfront.en,
 * help/quicksilver/wf-api/general/event-subs-api.md at e889906d, 2026-08-20): the list "Objects
 * supported by event subscriptions" (lines 61-95) and the objCode table of "Forming the subscription
 * resource", whose codes are "the possible values for objCode" (lines 122-261): 31 types, the same in
 * both. The codes are kept exactly as printed: the three approval objects are lower case
 * (`approval`, `approval_stage`, `approval_stage_participant`), and Adobe does not say that
 * Workfront reads objCodes case-insensitively. test/conformance/eventSubscriptions.test.ts checks
 * this list against the table, both ways.
 *
 * Not offered: PARAM (custom field) and CTGY (custom form). "Event subscription resource fields"
 * (help/quicksilver/wf-api/api/event-sub-resource-fields.md, lines 467-610, added 2026-06-22 in
 * 7c4ce737) lists their payload fields, but the API page, edited two months later, still does not
 * name them among the objCodes a subscription may have. A type offered in the list must be one that
 * Workfront documents as subscribable; a user who knows better can still give either code by
 * expression, and the trigger sends it as given.
 *
 * `v2Only`: the objects "available only in Event Subscriptions version 2", marked "(Event Subs v2)"
 * in the resource fields page (line 37 and its table). The Planning objects (RECORD, RECORD_TYPE,
 * WORKSPACE, FIELD) are among them; their payloads name their fields the Planning way (`id`,
 * `createdBy`, `updatedBy`) rather than `ID` and `lastUpdatedByID`.
 */
export interface SubscribableType {
	/** Adobe's name of the object, as the options list shows it. */
	name: string;
	objCode: string;
	v2Only: boolean;
}

const type = (name: string, objCode: string, v2Only = false): SubscribableType => ({
	name,
	objCode,
	v2Only,
});

export const SUBSCRIBABLE_TYPES: SubscribableType[] = [
	type('Approval', 'approval', true),
	type('Approval Stage', 'approval_stage', true),
	type('Approval Stage Participant', 'approval_stage_participant', true),
	type('Assignment', 'ASSGN'),
	type('Company', 'CMPY'),
	type('Dashboard', 'PTLTAB'),
	type('Document', 'DOCU'),
	type('Document Version', 'DOCV'),
	type('Expense', 'EXPNS'),
	type('Field', 'FIELD', true),
	type('Hour', 'HOUR'),
	type('Issue', 'OPTASK'),
	type('Note', 'NOTE'),
	type('Portfolio', 'PORT'),
	type('Program', 'PRGM'),
	type('Project', 'PROJ'),
	type('Proof Approval', 'PRFAPL'),
	type('Record', 'RECORD', true),
	type('Record Type', 'RECORD_TYPE', true),
	type('Report', 'PTLSEC'),
	type('Staffing Plan', 'STAFFP', true),
	type('Staffing Plan Parameter Value', 'SPVAL', true),
	type('Staffing Plan Resource', 'STAFFR', true),
	type('Staffing Plan Resource Attribute Value', 'SPAVAL', true),
	type('Staffing Plan Resource Attribute Value Set', 'SAVSET', true),
	type('Staffing Plan Resource Parameter Value', 'SRPVAL', true),
	type('Task', 'TASK'),
	type('Template', 'TMPL'),
	type('Timesheet', 'TSHET'),
	type('User', 'USER'),
	type('Workspace', 'WORKSPACE', true),
];

const PLANNING = new Set(['FIELD', 'RECORD', 'RECORD_TYPE', 'WORKSPACE']);

/** The Object Type options: Adobe's name, the objCode, and what the code cannot tell. */
export const OBJECT_TYPE_OPTIONS = SUBSCRIBABLE_TYPES.map(({ name, objCode, v2Only }) => ({
	name,
	value: objCode,
	description: [
		`objCode ${objCode}`,
		PLANNING.has(objCode) ? 'Workfront Planning' : '',
		v2Only ? 'event subscriptions version 2 only' : '',
	]
		.filter(Boolean)
		.join('; '),
}));

/** Whether Adobe marks the type as available only in event subscriptions version 2. */
export function isV2Only(objCode: string): boolean {
	return SUBSCRIBABLE_TYPES.some((known) => known.objCode === objCode && known.v2Only);
}
