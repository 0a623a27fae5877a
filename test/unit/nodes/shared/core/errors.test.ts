import { UserError } from 'n8n-workflow';

import {
	REDACTED,
	redactSecrets,
	redactValue,
	WorkfrontCredentialError,
} from '../../../../../nodes/shared/core/errors';

test('a credential error is a UserError that names its field', () => {
	const error = new WorkfrontCredentialError('Client ID is empty.', 'Client ID');
	expect(error).toBeInstanceOf(UserError);
	expect(error.name).toBe('WorkfrontCredentialError');
	expect(error.field).toBe('Client ID');
	expect(new WorkfrontCredentialError('Workfront refused').field).toBeUndefined();
});

test('redactSecrets replaces each secret, also as a server would quote it', () => {
	const secret = 'p@ss word/1';
	const text = `a ${secret} b ${encodeURIComponent(secret)} c`;
	const cleaned = redactSecrets(text, [secret, undefined]);
	expect(cleaned).not.toContain(secret);
	expect(cleaned).not.toContain(encodeURIComponent(secret));
	expect(cleaned).toBe(`a ${REDACTED} b ${REDACTED} c`);
});

test('redactValue cleans keys and values, and returns the same value when nothing is secret', () => {
	const secret = 'client-secret-1234';
	expect(redactValue({ [secret]: [`x ${secret}`] }, [secret])).toEqual({
		[REDACTED]: [`x ${REDACTED}`],
	});
	const clean = { a: ['b'] };
	expect(redactValue(clean, [secret])).toBe(clean);
});
