import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { failItem, readParameter } from '../shared/params/parameters';
import { RecordIdError, parseRecordId } from '../shared/params/recordId';

interface FilterRow {
	fieldName?: string;
	comparison?: string;
	fieldValue?: string;
	state?: string;
}

/** The Filters parameter as Workfront's subscription filters; a row without a field name is an error. */
export function readSubscriptionFilters(context: IHookFunctions): IDataObject[] {
	const rows = (readParameter(context, 'filters.filter', 0, []) as FilterRow[]) ?? [];
	return rows.map((row, index) => {
		const fieldName = String(row.fieldName ?? '').trim();
		if (!fieldName)
			failItem(
				context,
				undefined,
				`Filter ${index + 1}: Field Name is empty`,
				'Enter the field, e.g. status, or remove the filter.',
			);
		return {
			fieldName,
			comparison: row.comparison ?? 'eq',
			// Sent as typed: every filter example of Adobe's Event Subscription API sends fieldValue as a
			// string (Experience League, "Event subscription API", filtering examples), numbers included.
			fieldValue: String(row.fieldValue ?? '').trim(),
			state: row.state ?? 'newState',
		};
	});
}

/** The optional "Only This Record ID" parameter, as an ID. */
export function readSubscribedRecordId(context: IHookFunctions): string | undefined {
	const text = String(readParameter(context, 'recordId', 0, '') ?? '').trim();
	if (!text) return undefined;
	try {
		return parseRecordId(text, 'Only This Record ID');
	} catch (error) {
		// parseRecordId throws nothing else.
		const { message, description } = error as RecordIdError;
		return failItem(context, undefined, message, description);
	}
}
