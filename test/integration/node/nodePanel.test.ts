import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, Workflow, type INode, type INodeType } from 'n8n-workflow';

import * as document from '../../../nodes/Workfront/actions/document/Document.resource';
import * as planningField from '../../../nodes/Workfront/actions/planningField/PlanningField.resource';
import * as planningRecord from '../../../nodes/Workfront/actions/planningRecord/PlanningRecord.resource';
import * as planningRecordType from '../../../nodes/Workfront/actions/planningRecordType/PlanningRecordType.resource';
import * as planningWorkspace from '../../../nodes/Workfront/actions/planningWorkspace/PlanningWorkspace.resource';
import * as record from '../../../nodes/Workfront/actions/record/Record.resource';
import { Workfront } from '../../../nodes/Workfront/Workfront.node';
import { nameOf, objectTypeName, optionNames } from '../../../nodes/shared/descriptions/subtitle';
import { WorkfrontPollTrigger } from '../../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { WorkfrontTrigger } from '../../../nodes/WorkfrontTrigger/WorkfrontTrigger.node';
import { TestNodeTypes } from '../../harness/nodeTypes';

const ROOT = join(__dirname, '..', '..', '..');
const types: Record<string, INodeType> = {
	'n8n-nodes-workfront.workfront': new Workfront(),
	'n8n-nodes-workfront.workfrontTrigger': new WorkfrontTrigger(),
	'n8n-nodes-workfront.workfrontPollTrigger': new WorkfrontPollTrigger(),
};

/** The subtitle the canvas shows under a node, computed as n8n's editor computes it. */
function subtitle(type: string, parameters: INode['parameters']): unknown {
	const nodeType = types[type];
	const node: INode = {
		id: 'n',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters:
			NodeHelpers.getNodeParameters(
				nodeType.description.properties,
				parameters,
				true,
				false,
				null,
				nodeType.description,
			) ?? {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(types),
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		String(nodeType.description.subtitle),
		'internal',
		{},
	);
}

describe('canvas subtitles read as the panel names things', () => {
	test.each([
		[{ resource: 'record', operation: 'getMany', objectType: 'TASK' }, 'Get Many: Task'],
		[
			{ resource: 'record', operation: 'executeAction', objectType: 'PROJ' },
			'Execute Action: Project',
		],
		[
			{ resource: 'record', operation: 'create', objectType: '__other', objectCode: 'BLIN' },
			'Create: BLIN',
		],
		[{ resource: 'record', operation: 'get', objectType: 'RSALLO' }, 'Get: RSALLO'],
		[{ resource: 'document', operation: 'upload' }, 'Upload: Document'],
		[{ resource: 'customApiCall', method: 'GET', path: 'work/myWork' }, 'GET work/myWork'],
		[{ resource: 'planningRecord', operation: 'search' }, 'Search: Planning Record'],
		[{ resource: 'planningWorkspace', operation: 'getMany' }, 'Get Many: Planning Workspace'],
		[{ resource: 'planningRecordType', operation: 'getViews' }, 'Get Views: Planning Record Type'],
	])('Workfront %j', (parameters, expected) => {
		expect(subtitle('n8n-nodes-workfront.workfront', parameters)).toBe(expected);
	});

	// The subtitle is written out in Workfront.node.ts (n8n's rules want a literal); it must name
	// every operation and object type the panel lists, so it is compared with one built from them.
	test('the written-out subtitle is the one the operation and object type lists give', () => {
		const operations = nameOf('$parameter["operation"]', {
			...optionNames(record.description, 'operation'),
			...optionNames(document.description, 'operation'),
			...optionNames(planningRecord.description, 'operation'),
			...optionNames(planningWorkspace.description, 'operation'),
			...optionNames(planningRecordType.description, 'operation'),
			...optionNames(planningField.description, 'operation'),
		});
		const resources = nameOf(
			'$parameter["resource"]',
			optionNames(new Workfront().description.properties, 'resource'),
		);
		expect(new Workfront().description.subtitle).toBe(
			`={{ $parameter["resource"] === "customApiCall" ? $parameter["method"] + " " + $parameter["path"] : ${operations} + ": " + ($parameter["resource"] === "document" || $parameter["resource"].startsWith("planning") ? ${resources} : ${objectTypeName}) }}`,
		);
	});

	test('the triggers', () => {
		expect(
			subtitle('n8n-nodes-workfront.workfrontTrigger', {
				objectType: 'PROJ',
				events: ['CREATE', 'UPDATE'],
			}),
		).toBe('Created, Updated: Project');
		expect(subtitle('n8n-nodes-workfront.workfrontPollTrigger', { objectType: 'OPTASK' })).toBe(
			'Created or Updated: Issue',
		);
	});
});

describe('the node panel', () => {
	test('"Report issue" and Docs lead to this package and its README sections', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
			string,
			{ url?: string } | string
		>;
		const repository = String((pkg.repository as { url: string }).url);
		expect(repository).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
		expect((pkg.bugs as { url: string }).url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
		expect(String(pkg.homepage)).toMatch(/^https:\/\/github\.com\/.+#readme$/);

		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		// GitHub's anchors: the heading in lower case, spaces as dashes, punctuation dropped.
		const anchors = new Set(
			[...readme.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
				heading
					.toLowerCase()
					.replace(/[^\w\- ]/g, '')
					.replace(/ /g, '-'),
			),
		);
		for (const folder of ['Workfront', 'WorkfrontTrigger', 'WorkfrontPollTrigger']) {
			const codex = JSON.parse(
				readFileSync(join(ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8'),
			) as { resources: Record<string, Array<{ url: string }>> };
			for (const { url } of [
				...codex.resources.primaryDocumentation,
				...codex.resources.credentialDocumentation,
			]) {
				const [base, anchor] = url.split('#');
				expect(repository).toContain(base.replace('https://', ''));
				expect(anchors).toContain(anchor);
			}
		}
	});

	test("searching Workfront shows a description of the whole package (n8n shows the trigger's)", () => {
		// n8n's node creator merges "Workfront" and "Workfront Trigger" into one entry and gives it
		// the trigger's description (generateMergedNodesAndActions in n8n's editor).
		const text = String(types['n8n-nodes-workfront.workfrontTrigger'].description.description);
		expect(text).toMatch(/Create, read, search, update/);
		expect(text).toMatch(/start workflows when/);
	});

	test("Ignore Changes by This Credential's User is visible from the start, and the listening hint says why events may not come", () => {
		const trigger = types['n8n-nodes-workfront.workfrontTrigger'].description;
		const parameters = NodeHelpers.getNodeParameters(
			trigger.properties,
			{},
			true,
			false,
			null,
			trigger,
		);
		expect(parameters?.options).toEqual({ ignoreOwnEvents: true });
		const panel = trigger.triggerPanel as { executionsHelp: { inactive: string } };
		expect(panel.executionsHelp.inactive).toContain("Ignore Changes by This Credential's User");
	});

	test('Upload asks for the object type right above the record it attaches to, and only for a new document', () => {
		const node = types['n8n-nodes-workfront.workfront'].description;
		// The panel's order: the properties n8n shows for these values, in the description's order.
		const shownInOrder = (parameters: INode['parameters']) => {
			const values =
				NodeHelpers.getNodeParameters(node.properties, parameters, true, false, null, node) ?? {};
			return node.properties
				.filter((property) =>
					NodeHelpers.displayParameter(values, property, { typeVersion: 1 } as INode, node),
				)
				.map(({ name }) => name);
		};
		const base = { resource: 'document', operation: 'upload' };
		// Authentication comes first on every Workfront node, as n8n's nodes with several ways in show it.
		expect(shownInOrder({ ...base, uploadAs: 'newDocument' })).toEqual([
			'authentication',
			'resource',
			'operation',
			'binaryPropertyName',
			'uploadAs',
			'objectType',
			'objectId',
			'options',
		]);
		expect(shownInOrder({ ...base, uploadAs: 'newVersion' })).toEqual([
			'authentication',
			'resource',
			'operation',
			'binaryPropertyName',
			'uploadAs',
			'documentId',
			'versionLabel',
		]);
		expect(shownInOrder({ resource: 'document', operation: 'getMany' }).slice(0, 5)).toEqual([
			'authentication',
			'resource',
			'operation',
			'objectType',
			'objectId',
		]);
	});

	test('Map Each Field reloads its columns when the operation changes (Create and Update differ)', () => {
		const node = types['n8n-nodes-workfront.workfront'].description;
		const mappers = node.properties.filter(({ name }) => name === 'columns');
		expect(mappers.length).toBe(2);
		for (const mapper of mappers) {
			expect(mapper.typeOptions?.loadOptionsDependsOn).toEqual(
				expect.arrayContaining(['objectType', 'objectCode', 'operation']),
			);
		}
		expect(mappers.map((mapper) => mapper.typeOptions?.resourceMapper?.mode).sort()).toEqual([
			'add',
			'update',
		]);
	});

	test('Fields to Leave Out is shown only where it acts', () => {
		const node = types['n8n-nodes-workfront.workfront'].description;
		const shown = (parameters: INode['parameters']) =>
			Object.keys(
				NodeHelpers.getNodeParameters(node.properties, parameters, true, false, null, node) ?? {},
			).includes('ignoreFields');
		const base = { resource: 'record', operation: 'create', objectType: 'PROJ' };
		expect(shown({ ...base, inputMode: 'auto' })).toBe(true);
		expect(
			shown({
				...base,
				inputMode: 'mapper',
				columns: { mappingMode: 'autoMapInputData', value: null },
			}),
		).toBe(true);
		expect(
			shown({ ...base, inputMode: 'mapper', columns: { mappingMode: 'defineBelow', value: null } }),
		).toBe(false);
		expect(shown({ ...base, inputMode: 'json' })).toBe(false);
	});
});

describe('the credential form', () => {
	test('says under Client ID, Customer ID and User ID where in Workfront each is found', async () => {
		const { WorkfrontJwtApi } = await import('../../../credentials/WorkfrontJwtApi.credentials');
		const fields = new WorkfrontJwtApi().properties;
		const hint = (name: string) => fields.find((field) => field.name === name)?.hint;
		expect(hint('clientId')).toMatch(/Setup > System > OAuth2 Applications/);
		expect(hint('customerId')).toMatch(/OAuth2 application/);
		expect(hint('userId')).toMatch(/address bar/);
		// Above everything: which Workfront thing this is, and which retired Adobe one it is not.
		expect(fields[0]).toMatchObject({ type: 'notice' });
		expect(fields[0].displayName).toMatch(
			/Machine to Machine.*not Adobe Developer Console's retired Service Account \(JWT\)/,
		);
	});
});
