import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	credentialIdentity,
	EXCHANGE_FAILURE_HOLD_MS,
	exchangeOnce,
	forgetGates,
	FRESH_TOKEN_MS,
	gateOf,
	heldFailure,
	isRefused,
	ISSUED_TOKEN_REUSE_MS,
	noteAccepted,
	noteRefused,
	refusedUserError,
	reusableToken,
} from '../../../../credentials/common/tokenGate';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';

/**
 * The gate's rules, with plain async functions as exchanges and `now` passed where the gate takes
 * it: no server, no clock.
 */
const jwtFields = (overrides: ICredentialDataDecryptedObject = {}) => ({
	url: 'https://example.my.workfront.com',
	clientId: 'client',
	clientSecret: 'secret',
	customerId: 'customer',
	userId: 'user',
	privateKey: 'key',
	accessToken: '',
	...overrides,
});

/** A promise with its resolve and reject at hand: an exchange that ends when the test says. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

afterEach(() => forgetGates());

describe('one gate per credential', () => {
	test('the same field values share a gate; any field a token is issued for makes another', () => {
		const gate = gateOf(jwtFields(), 'jwt');
		expect(gateOf(jwtFields(), 'jwt')).toBe(gate);
		// Spaces around a value are not a different credential.
		expect(gateOf(jwtFields({ userId: '  user ' }), 'jwt')).toBe(gate);
		for (const field of ['url', 'clientId', 'clientSecret', 'customerId', 'userId', 'privateKey'])
			expect(gateOf(jwtFields({ [field]: 'other' }), 'jwt')).not.toBe(gate);
	});

	test('the stored token and the other fields are not part of the identity', () => {
		const gate = gateOf(jwtFields(), 'jwt');
		expect(gateOf(jwtFields({ accessToken: 'a-token', requestTimeout: 5 }), 'jwt')).toBe(gate);
	});

	test('the same values under another kind are another gate', () => {
		const fields = jwtFields();
		expect(gateOf({ ...fields }, 'serverToServer')).not.toBe(gateOf({ ...fields }, 'jwt'));
	});

	test('the identity is a SHA-256 of the values, never the secret itself', () => {
		const identity = credentialIdentity(jwtFields({ clientSecret: 'very-secret-value' }), 'jwt');
		expect(identity).toMatch(/^[0-9a-f]{64}$/);
		expect(identity).not.toContain('very-secret-value');
	});

	test('forgetGates starts every credential afresh', () => {
		const gate = gateOf(jwtFields(), 'jwt');
		forgetGates();
		expect(gateOf(jwtFields(), 'jwt')).not.toBe(gate);
	});
});

describe('one exchange at a time', () => {
	test('callers that arrive while an exchange runs join it: the exchange runs once', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		const answer = deferred<string>();
		let calls = 0;
		const exchange = async () => {
			calls += 1;
			return await answer.promise;
		};
		const callers = Array.from({ length: 5 }, () => exchangeOnce(gate, exchange));
		expect(gate.exchange).toBeDefined();
		answer.resolve('token-1');
		expect(await Promise.all(callers)).toEqual(Array(5).fill('token-1'));
		expect(calls).toBe(1);
	});

	test('once it has ended, the next caller starts a new one; its token becomes the issued one', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		let calls = 0;
		const exchange = async () => `token-${(calls += 1)}`;
		expect(await exchangeOnce(gate, exchange)).toBe('token-1');
		expect(gate.exchange).toBeUndefined();
		expect(await exchangeOnce(gate, exchange)).toBe('token-2');
		expect(gate.issued).toMatchObject({ token: 'token-2', accepted: false });
	});

	test('a failure is every waiting caller’s failure, and is held for 5 s', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		const answer = deferred<string>();
		const callers = Array.from({ length: 3 }, () =>
			exchangeOnce(gate, async () => await answer.promise).catch((error: unknown) => error),
		);
		const refusal = new WorkfrontCredentialError('Workfront refused the exchange', 'Client ID');
		answer.reject(refusal);
		expect(await Promise.all(callers)).toEqual([refusal, refusal, refusal]);
		expect(gate.exchange).toBeUndefined();
		expect(EXCHANGE_FAILURE_HOLD_MS).toBe(5_000);
		const until = gate.failure?.until ?? 0;
		expect(heldFailure(gate, until - 1)).toBe(refusal);
		expect(heldFailure(gate, until)).toBeUndefined();
		// Once it has run out, it is gone for good, whatever time is asked about next.
		expect(gate.failure).toBeUndefined();
		expect(heldFailure(gate, until - 1)).toBeUndefined();
	});

	test('what is thrown is held as an Error even when it was not one', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		const thrown = await exchangeOnce(gate, () => Promise.reject('plain text')).catch(
			(error: unknown) => error,
		);
		expect(thrown).toBeInstanceOf(Error);
		expect((thrown as Error).message).toBe('plain text');
		expect(heldFailure(gate, Date.now())).toBe(thrown);
	});

	test('no failure held, nothing to say', () => {
		expect(heldFailure(gateOf(jwtFields(), 'jwt'))).toBeUndefined();
	});
});

describe('tokens refused and accepted', () => {
	test('a refused token is remembered; an empty one is not recorded', () => {
		const gate = gateOf(jwtFields(), 'jwt');
		noteRefused(gate, 'bad', 0);
		noteRefused(gate, 'bad', 0);
		noteRefused(gate, '', 0);
		expect(isRefused(gate, 'bad')).toBe(true);
		expect(isRefused(gate, 'good')).toBe(false);
		expect(gate.refused).toEqual(['bad']);
	});

	test('the last 16 refused tokens are remembered, the oldest dropped first', () => {
		const gate = gateOf(jwtFields(), 'jwt');
		for (let index = 0; index < 17; index += 1) noteRefused(gate, `token-${index}`, 0);
		expect(gate.refused).toHaveLength(16);
		expect(isRefused(gate, 'token-0')).toBe(false);
		expect(isRefused(gate, 'token-16')).toBe(true);
	});

	test('two fresh tokens refused in a row, nothing accepted between: the refusal is held as the user’s', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		let calls = 0;
		const exchange = async () => `token-${(calls += 1)}`;
		const first = await exchangeOnce(gate, exchange);
		const at = gate.issued?.at ?? 0;
		noteRefused(gate, first, at + 10);
		// Once may be bad luck: no hold yet.
		expect(heldFailure(gate, at + 10)).toBeUndefined();
		const second = await exchangeOnce(gate, exchange);
		const now = (gate.issued?.at ?? 0) + 10;
		noteRefused(gate, second, now);
		const held = heldFailure(gate, now);
		expect(held).toBeInstanceOf(WorkfrontCredentialError);
		expect(held?.message).toMatch(/refused the access tokens of this credential straight after/);
		expect((held as WorkfrontCredentialError).field).toBe('User ID');
		expect(heldFailure(gate, now + EXCHANGE_FAILURE_HOLD_MS)).toBeUndefined();
	});

	test('a token accepted between two refusals starts the count again', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		let calls = 0;
		const exchange = async () => `token-${(calls += 1)}`;
		const first = await exchangeOnce(gate, exchange);
		noteRefused(gate, first, gate.issued?.at ?? 0);
		const second = await exchangeOnce(gate, exchange);
		noteAccepted(gate, second);
		expect(gate.issued?.accepted).toBe(true);
		noteRefused(gate, second, gate.issued?.at ?? 0);
		expect(heldFailure(gate, gate.issued?.at ?? 0)).toBeUndefined();
	});

	test('a token refused a minute or more after its exchange expired: no hold, the count starts again', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		let calls = 0;
		const exchange = async () => `token-${(calls += 1)}`;
		const first = await exchangeOnce(gate, exchange);
		noteRefused(gate, first, gate.issued?.at ?? 0);
		expect(gate.freshRefusals).toBe(1);
		const second = await exchangeOnce(gate, exchange);
		const late = (gate.issued?.at ?? 0) + FRESH_TOKEN_MS;
		noteRefused(gate, second, late);
		expect(gate.freshRefusals).toBe(0);
		expect(heldFailure(gate, late)).toBeUndefined();
	});

	test('a refusal of a token other than the last issued one counts for nothing but itself', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		await exchangeOnce(gate, async () => 'issued');
		noteRefused(gate, 'stored-long-ago', gate.issued?.at ?? 0);
		noteRefused(gate, 'another-old-one', gate.issued?.at ?? 0);
		expect(gate.freshRefusals).toBe(0);
		expect(heldFailure(gate, gate.issued?.at ?? 0)).toBeUndefined();
	});

	test('an acceptance of another token changes nothing', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		await exchangeOnce(gate, async () => 'issued');
		noteAccepted(gate, 'someone-else');
		expect(gate.issued?.accepted).toBe(false);
	});

	test.each([
		['jwt', "The user of the credential's User ID", 'User ID', 'Workfront JWT API'],
		[
			'serverToServer',
			"The credential's technical account",
			'Client ID',
			'Adobe Workfront OAuth Server-to-Server API',
		],
		['oAuth2', 'The user who connected the credential', undefined, 'Workfront OAuth2 API'],
	] as const)(
		'the refused-user error of %s names who and which credential',
		(kind, who, field, label) => {
			const error = refusedUserError(kind);
			expect(error.message).toContain(who);
			expect(error.message).toContain(`press Test in the ${label} credential`);
			expect(error.field).toBe(field);
		},
	);
});

describe('the token of the last exchange, for callers that just missed it', () => {
	test('handed out for a minute after the exchange, then no more', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		expect(reusableToken(gate)).toBeUndefined();
		await exchangeOnce(gate, async () => 'fresh');
		const at = gate.issued?.at ?? 0;
		expect(reusableToken(gate, at)).toBe('fresh');
		expect(reusableToken(gate, at + ISSUED_TOKEN_REUSE_MS - 1)).toBe('fresh');
		expect(reusableToken(gate, at + ISSUED_TOKEN_REUSE_MS)).toBeUndefined();
	});

	test('never once it is known to be refused', async () => {
		const gate = gateOf(jwtFields(), 'jwt');
		await exchangeOnce(gate, async () => 'fresh');
		noteRefused(gate, 'fresh', gate.issued?.at ?? 0);
		expect(reusableToken(gate, gate.issued?.at ?? 0)).toBeUndefined();
	});
});
