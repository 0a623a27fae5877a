import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { KINDS, type CredentialKind } from './kinds';

/**
 * How long a failed exchange is the answer for every caller of that credential before a new one is
 * tried: no storm of exchanges against a token endpoint that is failing (often because Workfront
 * is overloaded), whoever asks — the Workfront nodes, the HTTP Request node, the credential Test.
 */
export const EXCHANGE_FAILURE_HOLD_MS = 5_000;

/**
 * A token refused before it was ever seen accepted, this soon after its exchange, is a sign that
 * the user is refused (no API access, deactivated) or that tokens are being revoked as fast as
 * they are made. One such refusal may be bad luck (a revocation right after an exchange; the HTTP
 * Request node's successes are not seen here, so "never seen accepted" proves little); two in a
 * row, with nothing accepted in between, are not: exchanging again cannot help, and the refusal is
 * held like a failed exchange. A token refused later, or after being accepted, simply expired or
 * was revoked, and a new exchange is right.
 */
export const FRESH_TOKEN_MS = 60_000;
const REFUSALS_BEFORE_HOLD = 2;

/**
 * How long a token from the last exchange is handed to a caller whose own token is empty or
 * refused, instead of a new exchange: callers that just missed the shared exchange (their read of
 * the stored credential came before n8n stored the new token) use its result.
 */
export const ISSUED_TOKEN_REUSE_MS = 60_000;

/** Refused tokens remembered per credential: enough for the tokens of one burst of refusals. */
const MAX_REMEMBERED_REFUSALS = 16;

/** Credentials with a gate in this process; the oldest is dropped beyond this many. */
const MAX_GATES = 256;

/**
 * What this n8n process knows about one credential's tokens. Every caller that needs a token goes
 * through it — n8n's preAuthentication for the Workfront nodes, for the HTTP Request node and any
 * other node using this credential type, and the credential Test — so the rules hold for all:
 * one exchange at a time, whose waiters are released the moment it ends (not when the request of
 * whoever started it is answered); a failure held for EXCHANGE_FAILURE_HOLD_MS; a token known to
 * be refused never handed out again; a refused user costs one exchange per hold, not one per item.
 */
interface Gate {
	kind: CredentialKind;
	exchange?: Promise<string>;
	failure?: { error: Error; until: number };
	issued?: { token: string; at: number; accepted: boolean };
	refused: string[];
	/** Exchanged tokens refused in a row before being seen accepted (see FRESH_TOKEN_MS). */
	freshRefusals: number;
}

const gates = new Map<string, Gate>();

/** Identities already worked out, per credential object (a run hands the same object to every request). */
const identities = new WeakMap<object, string>();

/**
 * A credential's identity: the fields its tokens are issued for (kinds.ts), hashed (they include
 * secrets), as typed. Two spellings of one URL make two gates, which costs at most an extra
 * exchange.
 */
export function credentialIdentity(
	credentials: ICredentialDataDecryptedObject,
	kind: CredentialKind,
): string {
	const field = (name: string) => String(credentials[name] ?? '').trim();
	return createHash('sha256')
		.update(JSON.stringify(KINDS[kind].identity.map(field)))
		.digest('hex');
}

export function gateOf(credentials: ICredentialDataDecryptedObject, kind: CredentialKind): Gate {
	let identity = identities.get(credentials);
	if (identity === undefined) {
		identity = `${kind}:${credentialIdentity(credentials, kind)}`;
		identities.set(credentials, identity);
	}
	let gate = gates.get(identity);
	if (!gate) {
		gate = { kind, refused: [], freshRefusals: 0 };
		gates.set(identity, gate);
		if (gates.size > MAX_GATES) gates.delete(gates.keys().next().value as string);
	}
	return gate;
}

/** Who Workfront refuses when fresh tokens are refused, per kind of credential. */
const REFUSED_WHO: Record<CredentialKind, { who: string; field?: string }> = {
	jwt: { who: "The user of the credential's User ID", field: 'User ID' },
	serverToServer: {
		who: "The credential's technical account (a Workfront user whose email ends in techacct.adobe.com)",
		field: 'Client ID',
	},
	oAuth2: { who: 'The user who connected the credential' },
};

export function refusedUserError(kind: CredentialKind): WorkfrontCredentialError {
	const { who, field } = REFUSED_WHO[kind];
	return new WorkfrontCredentialError(
		`Workfront refused the access tokens of this credential straight after they were issued, twice in a row, so no further token is asked for a few seconds. ${who} may lack API access or be deactivated, or its tokens are being revoked (for example by an administrator). Check the user in Workfront, then press Test in the ${KINDS[kind].label} credential.`,
		field,
	);
}

/** The failure every caller gets while it is held, if one is. */
export function heldFailure(gate: Gate, now = Date.now()): Error | undefined {
	if (gate.failure && now < gate.failure.until) return gate.failure.error;
	gate.failure = undefined;
	return undefined;
}

export function isRefused(gate: Gate, token: string): boolean {
	return gate.refused.includes(token);
}

/**
 * Records that Workfront refused `token` (a 401, a "not logged in", or a session check that said
 * no). The second exchanged token in a row refused before being seen accepted holds the refusal
 * for every caller (see FRESH_TOKEN_MS).
 */
export function noteRefused(gate: Gate, token: string, now = Date.now()): void {
	if (token === '' || gate.refused.includes(token)) return;
	gate.refused.push(token);
	if (gate.refused.length > MAX_REMEMBERED_REFUSALS) gate.refused.shift();
	const issued = gate.issued;
	if (issued?.token !== token) return;
	const fresh = !issued.accepted && now - issued.at < FRESH_TOKEN_MS;
	gate.freshRefusals = fresh ? gate.freshRefusals + 1 : 0;
	if (gate.freshRefusals >= REFUSALS_BEFORE_HOLD) {
		gate.failure = { error: refusedUserError(gate.kind), until: now + EXCHANGE_FAILURE_HOLD_MS };
	}
}

/** Records that Workfront accepted `token` (an answer that was not an authentication failure). */
export function noteAccepted(gate: Gate, token: string): void {
	if (gate.issued?.token !== token) return;
	gate.issued.accepted = true;
	gate.freshRefusals = 0;
}

/** The last exchanged token, when it is recent and not known to be refused. */
export function reusableToken(gate: Gate, now = Date.now()): string | undefined {
	const issued = gate.issued;
	if (!issued || now - issued.at >= ISSUED_TOKEN_REUSE_MS || isRefused(gate, issued.token)) {
		return undefined;
	}
	return issued.token;
}

/**
 * Runs `exchange` as the credential's one exchange, or joins the one in progress. Its outcome is
 * everyone's: a token becomes the issued one, a failure is held.
 */
export async function exchangeOnce(gate: Gate, exchange: () => Promise<string>): Promise<string> {
	if (gate.exchange) return await gate.exchange;
	const running = (async () => {
		try {
			const token = await exchange();
			gate.issued = { token, at: Date.now(), accepted: false };
			return token;
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			gate.failure = { error: failure, until: Date.now() + EXCHANGE_FAILURE_HOLD_MS };
			throw failure;
		} finally {
			gate.exchange = undefined;
		}
	})();
	gate.exchange = running;
	return await running;
}

/** Forgets every credential's gate, as a restart of n8n would (for tests that reuse credentials). */
export function forgetGates(): void {
	gates.clear();
}
