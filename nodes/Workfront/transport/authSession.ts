import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type WorkfrontContext } from './context';

export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/**
 * Token exchanges in progress, by credential. While one request trades a JWT for a token, the
 * others wait for it instead of starting their own: one exchange per token lifetime, whatever the
 * concurrency of a run.
 */
const exchanges = new Map<string, Promise<void>>();

function credentialKey(context: WorkfrontContext): string {
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return reference?.id ?? reference?.name ?? context.getNode().name;
}

function errorOf(body: unknown): { class?: unknown; message?: unknown } | undefined {
	const error = (body as { error?: unknown } | undefined)?.error;
	return error && typeof error === 'object'
		? (error as { class?: unknown; message?: unknown })
		: undefined;
}

/** Workfront says "not logged in" with 401, and has been seen saying it in the body of other statuses. */
export function isAuthenticationFailure(response: RawResponse): boolean {
	if (response.statusCode === 401) return true;
	const error = errorOf(response.body);
	return (
		(typeof error?.class === 'string' && error.class.endsWith('AuthenticationException')) ||
		(typeof error?.message === 'string' &&
			/not currently logged in|invalid session/i.test(error.message))
	);
}

async function send(
	context: WorkfrontContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
): Promise<RawResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		options,
		{
			credentialsDecrypted: {
				id: credentialKey(context),
				name: CREDENTIAL_TYPE,
				type: CREDENTIAL_TYPE,
				data: credentials,
			},
		},
	)) as RawResponse;
}

/** Runs `work` as the one exchange for this credential; later callers wait for it, then use its token. */
async function asTheExchange<T>(key: string, work: () => Promise<T>): Promise<T> {
	let finish: () => void = () => undefined;
	exchanges.set(key, new Promise<void>((resolve) => (finish = resolve)));
	try {
		return await work();
	} finally {
		exchanges.delete(key);
		finish();
	}
}

/**
 * Sends one request with the credential's token. An empty token, or a token Workfront no longer
 * accepts, makes n8n run the credential's preAuthentication (a new exchange, stored with the
 * credential); the request is then repeated once. A second refusal is returned, never looped on.
 */
export async function sendWithSession(
	context: WorkfrontContext,
	makeOptions: () => IHttpRequestOptions,
	itemIndex: number,
): Promise<RawResponse> {
	const key = credentialKey(context);
	let staleToken: string | undefined;
	for (let attempt = 0; ; attempt += 1) {
		await exchanges.get(key);
		const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
		const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		const mustExchange = token === '' || token === staleToken;
		if (mustExchange && exchanges.has(key)) continue;

		const response = mustExchange
			? await asTheExchange(
					key,
					async () => await send(context, makeOptions(), { ...credentials, accessToken: '' }),
				)
			: await send(context, makeOptions(), credentials);

		if (!isAuthenticationFailure(response) || attempt >= 1 || mustExchange) return response;
		staleToken = token;
	}
}
