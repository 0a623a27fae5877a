import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IWebhookData,
	type IWebhookResponseData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { KINDS, kindOf } from '../../credentials/common/kinds';
import { WorkfrontPollTrigger } from '../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { WorkfrontTrigger } from '../../nodes/WorkfrontTrigger/WorkfrontTrigger.node';
import { createAdditionalData } from './additionalData';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import { CREDENTIAL_ID } from './runWorkflow';

const TYPES = {
	'n8n-nodes-workfront.workfrontTrigger': new WorkfrontTrigger(),
	'n8n-nodes-workfront.workfrontPollTrigger': new WorkfrontPollTrigger(),
};

function triggerWorkflow(
	type: keyof typeof TYPES,
	parameters: INodeParameters,
	typeVersion = 1,
): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type,
		typeVersion,
		position: [0, 0],
		parameters,
		// The credential of the trigger's Authentication choice (the JWT one when none is given).
		credentials: {
			[KINDS[kindOf(parameters.authentication)].type]: {
				id: CREDENTIAL_ID,
				name: 'Workfront test',
			},
		},
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
	};
	const workflow = new Workflow({
		id: 'wf-trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes(TYPES),
	});
	return { workflow, node: workflow.getNode('Trigger') as INode };
}

export interface Received {
	status: number;
	started: boolean;
	items: INodeExecutionData[];
}

/**
 * The Workfront Trigger as n8n runs it: activation and deactivation through n8n-core's
 * HookContext, and a local HTTP endpoint standing in for n8n's webhook server, which hands each
 * delivery to the node's webhook method through n8n-core's WebhookContext, then answers as n8n
 * does for responseMode "onReceived".
 */
export class WebhookTriggerHarness {
	readonly received: Received[] = [];

	private constructor(
		private readonly helper: InMemoryCredentialsHelper,
		readonly workflow: Workflow,
		readonly node: INode,
		private readonly server: Server,
		readonly baseUrl: string,
	) {}

	static async start(
		helper: InMemoryCredentialsHelper,
		parameters: INodeParameters,
	): Promise<WebhookTriggerHarness> {
		const { workflow, node } = triggerWorkflow('n8n-nodes-workfront.workfrontTrigger', parameters);
		// The server exists before the harness that handles its deliveries.
		const holder: { harness?: WebhookTriggerHarness } = {};
		const server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				void holder.harness?.deliver(
					request.headers as IDataObject,
					Buffer.concat(chunks),
					response,
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
		holder.harness = new WebhookTriggerHarness(helper, workflow, node, server, baseUrl);
		return holder.harness;
	}

	private additionalData() {
		const data = createAdditionalData(this.helper);
		data.webhookBaseUrl = this.baseUrl;
		return data;
	}

	/** What n8n's webhook registry holds for the node's one webhook. */
	private webhookData(): IWebhookData {
		const description = TYPES['n8n-nodes-workfront.workfrontTrigger'].description.webhooks?.[0];
		if (!description) throw new Error('The Workfront Trigger declares no webhook');
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: NodeHelpers.getNodeWebhookPath(this.workflow.id, this.node, String(description.path)),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		};
	}

	hookContext(mode: WorkflowExecuteMode = 'trigger'): HookContext {
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			mode,
			'activate',
			this.webhookData(),
		);
	}

	private get methods() {
		return TYPES['n8n-nodes-workfront.workfrontTrigger'].webhookMethods.default;
	}

	/** What n8n does when the workflow is activated: create the webhook unless it exists. */
	async activate(): Promise<void> {
		const context = this.hookContext();
		if (!(await this.methods.checkExists.call(context))) await this.methods.create.call(context);
	}

	async checkExists(): Promise<boolean> {
		return await this.methods.checkExists.call(this.hookContext());
	}

	async deactivate(): Promise<void> {
		await this.methods.delete.call(this.hookContext());
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private async deliver(
		headers: IDataObject,
		body: Buffer,
		response: import('node:http').ServerResponse,
	) {
		let status = 200;
		let written = false;
		const res = {
			status(code: number) {
				status = code;
				return res;
			},
			json(value: unknown) {
				written = true;
				response
					.writeHead(status, { 'content-type': 'application/json' })
					.end(JSON.stringify(value));
				return res;
			},
			end() {
				written = true;
				response.writeHead(status).end();
				return res;
			},
		};
		const additionalData = this.additionalData();
		additionalData.httpRequest = {
			headers,
			body: body.length ? JSON.parse(body.toString('utf8')) : {},
			query: {},
			params: {},
		} as never;
		additionalData.httpResponse = res as never;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			'trigger',
			this.webhookData(),
			[],
			null,
		);
		let result: IWebhookResponseData;
		try {
			result = await TYPES['n8n-nodes-workfront.workfrontTrigger'].webhook.call(context);
		} catch {
			response.writeHead(500).end();
			this.received.push({ status: 500, started: false, items: [] });
			return;
		}
		if (!written)
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end('{"message":"Workflow was started"}');
		this.received.push({
			status,
			started: Boolean(result.workflowData),
			items: result.workflowData?.[0] ?? [],
		});
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** The Workfront Poll Trigger as n8n runs it: poll() through n8n-core's PollContext, static data kept between polls. */
export class PollTriggerHarness {
	private constructor(
		private readonly helper: InMemoryCredentialsHelper,
		readonly workflow: Workflow,
		readonly node: INode,
	) {}

	static create(
		helper: InMemoryCredentialsHelper,
		parameters: INodeParameters,
		typeVersion = 1,
	): PollTriggerHarness {
		const { workflow, node } = triggerWorkflow(
			'n8n-nodes-workfront.workfrontPollTrigger',
			parameters,
			typeVersion,
		);
		return new PollTriggerHarness(helper, workflow, node);
	}

	/** The node's static data, where the cursor is kept between polls. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<IDataObject[] | null> {
		const context = new PollContext(
			this.workflow,
			this.node,
			createAdditionalData(this.helper),
			mode,
			'activate',
		);
		const result = await TYPES['n8n-nodes-workfront.workfrontPollTrigger'].poll.call(context);
		return result ? result[0].map(({ json }) => json) : null;
	}
}
