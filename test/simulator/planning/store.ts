/**
 * What the simulator's Workfront Planning holds: workspaces, record types, fields, views and
 * records, shaped as Adobe's OpenAPI file (SPEC: AdobeDocs/Workfront-Planning-API static/v2.json)
 * describes its DTOs. Limits are the SPEC's "Limits and Quotas" tag.
 */

export interface UserReference {
	id: string;
	name: string;
}

interface Entity {
	id: string;
	createdBy: UserReference;
	createdAt: string;
	updatedBy: UserReference;
	updatedAt: string;
}

export interface Workspace extends Entity {
	name: string;
	alias: string;
	description?: string;
	color?: string;
	icon?: string;
	ownerId?: string;
	recordTypeSections?: unknown[];
}

export interface RecordType extends Entity {
	workspaceId: string;
	displayName: string;
	alias: string;
	description?: string;
	primaryFieldId?: string;
	icon?: string;
	color?: string;
	isExternal?: boolean;
}

export interface FieldOption {
	name: string;
	displayName: string;
	color?: string;
}

export interface Field extends Entity {
	recordTypeId: string;
	displayName: string;
	alias: string;
	type: string;
	description?: string;
	options?: FieldOption[];
	numberOptions?: Record<string, unknown>;
	dateOptions?: Record<string, unknown>;
	userOptions?: { multipleUsersAllowed?: boolean };
	referenceOptions?: { recordTypeId?: string; multiple?: boolean };
	formulaOptions?: Record<string, unknown>;
	lookupOptions?: Record<string, unknown>;
	isHtmlNative?: boolean;
	/** A formula's value, computed by the simulator from the record (see model.ts). */
	compute?: (data: Record<string, unknown>) => unknown;
}

export interface View extends Entity {
	recordTypeId: string;
	name: string;
	type: string;
	filter?: unknown[];
	sorting?: unknown[];
	grouping?: unknown[];
	isHidden?: boolean;
}

export interface PlanningRecord extends Entity {
	recordTypeId: string;
	data: Record<string, unknown>;
	thumbnailUrl: string;
}

/** One request as received below /maestro, for the conformance suite and the tests. */
export interface PlanningRequestLog {
	method: string;
	/** Below /maestro/api, e.g. /v2/records/Rc…. */
	path: string;
	query: string;
	body: unknown;
	/** The headers Adobe's v1 file names (v2 is silent): whether each was sent. */
	headers: {
		authorization: boolean;
		orgId: boolean;
		apiKey: string | undefined;
		sessionId: boolean;
	};
	status: number;
}

/**
 * What the next bulk request does with each item, for tests that need 207 answers of every kind:
 * `success` (applied and reported), `error` (refused and reported: nothing applied),
 * `appliedSilent` (applied, but the answer has no result for it) and `skippedSilent` (not applied,
 * no result). `order` lists result positions to answer in (results out of input order, which
 * `requestIndex` makes harmless). Adobe's 207 answers are described by SPEC
 * `RecordBulkResponseDto`; which item fails when is not something a client controls, so tests set it.
 */
export interface BulkPlan {
	fates: Array<'success' | 'error' | 'appliedSilent' | 'skippedSilent'>;
	order?: number[];
}

/** The simulator's technical user on Planning's side: SPEC shows IMS-style user IDs in `UserReferenceDto`. */
export const PLANNING_USER: UserReference = {
	id: '1C341E0B5F1B4A2C0A495C4D@0bd0201f5f1b4a2c0a495c4d',
	name: 'Technical Account',
};

export class PlanningStore {
	readonly workspaces = new Map<string, Workspace>();
	readonly recordTypes = new Map<string, RecordType>();
	readonly fields = new Map<string, Field>();
	readonly views = new Map<string, View>();
	readonly records = new Map<string, PlanningRecord>();
	/** Record IDs by record type, so that a record type's records are found without a scan. */
	private readonly byType = new Map<string, Set<string>>();
	readonly requests: PlanningRequestLog[] = [];
	readonly bulkPlans: BulkPlan[] = [];
	private sequence = 0;

	constructor(private readonly now: () => number) {}

	/** IDs as SPEC's examples look: a prefix and 24 hexadecimal digits (`Rc69b2a78e63cd0d41a1bedf2e`). */
	newId(prefix: string): string {
		this.sequence += 1;
		return `${prefix}${(0x69b14f7e0000 + this.sequence).toString(16).padStart(24, '0')}`;
	}

	/** SPEC `createdAt`: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`. */
	timestamp(): string {
		return new Date(this.now()).toISOString();
	}

	stamp(): Entity {
		const at = this.timestamp();
		return {
			id: '',
			createdBy: PLANNING_USER,
			createdAt: at,
			updatedBy: PLANNING_USER,
			updatedAt: at,
		};
	}

	addWorkspace(values: Partial<Workspace> & { name: string }): Workspace {
		const id = this.newId('Ws');
		const workspace: Workspace = {
			...this.stamp(),
			alias: values.name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
			recordTypeSections: [],
			...values,
			id,
		};
		this.workspaces.set(id, workspace);
		return workspace;
	}

	addRecordType(
		workspaceId: string,
		values: Partial<RecordType> & { displayName: string },
	): RecordType {
		const id = this.newId('Rt');
		const recordType: RecordType = {
			...this.stamp(),
			alias: values.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
			...values,
			workspaceId,
			id,
		};
		this.recordTypes.set(id, recordType);
		return recordType;
	}

	addField(
		recordTypeId: string,
		values: Partial<Field> & { displayName: string; type: string },
	): Field {
		const id = this.newId('F');
		const field: Field = {
			...this.stamp(),
			alias: values.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
			...values,
			recordTypeId,
			id,
		};
		if (field.options)
			field.options = field.options.map((option, index) => ({
				...option,
				name: option.name ?? `opt${index + 1}`,
				displayName: option.displayName ?? String(option.name),
			}));
		this.fields.set(id, field);
		const recordType = this.recordTypes.get(recordTypeId);
		if (recordType && !recordType.primaryFieldId) recordType.primaryFieldId = id;
		return field;
	}

	addView(recordTypeId: string, values: Partial<View> & { name: string; type: string }): View {
		const id = this.newId('V');
		const view: View = { ...this.stamp(), ...values, recordTypeId, id };
		this.views.set(id, view);
		return view;
	}

	addRecord(recordTypeId: string, data: Record<string, unknown>): PlanningRecord {
		const id = this.newId('Rc');
		const record: PlanningRecord = {
			...this.stamp(),
			recordTypeId,
			data,
			thumbnailUrl: '/maestro/static/thumbnail/default/thumbnail-1.png',
			id,
		};
		this.records.set(id, record);
		let ids = this.byType.get(recordTypeId);
		if (!ids) {
			ids = new Set();
			this.byType.set(recordTypeId, ids);
		}
		ids.add(id);
		return record;
	}

	deleteRecord(id: string): void {
		const record = this.records.get(id);
		if (!record) return;
		this.records.delete(id);
		this.byType.get(record.recordTypeId)?.delete(id);
	}

	fieldsOf(recordTypeId: string): Field[] {
		return [...this.fields.values()].filter((field) => field.recordTypeId === recordTypeId);
	}

	recordsOf(recordTypeId: string): PlanningRecord[] {
		return [...(this.byType.get(recordTypeId) ?? [])].map(
			(id) => this.records.get(id) as PlanningRecord,
		);
	}

	countOf(recordTypeId: string): number {
		return this.byType.get(recordTypeId)?.size ?? 0;
	}
}
