import {
	NodeOperationError,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { readRequestTimeoutMs } from '../../../credentials/jwt/credentialFields';
import { normaliseApiVersion } from '../workfront/apiVersions';
import { normaliseWorkfrontUrl } from '../workfront/url';

export interface Connection {
	origin: string;
	apiBase: string;
	/** How long one request may wait for Workfront's answer. */
	timeoutMs: number;
}

/**
 * Connections already read, by n8n context (one per run of a node): the URL, version and timeout
 * are read from the credential once per run, not twice per request. The token is not part of it:
 * it is read fresh for every request (authSession), which is how workers share one token.
 */
const connections = new WeakMap<object, Promise<Connection>>();

/** Where requests go, from the credential's URL and API version, checked the way the credential checks them. */
export async function readConnection(
	context: WorkfrontContext,
	itemIndex: number,
): Promise<Connection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = readFromCredential(context, itemIndex);
		connections.set(context, connection);
		connection.catch(() => connections.delete(context));
	}
	return await connection;
}

async function readFromCredential(
	context: WorkfrontContext,
	itemIndex: number,
): Promise<Connection> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	try {
		const origin = normaliseWorkfrontUrl(credentials.url);
		const version = normaliseApiVersion(credentials.apiVersion);
		return {
			origin,
			apiBase: `${origin}/attask/api/${version}`,
			timeoutMs: readRequestTimeoutMs(credentials.requestTimeout),
		};
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
	}
}

/** Every n8n context the Workfront nodes call the API from. */
export type WorkfrontContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE = 'workfrontJwtApi';

/** Parameters in order, with repeats: Workfront reads a repeated key as a list (`in`). */
export type QueryParams = Array<[string, string]>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
