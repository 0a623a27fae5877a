import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { KINDS, type CredentialKind } from '../../../../../credentials/common/kinds';
import {
	planningCall,
	planningList,
	planningPath,
	planningRequest,
	planningSearchAll,
	requirePlanningCredential,
} from '../../../../../nodes/shared/transport/planning';
import { createExecuteContext } from '../../../../harness/executeContext';
import { CREDENTIAL_ID } from '../../../../harness/runWorkflow';
import type { PlanningSeed } from '../../../../simulator';
import { planningFixture } from '../../../../support/planning';
import { fc, holdsFor } from '../../../../support/properties';
import { WorkfrontFixture } from '../../../../support/workfrontNode';

/**
 * The one way to Workfront Planning, called directly against the simulator. What workfrontCall
 * does for every request (redirects, deadlines, retries, secrets): request.test.ts and
 * planningSecurity.test.ts; Planning's errors: planningErrors.test.ts; the credentials refused
 * through every operation and picker: test/integration/credentials/planning.test.ts; the lists
 * and searches through the node (Return All, Limit, a cursor met twice):
 * test/integration/nodes/Workfront/actions/planning{Workspace,Record}/….
 */

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(3)));
afterEach(async () => await fixture.close());

const context = (kind: CredentialKind = 'serverToServer') =>
	createExecuteContext(fixture.helper, CREDENTIAL_ID, KINDS[kind].type, {
		...(kind === 'jwt' ? {} : { authentication: kind }),
	});

/** What reached Planning's paths, faults included: method, path and query. */
const planningLog = () =>
	fixture.simulator.log
		.filter(({ path }) => path.startsWith('/maestro/'))
		.map(({ method, path, query }) => `${method} ${path}${query ? `?${query}` : ''}`);

describe('requirePlanningCredential', () => {
	test('the Server-to-Server credential passes', () => {
		expect(() => requirePlanningCredential(context())).not.toThrow();
	});

	test.each<CredentialKind>(['jwt', 'oAuth2'])(
		'the %s credential is refused for the item, naming it and the way out',
		(kind) => {
			let thrown: unknown;
			try {
				requirePlanningCredential(context(kind), 4);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(NodeOperationError);
			const error = thrown as NodeOperationError;
			expect(error.message).toBe(
				`Workfront Planning does not accept the ${KINDS[kind].label} credential. Nothing was sent.`,
			);
			expect(error.description).toContain('Set Authentication to "Adobe OAuth Server-to-Server"');
			expect(error.context.itemIndex).toBe(4);
		},
	);

	test('a call with another credential sends nothing at all, not even for a token', async () => {
		await expect(
			planningRequest(context('jwt'), { method: 'GET', path: 'workspaces' }),
		).rejects.toThrow('Workfront Planning does not accept');
		expect(fixture.simulator.log).toEqual([]);
	});
});

describe('planningPath', () => {
	test('segments joined, each encoded', () => {
		expect(planningPath('record-types', 'Rt1', 'records', 'bulk')).toBe(
			'record-types/Rt1/records/bulk',
		);
		expect(planningPath('records', '../workspaces?x=1#y')).toBe(
			'records/..%2Fworkspaces%3Fx%3D1%23y',
		);
	});

	test('no generated segment adds, removes or changes another', () => {
		holdsFor(
			'planningPath: the path splits back into exactly its segments',
			fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), {
				minLength: 1,
				maxLength: 5,
			}),
			(segments) => {
				const parts = planningPath(...segments).split('/');
				expect(parts.map((part) => decodeURIComponent(part))).toEqual(segments);
				// No part is a dot segment a URL parser would fold away, nor holds ? or #.
				for (const part of parts) {
					expect(part).not.toMatch(/^\.\.?$|[?#]/);
				}
			},
			{ runs: 500 },
		);
	});
});

describe('planningCall and planningRequest', () => {
	test("below /maestro/api/v2, with the credential's IMS token; the status and the body as they came", async () => {
		const answer = await planningCall<IDataObject>(context(), {
			method: 'GET',
			path: planningPath('records', seed.campaignIds[0]),
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ id: seed.campaignIds[0], recordTypeId: seed.campaigns.id });
		const [sent] = fixture.simulator.planning.requests;
		expect(`${sent.method} ${sent.path}`).toBe(`GET /v2/records/${seed.campaignIds[0]}`);
		expect(sent.headers.authorization).toBe(true);
	});

	test('a 207 Multi-Status comes back as such, so a bulk write can pair its items', async () => {
		fixture.simulator.planning.bulkPlans.push({ fates: ['success', 'error'] });
		const answer = await planningCall<IDataObject>(context(), {
			method: 'POST',
			path: planningPath('record-types', seed.campaigns.id, 'records', 'bulk'),
			body: [{ data: {} }, { data: {} }],
		});
		expect(answer.status).toBe(207);
		expect(Array.isArray(answer.body.results)).toBe(true);
	});

	test('planningRequest answers the body alone', async () => {
		const body = await planningRequest<IDataObject>(context(), {
			method: 'GET',
			path: planningPath('workspaces', seed.workspace.id),
		});
		expect(body).toMatchObject({ id: seed.workspace.id, name: 'Marketing' });
	});
});

/** Answers the next `pages.length` requests to a path with these bodies, in order. */
function answerPages(path: RegExp, pages: IDataObject[]): void {
	for (const body of pages) fixture.simulator.failNext(1, 200, { path, body });
}

describe('planningList (cursor pages)', () => {
	const WORKSPACES = /\/maestro\/api\/v2\/workspaces$/;

	test('page after page through nextCursor; the query given goes first', async () => {
		for (let index = 0; index < 5; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Team ${index}` });
		const items = await planningList(context(), 'workspaces', {
			limit: 2,
			most: 1000,
			query: [['sort', 'name']],
		});
		expect(items).toHaveLength(6);
		const queries = fixture.simulator.planning.requests.map(({ query }) => query);
		expect(queries[0]).toBe('sort=name&limit=2');
		expect(queries.slice(1).every((query) => /^sort=name&limit=2&cursor=.+/.test(query))).toBe(
			true,
		);
		expect(queries).toHaveLength(3);
	});

	test('max: asks only for what is still wanted, and stops there', async () => {
		for (let index = 0; index < 5; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Team ${index}` });
		const items = await planningList(context(), 'workspaces', { limit: 4, most: 1000, max: 5 });
		expect(items).toHaveLength(5);
		expect(
			fixture.simulator.planning.requests.map(({ query }) =>
				new URLSearchParams(query).get('limit'),
			),
		).toEqual(['4', '1']);
	});

	test.each<[string, IDataObject]>([
		['hasMore false, though a cursor is given', { hasMore: false, nextCursor: 'c2' }],
		['no cursor, though hasMore', { hasMore: true }],
		['no cursor object at all', {}],
	])('the list ends: %s', async (_, cursor) => {
		answerPages(WORKSPACES, [{ content: [{ id: 'Ws1' }], cursor }]);
		expect(await planningList(context(), 'workspaces', { limit: 50, most: 1000 })).toEqual([
			{ id: 'Ws1' },
		]);
		expect(planningLog()).toHaveLength(1);
	});

	test('an empty page ends the list even when it says there is more', async () => {
		answerPages(WORKSPACES, [
			{ content: [{ id: 'Ws1' }], cursor: { hasMore: true, nextCursor: 'c2' } },
			{ content: [], cursor: { hasMore: true, nextCursor: 'c3' } },
		]);
		expect(await planningList(context(), 'workspaces', { limit: 50, most: 1000 })).toEqual([
			{ id: 'Ws1' },
		]);
		expect(planningLog()).toEqual([
			'GET /maestro/api/v2/workspaces?limit=50',
			'GET /maestro/api/v2/workspaces?limit=50&cursor=c2',
		]);
	});

	test('a list that goes on beyond what Adobe allows there is stopped, whatever new cursors come', async () => {
		const pages = Array.from({ length: 8 }, (_, index) => ({
			content: [{ id: `Ws${index}a` }, { id: `Ws${index}b` }],
			cursor: { hasMore: true, nextCursor: `fresh-${index}` },
		}));
		answerPages(WORKSPACES, pages);
		await expect(planningList(context(), 'workspaces', { limit: 2, most: 5 })).rejects.toThrow(
			/listed more than 5 items, more than Adobe allows there; the list was stopped/,
		);
		// Bounded: the page that went past 5 items is the last one asked for.
		expect(planningLog()).toHaveLength(3);
	});

	test('an answer without content is an empty list, not a failure', async () => {
		answerPages(WORKSPACES, [{ something: 'else' }]);
		expect(await planningList(context(), 'workspaces', { limit: 50, most: 1000 })).toEqual([]);
	});

	test('a cursor that comes back stops the list with an error of the item, naming the path', async () => {
		answerPages(WORKSPACES, [
			{ content: [{ id: 'Ws1' }], cursor: { hasMore: true, nextCursor: 'c2' } },
			{ content: [{ id: 'Ws2' }], cursor: { hasMore: true, nextCursor: 'c3' } },
			{ content: [{ id: 'Ws3' }], cursor: { hasMore: true, nextCursor: 'c2' } },
		]);
		const error = await planningList(context(), 'workspaces', {
			limit: 50,
			most: 1000,
			itemIndex: 2,
		}).then(
			() => undefined,
			(thrown: unknown) => thrown as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(
			'Workfront Planning answered the same page cursor twice; the list was stopped',
		);
		expect(error?.description).toContain('Reading workspaces would never end');
		expect(error?.context.itemIndex).toBe(2);
		expect(planningLog()).toHaveLength(3);
	});
});

describe('planningSearchAll (numbered pages)', () => {
	const path = () => planningPath('record-types', seed.campaigns.id, 'records', 'search');
	const SEARCH = /\/records\/search$/;
	const page = (ids: Array<string | undefined>, extra: IDataObject = {}) => ({
		records: { content: ids.map((id) => (id === undefined ? { data: {} } : { id })), ...extra },
	});

	test('zero-based pages of pageSize, the body and query sent with each, as a read', async () => {
		const records = await planningSearchAll(context(), path(), {
			body: { recordTypeId: seed.campaigns.id },
			query: [['aliased', 'true']],
			pageSize: 2,
		});
		expect(records).toHaveLength(3);
		expect(
			fixture.simulator.planning.requests.map(({ method, query, body }) => [method, query, body]),
		).toEqual([
			['POST', 'aliased=true&page=0&size=2', { recordTypeId: seed.campaigns.id }],
			['POST', 'aliased=true&page=1&size=2', { recordTypeId: seed.campaigns.id }],
		]);
	});

	test('max: the page size is no larger than max', async () => {
		const records = await planningSearchAll(context(), path(), {
			body: { recordTypeId: seed.campaigns.id },
			pageSize: 500,
			max: 2,
		});
		expect(records.map(({ id }) => id)).toEqual(seed.campaignIds.slice(0, 2));
		expect(fixture.simulator.planning.requests.map(({ query }) => query)).toEqual([
			'page=0&size=2',
		]);
	});

	test('max: a page with more records than asked still stops at max', async () => {
		answerPages(SEARCH, [page(['Rc1', 'Rc2', 'Rc3'], { totalPages: 5 })]);
		const records = await planningSearchAll(context(), path(), { body: {}, max: 2 });
		expect(records.map(({ id }) => id)).toEqual(['Rc1', 'Rc2']);
		expect(planningLog()).toEqual([`POST /maestro/api/v2/${path()}?page=0&size=2`]);
	});

	test('a record met again on a later page (records created meanwhile) is output once', async () => {
		answerPages(SEARCH, [
			page(['Rc1', 'Rc2'], { totalPages: 2 }),
			page(['Rc2', 'Rc3'], { totalPages: 2 }),
		]);
		const records = await planningSearchAll(context(), path(), { body: {}, pageSize: 2 });
		expect(records.map(({ id }) => id)).toEqual(['Rc1', 'Rc2', 'Rc3']);
	});

	test('records without an ID are all kept', async () => {
		answerPages(SEARCH, [page([undefined, undefined], { last: true })]);
		expect(await planningSearchAll(context(), path(), { body: {} })).toHaveLength(2);
	});

	test.each<[string, IDataObject[]]>([
		['last: true', [page(['Rc1'], { last: true, totalPages: 9 })]],
		['page + 1 reaches totalPages', [page(['Rc1'], { last: false, totalPages: 1 })]],
		['an empty page', [page(['Rc1'], { last: false }), page([], { last: false })]],
	])('the search ends at %s', async (_, pages) => {
		answerPages(SEARCH, pages);
		const records = await planningSearchAll(context(), path(), { body: {}, pageSize: 1 });
		expect(records.map(({ id }) => id)).toEqual(['Rc1']);
		expect(planningLog()).toHaveLength(pages.length);
	});
});
