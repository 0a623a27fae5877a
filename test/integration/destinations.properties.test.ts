// The token reaches only its origin, and never an endpoint that reveals a session or a
// credential — for generated request options, sent for real through n8n-core's two authenticated
// helpers (httpRequestWithAuthentication, as the Workfront nodes call it; requestWithAuthentication,
// as n8n's HTTP Request node calls it) to the simulator and to another origin on 127.0.0.1.
import type { IDataObject } from 'n8n-workflow';

import { KINDS, type CredentialKind } from '../../credentials/common/kinds';
import { createExecuteContext } from '../harness/executeContext';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { OtherOrigin } from '../support/otherOrigin';
import { fc, holdsForAsync } from '../support/properties';
import { WorkfrontFixture } from '../support/workfrontNode';

// Both credentials that n8n authenticates with their own `authenticate` (the JWT one and Adobe's
// OAuth Server-to-Server one): the rule is the same code, and each is proven here for itself.
describe.each<CredentialKind>(['jwt', 'serverToServer'])('%s credential', (kind) => {
	const type = KINDS[kind].type;
	let fixture: WorkfrontFixture;
	let other: OtherOrigin;

	beforeAll(async () => {
		fixture = await WorkfrontFixture.start({}, kind);
		other = await OtherOrigin.start();
		// A token stored once, so that the properties below exercise the destination rule, not exchanges.
		const context = createExecuteContext(fixture.helper, CREDENTIAL_ID, type);
		await context.helpers.httpRequestWithAuthentication.call(context, type, {
			url: `${fixture.simulator.origin}/attask/api/v21.0/proj/count`,
		});
	});

	afterAll(async () => {
		await other.close();
		await fixture.close();
	});

	const portOf = (origin: string) => new URL(origin).port;

	/** Spellings of an address on a host and port: what a person, an expression or an attacker types. */
	function spellings(origin: string): fc.Arbitrary<string> {
		const port = portOf(origin);
		return fc.oneof(
			fc.constant(origin),
			fc.constantFrom(
				`HTTP://127.0.0.1:${port}`,
				`http://localhost:${port}`,
				`http://127.1:${port}`,
				`http://2130706433:${port}`,
				`http://[::ffff:127.0.0.1]:${port}`,
				`http://0x7f.0.0.1:${port}`,
				`http://127.0.0.1.:${port}`,
				`//127.0.0.1:${port}`,
				`http:\\\\127.0.0.1:${port}`,
				`http://user:pass@127.0.0.1:${port}`,
				`http://127.0.0.1:${port}@127.0.0.1:${port}`,
				`http://%31%32%37.0.0.1:${port}`,
				` http://127.0.0.1:${port}`,
				`http://127.0.0.1:${port}\t`,
				`h\nttp://127.0.0.1:${port}`,
				`http://127.0.0.1:0${port}`,
			),
		);
	}

	const paths = fc.constantFrom(
		'/attask/api/v21.0/proj/count',
		'/attask/api/v21.0/proj/search?name=x',
		'/attask/api/v21.0/task/count',
		'',
		'/',
		'?x=1',
		'#frag',
		'/attask/api/v21.0/proj/count?url=http://127.0.0.1',
	);

	interface GeneratedOptions {
		url?: string;
		uri?: string;
		baseURL?: string;
		helper: 'http' | 'request';
	}

	function optionsArbitrary(): fc.Arbitrary<GeneratedOptions> {
		const address = fc
			.tuple(
				fc.oneof(spellings(fixture.simulator.origin), spellings(other.origin), fc.constant('')),
				paths,
			)
			.map(([host, path]) => `${host}${path}`);
		return fc.record(
			{
				url: address,
				uri: address,
				baseURL: fc.oneof(
					spellings(other.origin),
					spellings(fixture.simulator.origin),
					fc.constant(''),
				),
				helper: fc.constantFrom('http' as const, 'request' as const),
			},
			{ requiredKeys: ['helper'] },
		);
	}

	async function send(options: GeneratedOptions): Promise<unknown> {
		const context = createExecuteContext(fixture.helper, CREDENTIAL_ID, type);
		const { helper, ...rest } = options;
		const request = { method: 'GET', ...rest, json: true } as IDataObject;
		try {
			return helper === 'http'
				? await context.helpers.httpRequestWithAuthentication.call(context, type, request as never)
				: await context.helpers.requestWithAuthentication.call(context, type, request as never);
		} catch (error) {
			return error;
		}
	}

	const storedToken = () => String(fixture.helper.get(CREDENTIAL_ID).accessToken);

	test('no spelling of url, uri and baseURL brings the token to another origin', async () => {
		await holdsForAsync(
			`token reaches only its origin (url/uri/baseURL spellings, both n8n helpers; ${kind})`,
			optionsArbitrary(),
			async (options) => {
				other.clear();
				await send(options);
				const leaks = other.credentialsSeen([storedToken()]);
				if (leaks.length > 0) throw new Error(`${JSON.stringify(options)} → ${leaks.join('; ')}`);
			},
			{ runs: 300 },
		);
	});

	/** Ways to spell a request for an endpoint that reveals a session or a credential. */
	function sensitiveRequests(): fc.Arbitrary<{
		path: string;
		qs?: IDataObject;
		body?: string;
		formData?: IDataObject;
		json?: IDataObject;
	}> {
		// Letters Java's equalsIgnoreCase folds to ASCII ones (U+017F long s, U+0131 dotless i, U+0130
		// dotted I, U+212A Kelvin sign): a Workfront server may match them as the ASCII letter.
		const lookalikes: Record<string, string[]> = {
			s: ['\u017f'],
			i: ['\u0131', '\u0130'],
			k: ['\u212a'],
		};
		const casing = (text: string) =>
			fc.array(fc.nat(3), { minLength: text.length, maxLength: text.length }).map((how) =>
				[...text]
					.map((char, index) => {
						const folded = lookalikes[char.toLowerCase()];
						if (how[index] === 3 && folded) return folded[index % folded.length];
						return how[index] % 2 === 1 ? char.toUpperCase() : char;
					})
					.join(''),
			);
		const escaping = (text: string) =>
			fc
				.array(fc.constantFrom('raw', 'percent', 'double'), {
					minLength: text.length,
					maxLength: text.length,
				})
				.map((how) =>
					[...text]
						.map((char, index) => {
							if (char === '/') return char;
							const escape = [...Buffer.from(char)]
								.map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
								.join('');
							if (how[index] === 'raw') return char.charCodeAt(0) < 128 ? char : escape;
							return how[index] === 'percent' ? escape : escape.replace(/%/g, '%25');
						})
						.join(''),
				);
		const spelled = (text: string) => casing(text).chain(escaping);
		const root = fc.constantFrom(
			'/attask/api/v21.0/',
			'/attask/api/',
			'/attask/api-internal/',
			'/attask/api-unsupported/',
			'/attask/api/api-internal/',
			'/attask//api/v21.0//',
			'/attask/api/v21.0/proj/..%2f',
			'/attask/api/v21.0/proj;jsessionid=1/../',
		);
		const suffix = fc.constantFrom('', '', '.json', '.');
		const byPath = fc
			.tuple(
				root,
				fc.oneof(
					spelled('session'),
					spelled('login'),
					spelled('logout'),
					spelled('batch'),
					spelled('externalauthtoken/search'),
					spelled('customerpreferences'),
					fc.tuple(spelled('user'), spelled('getApiKey')).map(([a, b]) => `${a}/${b}`),
					fc
						.tuple(spelled('user'), spelled('generateApiKey'))
						.map(([a, b]) => `${a}/0123456789abcdef0123456789abcdef/${b}`),
					fc
						.tuple(spelled('documentversion'), spelled('getProofingTokens'))
						.map(([a, b]) => `${a}/${b}`),
				),
				suffix,
			)
			.map(([prefix, rest, end]) => ({ path: `${prefix}${rest}${end}` }));
		const byAction = fc
			.tuple(
				fc.constantFrom('user', 'USER', 'usr'),
				fc.constantFrom('getApiKey', 'GENERATEAPIKEY', 'clearApiKey'),
				fc.constantFrom('query', 'qs', 'form', 'formData', 'json'),
			)
			.map(([objCode, action, where]) => {
				const path = `/attask/api/v21.0/${objCode}`;
				if (where === 'query') return { path: `${path}?action=${action}&method=PUT` };
				if (where === 'qs') return { path, qs: { action, method: 'PUT' } };
				if (where === 'formData') return { path, formData: { action, method: 'PUT' } };
				if (where === 'json') return { path, json: { action, method: 'PUT' } };
				return { path, body: `action=${action}&method=PUT` };
			});
		const byParameter = fc
			.tuple(
				fc.constantFrom('sessionID', 'APIKEY', 'username', 'password', 'uri'),
				fc.constantFrom('query', 'qs', 'form'),
			)
			.map(([name, where]) => {
				const path = '/attask/api/v21.0/proj/search';
				if (where === 'query') return { path: `${path}?${name}=x` };
				if (where === 'qs') return { path, qs: { [name]: 'x' } };
				return { path, body: `${name}=x` };
			});
		const byField = fc
			.constantFrom('apiKey', 'password', 'proofToken', 'sessionID', '*,apiKey')
			.map((field) => ({
				path: `/attask/api/v21.0/user/search?fields=${encodeURIComponent(field)}`,
			}));
		const outside = fc.constantFrom(
			{ path: '/integrations/oauth2/api/v1/token' },
			{ path: '/attask/eventsubscription/api/v1/subscriptions/list' },
		);
		return fc.oneof(byPath, byAction, byParameter, byField, outside);
	}

	test('no spelling of an endpoint that reveals a session or a credential gets the token', async () => {
		await holdsForAsync(
			`sensitive endpoints refused (case, escapes, roots, actions, parameters, forms; both helpers; ${kind})`,
			fc.tuple(sensitiveRequests(), fc.constantFrom('http' as const, 'request' as const)),
			async ([request, helper]) => {
				const before = fixture.simulator.log.length;
				const result = await send({
					helper,
					url: `${fixture.simulator.origin}${request.path}`,
					...(request.qs ? { qs: request.qs } : {}),
					...(request.body
						? {
								method: 'POST',
								body: request.body,
								headers: { 'content-type': 'application/x-www-form-urlencoded' },
							}
						: {}),
					...(request.formData ? { method: 'POST', formData: request.formData } : {}),
					...(request.json ? { method: 'POST', body: request.json } : {}),
				} as GeneratedOptions);
				const reached = fixture.simulator.log
					.slice(before)
					.filter(
						({ path }) => !path.endsWith('/session') || !request.path.includes('proj/search'),
					);
				const message = result instanceof Error ? result.message : '';
				if (!/not used for this request/.test(message)) {
					throw new Error(
						`${JSON.stringify(request)} (${helper}) was not refused: ${message || 'answered'}`,
					);
				}
				// n8n's HTTP Request path checks the stored token once after any failure (GET session,
				// sent by the credential itself); nothing else may reach Workfront.
				const sent = reached.filter(({ path }) => !/\/attask\/api\/v[\d.]+\/session$/.test(path));
				if (sent.length > 0) throw new Error(`${JSON.stringify(request)} reached ${sent[0].path}`);
			},
			{ runs: 300 },
		);
	});

	test('ordinary requests on the credential origin keep working', async () => {
		await holdsForAsync(
			`ordinary endpoints allowed (${kind})`,
			fc.tuple(
				fc.constantFrom('proj', 'TASK', 'optask', 'user', 'project', 'hour', 'docu'),
				fc.constantFrom('search', 'count', 'metadata'),
				fc.constantFrom('http' as const, 'request' as const),
			),
			async ([objCode, action, helper]) => {
				const result = await send({
					helper,
					url: `${fixture.simulator.origin}/attask/api/v21.0/${objCode}/${action}?fields=name`,
				});
				if (result instanceof Error && /not used for this request/.test(result.message)) {
					throw new Error(`${objCode}/${action} was refused: ${result.message}`);
				}
			},
			{ runs: 60 },
		);
	});
});
