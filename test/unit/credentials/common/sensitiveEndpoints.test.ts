import { authenticateFor } from '../../../../credentials/common/authenticateRequest';

/**
 * Spellings an outside review found getting the token past the list of sensitive endpoints
 * (issue 20): multipart and JSON bodies, letters that Java's case-insensitive comparison folds,
 * suffixes. Each must now be refused before anything is sent; ordinary requests still pass.
 */
const credentials = { url: 'https://acme.my.workfront.com', accessToken: 'tok-SECRET-123456' };
const api = 'https://acme.my.workfront.com/attask/api/v21.0';

function outcome(options: Record<string, unknown>): string {
	try {
		authenticateFor('jwt')(credentials as never, options as never);
		return 'sent';
	} catch (error) {
		const { message } = error as Error;
		expect(message).not.toContain(credentials.accessToken);
		expect(message).toContain('Nothing was sent');
		return 'refused';
	}
}

test.each([
	['multipart action', { url: `${api}/user`, method: 'PUT', formData: { action: 'getApiKey' } }],
	['multipart fields', { url: `${api}/user/search`, formData: { fields: 'apiKey' } }],
	['JSON body action', { url: `${api}/user`, method: 'PUT', body: { action: 'getApiKey' } }],
	['JSON body fields', { url: `${api}/user/search`, body: { Fields: 'apiKey' } }],
	['long s (U+017F) in the object type', { url: `${api}/%C5%BFession` }],
	['dotless i (U+0131) in an action segment', { url: `${api}/user/x/getap%C4%B1key` }],
	[
		'dotted capital I (U+0130) in action=',
		{ url: `${api}/user/x`, qs: { action: 'GETAP\u0130KEY' } },
	],
	['Kelvin sign (U+212A) in a parameter name', { url: `${api}/user/x`, qs: { apIKey: 'x' } }],
	['a suffix', { url: `${api}/session.json` }],
	['a trailing dot', { url: `${api}/session.` }],
	['a suffix on an action', { url: `${api}/user/x/getApiKey.json` }],
])('refused: %s', (_name, options) => {
	expect(outcome(options)).toBe('refused');
});

test.each([
	[
		'a JSON body creating a user with a username',
		{ url: `${api}/user`, method: 'POST', body: { username: 'a@b.c', name: 'A' } },
	],
	['a multipart upload', { url: `${api}/upload`, method: 'POST', formData: { uploadedFile: 'x' } }],
	['a search with ordinary fields', { url: `${api}/proj/search`, body: { fields: 'name,status' } }],
	['accented data in a query value', { url: `${api}/proj/search`, qs: { name: 'Zoë Müller' } }],
])('sent: %s', (_name, options) => {
	expect(outcome(options)).toBe('sent');
});
