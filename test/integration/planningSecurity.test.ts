import { CREDENTIAL_ID } from '../harness/runWorkflow';
import type { PlanningSeed } from '../simulator';
import { OtherOrigin } from '../support/otherOrigin';
import { planningFixture, planningRecord } from '../support/planning';
import { expectNoSecrets } from '../support/secrets';
import { secretsOf, WorkfrontFixture } from '../support/workfrontNode';

/**
 * Planning's requests carry the credential's Adobe IMS token: it goes to the Workfront origin
 * only, never along a redirect to another, and a Planning that never answers ends in a clear
 * error, a change reported as possibly applied and not sent again.
 */
let fixture: WorkfrontFixture;
let seed: PlanningSeed;
let other: OtherOrigin;
beforeEach(async () => {
	({ fixture, seed } = await planningFixture());
	other = await OtherOrigin.start();
});
afterEach(async () => {
	await fixture.close();
	await other.close();
});

const create = () =>
	planningRecord(seed, 'create', {
		inputMode: 'json',
		dataJson: JSON.stringify({ [seed.fields.name.id]: 'X' }),
	});

describe('hostile answers to Planning requests', () => {
	test.each([
		['a search', 301, () => planningRecord(seed, 'search', {})],
		['a bulk create', 307, create],
		[
			'a get',
			302,
			() => ({ resource: 'planningRecord', operation: 'get', recordId: seed.campaignIds[0] }),
		],
	])(
		'%s redirected (HTTP %i) to another origin: not followed, the token stays home',
		async (_name, status, parameters) => {
			fixture.simulator.failNext(1, status, {
				path: /^\/maestro\//,
				headers: { location: `${other.origin}/maestro/api/v2/steal` },
			});
			const result = await fixture.run(parameters(), [{}, {}], { continueOnFail: true });
			expect(String(result.json[0].error)).toContain(
				`redirect (HTTP ${status}) to ${other.origin}, another host; it was not followed`,
			);
			expect(other.seen).toEqual([]);
			expect(other.credentialsSeen(secretsOf(fixture))).toEqual([]);
			expectNoSecrets(result.json, secretsOf(fixture));
		},
	);

	test('a Planning that never answers a bulk create: a clear error, possibly applied, not sent again', async () => {
		fixture.helper.set(CREDENTIAL_ID, { ...fixture.helper.get(CREDENTIAL_ID), requestTimeout: 1 });
		let sent = 0;
		fixture.simulator.failNext(5, undefined, {
			path: /records\/bulk$/,
			delayMs: 4000,
			sideEffect: () => (sent += 1),
		});
		const result = await fixture.run(create(), [{}, {}], { continueOnFail: true });
		expect(result.json.map(({ error }) => error)).toEqual([
			'Workfront did not answer in time',
			'Workfront did not answer in time',
		]);
		expect(String(result.json[0].description)).toContain('may or may not have been applied');
		expect(sent).toBe(1);
	});

	test('a read that hangs is tried once more, then fails clearly', async () => {
		fixture.helper.set(CREDENTIAL_ID, { ...fixture.helper.get(CREDENTIAL_ID), requestTimeout: 1 });
		let sent = 0;
		fixture.simulator.failNext(5, undefined, {
			path: /records\/search$/,
			delayMs: 4000,
			sideEffect: () => (sent += 1),
		});
		const result = await fixture.run(planningRecord(seed, 'search', {}), undefined, {
			continueOnFail: true,
		});
		expect(result.json[0].error).toBe('Workfront did not answer in time');
		expect(sent).toBe(2);
	});

	test('an error that quotes the request back shows no token', async () => {
		fixture.simulator.failNext(1, 500, { path: /records\/search$/, echo: true });
		const result = await fixture.run(planningRecord(seed, 'search', {}), undefined, {
			continueOnFail: true,
		});
		expect(result.json[0].httpCode).toBe('500');
		expectNoSecrets(result.json, secretsOf(fixture));
	});
});
