import { WorkfrontOAuth2Api } from '../../../credentials/WorkfrontOAuth2Api.credentials';
import { normaliseWorkfrontUrl } from '../../../nodes/shared/core/url';
import { InMemoryCredentialsHelper } from '../../harness/credentialsHelper';
import { fc, holdsFor } from '../../support/properties';

/**
 * The user-login credential's sign-in and token addresses are n8n expressions built from the
 * Workfront URL field (n8n resolves them with `$self`, as the harness does): the client secret,
 * the code and the refresh token go there. Whatever is typed, they point at a Workfront host (the
 * one the nodes use), a loopback address, or nowhere.
 */
const helper = new InMemoryCredentialsHelper({ workfrontOAuth2Api: new WorkfrontOAuth2Api() });

function addresses(url: string): { authUrl: string; accessTokenUrl: string } {
	const data = helper.withDefaults('workfrontOAuth2Api', { url, clientId: 'c', clientSecret: 's' });
	return { authUrl: String(data.authUrl), accessTokenUrl: String(data.accessTokenUrl) };
}

const NOWHERE = 'https://workfront-url-not-accepted.invalid';

test.each([
	['acme.my.workfront.com', 'https://acme.my.workfront.com'],
	['https://acme.my.workfront.com/home/projects?x=1', 'https://acme.my.workfront.com'],
	['ACME.my.workfront.adobe.com.', 'https://acme.my.workfront.adobe.com'],
	['acme.preview.workfront.com:8443', 'https://acme.preview.workfront.com:8443'],
	['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
	['evil.example', NOWHERE],
	['acme.my.workfront.com@evil.example', NOWHERE],
	['https://acme.my.workfront.com\n@evil.example', NOWHERE],
	['evil.example\uFEFFx.my.workfront.com', NOWHERE],
	['http://acme.my.workfront.com', NOWHERE],
	['acme.my.workfront.com.evil.example', NOWHERE],
	['', NOWHERE],
])('%j signs in at %s', (typed, origin) => {
	expect(addresses(typed)).toEqual({
		authUrl: `${origin}/integrations/oauth2/authorize`,
		accessTokenUrl: `${origin}/integrations/oauth2/api/v1/token`,
	});
});

test('for any text typed, the token address is the nodes’ own Workfront, a loopback address, or nowhere', () => {
	const piece = fc.constantFrom(
		'acme',
		'my',
		'workfront',
		'adobe',
		'com',
		'evil',
		'example',
		'.',
		'..',
		'-',
		':',
		'8443',
		'/',
		'//',
		'@',
		'\\',
		'?',
		'#',
		' ',
		'\n',
		'\uFEFF',
		'ü',
		'https://',
		'http://',
		'127.0.0.1',
		'localhost',
	);
	holdsFor(
		'user-login token address: Workfront, loopback or nowhere',
		fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
		(typed) => {
			const { accessTokenUrl } = addresses(typed);
			const origin = new URL(accessTokenUrl).origin;
			if (origin === NOWHERE) return;
			const host = new URL(accessTokenUrl).hostname;
			const allowed =
				/(^|\.)workfront(\.adobe)?\.com$/.test(host) || ['127.0.0.1', 'localhost'].includes(host);
			if (!allowed) throw new Error(`${JSON.stringify(typed)} → ${accessTokenUrl}`);
			// The nodes send requests to the same origin for the same text.
			if (origin !== normaliseWorkfrontUrl(typed))
				throw new Error(
					`${JSON.stringify(typed)}: sign-in at ${origin}, nodes at ${normaliseWorkfrontUrl(typed)}`,
				);
		},
		{ runs: 1000 },
	);
});

test('the credential is refused by n8n’s HTTP Request node (its domain setting is None)', () => {
	expect(
		helper.withDefaults('workfrontOAuth2Api', { url: 'acme.my.workfront.com' })
			.allowedHttpRequestDomains,
	).toBe('none');
});
