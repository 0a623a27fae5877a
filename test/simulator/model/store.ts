import { randomBytes } from 'node:crypto';

import { specFor, type ObjectSpec } from './schema';

export interface RecordChange {
	eventType: 'CREATE' | 'UPDATE' | 'DELETE';
	objCode: string;
	before: WfRecord | undefined;
	after: WfRecord | undefined;
}

export type WfRecord = Record<string, unknown> & {
	ID: string;
	objCode: string;
	parameterValues: Record<string, unknown>;
};

/** An error Workfront would answer with; handlers turn it into the error envelope. */
export class WorkfrontFault extends Error {
	constructor(
		readonly status: number,
		readonly errorClass: string,
		message: string,
	) {
		super(message);
	}
}

export const invalidParameter = (message: string) =>
	new WorkfrontFault(422, 'com.attask.common.InvalidParameterException', message);
export const notFound = (message: string) =>
	new WorkfrontFault(404, 'com.attask.common.NotFoundException', message);

let sequence = 0;
/** 32 lowercase hex characters, as Workfront IDs are; unique within the process. */
export function newId(): string {
	sequence += 1;
	return `${sequence.toString(16).padStart(8, '0')}${randomBytes(12).toString('hex')}`;
}

/** The in-memory database: one ordered map of records per object code. */
export class ObjectStore {
	private readonly tables = new Map<string, Map<string, WfRecord>>();

	/** Bumped on every write, so cached query results know when they are stale. */
	version = 0;

	/** Told of every change while set: the REST handlers set it, so API writes raise events and seeding does not. */
	changeListener?: (change: RecordChange) => void;

	constructor(private readonly now: () => number) {}

	nowMs(): number {
		return this.now();
	}

	table(objCode: string): Map<string, WfRecord> {
		let table = this.tables.get(objCode);
		if (!table) {
			table = new Map();
			this.tables.set(objCode, table);
		}
		return table;
	}

	all(objCode: string): WfRecord[] {
		return [...this.table(objCode).values()];
	}

	get(objCode: string, id: string): WfRecord | undefined {
		return this.table(objCode).get(id);
	}

	require(spec: ObjectSpec, id: string): WfRecord {
		const record = this.get(spec.objCode, id);
		if (!record) throw notFound(`${spec.name} with ID ${id} was not found`);
		return record;
	}

	timestamp(): string {
		return new Date(this.now()).toISOString();
	}

	/** Inserts without validation: for seeding and for actions that build records themselves. */
	insert(objCode: string, values: Record<string, unknown>, actorId?: string): WfRecord {
		const spec = specFor(objCode);
		const now = this.timestamp();
		const record: WfRecord = {
			...Object.fromEntries(
				Object.entries(spec.fields)
					.filter(([, field]) => field.default !== undefined)
					.map(([name, field]) => [name, field.default]),
			),
			entryDate: now,
			lastUpdateDate: now,
			enteredByID: actorId ?? null,
			lastUpdatedByID: actorId ?? null,
			...values,
			ID: typeof values.ID === 'string' ? values.ID : newId(),
			objCode: spec.objCode,
			parameterValues: { ...((values.parameterValues as Record<string, unknown>) ?? {}) },
		};
		this.table(spec.objCode).set(record.ID, record);
		this.version += 1;
		this.changeListener?.({
			eventType: 'CREATE',
			objCode: spec.objCode,
			before: undefined,
			after: record,
		});
		return record;
	}

	update(record: WfRecord, values: Record<string, unknown>, actorId?: string): WfRecord {
		const before = this.changeListener ? structuredClone(record) : undefined;
		const { parameterValues, ...rest } = values;
		Object.assign(record, rest, {
			lastUpdateDate: this.timestamp(),
			lastUpdatedByID: actorId ?? record.lastUpdatedByID,
		});
		if (parameterValues) Object.assign(record.parameterValues, parameterValues);
		this.version += 1;
		this.changeListener?.({ eventType: 'UPDATE', objCode: record.objCode, before, after: record });
		return record;
	}

	remove(objCode: string, id: string): void {
		const before = this.table(objCode).get(id);
		this.table(objCode).delete(id);
		this.version += 1;
		if (before) this.changeListener?.({ eventType: 'DELETE', objCode, before, after: undefined });
	}

	count(objCode: string): number {
		return this.table(objCode).size;
	}
}
