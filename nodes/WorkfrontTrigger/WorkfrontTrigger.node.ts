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

import { nameOf } from '../shared/descriptions/subtitle';
import { asNodeError } from '../shared/execution/perItem';
import { actorOf, checkDelivery, eventOutput } from './deliveries';
import { triggerProperties } from './description';
import { isV2Only, OBJECT_TYPE_OPTIONS } from './objectTypes';
import { readSubscribedRecordId, readSubscriptionFilters } from './subscriptionFilters';
import {
	asVersion2,
	createSubscription,
	deleteAll,
	subscriptionExists,
	withLeftovers,
	type SubscriptionRequest,
} from './subscriptions';
import { failItem } from '../shared/params/parameters';
import { authenticationProperty } from '../shared/descriptions/authentication.description';
import { credentialKindOf } from '../shared/transport/connection';
import { actingUserId } from '../shared/transport/session';
import { customFormsOf } from '../shared/workfront/metadata';
import { isMultiValueDisplay } from '../shared/core/customFieldTypes';

/**
 * The object type's custom fields that hold several values (the display types the resource
 * mapper also reads as lists, core/customFieldTypes.ts), by name, for reading
 * version 1 deliveries (see normaliseMultiSelect). Not read for the objects that exist only in
 * version 2, which always send lists; a failed read leaves the deliveries as Workfront sends them
 * rather than failing the activation.
 */
async function multiSelectFieldsOf(context: IHookFunctions, objCode: string): Promise<string[]> {
	if (isV2Only(objCode)) return [];
	try {
		const { fields } = await customFormsOf(context, objCode);
		return fields
			.filter(({ displayType }) => isMultiValueDisplay(displayType))
			.map(({ name }) => name);
	} catch {
		return [];
	}
}

export class WorkfrontTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Workfront Trigger',
		name: 'workfrontTrigger',
		icon: { light: 'file:../../icons/workfront.svg', dark: 'file:../../icons/workfront.dark.svg' },
		group: ['trigger'],
		version: 1,
		// "Created, Updated: Project" on the canvas, not CREATE, UPDATE: PROJ; Adobe's name of every
		// object type offered, the code for one given by expression.
		subtitle: `={{ $parameter["events"].join(", ").replace("CREATE", "Created").replace("UPDATE", "Updated").replace("DELETE", "Deleted") + ": " + ${nameOf('$parameter["objectType"]', Object.fromEntries(OBJECT_TYPE_OPTIONS.map(({ name, value }) => [value, name])))} }}`,
		// n8n's node search shows one entry for Workfront and Workfront Trigger, with this text (the
		// trigger's description replaces the node's), so it describes both.
		description:
			'Create, read, search, update and act on Adobe Workfront records, and start workflows when they change',
		defaults: { name: 'Workfront Trigger' },
		// Shown while the editor listens for a test event: the usual reasons why none arrives.
		triggerPanel: {
			header: '',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'listen' above, then change a record of this type in Workfront: the event arrives within seconds. <br /><br /><b>No event?</b> Changes made by the credential's own user are ignored while <b>Ignore Changes by This Credential's User</b> is on (the default), so make the change as another user or turn it off. Workfront must also be able to reach this n8n's webhook URL, and the credential's user must be a System Administrator.",
				active:
					"<b>Your workflow will run</b> when a record of this type changes in Workfront. Changes made by the credential's own user start nothing while <b>Ignore Changes by This Credential's User</b> is on.",
			},
			activationHint:
				"Once you've finished building your workflow, activate it to have it also listen continuously (you just won't see those executions here).",
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'workfrontJwtApi',
				required: true,
				displayOptions: { show: { authentication: ['jwt'] } },
			},
			{
				name: 'workfrontOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'workfrontServerToServerApi',
				required: true,
				displayOptions: { show: { authentication: ['serverToServer'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [authenticationProperty, ...triggerProperties],
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
				// Adobe documents the Event Subscription API with Workfront's own session IDs only
				// (event-subs-api.md, "Authentication": "A sessionID header is required"), which
				// an Adobe IMS token is not: refused before anything is sent.
				if (credentialKindOf(this) === 'serverToServer') {
					failItem(
						this,
						undefined,
						"Workfront's event subscriptions cannot be managed with the Adobe OAuth Server-to-Server credential",
						'Adobe documents the Event Subscription API with Workfront session IDs only. Choose Authentication: Workfront JWT (Machine to Machine) or Workfront OAuth2 (User Login) for this trigger, or use the Workfront Poll Trigger, which works with every credential.',
					);
				}
				const staticData = this.getWorkflowStaticData('node');
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0)
					failItem(this, undefined, 'Choose at least one event', 'Created, Updated or Deleted.');
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
				const versions: Record<string, string> = {};
				try {
					for (const eventType of events) {
						const { id, version } = await createSubscription(this, { ...base, eventType });
						created.push(id);
						const known = await asVersion2(this, id, version);
						if (known) versions[id] = known;
					}
				} catch (error) {
					// Nothing half-made: what this activation created is removed again, and what could
					// not be removed is named, so that nothing stays subscribed without anyone knowing.
					const left = await deleteAll(this, created);
					throw withLeftovers(asNodeError(this.getNode(), error), left);
				}
				staticData.subscriptionIds = created;
				staticData.subscriptionVersions = versions;
				staticData.authToken = authToken;
				// Who "this credential's user" is, for Ignore Changes by This Credential's User:
				// asked once, since a user-login credential does not say it in a field.
				staticData.userId = await actingUserId(this);
				staticData.multiSelectFields = await multiSelectFieldsOf(this, base.objCode);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const ids = (staticData.subscriptionIds as string[] | undefined) ?? [];
				// Every subscription is tried, whatever happens to the others.
				const left = await deleteAll(this, ids);
				if (left.length > 0) {
					// Kept, so that a later deactivation tries these again.
					staticData.subscriptionIds = left.map(({ id }) => id);
					throw withLeftovers(
						new NodeOperationError(
							this.getNode(),
							'Some Workfront event subscriptions could not be deleted',
						),
						left,
					);
				}
				delete staticData.subscriptionIds;
				delete staticData.subscriptionVersions;
				delete staticData.multiSelectFields;
				delete staticData.authToken;
				delete staticData.userId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const staticData = this.getWorkflowStaticData('node');
		// The token, then the size and depth, then the fields: see checkDelivery. Nothing of the
		// body is walked, copied or decoded beyond MAX_DELIVERY_CHARS and MAX_DELIVERY_DEPTH.
		const answer = checkDelivery(
			{ headers: this.getHeaderData() as IDataObject, body: this.getBodyData() },
			{
				token: staticData.authToken,
				events: this.getNodeParameter('events', []) as string[],
				objCode: this.getNodeParameter('objectType') as string,
				subscriptionIds: (staticData.subscriptionIds as string[] | undefined) ?? [],
				versions: staticData.subscriptionVersions as Record<string, string> | undefined,
				multiSelectFields: staticData.multiSelectFields as string[] | undefined,
			},
		);
		if (answer.status !== 200) {
			// Answered, so Workfront does not retry it, but nothing starts.
			this.getResponseObject().status(answer.status).json({ message: answer.message });
			return { noWebhookResponse: true };
		}
		if ('skip' in answer) return {};
		const { event } = answer;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.ignoreOwnEvents !== false) {
			// Activations before the user was kept: the JWT credential's User ID is that user.
			const userId =
				staticData.userId ??
				(credentialKindOf(this) === 'jwt'
					? (await this.getCredentials('workfrontJwtApi')).userId
					: undefined);
			if (actorOf(event) !== undefined && actorOf(event) === String(userId ?? '').trim()) return {};
		}
		const json = eventOutput(event, String(options.output ?? 'changes'), {
			objCode: this.getNodeParameter('objectType') as string,
		});
		return { workflowData: [this.helpers.returnJsonArray(json)] };
	}
}
