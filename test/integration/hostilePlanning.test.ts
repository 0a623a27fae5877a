// A hostile or broken Planning, and what still holds: paging bounded, 207 answers and successes
// cleaned of the token, no list operation sent twice, values typed before sending (found by an
// outside review; each test states what the standard promises).
import type { IDataObject } from 'n8n-workflow';

import { KINDS } from '../../credentials/common/kinds';
import { planningPath, planningSearchAll } from '../../nodes/shared/transport/planning';
import { recordTypeFields } from '../../nodes/shared/workfront/planningFields';
import { createExecuteContext } from '../harness/executeContext';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import type { PlanningSeed } from '../simulator';
import { planningCalls, planningFixture, planningRecord } from '../support/planning';
import { expectNoSecrets } from '../support/secrets';
import { secretsOf, WorkfrontFixture } from '../support/workfrontNode';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(4)));
afterEach(async () => await fixture.close());

const context = () =>
	createExecuteContext(fixture.helper, CREDENTIAL_ID, KINDS.serverToServer.type, {
		authentication: 'serverToServer',
	});

const planningLog = () => fixture.simulator.log.filter(({ path }) => path.startsWith('/maestro/'));

/** The IMS token the credential uses (issued by a first, harmless request). */
async function currentToken(): Promise<string> {
	await fixture.output({ resource: 'planningWorkspace', operation: 'getMany', returnAll: true });
	const issued = fixture.simulator.state.sessions.issued;
	fixture.simulator.state.log.length = 0;
	fixture.simulator.planning.requests.length = 0;
	return issued[issued.length - 1];
}

describe('paging loops are bounded (a hostile or broken Planning)', () => {
	const SEARCH = /\/records\/search$/;
	const HOSTILE_PAGES = 300;

	test('search: the same record on every page, last:false, no totalPages — Return All', async () => {
		for (let index = 0; index < HOSTILE_PAGES; index += 1)
			fixture.simulator.failNext(1, 200, {
				path: SEARCH,
				body: { records: { content: [{ id: 'Rc1', data: {} }], last: false } },
			});
		await planningSearchAll(
			context(),
			planningPath('record-types', seed.campaigns.id, 'records', 'search'),
			{ body: {} },
		).catch(() => undefined);
		// The node should stop on its own (a page that brings nothing new, a page bound from
		// Planning's 25,000 records per record type); it reads until the server stops lying.
		expect(planningLog().length).toBeLessThan(HOSTILE_PAGES);
	});

	test('search through the node: Limit 50, the same record on every page, never reaches the limit', async () => {
		for (let index = 0; index < HOSTILE_PAGES; index += 1)
			fixture.simulator.failNext(1, 200, {
				path: SEARCH,
				body: { records: { content: [{ id: 'Rc1', data: {} }], last: false } },
			});
		await fixture.run(planningRecord(seed, 'search', { returnAll: false, limit: 50 }), undefined, {
			continueOnFail: true,
		});
		expect(planningLog().length).toBeLessThan(HOSTILE_PAGES);
	});

	test('fields of a record type: fresh cursors for ever (Adobe: at most 500 fields), no max', async () => {
		const FIELDS = new RegExp(`/record-types/${seed.campaigns.id}/fields$`);
		const pages = 60; // 6,000 fields: twelve times what Planning allows a record type
		for (let page = 0; page < pages; page += 1)
			fixture.simulator.failNext(1, 200, {
				path: FIELDS,
				body: {
					content: Array.from({ length: 100 }, (_, index) => ({
						id: `F${page}x${index}`,
						displayName: `Field ${page}.${index}`,
						type: 'TEXT',
					})),
					cursor: { hasMore: true, nextCursor: `cursor-${page}` },
				},
			});
		await recordTypeFields(context(), seed.campaigns.id).catch(() => undefined);
		// 500 fields at 100 a page is 5 pages; a loop with a bound would stop near there.
		expect(planningLog().length).toBeLessThanOrEqual(10);
	});
});

describe('secrets in answers Planning calls success (2xx)', () => {
	test('a 207 whose item error quotes the token: the item error shows it', async () => {
		const token = await currentToken();
		fixture.simulator.failNext(1, 207, {
			path: /records\/bulk$/,
			body: {
				status: 'partial',
				total: 2,
				succeeded: 1,
				failed: 1,
				errors: [{ code: 'ECHO', message: `request carried Bearer ${token}` }],
				results: [
					{
						requestIndex: 0,
						status: 'error',
						error: { code: 'VALIDATION_FAILED', message: `Bearer ${token} is not allowed` },
					},
				],
			},
		});
		const result = await fixture.run(
			planningRecord(seed, 'create', {
				inputMode: 'json',
				dataJson: JSON.stringify({ [seed.fields.name.id]: 'X' }),
			}),
			[{}, {}],
			{ continueOnFail: true },
		);
		expect(JSON.stringify(result.json)).not.toContain(token);
		expectNoSecrets(result.json, secretsOf(fixture));
	});

	test('a Get whose 200 answer quotes the request (headers included): the output shows the token', async () => {
		fixture.simulator.failNext(1, 200, { path: /\/records\//, echo: true });
		const result = await fixture.run(
			{ resource: 'planningRecord', operation: 'get', recordId: seed.campaignIds[0] },
			undefined,
			{ continueOnFail: true },
		);
		expectNoSecrets(result.json, secretsOf(fixture));
	});
});

describe('a list operation is never sent twice', () => {
	test("Data (JSON) written as Adobe's add operations, List Fields left at Replace: an item in doubt is resent", async () => {
		fixture.simulator.planning.bulkPlans.push({ fates: ['appliedSilent', 'success'] });
		const operations = [{ op: 'add', value: ['social'] }];
		const result = await fixture.run(
			planningRecord(seed, 'update', {
				recordId: '={{ $json.id }}',
				inputMode: 'json',
				dataJson: JSON.stringify({ [seed.fields.channels.id]: operations }),
			}),
			seed.campaignIds.slice(0, 2).map((id) => ({ id })),
			{ continueOnFail: true },
		);
		// An add whose fate is unknown must fail "may or may not have been applied", not be resent.
		expect(planningCalls(fixture)).toEqual([
			`PATCH /v2/record-types/${seed.campaigns.id}/records/bulk`,
		]);
		expect(String(result.json[0].error)).toContain('may or may not have been applied');
	});

	test('List Fields by expression: item 1 Replace, item 2 Add — the Add in doubt is resent', async () => {
		fixture.simulator.planning.bulkPlans.push({ fates: ['success', 'appliedSilent'] });
		const result = await fixture.run(
			planningRecord(seed, 'update', {
				recordId: '={{ $json.id }}',
				inputMode: 'json',
				dataJson: JSON.stringify({ [seed.fields.channels.id]: ['social'] }),
				options: { listChange: '={{ $json.change }}' },
			}),
			[
				{ id: seed.campaignIds[0], change: 'replace' },
				{ id: seed.campaignIds[1], change: 'add' },
			],
			{ continueOnFail: true },
		);
		expect(planningCalls(fixture)).toEqual([
			`PATCH /v2/record-types/${seed.campaigns.id}/records/bulk`,
		]);
		expect(String(result.json[1].error)).toContain('may or may not have been applied');
	});
});

describe('values typed before sending', () => {
	test.each(['foo 1', '1', '2026-02-31'])(
		'a Date column given %p: refused naming the field, nothing sent',
		async (value) => {
			const result = await fixture.run(
				planningRecord(seed, 'create', {
					dataColumns: {
						mappingMode: 'defineBelow',
						value: { [seed.fields.launch.id]: value },
						matchingColumns: [],
						schema: [
							{
								id: seed.fields.launch.id,
								displayName: 'Launch Date (date)',
								type: 'dateTime',
								display: true,
								required: false,
								defaultMatch: false,
							},
						],
					},
				}),
				undefined,
				{ continueOnFail: true },
			);
			expect(String(result.json[0].error)).toContain('Launch Date');
			expect(planningCalls(fixture)).toEqual([]);
		},
	);
});

describe('version 2 dates', () => {
	test("a Planning text value that reads like Workfront's date form is output as written", async () => {
		const text = '2026-10-08T18:00:00:000-0600';
		const id = seed.campaignIds[0];
		fixture.simulator.planning.records.get(id)!.data[seed.fields.name.id] = text;
		const [json] = await fixture.output(
			{ resource: 'planningRecord', operation: 'get', recordId: id },
			undefined,
			{ typeVersion: 2 },
		);
		expect((json.data as IDataObject)[seed.fields.name.id]).toBe(text);
	});
});

describe('attacks that should hold (controls)', () => {
	test('a 400 problem detail quoting the token in every field: the error shows no token', async () => {
		const token = await currentToken();
		const quoted = `Bearer ${token} / ${encodeURIComponent(token)} / ${Buffer.from(token).toString('base64')}`;
		fixture.simulator.failNext(1, 400, {
			path: /records\/search$/,
			body: {
				title: quoted,
				detail: quoted,
				errorCode: quoted,
				requestId: quoted,
				errors: [{ field: quoted, message: quoted, code: quoted }],
			},
		});
		const result = await fixture.run(planningRecord(seed, 'search', {}), undefined, {
			continueOnFail: true,
		});
		expect(result.json[0].httpCode).toBe('400');
		expect(JSON.stringify(result.json)).not.toContain(token);
		expectNoSecrets(result.json, secretsOf(fixture));
	});

	test.each([
		[
			'duplicated index',
			[
				{ requestIndex: 0, status: 'success' },
				{ requestIndex: 0, status: 'success' },
			],
		],
		[
			'index out of range / negative / string',
			[
				{ requestIndex: 7, status: 'success' },
				{ requestIndex: -1, status: 'success' },
				{ requestIndex: '1', status: 'success' },
			],
		],
		[
			'more results than items, no index',
			[{ status: 'success' }, { status: 'success' }, { status: 'success' }],
		],
		[
			'status 200 with unknown statuses',
			[{ requestIndex: 0, status: 'maybe' }, { requestIndex: 1 }],
		],
	])('bulk create, 207 with %s: nothing resent', async (_name, results) => {
		fixture.simulator.failNext(1, 207, {
			path: /records\/bulk$/,
			body: { status: 'partial', results },
		});
		await fixture.run(
			planningRecord(seed, 'create', {
				inputMode: 'json',
				dataJson: JSON.stringify({ [seed.fields.name.id]: 'X' }),
			}),
			[{}, {}],
			{ continueOnFail: true },
		);
		expect(planningLog().map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST /maestro/api/v2/record-types/${seed.campaigns.id}/records/bulk`,
		]);
	});
});
