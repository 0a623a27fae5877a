import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import {
	credentialKeyOf,
	credentialKindOf,
	keepRunToken,
	runCredentials,
	type RawResponse,
	type SessionResponse,
	type WorkfrontContext,
} from './connection';
import { refusesSession } from '../core/answers';
import { KINDS, type CredentialKind } from '../../../credentials/common/kinds';
import { reportAcceptedToken, reportRefusedToken } from '../../../credentials/common/obtainToken';
import { forgetGates } from '../../../credentials/common/tokenGate';
import { storedToken } from '../../../credentials/common/storedToken';
import { oauth2Token, sendWithOAuth2, forgetOAuth2Refreshes } from './oauth2Session';

export type { RawResponse, SessionResponse } from './connection';

/**
 * What this n8n process knows about one credential's session, beyond what the credential's own
 * token gate keeps (one exchange at a time, failures held, refused tokens never handed out again:
 * credentials/common/tokenGate.ts, which every caller goes through, the HTTP Request node included):
 * - `refusedToken`: the last token Workfront refused, so that no request of these nodes sends it
 *   again, whatever a run read from the credential before;
 * - `refusedFresh`: the execution in which a token fresh from the gate was refused at once.
 *   Exchanging again cannot help then (the user lacks access, or tokens are being revoked), so the
 *   rest of that execution gets the error without another exchange.
 */
interface SessionState {
	refusedToken?: string;
	refusedFresh?: string;
	/** The last token seen accepted, reported once to the credential's gate. */
	acceptedToken?: string;
}

/** Tells the credential's gate, once per token, that Workfront accepted it. */
function noteAnswered(
	state: SessionState,
	credentials: ICredentialDataDecryptedObject,
	kind: CredentialKind,
	token: string,
	response: RawResponse,
): void {
	if (isAuthenticationFailure(response)) {
		state.refusedToken = token;
		reportRefusedToken(credentials, kind, token);
	} else if (state.acceptedToken !== token) {
		state.acceptedToken = token;
		reportAcceptedToken(credentials, kind, token);
	}
}

const sessions = new Map<string, SessionState>();

function stateOf(key: string): SessionState {
	let state = sessions.get(key);
	if (!state) {
		state = {};
		sessions.set(key, state);
	}
	return state;
}

function executionOf(context: WorkfrontContext): string | undefined {
	const withId = context as { getExecutionId?: () => string };
	return typeof withId.getExecutionId === 'function' ? withId.getExecutionId() : undefined;
}

/** Whether Workfront answered "not logged in" (core/answers.ts says how it says it). */
export function isAuthenticationFailure(response: RawResponse): boolean {
	return refusesSession(response.statusCode, response.body);
}

/**
 * One request through n8n's authenticated helper. `credentials` is handed over as the decrypted
 * credential: n8n runs preAuthentication on it when its token is empty and writes the new token
 * into this very object, which is how the caller learns the token that was sent.
 */
async function send(
	context: WorkfrontContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	key: string,
): Promise<RawResponse> {
	// Work that was stopped while waiting (for the credentials, for an exchange) sends nothing.
	const signal = options.abortSignal as AbortSignal | undefined;
	if (signal?.aborted) throw signal.reason;
	const { type } = KINDS[credentialKindOf(context)];
	return (await context.helpers.httpRequestWithAuthentication.call(context, type, options, {
		credentialsDecrypted: { id: key, name: type, type, data: credentials },
	})) as RawResponse;
}

/** The token a request of this run carries: for a credential that exchanges, the stored one if it was issued for the fields as they are now. */
function tokenOf(context: WorkfrontContext, credentials: ICredentialDataDecryptedObject): string {
	const kind = credentialKindOf(context);
	return kind === 'oAuth2' ? oauth2Token(credentials) : storedToken(credentials, kind);
}

/**
 * The token stored with the credential now, read again (another execution may have exchanged or
 * refreshed since this run read it): for what an answer must not quote.
 */
export async function currentToken(context: WorkfrontContext, itemIndex: number): Promise<string> {
	const credentials = await runCredentials(context, itemIndex, true);
	if (credentialKindOf(context) === 'oAuth2') return oauth2Token(credentials);
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

/**
 * Sends the request with an empty token, so that n8n runs the credential's preAuthentication:
 * the credential's gate hands over a token (the one exchange in progress, shared; one that just
 * ended; or a new one), and this caller is released as soon as the token is there, whatever
 * other requests are still running.
 */
async function sendForNewToken(
	context: WorkfrontContext,
	state: SessionState,
	key: string,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	itemIndex: number,
): Promise<SessionResponse> {
	const handed = { ...credentials, accessToken: '' };
	const sent = await send(context, options, handed, key).then(
		(response) => ({ ok: true as const, response }),
		(error: unknown) => ({ ok: false as const, error }),
	);
	const token = tokenOf(context, handed);
	if (!sent.ok) {
		// No token came, so the request was never sent. Said as the credential said it: its words
		// may quote Workfront ("timed out"), and must not be read as a network failure of the
		// request, which would report a write as possibly applied.
		if (token === '') throw exchangeFailure(context, sent.error, itemIndex);
		keepRunToken(context, { ...handed });
		// As n8n failed it: the transport's one classifier (transportFailure) words it for the user,
		// with what it says of a write whose fate is unknown.
		throw sent.error;
	}
	// n8n stored the new token with the credential; this run uses it without reading it back.
	if (token !== '') keepRunToken(context, { ...handed });
	noteAnswered(state, credentials, credentialKindOf(context), token, sent.response);
	if (isAuthenticationFailure(sent.response)) state.refusedFresh = executionOf(context);
	return { response: sent.response, token };
}

function exchangeFailure(
	context: WorkfrontContext,
	error: unknown,
	itemIndex: number,
): NodeOperationError {
	const message = error instanceof Error && error.message ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `Getting an access token failed, so nothing was sent to Workfront. If this names a credential field, open the ${KINDS[credentialKindOf(context)].label} credential, correct it and press Test.`,
	});
}

/** Who acts for each kind of credential, as the refusal below names them. */
const ACTING_USER: Record<CredentialKind, string> = {
	jwt: "The user of the credential's User ID",
	serverToServer:
		"The credential's technical account (a Workfront user whose email ends in techacct.adobe.com)",
	oAuth2: 'The user who connected the credential',
};

function refusedAgain(context: WorkfrontContext, itemIndex: number): NodeOperationError {
	const kind = credentialKindOf(context);
	return new NodeOperationError(
		context.getNode(),
		'Workfront refuses the access tokens of this credential, even a freshly exchanged one',
		{
			itemIndex,
			description: `Earlier in this execution Workfront refused a token straight after the exchange, so no further exchange was made. ${ACTING_USER[kind]} may lack API access or be deactivated, or its tokens are being revoked (for example by a logout elsewhere or an administrator). Check the user in Workfront, then press Test in the ${KINDS[kind].label} credential.`,
		},
	);
}

/**
 * Sends one request with the credential's token. An empty token, or a token Workfront refused,
 * makes n8n run the credential's preAuthentication, whose gate bounds the exchanges for every
 * caller in this process (see credentials/common/tokenGate.ts): one per refused token, none while a
 * failure is held, one per hold for a user Workfront refuses; here, on top, one per execution for
 * a user Workfront refuses.
 *
 * The token is the one stored with the credential, which is how the workers of queue mode share
 * one token. A run of a node reads it once (runCredentials), not once per request; an empty or
 * refused token is read again from the credential before asking for a new one, so a token
 * another worker stored since is used instead.
 */
export async function sendWithSession(
	context: WorkfrontContext,
	makeOptions: () => IHttpRequestOptions,
	itemIndex: number,
): Promise<SessionResponse> {
	if (credentialKindOf(context) === 'oAuth2') {
		return await sendWithOAuth2(context, makeOptions, itemIndex);
	}
	const key = credentialKeyOf(context);
	const state = stateOf(key);
	const execution = executionOf(context);
	const kind = credentialKindOf(context);
	for (let round = 0; round < 3; round += 1) {
		let credentials = await runCredentials(context, itemIndex);
		let token = tokenOf(context, credentials);
		if (token === '' || token === state.refusedToken) {
			// What this run read is no use: the credential may hold a newer token by now (another
			// execution or worker got one since), which must be used instead of asking again.
			credentials = await runCredentials(context, itemIndex, true);
			token = tokenOf(context, credentials);
		}
		if (token === '' || token === state.refusedToken) {
			if (execution !== undefined && state.refusedFresh === execution) {
				throw refusedAgain(context, itemIndex);
			}
			return await sendForNewToken(context, state, key, makeOptions(), credentials, itemIndex);
		}
		const response = await send(context, makeOptions(), { ...credentials }, key);
		noteAnswered(state, credentials, kind, token, response);
		if (!isAuthenticationFailure(response)) return { response, token };
	}
	throw refusedAgain(context, itemIndex);
}

/** Forgets every credential's session state, as a restart of n8n would (for tests that share an ID). */
export function forgetSessions(): void {
	sessions.clear();
	forgetGates();
	forgetOAuth2Refreshes();
}
