import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

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
