import { expectNoSecrets } from '../../support/secrets';
import { CLIENT_SECRET } from '../../support/workfrontAccount';
import { WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Custom API Call', () => {
	test('GET session: the access token echoed by Workfront never reaches the output', async () => {
		const [session] = await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'session',
		});
		expect(session.sessionID).toBe('[redacted]');
		expect(session.userID).toBeDefined();
		expectNoSecrets(session, [String(fixture.helper.get('wf-cred').accessToken), CLIENT_SECRET]);
	});

	test('POST with a JSON body and a pasted full path; lists split into items', async () => {
		const created = await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'POST',
			path: `${fixture.simulator.origin}/attask/api/v21.0/proj`,
			body: JSON.stringify([{ name: 'One' }, { name: 'Two' }]),
		});
		expect(created.map(({ name }) => name)).toEqual(['One', 'Two']);
		const listed = await fixture.output({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: '/proj/search',
			queryParameters: { parameter: [{ name: 'name', value: 'Two' }] },
		});
		expect(listed).toEqual([expect.objectContaining({ name: 'Two' })]);
	});

	test('a sessionID parameter is refused; the credential authenticates', async () => {
		const result = await fixture.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'session',
			queryParameters: { parameter: [{ name: 'sessionID', value: 'x' }] },
		});
		expect(result.error?.message).toMatch(/sessionID is set by the credential/);
	});
});
