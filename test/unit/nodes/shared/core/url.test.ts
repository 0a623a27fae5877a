import { WorkfrontCredentialError } from '../../../../../nodes/shared/core/errors';
import { normaliseWorkfrontUrl } from '../../../../../nodes/shared/core/url';

describe('normaliseWorkfrontUrl', () => {
	test.each([
		['acme.my.workfront.com', 'https://acme.my.workfront.com'],
		['https://acme.my.workfront.com', 'https://acme.my.workfront.com'],
		['https://acme.my.workfront.com/', 'https://acme.my.workfront.com'],
		['  acme.my.workfront.com/  ', 'https://acme.my.workfront.com'],
		['HTTPS://ACME.my.Workfront.com', 'https://acme.my.workfront.com'],
		['acme.my.workfront.adobe.com', 'https://acme.my.workfront.adobe.com'],
		['acme.preview.workfront.com', 'https://acme.preview.workfront.com'],
		['acme.sandbox.my.workfront.com', 'https://acme.sandbox.my.workfront.com'],
		['https://acme.my.workfront.com/project/5f0e/tasks?x=1#top', 'https://acme.my.workfront.com'],
		['https://acme.my.workfront.com/attask/api/v21.0/', 'https://acme.my.workfront.com'],
		['"acme.my.workfront.com"', 'https://acme.my.workfront.com'],
		['https://acme.my.workfront.com:8443', 'https://acme.my.workfront.com:8443'],
		['http://127.0.0.1:5678', 'http://127.0.0.1:5678'],
		['http://localhost:4000/', 'http://localhost:4000'],
		['http://[::1]:4000', 'http://[::1]:4000'],
		['acme.sb01.workfront.com', 'https://acme.sb01.workfront.com'],
		['bücher.my.workfront.com', 'https://xn--bcher-kva.my.workfront.com'],
		['ACME.MY.WORKFRONT.ADOBE.COM', 'https://acme.my.workfront.adobe.com'],
	])('%s -> %s', (input, origin) => {
		expect(normaliseWorkfrontUrl(input)).toBe(origin);
	});

	test.each([
		['', /Workfront URL is empty/],
		[undefined, /Workfront URL is empty/],
		['http://acme.my.workfront.com', /http:\/\/.*unencrypted.*https:\/\/acme\.my\.workfront\.com/],
		['ftp://acme.my.workfront.com', /must start with https:\/\//],
		['https://user:pw@acme.my.workfront.com', /must not contain a user name or password/],
		['acme', /not a full host name/],
		['https://exa mple.com', /not a valid address/],
		// Only Workfront receives the client secret and the JWT (whoever may use a credential can
		// press Test with other values).
		['collector.evil.example', /"collector\.evil\.example" is not a Workfront host/],
		['workfront.com.evil.example', /is not a Workfront host/],
		['acme.myworkfront.com', /is not a Workfront host/],
		['acme.workfront.co', /is not a Workfront host/],
		['workfront.com', /is not a Workfront host/],
		['acme.workfront.adobe.com.evil.example', /is not a Workfront host/],
		['https://10.0.0.8', /is not a Workfront host/],
	])('rejects %p', (input, message) => {
		expect(() => normaliseWorkfrontUrl(input)).toThrow(WorkfrontCredentialError);
		expect(() => normaliseWorkfrontUrl(input)).toThrow(message);
	});
});
