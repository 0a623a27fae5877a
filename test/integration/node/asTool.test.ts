import { record, WorkfrontFixture } from '../../support/workfrontNode';
import { testFiles } from '../../harness/binaryRegistry';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

const TOOL = 'n8n-nodes-workfront.workfrontTool';

/** What n8n hands the agent: the JSON of output 0's items, as text (n8n-core's mapResult). */
const forAgent = (json: unknown[]) => JSON.stringify(json);

describe('the Workfront node as an AI agent tool (issue 22, agents)', () => {
	test('Get Many gives the agent at most Max Records, says when more matched, and only the fields asked', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Host' });
		for (let index = 0; index < 80; index += 1)
			fixture.simulator.insert('TASK', { name: `Task ${index}`, projectID: project.ID });
		const getMany = record('getMany', {
			objectType: 'TASK',
			returnAll: true,
			options: { fields: ['project:name'] },
		});
		const plain = await fixture.run(getMany);
		expect(plain.json).toHaveLength(80);

		const asTool = await fixture.run(
			{ ...getMany, agentFieldsToInclude: 'selected', agentFields: 'ID, name, project.name' },
			undefined,
			{ type: TOOL },
		);
		expect(asTool.error).toBeUndefined();
		expect(asTool.json).toHaveLength(51);
		expect(Object.keys(asTool.json[0]).sort()).toEqual(['ID', 'name', 'project']);
		expect(asTool.json[0].project).toEqual({ name: 'Host' });
		expect(asTool.json[50]).toEqual({
			note: 'More than 50 records match; these are the first 50. Narrow the filters to find the others.',
		});
		expect(forAgent(asTool.json).length).toBeLessThan(forAgent(plain.json).length / 2);
		// The search stopped at what the agent gets (one record more, to know more matched).
		const searches = fixture.simulator.log.filter(({ path }) => /task\/search/i.test(path));
		expect(new URLSearchParams(searches[searches.length - 1].query).get('$$LIMIT')).toBe('51');

		const except = await fixture.run(
			{ ...getMany, agentFieldsToInclude: 'except', agentFields: 'project', agentMaxRecords: 5 },
			undefined,
			{ type: TOOL },
		);
		expect(except.json).toHaveLength(6);
		expect(except.json[0]).not.toHaveProperty('project');
		expect(except.json[0]).toHaveProperty('name');
	});

	test('a Limit under the cap is kept as it is, with no note', async () => {
		for (let index = 0; index < 10; index += 1)
			fixture.simulator.insert('PROJ', { name: `P ${index}` });
		const { json } = await fixture.run(
			record('getMany', { returnAll: false, limit: 3 }),
			undefined,
			{
				type: TOOL,
			},
		);
		expect(json).toHaveLength(3);
		expect(json.some((item) => 'note' in item)).toBe(false);
	});

	test('outside a tool the shaping parameters do nothing (they are hidden)', async () => {
		for (let index = 0; index < 60; index += 1)
			fixture.simulator.insert('PROJ', { name: `P ${index}` });
		const { json } = await fixture.run(
			record('getMany', { returnAll: true, agentFieldsToInclude: 'selected', agentFields: 'ID' }),
		);
		expect(json).toHaveLength(60);
		expect(Object.keys(json[0])).toContain('name');
	});

	test('Download gives the agent the details and where to fetch the file, not a binary', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Docs' });
		const key = 'agent-brief';
		testFiles.set(key, Buffer.from('Campaign brief, version 1'));
		const [uploaded] = await fixture.output(
			{
				resource: 'document',
				operation: 'upload',
				objectType: 'PROJ',
				objectId: { __rl: true, mode: 'id', value: project.ID },
				binaryPropertyName: 'data',
			},
			[{ $binary: { data: { key, fileName: 'brief.txt', mimeType: 'text/plain' } } }],
		);
		const download = {
			resource: 'document',
			operation: 'download',
			documentId: { __rl: true, mode: 'id', value: String(uploaded.ID) },
		};
		const asTool = await fixture.run(download, undefined, { type: TOOL });
		expect(asTool.error).toBeUndefined();
		expect(asTool.items?.[0].binary).toBeUndefined();
		const [details] = asTool.json;
		expect(details).toMatchObject({
			ID: uploaded.ID,
			fileName: 'brief.txt',
			workfrontUrl: `${fixture.simulator.origin}/document/${String(uploaded.ID)}/details`,
		});
		expect(String(details.downloadUrl)).toMatch(
			new RegExp(`^${fixture.simulator.origin}/.*${String(uploaded.ID)}`),
		);
		expect(String(details.howToGetTheFile)).toMatch(/Document > Download/);
		// Nothing was downloaded: only the document's details were read.
		expect(fixture.simulator.log.some(({ path }) => /download/i.test(path))).toBe(false);

		// The same node outside an agent still puts the file in binary data.
		const plain = await fixture.run(download);
		expect(plain.items?.[0].binary?.data).toBeDefined();
		// And as a tool, File keeps the binary for the nodes after the agent.
		const file = await fixture.run({ ...download, agentOutput: 'file' }, undefined, { type: TOOL });
		expect(file.items?.[0].binary?.data).toBeDefined();
	});
});
