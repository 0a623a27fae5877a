import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { readRequestTimeoutMs } from '../core/limits';
import { KINDS, kindOf, type CredentialKind } from '../../../credentials/common/kinds';
import { normaliseApiVersion } from '../core/apiVersions';
import { normaliseWorkfrontUrl } from '../core/url';

export interface Connection {
	origin: string;
	apiBase: string;
	/** How long one request may wait for Workfront's answer. */
	timeoutMs: number;
}

/** How long one run of a node may use the credential it read before reading it again. */
export const CREDENTIAL_READ_MAX_AGE_MS = 60_000;

/**
 * What one run of a node (one n8n context) has read from its credential: where requests go, and
 * the decrypted credential itself, token included. The URL, version and timeout are read once
 * per run; the credential (for its token) once per run too, not once per request, and read again
 * whenever its token is refused or empty (authSession), and after CREDENTIAL_READ_MAX_AGE_MS (a
 * trigger's context lives as long as its activation). The token a worker of queue mode stores
 * with the credential therefore still reaches every other worker: at its next run, or at its
 * next refusal, before any exchange of its own.
 */
interface RunState {
	connection?: Promise<Connection>;
	credentials?: { read: Promise<ICredentialDataDecryptedObject>; at: number };
	/** Which credential the run uses, for the session state of the process (authSession). */
	credentialKey?: string;
	/** Which kind of credential the node's Authentication parameter chose. */
	kind?: CredentialKind;
}

const runs = new WeakMap<object, RunState>();

/**
 * The state of the run a context belongs to. The transport derives contexts from the node's own
 * (Object.create, to give a request its own cancel signal): they share the state of the context
 * they come from, found along the prototype chain.
 */
function runOf(context: WorkfrontContext): RunState {
	for (
		let at: object | null = context;
		at !== null;
		at = Object.getPrototypeOf(at) as object | null
	) {
		const state = runs.get(at);
		if (state) return state;
	}
	const state: RunState = {};
	runs.set(context, state);
	return state;
}

/** Where requests go, from the credential's URL and API version, checked the way the credential checks them. */
export async function readConnection(
	context: WorkfrontContext,
	itemIndex: number,
): Promise<Connection> {
	const run = runOf(context);
	let connection = run.connection;
	if (!connection) {
		connection = readFromCredential(context, itemIndex);
		run.connection = connection;
		connection.catch(() => {
			if (run.connection === connection) run.connection = undefined;
		});
	}
	return await connection;
}

/** Reads the credential from n8n for the run; a failed read is forgotten, to be tried again. */
function readCredentialInto(
	run: RunState,
	context: WorkfrontContext,
	itemIndex: number,
): NonNullable<RunState['credentials']> {
	const read = context.getCredentials(KINDS[credentialKindOf(context)].type, itemIndex);
	const entry = { read, at: Date.now() };
	run.credentials = entry;
	read.catch(() => {
		if (run.credentials === entry) run.credentials = undefined;
	});
	return entry;
}

/**
 * The decrypted credential for this run, read from n8n (its database) once per run, or again when
 * `again` asks for it (a refused or missing token: another worker may have stored a new one). The
 * object is shared: hand n8n copies.
 */
export async function runCredentials(
	context: WorkfrontContext,
	itemIndex: number,
	again = false,
): Promise<ICredentialDataDecryptedObject> {
	const run = runOf(context);
	let entry = run.credentials;
	if (again || !entry || Date.now() - entry.at >= CREDENTIAL_READ_MAX_AGE_MS) {
		entry = readCredentialInto(run, context, itemIndex);
	}
	return await entry.read;
}

/** Remembers the token this run got from an exchange, so its next requests need no new read. */
export function keepRunToken(
	context: WorkfrontContext,
	credentials: ICredentialDataDecryptedObject,
): void {
	runOf(context).credentials = { read: Promise.resolve(credentials), at: Date.now() };
}

/**
 * Which credential this run uses: its ID (its name, or the node's, for a credential without one).
 * Read once per run: n8n's getNode() hands out a deep copy of the node on every call.
 */
export function credentialKeyOf(context: WorkfrontContext): string {
	const run = runOf(context);
	if (run.credentialKey === undefined) {
		const node = context.getNode();
		const reference = node.credentials?.[KINDS[credentialKindOf(context)].type];
		run.credentialKey = reference?.id ?? reference?.name ?? node.name;
	}
	return run.credentialKey;
}

async function readFromCredential(
	context: WorkfrontContext,
	itemIndex: number,
): Promise<Connection> {
	// The same read gives the run's requests their token: a run reads its credential once.
	const run = runOf(context);
	let entry = run.credentials;
	if (!entry) {
		entry = readCredentialInto(run, context, itemIndex);
	}
	const credentials = await entry.read;
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

/** A node parameter as any of those contexts reads it (a run's as item 0's), or undefined. */
function nodeParameter(context: WorkfrontContext, name: string): unknown {
	try {
		if ('getCurrentNodeParameter' in context) {
			// The editor's own values: what the panel shows now, saved or not.
			const current = context.getCurrentNodeParameter(name);
			if (current !== undefined) return current;
		}
		if ('getInputData' in context) return context.getNodeParameter(name, 0, undefined);
		return context.getNodeParameter(name, undefined);
	} catch {
		return undefined;
	}
}

/**
 * The kind of credential the node's Authentication parameter chose (credentials/common/kinds.ts),
 * read once per run; a node saved before there was a choice has none, and means the JWT one.
 */
export function credentialKindOf(context: WorkfrontContext): CredentialKind {
	const run = runOf(context);
	run.kind ??= kindOf(nodeParameter(context, 'authentication'));
	return run.kind;
}

/** Parameters in order, with repeats: Workfront reads a repeated key as a list (`in`). */
export type QueryParams = Array<[string, string]>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An answer as n8n hands it over with returnFullResponse. */
export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export interface SessionResponse {
	response: RawResponse;
	/** The token this request carried, to be kept out of anything the answer becomes. */
	token: string;
}
