import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { authenticateFor } from '../../credentials/common/authenticateRequest';
import { ensureN8n, N8N_VERSIONS, type N8nVersion } from '../../scripts/lib/n8nRuntime';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { useHostileSetup } from '../support/hostileSetup';
import type { OtherOrigin } from '../support/otherOrigin';
import type { WorkfrontFixture } from '../support/workfrontNode';

/**
 * The destination rule against n8n 2.x's own resolution of request-library options, with n8n's own
 * code. n8n 2.x (@n8n/backend-network, resolveLegacyRequestTarget) sends to `url ?? uri`; the rule
 * reads `url !== undefined ? url : uri`. With `url: null`, the rule checks the credential's own
 * origin (it fills in baseURL) while n8n 2.x sends to `uri`. The first run installs n8n 2.41.1 into
 * the cache (minutes).
 */
jest.setTimeout(30 * 60 * 1000);

type ExecuteLegacyRequest = (
	options: unknown,
	ssrf: undefined,
	logger: unknown,
) => Promise<unknown>;

const N8N_2 = N8N_VERSIONS.find((version) => version.node === 24) as N8nVersion;

let executeLegacyRequest: ExecuteLegacyRequest;

beforeAll(
	async () => {
		const runtime = await ensureN8n(N8N_2, (line) => process.stderr.write(`${line}\n`));
		// n8n's script is <install>/node_modules/n8n/bin/n8n; its packages are beside it.
		const installed = join(
			runtime.n8nScript,
			'..',
			'..',
			'..',
			'@n8n',
			'backend-network',
			'dist',
			'http',
			'legacy-request.js',
		);
		if (!existsSync(installed)) throw new Error(`n8n ${N8N_2.n8n} has no ${installed}`);
		// n8n 2.41.1's own code for requestWithAuthentication's last step (OutboundHttp.requestLegacy).
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		({ executeLegacyRequest } = require(installed) as {
			executeLegacyRequest: ExecuteLegacyRequest;
		});
	},
	30 * 60 * 1000,
);

let fixture: WorkfrontFixture;
let other: OtherOrigin;
useHostileSetup((setup) => ({ fixture, other } = setup));

describe(`destination rule vs n8n ${N8N_2.n8n} request resolution`, () => {
	test('{ url: null, uri: <other host> } is refused, as n8n 2.x would send it to uri', async () => {
		const credentials = {
			...fixture.helper.get(CREDENTIAL_ID),
			accessToken: 'live-token-7d1e0c5b93aa',
		};
		let refused: unknown;
		try {
			const options = authenticateFor('jwt')(credentials, {
				method: 'GET',
				url: null,
				uri: `${other.origin}/attask/api/v21.0/session`,
				json: true,
			} as never);
			const quiet = {
				debug: () => undefined,
				warn: () => undefined,
				error: () => undefined,
				info: () => undefined,
			};
			await executeLegacyRequest(options, undefined, quiet);
		} catch (error) {
			refused = error;
		}
		expect(
			other.seen.map(({ url, headers }) => `${url} sessionID=${String(headers.sessionid)}`),
		).toEqual([]);
		expect(String((refused as Error | undefined)?.message)).toMatch(/only sends its token to/);
	});
});
