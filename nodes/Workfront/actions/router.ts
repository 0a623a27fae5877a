import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { outputsIsoDates, toIsoDates } from '../../shared/core/dates';
import { withConstantParameters } from '../../shared/execution/constantParameters';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as document from './document/Document.resource';
import * as planningField from './planningField/PlanningField.resource';
import * as planningRecord from './planningRecord/PlanningRecord.resource';
import * as planningRecordType from './planningRecordType/PlanningRecordType.resource';
import * as planningWorkspace from './planningWorkspace/PlanningWorkspace.resource';
import * as record from './record/Record.resource';

type Operation = {
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
};

/**
 * Resources whose answers hold Workfront's own date form (`2026-10-08T18:00:00:000-0600`, the
 * classic REST API). Planning writes ISO 8601 already (SPEC: `format: date-time`), so a text value
 * of a Planning record that happens to look like Workfront's form is the user's, and stays.
 */
const CLASSIC_ANSWERS = new Set(['record', 'document', 'customApiCall']);

const RESOURCES: Record<string, Record<string, Operation>> = {
	record: record.operations,
	document: document.operations,
	customApiCall: customApiCall.operations,
	planningRecord: planningRecord.operations,
	planningWorkspace: planningWorkspace.operations,
	planningRecordType: planningRecordType.operations,
	planningField: planningField.operations,
};

/** Hands all input items to the chosen operation; operations handle items, pairing and Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const output = await handler.execute.call(withConstantParameters(this), items);
	// Version 2 writes Workfront's dates as n8n reads them (ISO 8601); a workflow saved with
	// version 1 keeps Workfront's own form, which its later nodes may rely on.
	if (CLASSIC_ANSWERS.has(resource) && outputsIsoDates(this.getNode().typeVersion))
		for (const item of output) toIsoDates(item.json);
	return [output];
}
