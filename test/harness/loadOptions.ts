import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { Workfront } from '../../nodes/Workfront/Workfront.node';
import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import { CREDENTIAL_ID } from './runWorkflow';

/**
 * n8n-core's LoadOptionsContext for a Workfront node with the given parameters, as the editor
 * creates it to fill a picker, a searchable list or the resource mapper.
 */
export function editorContext(
	helper: InMemoryCredentialsHelper,
	parameters: INodeParameters,
	path = 'parameters.field',
): LoadOptionsContext {
	const node: INode = {
		id: 'editor',
		name: 'Workfront',
		type: 'n8n-nodes-workfront.workfront',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { workfrontJwtApi: { id: CREDENTIAL_ID, name: 'Workfront test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ 'n8n-nodes-workfront.workfront': new Workfront() }),
	});
	const additionalData = createAdditionalData(helper);
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

export const workfrontMethods = new Workfront().methods;
