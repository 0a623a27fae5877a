import {
	TOKEN_FOR_FIELD,
	storedToken,
	tokenToStore,
} from '../../../../credentials/jwt/storedToken';
import { fc, holdsFor } from '../../../support/properties';

/**
 * n8n keeps a credential's token when its other fields are edited. A token is only used for the
 * field values it was issued for: edit any of them and it is no token (a new one is exchanged),
 * leave them and it is the token.
 */
const ISSUING = ['url', 'clientId', 'clientSecret', 'customerId', 'userId', 'privateKey'] as const;

const fields = fc.record(
	Object.fromEntries(ISSUING.map((name) => [name, fc.string({ maxLength: 40 })])) as Record<
		(typeof ISSUING)[number],
		fc.Arbitrary<string>
	>,
);

describe('a stored token belongs to the field values it was issued for', () => {
	test('the same values: the token; any one of them edited: no token', () => {
		holdsFor(
			'stored token bound to its issuing fields',
			fc.tuple(
				fields,
				fc.string({ minLength: 1, maxLength: 40 }),
				fc.constantFrom(...ISSUING),
				fc.string({ maxLength: 40 }),
			),
			([values, token, edited, other]) => {
				const stored = { ...values, ...tokenToStore(values, token) };
				expect(storedToken(stored)).toBe(token);
				// Other fields (API Version, timeouts) do not change who the token is for.
				expect(storedToken({ ...stored, apiVersion: 'v20.0', requestTimeout: 5 })).toBe(token);
				// An edit that leaves the value as it was (surrounding spaces) is no edit.
				if (other.trim() === values[edited].trim()) return;
				expect(storedToken({ ...stored, [edited]: other })).toBe('');
			},
			{ runs: 500 },
		);
	});

	test('a token stored without what it was issued for (an earlier version, another tool) is not used', () => {
		expect(storedToken({ url: 'a', accessToken: 'tok' })).toBe('');
		expect(storedToken({ url: 'a', accessToken: 'tok', [TOKEN_FOR_FIELD]: 'not-a-hash' })).toBe('');
		expect(storedToken({ url: 'a', accessToken: '' })).toBe('');
	});
});
