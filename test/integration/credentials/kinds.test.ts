import type { CredentialKind } from '../../../credentials/common/kinds';
import { testFiles } from '../../harness/binaryRegistry';
import { editorContext, workfrontMethods } from '../../harness/loadOptions';
import { expectNoSecrets } from '../../support/secrets';
import {
	IMS_CLIENT_SECRET,
	IMS_ORG_ID,
	TECHNICAL_ACCOUNT_ID,
	LOGIN_USER_ID,
	USER_ID,
	WEB_CLIENT_SECRET,
	CLIENT_SECRET,
} from '../../support/workfrontAccount';
import { record, secretsOf, WorkfrontFixture } from '../../support/workfrontNode';

/**
 * The Workfront node through each of Adobe's doors: the same operations, each acting as the user
 * its credential stands for, with the token sent only where and as Workfront reads it.
 */
const ACTS_AS: Record<CredentialKind, string> = {
	jwt: USER_ID,
	serverToServer: TECHNICAL_ACCOUNT_ID,
	oAuth2: LOGIN_USER_ID,
};

describe.each<CredentialKind>(['jwt', 'serverToServer', 'oAuth2'])('%s credential', (kind) => {
	let fixture: WorkfrontFixture;
	beforeEach(async () => {
		fixture = await WorkfrontFixture.start({}, kind);
	});
	afterEach(async () => fixture.close());

	test('creates, reads and searches as the user the credential stands for', async () => {
		const [created] = await fixture.output(
			record('create', { inputMode: 'json', fieldsJson: '{"name": "Through every door"}' }),
		);
		expect(created).toMatchObject({ name: 'Through every door', objCode: 'PROJ' });
		const stored = fixture.simulator.state.store.get('PROJ', String(created.ID));
		expect(stored?.enteredByID).toBe(ACTS_AS[kind]);
		const found = await fixture.output(
			record('getMany', {
				filters: { filter: [{ field: 'name', operator: 'equals', value: 'Through every door' }] },
			}),
		);
		expect(found.map(({ ID }) => ID)).toEqual([created.ID]);
	});

	test('a revoked token is replaced once, and the write is applied once', async () => {
		await fixture.output(record('getMany', { limit: 1 }));
		fixture.simulator.revokeAllTokens();
		const before = fixture.simulator.state.store.all('PROJ').length;
		const [created] = await fixture.output(
			record('create', { inputMode: 'json', fieldsJson: '{"name": "After revocation"}' }),
		);
		expect(created.name).toBe('After revocation');
		expect(fixture.simulator.state.store.all('PROJ')).toHaveLength(before + 1);
		const { counters } = fixture.simulator;
		const issued = {
			jwt: counters.exchanges,
			serverToServer: counters.imsTokens,
			oAuth2: counters.userLoginTokens,
		};
		// One token at the start (the user-login one when the user signed in), one after revocation.
		expect(issued[kind]).toBe(2);
	});

	test('the editor: the record picker and the mapper load with this credential', async () => {
		fixture.simulator.insert('PROJ', { name: 'Picked' });
		const context = editorContext(
			fixture.helper,
			{ resource: 'record', operation: 'create', objectType: 'PROJ' },
			'parameters.id',
			kind,
		);
		const found = await workfrontMethods.listSearch.searchRecords.call(context, 'Pick');
		expect(found.results.map(({ name }) => name)).toEqual(['Picked']);
		const { fields } = await workfrontMethods.resourceMapping.getColumns.call(context);
		expect(fields.map(({ id }) => id)).toContain('name');
	});

	test('bulk writes: 150 items go as two requests, every output paired with its item', async () => {
		const items = Array.from({ length: 150 }, (_, index) => ({ name: `Bulk ${index}` }));
		const result = await fixture.run(
			record('create', {
				inputMode: 'json',
				fieldsJson: '={{ JSON.stringify({ name: $json.name }) }}',
			}),
			items,
		);
		expect(result.error).toBeUndefined();
		expect(result.items?.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual(
			items.map((_, index) => index),
		);
		expect(fixture.simulator.log.filter(({ path }) => /\/proj$/i.test(path))).toHaveLength(2);
	});

	test('documents: an upload comes back byte-identical from a download', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'With a file' });
		const bytes = Buffer.from(`Brief for ${kind}\n`);
		testFiles.set(`brief-${kind}`, bytes);
		const [document] = await fixture.output(
			{
				resource: 'document',
				operation: 'upload',
				objectType: 'PROJ',
				objectId: project.ID,
				binaryPropertyName: 'data',
			},
			[
				{
					$binary: {
						data: { key: `brief-${kind}`, fileName: 'brief.txt', mimeType: 'text/plain' },
					},
				},
			],
		);
		const downloaded = await fixture.run({
			resource: 'document',
			operation: 'download',
			documentId: String(document.ID),
		});
		const binary = downloaded.items?.[0]?.binary?.data;
		expect(Buffer.from(String(binary?.data), 'base64').equals(bytes)).toBe(true);
	});

	test('no secret of any credential reaches an output or an error', async () => {
		fixture.simulator.failNext(1, 500, { echo: true, path: /\/search$/ });
		const run = await fixture.run(record('getMany', { limit: 1 }), undefined, {
			continueOnFail: true,
		});
		expect(run.json[0]?.error).toBeDefined();
		expectNoSecrets(run.json, secretsOf(fixture));
		expectNoSecrets(run.error, secretsOf(fixture));
	});
});

describe('serverToServer: where each secret goes', () => {
	let fixture: WorkfrontFixture;
	beforeEach(async () => {
		fixture = await WorkfrontFixture.start({}, 'serverToServer');
	});
	afterEach(async () => fixture.close());

	test('the client secret goes to IMS only, the token to Workfront only, with the organization', async () => {
		await fixture.output(record('getMany', { limit: 1 }));
		const { log, imsRequests } = fixture.simulator.state;
		expect(imsRequests).toEqual([
			{
				clientId: expect.any(String),
				scope: 'openid,AdobeID,additional_info.projectedProductContext',
			},
		]);
		// The IMS request is the only one to the IMS origin; Workfront saw no token request.
		expect(log.filter(({ path }) => path === '/ims/token/v3')).toHaveLength(1);
		expect(log.filter(({ path }) => path.startsWith('/integrations/'))).toHaveLength(0);
		expect(IMS_ORG_ID).toMatch(/@AdobeOrg$/);
		expect([CLIENT_SECRET, WEB_CLIENT_SECRET]).not.toContain(IMS_CLIENT_SECRET);
	});
});
