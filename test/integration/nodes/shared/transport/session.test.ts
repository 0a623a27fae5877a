import { actingUserId } from '../../../../../nodes/shared/transport/session';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import { TECHNICAL_ACCOUNT_ID, USER_ID } from '../../../../support/workfrontAccount';
import { WorkfrontFixture } from '../../../../support/workfrontNode';

/** The user the node's requests act as, asked of Workfront ($$USER.ID), for each credential. */
let fixture: WorkfrontFixture | undefined;
afterEach(async () => {
	await fixture?.close();
	fixture = undefined;
});

test('the JWT credential acts as its User ID: one user search with $$USER.ID, never GET session', async () => {
	fixture = await WorkfrontFixture.start();
	expect(await actingUserId(createExecuteContext(fixture.helper, CREDENTIAL_ID))).toBe(USER_ID);
	const asked = fixture.simulator.log.filter(({ path }) => path.startsWith('/attask/'));
	expect(asked.map(({ path }) => path)).toEqual(['/attask/api/v21.0/user/search']);
	expect(new URLSearchParams(asked[0].query).get('ID')).toBe('$$USER.ID');
});

test('the Server-to-Server credential acts as its technical account', async () => {
	fixture = await WorkfrontFixture.start({}, 'serverToServer');
	const context = createExecuteContext(
		fixture.helper,
		CREDENTIAL_ID,
		'workfrontServerToServerApi',
		{
			authentication: 'serverToServer',
		},
	);
	expect(await actingUserId(context)).toBe(TECHNICAL_ACCOUNT_ID);
});

test.each([
	['no user', { data: [] }],
	['a user without an ID', { data: [{ name: 'x' }] }],
	['an empty ID', { data: [{ ID: '' }] }],
	['not a list', { data: { ID: 'x' } }],
])('%s in the answer: undefined, not a guess', async (_, body) => {
	fixture = await WorkfrontFixture.start();
	fixture.simulator.injectFault({ times: 1, path: /user\/search$/, status: 200, body });
	expect(await actingUserId(createExecuteContext(fixture.helper, CREDENTIAL_ID))).toBeUndefined();
});
