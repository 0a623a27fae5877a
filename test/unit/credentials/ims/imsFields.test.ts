import {
	IMS_ORIGIN,
	normaliseImsUrl,
	normaliseScopes,
	readImsOrgId,
	readServerToServerFields,
} from '../../../../credentials/ims/imsFields';
import { WorkfrontCredentialError } from '../../../../nodes/shared/core/errors';

const fields = {
	url: 'example.my.workfront.com',
	imsUrl: '',
	clientId: ' client-id ',
	clientSecret: 'p8e-secret',
	scopes: 'openid, AdobeID\nadditional_info.projectedProductContext',
	imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
};

/** The error a reader throws; fails the test when it throws none. */
function refusal(read: () => unknown): WorkfrontCredentialError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(WorkfrontCredentialError);
		return error as WorkfrontCredentialError;
	}
	throw new Error('accepted');
}

describe('every field checked before anything is sent', () => {
	test('the fields as the requests use them', () => {
		expect(readServerToServerFields(fields)).toEqual({
			origin: 'https://example.my.workfront.com',
			imsOrigin: IMS_ORIGIN,
			clientId: 'client-id',
			clientSecret: 'p8e-secret',
			scope: 'openid,AdobeID,additional_info.projectedProductContext',
			imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
			// Request Timeout left empty: its default, and the deadline worked out from it.
			deadlineMs: expect.any(Number) as number,
		});
	});

	test.each([
		['clientId', 'Client ID'],
		['clientSecret', 'Client Secret'],
		['imsOrgId', 'IMS Organization ID'],
	])('%s empty or blank is refused, naming the field', (name, field) => {
		for (const value of ['', '   ', undefined, 42]) {
			const error = refusal(() => readServerToServerFields({ ...fields, [name]: value }));
			expect(error.message).toMatch(new RegExp(`^${field} is empty\\. `));
			expect(error.field).toBe(field);
		}
	});

	test.each(['clientId', 'clientSecret', 'imsOrgId'])(
		'%s with a line break or another control character is refused (it would end a header)',
		(name) => {
			for (const bad of ['a\nb', 'a\rb', 'a\u0000b', 'a\tb']) {
				expect(
					refusal(() => readServerToServerFields({ ...fields, [name]: bad })).message,
				).toContain('contains a line break or another control character');
			}
		},
	);

	test('a bad Workfront URL is refused before the IMS fields are looked at', () => {
		expect(
			refusal(() => readServerToServerFields({ ...fields, url: 'http://example.com' })).field,
		).toBe('Workfront URL');
	});
});

describe('IMS URL: Adobe’s host or loopback, nothing else', () => {
	test.each([
		['', IMS_ORIGIN],
		[undefined, IMS_ORIGIN],
		['  ', IMS_ORIGIN],
		['https://ims-na1.adobelogin.com/ims/token/v3', IMS_ORIGIN],
		['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
		['https://localhost:8443/x', 'https://localhost:8443'],
		['http://[::1]:9000', 'http://[::1]:9000'],
	])('%p → %s', (value, origin) => {
		expect(normaliseImsUrl(value)).toBe(origin);
	});

	test.each([
		'http://ims-na1.adobelogin.com',
		'https://ims-na1.adobelogin.com.evil.example',
		'https://evil.example',
		'ftp://127.0.0.1',
		'https://ims-eu1.adobelogin.com',
	])('%s is refused: the client secret goes nowhere else', (value) => {
		const error = refusal(() => normaliseImsUrl(value));
		expect(error.message).toMatch(/^IMS URL must be https:\/\/ims-na1\.adobelogin\.com, /);
		expect(error.message).toContain('is not used, so the client secret goes nowhere else');
		expect(error.field).toBe('IMS URL');
	});

	test('text that is no URL says so', () => {
		expect(refusal(() => normaliseImsUrl('not a url')).message).toBe(
			`IMS URL "not a url" is not a URL. Leave it at ${IMS_ORIGIN}, Adobe's token endpoint.`,
		);
	});
});

describe('Scopes as IMS takes them', () => {
	test.each([
		['openid,AdobeID', 'openid,AdobeID'],
		['openid, AdobeID', 'openid,AdobeID'],
		[' openid\n\nAdobeID ,, ', 'openid,AdobeID'],
		['openid AdobeID\tadditional_info.roles', 'openid,AdobeID,additional_info.roles'],
	])('%p → %s', (value, scope) => {
		expect(normaliseScopes(value)).toBe(scope);
	});

	test.each(['', ' , ', undefined, null])('%p is refused with where to copy them', (value) => {
		const error = refusal(() => normaliseScopes(value));
		expect(error.message).toMatch(
			/^Scopes is empty\. Copy the scopes from Adobe Developer Console/,
		);
		expect(error.field).toBe('Scopes');
	});
});

describe('IMS Organization ID', () => {
	test('kept as typed, trimmed', () => {
		expect(readImsOrgId(' ABC@AdobeOrg ')).toBe('ABC@AdobeOrg');
	});

	test.each(['undefined', 'NULL', 'Null', 'ABC @AdobeOrg'])(
		'%p is no organization ID (Workfront would read the word)',
		(value) => {
			const error = refusal(() => readImsOrgId(value));
			expect(error.message).toBe(
				`IMS Organization ID "${value}" is not an organization ID. Copy it from Adobe Developer Console > your project > OAuth Server-to-Server > Credential details (it ends in @AdobeOrg).`,
			);
			expect(error.field).toBe('IMS Organization ID');
		},
	);
});
