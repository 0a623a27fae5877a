import { ExecuteContext } from 'n8n-core';
import { Workflow, type INode, type INodeType, type IRunExecutionData } from 'n8n-workflow';

import { authenticationProperty } from '../../nodes/shared/descriptions/authentication.description';
import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';

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
 * n8n-core's real execution context for a node that uses the stored credential, so tests can call
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
