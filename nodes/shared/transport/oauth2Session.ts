import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type IOAuth2Options,
} from 'n8n-workflow';

import { refusesSession } from '../core/answers';
import { EXCHANGE_FAILURE_HOLD_MS } from '../../../credentials/common/tokenGate';
import { KINDS } from '../../../credentials/common/kinds';
import {
	credentialKeyOf,
	keepRunToken,
	runCredentials,
	type RawResponse,
	type SessionResponse,
	type WorkfrontContext,
} from './connection';

/**
 * How n8n's OAuth2 machinery attaches a Workfront user-login token. Workfront's token is a session
 * ID and is read from the `sessionID` header (oauth-app-code-token-flow.md: "token_type":
 * "sessionID", sent as `--header 'sessionID: <access_token>'`). n8n-core signs OAuth2 requests by
 * token type: with the stored type "sessionID" it would put the token in the query string, so the
 * type is given as Bearer, and `keyToIncludeInAccessTokenHeader` copies the token into
 * `sessionID` (n8n-core requestOAuth2, n8n 1.123 and 2.x; Shopify's node uses the same pair). n8n
 * then also sends `Authorization: Bearer <the same token>`, which it offers no way to leave out;
 * Adobe is silent on a request carrying both (README, "Sign in as a user").
 */
export const OAUTH2_OPTIONS: IOAuth2Options = {
	tokenType: 'Bearer',
	keyToIncludeInAccessTokenHeader: 'sessionID',
};

/** The access token n8n keeps for the credential (after the user connected it), or ''. */
export function oauth2Token(credentials: ICredentialDataDecryptedObject): string {
	const data = credentials.oauthTokenData as { access_token?: unknown } | undefined;
	return typeof data?.access_token === 'string' ? data.access_token : '';
}

/**
 * Token renewals in progress or failed, per credential in this process. One at a time: with
 * Workfront's refresh-token rotation on (create-oauth-application.md: "issue a new refresh token
 * whenever the refresh token is used"), a second renewal with the same refresh token would undo
 * the first. A failed renewal is the answer for every caller for a few seconds, as a failed
 * exchange is (tokenGate.ts).
 */
const renewals = new Map<
	string,
	{ running?: Promise<void>; failure?: { error: Error; until: number } }
>();

function notConnected(context: WorkfrontContext, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`The ${KINDS.oAuth2.label} credential is not connected to Workfront`,
		{
			itemIndex,
			description:
				'Open the credential and press "Connect my account" (or "Reconnect"), then sign in to Workfront as the user n8n should act as.',
		},
	);
}

function renewalFailed(context: WorkfrontContext, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Workfront refused the ${KINDS.oAuth2.label} credential's token, and renewing it failed`,
		{
			itemIndex,
			description:
				"Nothing was sent again. The refresh token may have expired or been revoked (Workfront's OAuth2 application sets how long it lives). Open the credential and press Reconnect, then sign in to Workfront again.",
		},
	);
}

function refusedAfterRenewal(context: WorkfrontContext, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		"Workfront refuses the Workfront OAuth2 API credential's token, even a freshly renewed one",
		{
			itemIndex,
			description:
				'The user who connected the credential may lack API access or be deactivated. Check the user in Workfront, then open the credential and press Reconnect.',
		},
	);
}

/**
 * Renews the credential's token unless another caller already did since `refused` was read:
 * through n8n (refreshOAuth2Token stores the new token with the credential), once per credential
 * at a time. Its error is never shown as it came: n8n's words for a failed refresh may quote the
 * token endpoint's answer.
 */
async function renewOnce(
	context: WorkfrontContext,
	refused: string,
	itemIndex: number,
): Promise<void> {
	const key = credentialKeyOf(context);
	let state = renewals.get(key);
	if (!state) {
		state = {};
		renewals.set(key, state);
	}
	if (state.failure && Date.now() < state.failure.until) throw state.failure.error;
	// Marked as running before anything is awaited: a caller that arrives while the credential
	// is read joins this renewal instead of starting a second one.
	if (!state.running) {
		const entry = state;
		entry.running = (async () => {
			try {
				const current = oauth2Token(await runCredentials(context, itemIndex, true));
				// Another caller (or another worker) renewed it since this one's token was read.
				if (current !== '' && current !== refused) return;
				await context.helpers.refreshOAuth2Token.call(context, KINDS.oAuth2.type, OAUTH2_OPTIONS);
				entry.failure = undefined;
			} catch {
				const error = renewalFailed(context, itemIndex);
				entry.failure = { error, until: Date.now() + EXCHANGE_FAILURE_HOLD_MS };
				throw error;
			} finally {
				entry.running = undefined;
			}
		})();
	}
	await state.running;
}

async function sendOnce(
	context: WorkfrontContext,
	options: IHttpRequestOptions,
): Promise<RawResponse> {
	const signal = options.abortSignal as AbortSignal | undefined;
	if (signal?.aborted) throw signal.reason;
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		KINDS.oAuth2.type,
		options,
		{ oauth2: OAUTH2_OPTIONS },
	)) as RawResponse;
}

/**
 * One request with the user-login credential's token. n8n reads the credential and attaches the
 * token itself (an OAuth2 credential's `authenticate` never runs), so the request must already go
 * to the credential's Workfront origin, which the transport's requests always do. When Workfront
 * answers "not logged in", the token is renewed once (shared by every caller of the credential in
 * this process) and the request sent once more: a refused request was not applied, so sending it
 * again cannot double a write. n8n's own renewal is not used: it happens only when a request
 * throws, and on n8n 1.x it resends the old token in the custom header.
 */
export async function sendWithOAuth2(
	context: WorkfrontContext,
	makeOptions: () => IHttpRequestOptions,
	itemIndex: number,
): Promise<SessionResponse> {
	let credentials = await runCredentials(context, itemIndex);
	let token = oauth2Token(credentials);
	if (token === '') {
		credentials = await runCredentials(context, itemIndex, true);
		token = oauth2Token(credentials);
	}
	if (token === '') throw notConnected(context, itemIndex);
	const response = await sendOnce(context, makeOptions());
	if (!refusesSession(response.statusCode, response.body)) return { response, token };
	await renewOnce(context, token, itemIndex);
	credentials = await runCredentials(context, itemIndex, true);
	keepRunToken(context, credentials);
	const renewed = oauth2Token(credentials);
	const again = await sendOnce(context, makeOptions());
	if (refusesSession(again.statusCode, again.body)) throw refusedAfterRenewal(context, itemIndex);
	return { response: again, token: renewed };
}

/** Forgets renewals, as a restart of n8n would (for tests). */
export function forgetOAuth2Refreshes(): void {
	renewals.clear();
}
