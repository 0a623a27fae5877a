import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers, Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { Workfront } from '../../nodes/Workfront/Workfront.node';
import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import { CREDENTIAL_ID } from './runWorkflow';

const WORKFRONT = new Workfront();

/**
 * n8n-core's LoadOptionsContext for a Workfront node with the given parameters, as the editor
 * creates it to fill a picker, a searchable list or the resource mapper. The editor sends the
 * node's parameters with the defaults of those it shows filled in (Authentication among them,
 * which decides which credential is read).
 */
export function editorContext(
	helper: InMemoryCredentialsHelper,
	given: INodeParameters,
	path = 'parameters.field',
	kind?: string,
): LoadOptionsContext {
	const parameters =
		NodeHelpers.getNodeParameters(
			WORKFRONT.description.properties,
			{ ...(kind ? { authentication: kind } : {}), ...given },
			true,
			false,
			null,
			WORKFRONT.description,
		) ?? given;
	const credentialType =
		parameters.authentication === 'serverToServer'
			? 'workfrontServerToServerApi'
			: parameters.authentication === 'oAuth2'
				? 'workfrontOAuth2Api'
				: 'workfrontJwtApi';
	const node: INode = {
		id: 'editor',
		name: 'Workfront',
		type: 'n8n-nodes-workfront.workfront',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: CREDENTIAL_ID, name: 'Workfront test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ 'n8n-nodes-workfront.workfront': WORKFRONT }),
	});
	const additionalData = createAdditionalData(helper);
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

export const workfrontMethods = new Workfront().methods;
