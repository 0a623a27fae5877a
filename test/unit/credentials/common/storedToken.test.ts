import { KINDS, type CredentialKind } from '../../../../credentials/common/kinds';
import {
	TOKEN_FOR_FIELD,
	storedToken,
	tokenToStore,
} from '../../../../credentials/common/storedToken';
import { fc, holdsFor } from '../../../support/properties';

/**
 * n8n keeps a credential's token when its other fields are edited. A token is only used for the
 * field values it was issued for: edit any of them and it is no token (a new one is exchanged),
 * leave them and it is the token. The same for every credential that exchanges its own tokens.
 */
const EXCHANGING: CredentialKind[] = ['jwt', 'serverToServer'];

describe.each(EXCHANGING)('%s: a stored token belongs to the field values it was issued for', (kind) => {
	const issuing = KINDS[kind].identity;
	const fields = fc.record(
		Object.fromEntries(issuing.map((name) => [name, fc.string({ maxLength: 40 })])) as Record<
			string,
			fc.Arbitrary<string>
		>,
	);

	test('the same values: the token; any one of them edited: no token', () => {
		holdsFor(
			`stored token bound to its issuing fields (${kind})`,
			fc.tuple(
				fields,
				fc.string({ minLength: 1, maxLength: 40 }),
				fc.constantFrom(...issuing),
				fc.string({ maxLength: 40 }),
			),
			([values, token, edited, other]) => {
				const stored = { ...values, ...tokenToStore(values, token, kind) };
				expect(storedToken(stored, kind)).toBe(token);
				// Other fields (API Version, timeouts) do not change who the token is for.
				expect(storedToken({ ...stored, apiVersion: 'v20.0', requestTimeout: 5 }, kind)).toBe(
					token,
				);
				// An edit that leaves the value as it was (surrounding spaces) is no edit.
				if (other.trim() === values[edited].trim()) return;
				expect(storedToken({ ...stored, [edited]: other }, kind)).toBe('');
			},
			{ runs: 500 },
		);
	});

	test('a token stored without what it was issued for (an earlier version, another tool) is not used', () => {
		expect(storedToken({ url: 'a', accessToken: 'tok' }, kind)).toBe('');
		expect(
			storedToken({ url: 'a', accessToken: 'tok', [TOKEN_FOR_FIELD]: 'not-a-hash' }, kind),
		).toBe('');
		expect(storedToken({ url: 'a', accessToken: '' }, kind)).toBe('');
	});
});

test('a token issued for one kind of credential is no token for another with the same values', () => {
	const values = { url: 'https://a.my.workfront.com', clientId: 'c', clientSecret: 's' };
	const stored = { ...values, ...tokenToStore(values, 'tok', 'jwt') };
	expect(storedToken(stored, 'jwt')).toBe('tok');
	expect(storedToken(stored, 'serverToServer')).toBe('');
});
