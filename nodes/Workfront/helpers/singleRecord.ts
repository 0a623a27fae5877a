import type { IDataObject } from 'n8n-workflow';

/** Workfront answers a get with one object; one of its documents shows a one-element list. Both are accepted. */
export function singleRecord(answer: unknown): IDataObject {
	const record = Array.isArray(answer) ? answer[0] : answer;
	return record && typeof record === 'object' ? (record as IDataObject) : {};
}
