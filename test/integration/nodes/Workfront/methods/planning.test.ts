import type { INodeParameters } from 'n8n-workflow';

import { PLANNING_CURSOR_LIMIT } from '../../../../../nodes/shared/core/limits';
import {
	getPlanningColumns,
	getPlanningFields,
	searchPlanningRecordTypes,
	searchPlanningWorkspaces,
} from '../../../../../nodes/Workfront/methods/planning';
import { editorContext } from '../../../../harness/loadOptions';
import type { PlanningSeed } from '../../../../simulator';
import { planningFixture, planningLocator } from '../../../../support/planning';
import { WorkfrontFixture } from '../../../../support/workfrontNode';

/**
 * The Planning pickers, called as the editor calls them. Paging through 60 workspaces by name, a
 * workspace's record types, the field options with computed ones marked, the mapper's typed
 * columns and the panel opening without an issue: test/integration/node/planningPickers.test.ts;
 * the pickers refused with another credential: test/integration/credentials/planning.test.ts.
 * Here: the chosen ID checked as a run checks it, names and filters, and the page token.
 */

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
beforeEach(async () => ({ fixture, seed } = await planningFixture(0)));
afterEach(async () => await fixture.close());

const editor = (parameters: INodeParameters, path: string) =>
	editorContext(
		fixture.helper,
		{ resource: 'planningRecord', operation: 'search', ...parameters },
		`parameters.${path}`,
		'serverToServer',
	);
const sent = () =>
	fixture.simulator.planning.requests.map(
		({ method, path, query }) => `${method} ${path}${query ? `?${query}` : ''}`,
	);
const WORKSPACES = /\/maestro\/api\/v2\/workspaces$/;

describe('searchPlanningWorkspaces', () => {
	test(`one page of ${PLANNING_CURSOR_LIMIT.workspaces}; the editor's token is sent back as the cursor`, async () => {
		for (let index = 0; index < 55; index += 1)
			fixture.simulator.planning.addWorkspace({ name: `Team ${index}` });
		const first = await searchPlanningWorkspaces.call(editor({}, 'workspace'));
		const token = String(first.paginationToken);
		await searchPlanningWorkspaces.call(editor({}, 'workspace'), undefined, token);
		expect(sent()).toEqual([
			`GET /v2/workspaces?limit=${PLANNING_CURSOR_LIMIT.workspaces}`,
			`GET /v2/workspaces?limit=${PLANNING_CURSOR_LIMIT.workspaces}&cursor=${encodeURIComponent(token)}`,
		]);
	});

	test('the filter matches any part of the name, whatever the case, spaces around ignored', async () => {
		fixture.simulator.planning.addWorkspace({ name: 'Product MARKETING' });
		fixture.simulator.planning.addWorkspace({ name: 'Sales' });
		const found = await searchPlanningWorkspaces.call(editor({}, 'workspace'), '  market ');
		expect(found.results.map(({ name }) => name)).toEqual(['Marketing', 'Product MARKETING']);
		expect(found.results[0].value).toBe(seed.workspace.id);
	});

	test('a workspace without a name is listed by its ID', async () => {
		fixture.simulator.failNext(1, 200, {
			path: WORKSPACES,
			body: { content: [{ id: 'Ws9' }, { id: 'Ws8', name: 'Eight' }], cursor: { hasMore: false } },
		});
		const found = await searchPlanningWorkspaces.call(editor({}, 'workspace'));
		expect(found.results).toEqual([
			{ name: 'Ws9', value: 'Ws9' },
			{ name: 'Eight', value: 'Ws8' },
		]);
		expect(found.paginationToken).toBeUndefined();
	});

	test.each([
		[
			'hasMore true with a cursor: the token for the next page',
			{ hasMore: true, nextCursor: 'n2' },
			'n2',
		],
		[
			'hasMore false: no token, though a cursor is given',
			{ hasMore: false, nextCursor: 'n2' },
			undefined,
		],
		['hasMore true without a cursor: no token', { hasMore: true }, undefined],
	])('%s', async (_, cursor, token) => {
		fixture.simulator.failNext(1, 200, { path: WORKSPACES, body: { content: [], cursor } });
		expect((await searchPlanningWorkspaces.call(editor({}, 'workspace'))).paginationToken).toBe(
			token,
		);
	});

	test('an answer without content lists nothing, rather than failing', async () => {
		fixture.simulator.failNext(1, 200, { path: WORKSPACES, body: {} });
		expect(await searchPlanningWorkspaces.call(editor({}, 'workspace'))).toEqual({
			results: [],
			paginationToken: undefined,
		});
	});
});

describe('searchPlanningRecordTypes: the chosen workspace, checked as a run checks it', () => {
	test(`the workspace's record types, ${PLANNING_CURSOR_LIMIT.recordTypes} a page`, async () => {
		const found = await searchPlanningRecordTypes.call(
			editor({ workspace: planningLocator(seed.workspace.id) }, 'recordType'),
		);
		expect(found.results.map(({ name }) => name).sort()).toEqual(['Campaigns', 'Personas']);
		expect(sent()).toEqual([
			`GET /v2/workspaces/${seed.workspace.id}/record-types?limit=${PLANNING_CURSOR_LIMIT.recordTypes}`,
		]);
	});

	test('a workspace ID that could reshape the path is refused, naming the field; nothing is sent', async () => {
		const error = await searchPlanningRecordTypes
			.call(editor({ workspace: planningLocator('../records') }, 'recordType'))
			.then(
				() => undefined,
				(thrown: unknown) => thrown as Error & { description?: string },
			);
		expect(error?.message).toBe('Workspace: "../records" is not a Workfront Planning ID');
		expect(error?.description).toMatch(/^Planning IDs are letters and digits/);
		expect(sent()).toEqual([]);
	});
});

describe('getPlanningFields and getPlanningColumns: the chosen record type', () => {
	test.each([
		['getPlanningFields', 'filterConditions'],
		['getPlanningColumns', 'dataColumns'],
	] as const)('%s without a record type says what to do, and sends nothing', async (name, path) => {
		const context = editor({ operation: 'create' }, path);
		const read =
			name === 'getPlanningFields'
				? getPlanningFields.call(context)
				: getPlanningColumns.call(context);
		const error = await read.then(
			() => undefined,
			(thrown: unknown) => thrown as Error & { description?: string },
		);
		expect(error?.message).toBe('Record Type is empty');
		expect(error?.description).toMatch(/^Pick it from the list, enter its ID/);
		expect(sent()).toEqual([]);
	});

	test("each field's name with its type in words; its alias, else its ID, as the description", async () => {
		fixture.simulator.failNext(1, 200, {
			path: /\/fields$/,
			body: {
				content: [
					{ id: 'Fgolive', displayName: 'Go Live', type: 'SINGLE_SELECT', alias: 'go_live' },
					{ id: 'Fnoalias', displayName: 'Plain', type: 'MULTI_SELECT' },
				],
				cursor: { hasMore: false },
			},
		});
		const options = await getPlanningFields.call(
			editor({ recordType: planningLocator('Rt7') }, 'sort'),
		);
		expect(options).toEqual([
			{ name: 'Go Live (single select)', value: 'Fgolive', description: 'Alias: go_live' },
			{ name: 'Plain (multi select)', value: 'Fnoalias', description: 'Fnoalias' },
		]);
	});
});
