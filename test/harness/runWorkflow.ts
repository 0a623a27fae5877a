import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createDeferredPromise,
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRun,
} from 'n8n-workflow';

import { KINDS, type CredentialKind } from '../../credentials/common/kinds';
import { WorkfrontJwtApi } from '../../credentials/WorkfrontJwtApi.credentials';
import { WorkfrontOAuth2Api } from '../../credentials/WorkfrontOAuth2Api.credentials';
import { WorkfrontServerToServerApi } from '../../credentials/WorkfrontServerToServerApi.credentials';
import { Workfront } from '../../nodes/Workfront/Workfront.node';
import { createAdditionalData } from './additionalData';
import { InMemoryCredentialsHelper } from './credentialsHelper';
import { asAiTool, HttpRequestLike, SourceItems, TestNodeTypes } from './nodeTypes';

export const NODE_TYPES: Record<string, INodeType> = {
	'test.sourceItems': new SourceItems(),
	'n8n-nodes-workfront.workfront': new Workfront(),
	'n8n-nodes-workfront.workfrontTool': asAiTool(new Workfront()),
	'test.httpRequestLike': new HttpRequestLike(),
};

/** n8n's own OAuth2 base type, reduced to what its children inherit here (nothing to add). */
const OAUTH2_API: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [],
};

export const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	workfrontJwtApi: new WorkfrontJwtApi(),
	workfrontServerToServerApi: new WorkfrontServerToServerApi(),
	workfrontOAuth2Api: new WorkfrontOAuth2Api(),
	oAuth2Api: OAUTH2_API,
};

export const CREDENTIAL_ID = 'wf-cred';

export interface NodeRun {
	/** The items of the node's first output, or undefined when it failed. */
	items?: INodeExecutionData[];
	json: IDataObject[];
	error?: Error & { description?: string | null; context?: IDataObject; httpCode?: string | null };
	run: IRun;
}

export interface RunOptions {
	parameters: INodeParameters;
	/** The items the node receives (one empty item by default). */
	input?: IDataObject[];
	type?: string;
	typeVersion?: number;
	continueOnFail?: boolean;
	/** Which credential the node uses (its Authentication parameter is set to match). */
	kind?: CredentialKind;
}

/**
 * Runs one node in a real n8n-core workflow (WorkflowExecute with a source node before it), with
 * the credential kept by `helper`, and returns what the node output or the error it ended with.
 */
export async function runNode(
	helper: InMemoryCredentialsHelper,
	options: RunOptions,
): Promise<NodeRun> {
	const source: INode = {
		id: 'source',
		name: 'Source',
		type: 'test.sourceItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.input ?? [{}]) },
	};
	const target: INode = {
		id: 'target',
		name: 'Workfront',
		type: options.type ?? 'n8n-nodes-workfront.workfront',
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: {
			...(options.kind && options.kind !== 'jwt' ? { authentication: options.kind } : {}),
			...options.parameters,
		},
		credentials: {
			[KINDS[options.kind ?? 'jwt'].type]: { id: CREDENTIAL_ID, name: 'Workfront test' },
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [source, target],
		connections: { Source: { main: [[{ node: 'Workfront', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: new TestNodeTypes(NODE_TYPES),
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'execution-1', {
		id: 'wf-test',
		name: 'test',
		active: false,
		isArchived: false,
		nodes: [source, target],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
	const additionalData = createAdditionalData(helper, hooks);
	await new WorkflowExecute(additionalData, 'manual').run(workflow, source);
	const run = await finished.promise;
	const taskData = run.data.resultData.runData.Workfront?.[0];
	const items = taskData?.data?.main?.[0] ?? undefined;
	return {
		items: items ?? undefined,
		json: (items ?? []).map(({ json }) => json),
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}

export function createHelper(credentials: IDataObject): InMemoryCredentialsHelper {
	const helper = new InMemoryCredentialsHelper(CREDENTIAL_TYPES);
	helper.set(CREDENTIAL_ID, credentials as never);
	return helper;
}
