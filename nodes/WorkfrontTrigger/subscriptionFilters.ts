import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import { RecordIdError, parseRecordId } from '../shared/params/recordId';

interface FilterRow {
	fieldName?: string;
	comparison?: string;
	fieldValue?: string;
	state?: string;
}

/** The Filters parameter as Workfront's subscription filters; a row without a field name is an error. */
export function readSubscriptionFilters(context: IHookFunctions): IDataObject[] {
	const rows = (context.getNodeParameter('filters.filter', []) as FilterRow[]) ?? [];
	return rows.map((row, index) => {
		const fieldName = String(row.fieldName ?? '').trim();
		if (!fieldName)
			throw new NodeOperationError(context.getNode(), `Filter ${index + 1}: Field Name is empty`, {
				description: 'Enter the field, e.g. status, or remove the filter.',
			});
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
	const text = String(context.getNodeParameter('recordId', '') ?? '').trim();
	if (!text) return undefined;
	try {
		return parseRecordId(text, 'Only This Record ID');
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as RecordIdError).message, {
			description: (error as RecordIdError).description,
		});
	}
}
