import { ExecuteContext, PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRunExecutionData,
} from 'n8n-workflow';

import { createAdditionalData } from '../harness/additionalData';
import { TestNodeTypes } from '../harness/nodeTypes';
import { WorkfrontPollTrigger } from '../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { CREDENTIAL_ID, NODE_TYPES, createHelper } from '../harness/runWorkflow';

const POLL_TYPE = 'n8n-nodes-workfront.workfrontPollTrigger';
const TYPES = new TestNodeTypes({ ...NODE_TYPES, [POLL_TYPE]: new WorkfrontPollTrigger() });

export interface NodeContextOptions {
	/** The Workfront node's parameters as the editor stores them; n8n fills in the defaults. */
	parameters: IDataObject;
	/** The node's input items (one empty item by default). */
	input?: IDataObject[];
	/** Settings > On Error: Continue (regular output). */
	continueOnFail?: boolean;
}

/**
 * n8n-core's real execution context of the Workfront node, as WorkflowExecute hands it to
 * `execute`: parameters completed with their defaults by n8n's Workflow, expressions resolved
 * against the input items, `continueOnFail` from the node's On Error setting. For tests of code
 * that reads parameters and reports errors; nothing is sent (the stored credential points nowhere).
 */
export function workfrontExecuteContext(options: NodeContextOptions): ExecuteContext {
	const items: INodeExecutionData[] = (options.input ?? [{}]).map((json, index) => ({
		json,
		pairedItem: { item: index },
	}));
	const definition: INode = {
		id: 'workfront',
		name: 'Workfront',
		type: 'n8n-nodes-workfront.workfront',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INodeParameters,
		credentials: { workfrontJwtApi: { id: CREDENTIAL_ID, name: 'Workfront test' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-unit',
		nodes: [definition],
		connections: {},
		active: false,
		nodeTypes: TYPES,
		settings: { executionOrder: 'v1' },
	});
	const node = workflow.getNode('Workfront') as INode;
	const helper = createHelper({ url: 'https://unused.invalid', accessToken: '' });
	return new ExecuteContext(
		workflow,
		node,
		createAdditionalData(helper),
		'manual',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
}

/**
 * n8n-core's real poll context of the Workfront Poll Trigger: one set of parameters, no items (a
 * trigger's parameters are read without an item index).
 */
export function workfrontPollContext(parameters: IDataObject): PollContext {
	const definition: INode = {
		id: 'poll',
		name: 'Workfront Poll Trigger',
		type: POLL_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INodeParameters,
		credentials: { workfrontJwtApi: { id: CREDENTIAL_ID, name: 'Workfront test' } },
	};
	const workflow = new Workflow({
		id: 'wf-unit-poll',
		nodes: [definition],
		connections: {},
		active: false,
		nodeTypes: TYPES,
		settings: { executionOrder: 'v1' },
	});
	const node = workflow.getNode(definition.name) as INode;
	const helper = createHelper({ url: 'https://unused.invalid', accessToken: '' });
	return new PollContext(workflow, node, createAdditionalData(helper), 'trigger', 'activate');
}
