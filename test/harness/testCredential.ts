import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	Workflow,
	type ICredentialType,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type IRunExecutionData,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';

interface TestError {
	message?: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/**
 * Presses "Test" on a saved credential the way n8n's CredentialsTester does with a credential's
 * `test.request`: a temporary noOp node whose only property routes that request, run by n8n-core's
 * RoutingNode, and the same mapping of failures to the message the UI shows (the `responseCode`
 * rules first).
 */
export async function testCredential(
	helper: InMemoryCredentialsHelper,
	type: ICredentialType,
	credentialId: string,
): Promise<INodeCredentialTestResult> {
	if (!type.test)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: type.test.request },
					default: '',
				},
			],
		} as INodeType['description'],
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type.name]: { id: credentialId, name: 'Workfront test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ 'n8n-nodes-base.noOp': nodeType }),
	});
	const additionalData = createAdditionalData(helper);
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		workflow.getNode('Temp-Node') as INode,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = helper.withDefaults(type.name, helper.get(credentialId));
	const routingNode = new RoutingNode(context, nodeType, {
		id: credentialId,
		name: 'Workfront test',
		type: type.name,
		data: decrypted,
	});
	try {
		await routingNode.runNode();
	} catch (caught) {
		const error = caught as TestError;
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of type.test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
