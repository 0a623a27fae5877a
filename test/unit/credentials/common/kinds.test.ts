import { DEFAULT_KIND, KINDS, kindOf } from '../../../../credentials/common/kinds';
import { WorkfrontJwtApi } from '../../../../credentials/WorkfrontJwtApi.credentials';
import { WorkfrontOAuth2Api } from '../../../../credentials/WorkfrontOAuth2Api.credentials';
import { WorkfrontServerToServerApi } from '../../../../credentials/WorkfrontServerToServerApi.credentials';

describe('the Authentication value a node holds, as a kind', () => {
	test.each(['jwt', 'serverToServer', 'oAuth2'])('%s is itself', (value) => {
		expect(kindOf(value)).toBe(value);
	});

	test.each([undefined, null, '', 'JWT', 'oauth2', 'toString', '__proto__', 1, {}])(
		'%p (a saved node without one, or anything unknown) is the default, JWT',
		(value) => {
			expect(kindOf(value)).toBe(DEFAULT_KIND);
			expect(DEFAULT_KIND).toBe('jwt');
		},
	);
});

describe('the facts of each kind', () => {
	test.each([
		['jwt', new WorkfrontJwtApi()],
		['serverToServer', new WorkfrontServerToServerApi()],
		['oAuth2', new WorkfrontOAuth2Api()],
	] as const)('%s: the n8n type and label are the credential’s own', (kind, credential) => {
		expect(KINDS[kind].type).toBe(credential.name);
		expect(KINDS[kind].label).toBe(credential.displayName);
	});

	test.each([
		['jwt', new WorkfrontJwtApi()],
		['serverToServer', new WorkfrontServerToServerApi()],
	] as const)('%s: a token counts for fields the credential has', (kind, credential) => {
		const names = credential.properties.map(({ name }) => name);
		expect(KINDS[kind].identity.length).toBeGreaterThan(0);
		for (const field of KINDS[kind].identity) expect(names).toContain(field);
	});

	test('the JWT fingerprint keeps its order: tokens stored before other kinds stay valid', () => {
		expect(KINDS.jwt.identity).toEqual([
			'url',
			'clientId',
			'clientSecret',
			'customerId',
			'userId',
			'privateKey',
		]);
	});

	test('Workfront’s own tokens go in sessionID, an IMS token as Bearer', () => {
		expect([KINDS.jwt.attach, KINDS.serverToServer.attach, KINDS.oAuth2.attach]).toEqual([
			'sessionID',
			'bearer',
			'sessionID',
		]);
	});
});
