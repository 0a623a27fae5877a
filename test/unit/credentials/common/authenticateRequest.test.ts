import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	authenticateFor,
	SUBSCRIPTION_REQUEST,
	requestDestinations,
} from '../../../../credentials/common/authenticateRequest';
import { tokenToStore } from '../../../../credentials/common/storedToken';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';

const ORIGIN = 'https://acme.my.workfront.com';
const base: ICredentialDataDecryptedObject = {
	url: 'acme.my.workfront.com/',
	clientId: 'client',
	clientSecret: 'secret',
	customerId: 'customer',
	userId: 'user',
	privateKey: 'key',
};
const credentials = { ...base, ...tokenToStore(base, 'token-1', 'jwt') };

const send = (options: Record<string, unknown>, given = credentials) =>
	authenticateFor('jwt')(given, options as unknown as IHttpRequestOptions) as IHttpRequestOptions &
		Record<string, unknown>;

function refusal(options: Record<string, unknown>): WorkfrontCredentialError {
	try {
		send(options);
	} catch (error) {
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		return error as WorkfrontCredentialError;
	}
	throw new Error('the request was let through');
}

describe('the token goes in sessionID, to the credential’s origin only, never redirected', () => {
	test('a whole URL on the origin', () => {
		const options = send({ url: `${ORIGIN}/attask/api/v21.0/proj/search`, headers: { a: 'b' } });
		expect(options.headers).toEqual({ a: 'b', sessionID: 'token-1' });
		expect(options).toMatchObject({
			disableFollowRedirect: true,
			followRedirect: false,
			followAllRedirects: false,
			maxRedirects: 0,
		});
		expect(options.baseURL).toBeUndefined();
	});

	test("a relative URL (the credential's Test request) is put on the origin, with a deadline", () => {
		const options = send({ url: '/attask/api/v21.0/user/user' });
		expect(options.baseURL).toBe(ORIGIN);
		expect(options.abortSignal).toBeInstanceOf(AbortSignal);
		expect((options.abortSignal as AbortSignal).aborted).toBe(false);
	});

	test('a token issued for other field values is not sent', () => {
		const edited = { ...credentials, userId: 'someone else' };
		expect(send({ url: `${ORIGIN}/attask/api/v21.0/proj` }, edited).headers).toEqual({
			sessionID: '',
		});
	});
});

describe('refused before anything is sent', () => {
	test.each([
		[
			'another host',
			{ url: 'https://collector.example/x' },
			/only sends its token to https:\/\/acme/,
		],
		[
			'another port',
			{ url: `${ORIGIN}:8443/attask` },
			/but this request goes to https:\/\/acme.my.workfront.com:8443/,
		],
		['plain http', { url: 'http://acme.my.workfront.com/attask' }, /goes to http:\/\/acme/],
		[
			'a url and a uri that differ',
			{ url: `${ORIGIN}/attask`, uri: 'https://collector.example/' },
			/goes to an address that is not a full URL/,
		],
		[
			'a baseURL elsewhere',
			{ url: '/attask', baseURL: 'https://collector.example' },
			/collector.example/,
		],
		[
			'a proxy',
			{ url: `${ORIGIN}/attask`, proxy: 'http://proxy:3128' },
			/proxy or agent \("proxy"\)/,
		],
		[
			'Ignore SSL Issues',
			{ url: `${ORIGIN}/attask`, rejectUnauthorized: false },
			/certificate is not checked/,
		],
		[
			'skipSslCertificateValidation',
			{ url: `${ORIGIN}/attask`, skipSslCertificateValidation: true },
			/certificate is not checked/,
		],
	])('%s', (_name, options, message) => {
		const error = refusal(options);
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/Nothing was sent/);
		expect(error.field).toBe('Workfront URL');
	});

	test('a sensitive endpoint, unless the package itself sends it', () => {
		expect(refusal({ url: `${ORIGIN}/attask/api/v21.0/session`, method: 'GET' }).message).toMatch(
			/is not used for this request/,
		);
	});
});

test('requestDestinations: every reading of url, uri and baseURL, as axios joins them', () => {
	const read = (options: Record<string, unknown>) =>
		requestDestinations(options as never, ORIGIN).map((url) => url?.href);
	expect(read({ url: '/attask/x' })).toEqual([`${ORIGIN}/attask/x`]);
	expect(read({ url: 'attask/x', baseURL: `${ORIGIN}/` })).toEqual([`${ORIGIN}/attask/x`]);
	expect(read({ uri: `${ORIGIN}/a` })).toEqual([`${ORIGIN}/`, `${ORIGIN}/a`]);
	expect(read({ url: '//collector.example/x' })).toEqual([undefined]);
});

test('the mark of the package’s own requests is a symbol no parameter can set', () => {
	expect(typeof SUBSCRIPTION_REQUEST).toBe('symbol');
});

describe('the Server-to-Server credential: Bearer with the organization, the same destination rule', () => {
	const ims: ICredentialDataDecryptedObject = {
		url: 'acme.my.workfront.com',
		imsUrl: 'https://ims-na1.adobelogin.com',
		clientId: 'ims-client',
		clientSecret: 'ims-secret',
		scopes: 'openid',
		imsOrgId: 'ABC123@AdobeOrg',
	};
	const stored: ICredentialDataDecryptedObject = {
		...ims,
		...tokenToStore(ims, 'ims-token', 'serverToServer'),
	};
	const sendIms = (
		options: Record<string, unknown>,
		given: ICredentialDataDecryptedObject = stored,
	) =>
		authenticateFor('serverToServer')(
			given,
			options as unknown as IHttpRequestOptions,
		) as IHttpRequestOptions & Record<string, unknown>;

	test('Authorization: Bearer and x-gw-ims-org-id, no sessionID; x-api-key only for Planning', () => {
		const classic = sendIms({ url: `${ORIGIN}/attask/api/v21.0/proj/search` });
		expect(classic.headers).toEqual({
			Authorization: 'Bearer ims-token',
			'x-gw-ims-org-id': 'ABC123@AdobeOrg',
		});
		const planning = sendIms({ url: `${ORIGIN}/maestro/api/v2/workspaces` });
		expect(planning.headers).toMatchObject({ 'x-api-key': 'ims-client' });
	});

	test.each(['', '  ', 'undefined', 'NULL'])(
		'an organization of %j is refused before sending',
		(org) => {
			expect(() =>
				sendIms({ url: `${ORIGIN}/attask/api/v21.0/proj/search` }, { ...stored, imsOrgId: org }),
			).toThrow(/no IMS Organization ID/);
		},
	);

	test('another origin is refused, naming the credential', () => {
		expect(() => sendIms({ url: 'https://evil.example/attask/api/v21.0/proj/search' })).toThrow(
			/Adobe Workfront OAuth Server-to-Server API credential only sends its token to/,
		);
	});

	test('a token stored for the JWT credential is no token here', () => {
		const jwtToken = { ...ims, ...tokenToStore(ims, 'jwt-token', 'jwt') };
		expect(
			sendIms({ url: `${ORIGIN}/attask/api/v21.0/proj/search` }, jwtToken).headers,
		).toMatchObject({
			Authorization: 'Bearer ',
		});
	});
});
