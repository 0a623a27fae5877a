/**
 * Every request the node makes to Workfront Planning, checked against Adobe's OpenAPI file
 * (test/conformance/planning-v2.json, written by extractPlanningApi.ts): the path is one of its
 * operations, the method is that operation's, every query parameter is declared and of its
 * declared type, and the body conforms strictly (no key the schema does not declare, no read-only
 * key; SPEC's bulk PUT/PATCH require each record's read-only `id`, the one exception). The node runs
 * through n8n-core against the simulator, whose log holds what was sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FILTER_CONDITIONS, PLANNING_FIELD_TYPES } from '../../nodes/shared/core/planning';
import { editorContext, workfrontMethods } from '../harness/loadOptions';
import type { PlanningSeed } from '../simulator';
import {
	findOperation,
	parameterValue,
	planningSpec,
	validate,
	type OperationFact,
} from '../simulator/planning/spec';
import { mapperValue, planningFixture, planningLocator, planningRecord } from '../support/planning';
import { planningColumns } from '../../nodes/shared/workfront/planningFields';
import type { PlanningField } from '../../nodes/shared/core/planning';
import { WorkfrontFixture } from '../support/workfrontNode';
import { extract } from './extractPlanningApi';

let fixture: WorkfrontFixture;
let seed: PlanningSeed;
const used = new Set<string>();
const checked: string[] = [];

beforeAll(async () => ({ fixture, seed } = await planningFixture(4)));
afterAll(async () => await fixture.close());

/** What is wrong with one request the node sent, against the operation Adobe describes. */
function nonConformance(request: {
	method: string;
	path: string;
	query: string;
	body: unknown;
}): string[] {
	const found = findOperation(request.method, request.path);
	if (!found) return [`${request.method} ${request.path}: no such operation in Adobe's file`];
	const operation: OperationFact = found.operation;
	used.add(operation.operationId);
	const problems: string[] = [];
	const query = new URLSearchParams(request.query);
	for (const name of new Set(query.keys())) {
		const declared = operation.parameters.find(
			(parameter) => parameter.in === 'query' && parameter.name === name,
		);
		if (!declared) {
			problems.push(`query ${name}: not declared by ${operation.operationId}`);
			continue;
		}
		const schema = declared.schema;
		const values =
			schema.type === 'array' ? (query.get(name) ?? '').split(',') : query.getAll(name);
		for (const value of values)
			problems.push(
				...validate(
					schema.type === 'array' ? (schema.items as IDataObject) : schema,
					parameterValue(schema, value),
					{},
					name,
				),
			);
	}
	for (const parameter of operation.parameters.filter(({ required }) => required))
		if (parameter.in === 'query' && !query.has(parameter.name))
			problems.push(`query ${parameter.name}: required`);
	if (operation.requestBody === null && request.body !== undefined)
		problems.push(`${operation.operationId} takes no body`);
	if (operation.requestBody) {
		if (request.body === undefined && operation.requestBody.required)
			problems.push('body: required');
		const allowReadOnly = ['bulkPatchRecords', 'bulkUpdateRecords'].includes(operation.operationId)
			? ['id']
			: [];
		if (request.body !== undefined)
			problems.push(
				...validate(
					operation.requestBody.schema,
					request.body,
					{ strict: true, allowReadOnly },
					'body',
				),
			);
	}
	return problems.map((problem) => `${operation.operationId}: ${problem}`);
}

async function runAndCheck(parameters: IDataObject, input?: IDataObject[]) {
	fixture.simulator.planning.requests.length = 0;
	const result = await fixture.run(parameters, input);
	if (result.error) throw new Error(`${result.error.message} ${String(result.error.description)}`);
	const requests = fixture.simulator.planning.requests;
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) {
		checked.push(`${request.method} ${request.path}`);
		expect(nonConformance(request)).toEqual([]);
	}
}

const schema = () =>
	planningColumns(
		fixture.simulator.planning.fieldsOf(seed.campaigns.id) as unknown as PlanningField[],
	) as unknown as IDataObject[];

describe("every request of every Planning operation conforms to Adobe's OpenAPI file", () => {
	test('Create, one and in bulk, every field type from the mapper', async () => {
		const f = seed.fields;
		const columns = mapperValue(
			{
				[f.name.id]: '={{ $json.name }}',
				[f.budget.id]: '12.5',
				[f.launch.id]: '2026-03-15',
				[f.status.id]: 'active',
				[f.channels.id]: '["web"]',
				[f.approved.id]: true,
				[f.owner.id]: 'u1',
				[f.team.id]: '["u1","u2"]',
				[f.personas.id]: JSON.stringify(seed.personaIds),
			},
			schema(),
		);
		await runAndCheck(
			planningRecord(seed, 'create', { dataColumns: columns, options: { peopleIdType: 'IMS' } }),
			[{ name: 'one' }],
		);
		await runAndCheck(planningRecord(seed, 'create', { dataColumns: columns }), [{ name: 'a' }, { name: 'b' }]);
	});

	test('Get, Update (one, bulk, list operations) and Delete (one, bulk)', async () => {
		const [a, b, c, d] = seed.campaignIds;
		await runAndCheck({ resource: 'planningRecord', operation: 'get', recordId: a });
		const update = (options: IDataObject) =>
			planningRecord(seed, 'update', {
				recordId: '={{ $json.id }}',
				inputMode: 'json',
				dataJson: JSON.stringify({
					[seed.fields.channels.id]: ['social'],
					[seed.fields.brief.id]: null,
				}),
				options,
			});
		await runAndCheck(update({}), [{ id: a }]);
		await runAndCheck(update({}), [{ id: a }, { id: b }]);
		await runAndCheck(update({ listChange: 'add' }), [{ id: a }, { id: b }]);
		const remove = planningRecord(seed, 'delete', { recordId: '={{ $json.id }}' });
		await runAndCheck(remove, [{ id: c }]);
		await runAndCheck(remove, [{ id: d }, { id: b }]);
	});

	test.each(FILTER_CONDITIONS.map(({ value }) => value))(
		'Search with the condition %s, a group, sort, projection and scope',
		async (condition) => {
			const field =
				{
					IS: seed.fields.status,
					IS_NOT: seed.fields.status,
					CONTAINS: seed.fields.name,
					DOES_NOT_CONTAIN: seed.fields.name,
					IS_ANY_OF: seed.fields.status,
					IS_NONE_OF: seed.fields.status,
				}[condition as string] ??
				(['HAS_ANY_OF', 'HAS_ALL_OF', 'HAS_NONE_OF', 'IS_EXACTLY'].includes(condition)
					? seed.fields.team
					: condition.includes('THAN')
						? seed.fields.budget
						: condition.includes('EMPTY')
							? seed.fields.brief
							: seed.fields.launch);
			await runAndCheck(
				planningRecord(seed, 'search', {
					limit: 10,
					filterConditions: {
						condition: [
							{
								field: field.id,
								condition,
								value: '2026-01-01',
								valueTo: '2026-12-31',
								idType: field === seed.fields.team ? 'WF' : 'plain',
							},
						],
					},
					filterGroups: {
						group: [
							{
								match: 'OR',
								conditions: {
									condition: [{ field: seed.fields.name.id, condition: 'IS_NOT_EMPTY' }],
								},
							},
						],
					},
					sort: { field: [{ field: seed.fields.budget.id, direction: 'desc' }] },
					options: {
						fields: [seed.fields.name.id],
						aliased: true,
						scopeWorkspaceIds: seed.workspace.id,
					},
				}),
			);
		},
	);

	test('Search with Return All and Filter (JSON)', async () => {
		await runAndCheck(
			planningRecord(seed, 'search', {
				returnAll: true,
				filterMode: 'json',
				filterJson: JSON.stringify({
					operator: 'OR',
					conditions: [
						{ fieldId: 'status', condition: 'IS', value: 'active' },
						{
							operator: 'AND',
							conditions: [
								{
									fieldId: seed.fields.personas.id,
									condition: 'HAS_ANY_OF',
									value: seed.personaIds,
									matchExternalId: false,
								},
							],
						},
					],
				}),
			}),
		);
	});

	test('Workspaces, record types, views and fields', async () => {
		const workspace = planningLocator(seed.workspace.id);
		const recordType = planningLocator(seed.campaigns.id);
		await runAndCheck({ resource: 'planningWorkspace', operation: 'get', workspace });
		await runAndCheck({ resource: 'planningWorkspace', operation: 'getMany', returnAll: true });
		await runAndCheck({ resource: 'planningRecordType', operation: 'get', recordType });
		await runAndCheck({
			resource: 'planningRecordType',
			operation: 'getMany',
			workspace,
			limit: 5,
		});
		await runAndCheck({
			resource: 'planningRecordType',
			operation: 'getViews',
			recordType,
			returnAll: true,
		});
		await runAndCheck({
			resource: 'planningField',
			operation: 'get',
			fieldId: seed.fields.name.id,
		});
		await runAndCheck({
			resource: 'planningField',
			operation: 'getMany',
			recordType,
			returnAll: true,
		});
	});

	test.each([...PLANNING_FIELD_TYPES])(
		'Create Field of type %s with every setting the panel offers',
		async (fieldType) => {
			await runAndCheck({
				resource: 'planningField',
				operation: 'create',
				recordType: planningLocator(seed.campaigns.id),
				displayName: `New ${fieldType}`,
				fieldType,
				fieldOptions: {
					description: 'd',
					selectOptions: 'A, B',
					precision: 2,
					allowNegatives: false,
					currency: 'EUR',
					multipleUsersAllowed: true,
					referencedRecordTypeId: seed.personas.id,
					multiple: true,
					formula: '{Budget}*2',
					isHtmlNative: true,
				},
			});
		},
	);

	test('the pickers and the mapper', async () => {
		fixture.simulator.planning.requests.length = 0;
		const editor = (parameters: INodeParameters) =>
			editorContext(
				fixture.helper,
				{ resource: 'planningRecord', operation: 'create', ...parameters },
				'parameters.x',
				'serverToServer',
			);
		const withType = {
			workspace: planningLocator(seed.workspace.id),
			recordType: planningLocator(seed.campaigns.id),
		};
		await workfrontMethods.listSearch.searchPlanningWorkspaces.call(editor({}), 'mark');
		await workfrontMethods.listSearch.searchPlanningRecordTypes.call(editor(withType), 'camp');
		await workfrontMethods.loadOptions.getPlanningFields.call(editor(withType));
		await workfrontMethods.resourceMapping.getPlanningColumns.call(editor(withType));
		for (const request of fixture.simulator.planning.requests)
			expect(nonConformance(request)).toEqual([]);
	});

	afterAll(() => {
		process.stderr.write(
			`[conformance] ${checked.length} Planning requests checked against Adobe's file; operations used: ${[...used].sort().join(', ')}\n`,
		);
	});
});

describe('the check finds what does not conform', () => {
	test.each([
		[{ method: 'POST', path: '/v2/records/Rc1', query: '', body: {} }, 'no such operation'],
		[
			{ method: 'PATCH', path: '/v2/records/Rc1', query: '', body: { createdAt: 'x', data: {} } },
			'body.createdAt: read-only',
		],
		[
			{ method: 'PATCH', path: '/v2/records/Rc1', query: '', body: { fields: {} } },
			'body.fields: not declared by the schema',
		],
		[
			{ method: 'GET', path: '/v2/workspaces', query: 'limit=51', body: undefined },
			'limit: above 50',
		],
		[
			{ method: 'GET', path: '/v2/workspaces', query: 'name=x', body: undefined },
			'query name: not declared',
		],
		[
			{
				method: 'DELETE',
				path: '/v2/record-types/Rt1/records/bulk',
				query: '',
				body: { ids: Array(101).fill('Rc') },
			},
			'body.ids: more than 100 items',
		],
		[
			{
				method: 'POST',
				path: '/v2/record-types/Rt1/records/search',
				query: '',
				body: { filter: { operator: 'AND', conditions: [{ fieldId: 'F', condition: 'BETWEEN' }] } },
			},
			'matches 0 of the 2 oneOf schemas',
		],
	])('%j', (request, problem) => {
		expect(nonConformance(request).join('\n')).toContain(problem);
	});
});

describe('the fixture is what the extraction gives, with Adobe’s breakages neutralised', () => {
	test('49 operations; the three breakages recorded', () => {
		expect(planningSpec.operations).toHaveLength(49);
		const facts = extract({
			paths: {},
			components: {
				schemas: {
					A: {
						properties: {
							createdAt: { type: 'string', pattern: "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" },
							name: { type: 'string', pattern: '(?s)^\\s*\\S.*$' },
						},
					},
					FilterConditionDto: {
						allOf: [{ $ref: '#/components/schemas/FilterNodeDto' }, { type: 'object' }],
					},
				},
			},
		});
		expect(facts.neutralised.map(({ at }) => at)).toEqual([
			'components/schemas/A/properties/createdAt',
			'components/schemas/A/properties/name',
			'components/schemas/FilterConditionDto',
		]);
	});

	test('a real timestamp, a workspace name over several lines and a nested filter now validate', () => {
		expect(
			validate(planningSpec.schemas.WorkspaceBaseDto, {
				name: 'Two\nlines',
				createdAt: '2026-01-15T10:30:00.000Z',
			}),
		).toEqual([]);
		expect(validate(planningSpec.schemas.WorkspaceBaseDto, { name: '  ' })).not.toEqual([]);
		expect(
			validate(planningSpec.schemas.FilterGroupDto, {
				operator: 'AND',
				conditions: [
					{ operator: 'OR', conditions: [{ fieldId: 'F1', condition: 'IS', value: 1 }] },
				],
			}),
		).toEqual([]);
	});
});
