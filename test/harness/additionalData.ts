import { randomUUID } from 'node:crypto';

import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { markN8nCoreInUse } from './lifetime';

// Every n8n-core context of the harness is built with what this file makes.
markN8nCoreInUse();

function unavailable(what: string) {
	return async () => {
		throw new Error(`${what} is not available in the test harness`);
	};
}

/** What n8n's CLI hands every execution, minus the services these tests never reach. */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		// Every run is its own execution, as in n8n (the node's session rules are per execution).
		executionId: randomUUID(),
		credentialsHelper,
		hooks,
		executeWorkflow: unavailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: unavailable('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;
}
