import { ExecuteContext, PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRunExecutionData,
} from 'n8n-workflow';

import { KINDS, type CredentialKind } from '../../credentials/common/kinds';
import { authenticationProperty } from '../../nodes/shared/descriptions/authentication.description';
import { WorkfrontPollTrigger } from '../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import { CREDENTIAL_ID, NODE_TYPES, createHelper } from './runWorkflow';

/**
 * n8n-core's real contexts, built as n8n builds them for one node, for tests of the code that a
 * node's `execute` or `poll` calls: parameter readers, the transport, the credential's requests.
 * A whole workflow run is `runNode` in runWorkflow.ts.
 */

const POLL_TYPE = 'n8n-nodes-workfront.workfrontPollTrigger';
const TYPES = new TestNodeTypes({ ...NODE_TYPES, [POLL_TYPE]: new WorkfrontPollTrigger() });

/** A credential that points nowhere: for code that reads parameters and sends nothing. */
const nowhere = () => createHelper({ url: 'https://unused.invalid', accessToken: '' });

const PROBE_TYPE: INodeType = {
	description: {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'A node that only holds a credential',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{ name: 'workfrontJwtApi', required: false },
			{ name: 'workfrontServerToServerApi', required: false },
			{ name: 'workfrontOAuth2Api', required: false },
		],
		// Its Authentication parameter says which credential the transport uses.
		properties: [authenticationProperty],
	} as INodeType['description'],
};

/**
 * The execution context of a node that only holds the stored credential, so tests can call
 * `helpers.httpRequestWithAuthentication` exactly as a node's code does.
 */
export function createExecuteContext(
	helper: InMemoryCredentialsHelper,
	credentialId: string,
	credentialType = 'workfrontJwtApi',
	parameters: INode['parameters'] = {},
): ExecuteContext {
	const node: INode = {
		id: 'probe',
		name: 'Probe',
		type: 'test.probe',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: credentialId, name: 'Workfront test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ 'test.probe': PROBE_TYPE }),
	});
	return new ExecuteContext(
		workflow,
		node,
		createAdditionalData(helper),
		'manual',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		[{ json: {} }],
		{ main: [[{ json: {} }]] },
		{ node, data: { main: [[{ json: {} }]] }, source: null },
		[],
	);
}

export interface NodeContextOptions {
	/** The Workfront node's parameters as the editor stores them; n8n fills in the defaults. */
	parameters: IDataObject;
	/** The node's input items (one empty item by default). */
	input?: IDataObject[];
	/** Settings > On Error: Continue (regular output). */
	continueOnFail?: boolean;
	/** The stored credential (a WorkfrontFixture's `helper`); by default one that points nowhere. */
	helper?: InMemoryCredentialsHelper;
	/** The node's version (1 by default, as a saved node of version 1). */
	typeVersion?: number;
	/** Which credential the node holds, and its Authentication (the JWT one by default), as runNode sets them. */
	kind?: CredentialKind;
}

/**
 * The Workfront node's execution context, as WorkflowExecute hands it to `execute`: parameters
 * completed with their defaults by n8n's Workflow, expressions resolved against the input items,
 * `continueOnFail` from the node's On Error setting.
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
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: {
			...(options.kind && options.kind !== 'jwt' ? { authentication: options.kind } : {}),
			...options.parameters,
		} as INodeParameters,
		credentials: {
			[KINDS[options.kind ?? 'jwt'].type]: { id: CREDENTIAL_ID, name: 'Workfront test' },
		},
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
	return new ExecuteContext(
		workflow,
		node,
		createAdditionalData(options.helper ?? nowhere()),
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
 * The Workfront Poll Trigger's poll context: one set of parameters, no items (a trigger's
 * parameters are read without an item index).
 */
export function workfrontPollContext(
	parameters: IDataObject,
	helper: InMemoryCredentialsHelper = nowhere(),
): PollContext {
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
	return new PollContext(workflow, node, createAdditionalData(helper), 'trigger', 'activate');
}
