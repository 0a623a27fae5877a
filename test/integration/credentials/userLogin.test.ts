import { forgetSessions } from '../../../nodes/shared/transport/authSession';
import { workfrontRequest } from '../../../nodes/shared/transport/request';
import { createExecuteContext } from '../../harness/executeContext';
import { CREDENTIAL_ID } from '../../harness/runWorkflow';
import { OtherOrigin } from '../../support/otherOrigin';
import { expectNoSecrets } from '../../support/secrets';
import { LOGIN_USER_ID, WEB_CLIENT_ID } from '../../support/workfrontAccount';
import { record, secretsOf, WorkfrontFixture } from '../../support/workfrontNode';

/**
 * The user-login credential (Workfront's OAuth2 Web Application): n8n's OAuth2 machinery holds
 * the tokens; the transport renews a refused one once, for every caller at once, and resends only
 * what Workfront refused (so not applied).
 */
let fixture: WorkfrontFixture;
beforeEach(async () => {
	fixture = await WorkfrontFixture.start({}, 'oAuth2');
});
afterEach(async () => fixture.close());

const context = () =>
	createExecuteContext(fixture.helper, CREDENTIAL_ID, 'workfrontOAuth2Api', {
		authentication: 'oAuth2',
	});

const count = async () =>
	await workfrontRequest<{ count: number }>(context(), { method: 'GET', path: 'proj/count' }).then(
		(answer) => ({ ok: true as const, answer }),
		(error: unknown) => ({ ok: false as const, error: error as Error & { description?: string } }),
	);

test('acts as the user who signed in, the token in the sessionID header', async () => {
	const [user] = await fixture.output({
		resource: 'record',
		operation: 'getMany',
		objectType: 'USER',
		filters: { filter: [{ field: 'ID', operator: 'equals', value: LOGIN_USER_ID }] },
	});
	expect(user?.ID).toBe(LOGIN_USER_ID);
});

test('a refused token is renewed once for every concurrent caller, and each request sent again once', async () => {
	await count();
	fixture.simulator.revokeAllTokens();
	fixture.simulator.resetCounters();
	const results = await Promise.all(Array.from({ length: 10 }, count));
	expect(results.every(({ ok }) => ok)).toBe(true);
	expect(fixture.simulator.counters.userLoginTokens).toBe(1);
	// Ten refused, then ten sent again: never a third time.
	const counts = fixture.simulator.log.filter(({ path }) => path.endsWith('/proj/count'));
	expect(counts).toHaveLength(20);
	expect(counts.filter(({ status }) => status === 401)).toHaveLength(10);
});

test('with refresh-token rotation, renewals keep working one after another', async () => {
	const app = fixture.simulator.state.userLogins.apps.get(WEB_CLIENT_ID);
	if (app) app.rotateRefreshTokens = true;
	for (let round = 0; round < 3; round += 1) {
		forgetSessions();
		fixture.simulator.revokeAllTokens();
		expect((await count()).ok).toBe(true);
	}
	expect(fixture.simulator.counters.userLoginTokens).toBe(4);
});

test('a renewal that fails is said once, with what to do, and is not retried for a while', async () => {
	await count();
	fixture.simulator.revokeAllTokens();
	fixture.simulator.state.userLogins.refreshTokens.clear();
	const before = fixture.simulator.log.length;
	const results = await Promise.all(Array.from({ length: 5 }, count));
	expect(results.every(({ ok }) => !ok)).toBe(true);
	const [first] = results;
	if (!first.ok) {
		expect(first.error.message).toMatch(/renewing it failed/);
		expect(first.error.description).toMatch(/Reconnect/);
		expectNoSecrets(first.error, secretsOf(fixture));
	}
	const renewals = fixture.simulator.log
		.slice(before)
		.filter(({ path }) => path === '/integrations/oauth2/api/v1/token');
	expect(renewals).toHaveLength(1);
});

test('a credential nobody connected says so before anything is sent', async () => {
	fixture.helper.set(CREDENTIAL_ID, {
		...fixture.helper.get(CREDENTIAL_ID),
		oauthTokenData: undefined as never,
	});
	const before = fixture.simulator.log.length;
	const result = await count();
	expect(result.ok).toBe(false);
	if (!result.ok) expect(result.error.message).toMatch(/not connected/);
	expect(fixture.simulator.log.length).toBe(before);
});

test('no secret (client secret, token, refresh token) reaches an output or an error', async () => {
	fixture.simulator.failNext(1, 500, { echo: true, path: /\/search$/ });
	const run = await fixture.run(record('getMany', { limit: 1 }), undefined, {
		continueOnFail: true,
	});
	expect(run.json[0]?.error).toBeDefined();
	expectNoSecrets(run.json, secretsOf(fixture));
});

test('a Custom API Call to another origin is refused: the token goes to Workfront only', async () => {
	const other = await OtherOrigin.start();
	try {
		const run = await fixture.run(
			{
				resource: 'customApiCall',
				method: 'GET',
				path: `${other.origin}/attask/api/v21.0/proj/search`,
			},
			undefined,
			{ continueOnFail: true },
		);
		expect(String(run.json[0]?.error)).toMatch(/but this credential's Workfront is .*nothing was sent/);
		expect(other.seen).toEqual([]);
	} finally {
		await other.close();
	}
});
