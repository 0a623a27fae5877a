import type { CredentialKind } from '../../../credentials/common/kinds';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { planningLocator } from '../../support/planning';
import { CUSTOMER_ID, USER_ID } from '../../support/workfrontAccount';
import { WorkfrontFixture } from '../../support/workfrontNode';

/**
 * Adobe documents Workfront Planning with Adobe IMS tokens only (Planning API basics: "Do not use
 * sessionID or apiKey"): with the JWT or the user-login credential every Planning operation and
 * picker is refused before anything is sent, naming the credential to use.
 */
describe.each<CredentialKind>(['jwt', 'oAuth2'])('Planning with the %s credential', (kind) => {
	let fixture: WorkfrontFixture;
	beforeEach(async () => {
		fixture = await WorkfrontFixture.start({}, kind);
		fixture.simulator.seedPlanning();
	});
	afterEach(async () => await fixture.close());

	const refusal = {
		error: expect.stringMatching(
			/^Workfront Planning does not accept the Workfront (JWT|OAuth2) API credential\. Nothing was sent\.$/,
		),
		description: expect.stringContaining(
			'Set Authentication to "Adobe OAuth Server-to-Server" and choose an Adobe Workfront OAuth Server-to-Server API credential',
		),
	};

	test.each([
		[
			'planningRecord',
			'create',
			{ recordType: planningLocator('Rt1'), inputMode: 'json', dataJson: '{}' },
		],
		['planningRecord', 'search', { recordType: planningLocator('Rt1') }],
		['planningRecord', 'get', { recordId: 'Rc1' }],
		['planningRecord', 'delete', { recordType: planningLocator('Rt1'), recordId: 'Rc1' }],
		['planningWorkspace', 'getMany', {}],
		['planningField', 'create', { recordType: planningLocator('Rt1'), displayName: 'X' }],
	])(
		'%s > %s is refused, every item, and nothing is sent',
		async (resource, operation, parameters) => {
			const result = await fixture.run({ resource, operation, ...parameters }, [{}, {}], {
				continueOnFail: true,
			});
			expect(result.json).toEqual([refusal, refusal]);
			expect(fixture.simulator.planning.requests).toEqual([]);
			expect(fixture.simulator.counters.exchanges + fixture.simulator.counters.imsTokens).toBe(0);
		},
	);

	test('the pickers say the same', async () => {
		const context = editorContext(
			fixture.helper,
			{ resource: 'planningRecord', operation: 'search' },
			'parameters.workspace',
			kind,
		);
		await expect(
			workfrontMethods.listSearch.searchPlanningWorkspaces.call(context),
		).rejects.toThrow('Workfront Planning does not accept');
		expect(fixture.simulator.planning.requests).toEqual([]);
	});
});

describe("the simulator's Planning, as Adobe documents it", () => {
	test('refuses a Workfront session ID even when its token is valid (401, a problem detail)', async () => {
		const fixture = await WorkfrontFixture.start({}, 'jwt');
		try {
			const session = fixture.simulator.state.sessions.issue(USER_ID, CUSTOMER_ID, 3600);
			const answer = await fetch(`${fixture.simulator.origin}/maestro/api/v2/workspaces`, {
				headers: { sessionID: session.token },
			});
			expect(answer.status).toBe(401);
			expect(await answer.json()).toMatchObject({ errorCode: 'UNAUTHORIZED', status: 401 });
		} finally {
			await fixture.close();
		}
	});
});
