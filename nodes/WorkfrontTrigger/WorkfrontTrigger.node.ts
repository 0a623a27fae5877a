import { randomBytes } from 'node:crypto';

import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { asNodeError } from '../Workfront/helpers/nodeError';
import { actorOf, carriesToken, eventOutput, readEvent } from './deliveries';
import { triggerProperties } from './description';
import { readSubscribedRecordId, readSubscriptionFilters } from './subscriptionFilters';
import {
	createSubscription,
	deleteSubscription,
	subscriptionExists,
	type SubscriptionRequest,
} from './subscriptions';

export class WorkfrontTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Workfront Trigger',
		name: 'workfrontTrigger',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") + ": " + $parameter["objectType"] }}',
		description:
			'Starts the workflow when Workfront records are created, updated or deleted (Workfront event subscriptions)',
		defaults: { name: 'Workfront Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'workfrontJwtApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const ids =
					(this.getWorkflowStaticData('node').subscriptionIds as string[] | undefined) ?? [];
				if (ids.length === 0) return false;
				for (const id of ids) if (!(await subscriptionExists(this, id))) return false;
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0)
					throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
						description: 'Created, Updated or Deleted.',
					});
				const filters = readSubscriptionFilters(this);
				const objId = readSubscribedRecordId(this);
				const authToken = randomBytes(32).toString('hex');
				const base: Omit<SubscriptionRequest, 'eventType'> = {
					objCode: this.getNodeParameter('objectType') as string,
					url: this.getNodeWebhookUrl('default') as string,
					authToken,
					filters,
					filterConnector: this.getNodeParameter('filterConnector', 'AND') === 'OR' ? 'OR' : 'AND',
					...(objId ? { objId } : {}),
				};
				const created: string[] = [];
				try {
					for (const eventType of events)
						created.push(await createSubscription(this, { ...base, eventType }));
				} catch (error) {
					// Nothing half-made: what this activation created is removed again.
					for (const id of created) await deleteSubscription(this, id).catch(() => undefined);
					throw asNodeError(this.getNode(), error);
				}
				staticData.subscriptionIds = created;
				staticData.authToken = authToken;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				for (const id of (staticData.subscriptionIds as string[] | undefined) ?? [])
					await deleteSubscription(this, id);
				delete staticData.subscriptionIds;
				delete staticData.authToken;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		if (
			!carriesToken(request.headers.authorization, this.getWorkflowStaticData('node').authToken)
		) {
			this.getResponseObject()
				.status(401)
				.json({ message: "This delivery does not carry the subscription's auth token" });
			return { noWebhookResponse: true };
		}
		const event = readEvent(this.getBodyData());
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.ignoreOwnEvents !== false) {
			const { userId } = await this.getCredentials('workfrontJwtApi');
			if (actorOf(event) !== undefined && actorOf(event) === String(userId ?? '').trim()) return {};
		}
		const json = eventOutput(event, String(options.output ?? 'changes'), {
			objCode: this.getNodeParameter('objectType') as string,
		});
		return { workflowData: [this.helpers.returnJsonArray(json)] };
	}
}
