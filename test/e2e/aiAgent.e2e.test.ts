import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, packPackage } from '../../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS } from '../../scripts/lib/n8nRuntime';
import type { WorkfrontSimulator } from '../simulator';
import { startWorkfront } from '../support/workfrontAccount';
import { CREDENTIAL, nodeOutput } from '../../scripts/lib/workflows';

/**
 * The Workfront node as a tool of n8n's AI Agent, in real n8n 1.x and 2.x. The chat model is n8n's
 * own OpenAI Chat Model, its credential's Base URL pointed at a small OpenAI-compatible server
 * here: asked once, it answers with a call of the Workfront tool (the project ID as the argument
 * the tool's $fromAI asks for); asked again with the tool's result, it answers in words, quoting
 * what the tool returned. The simulator's log shows the request the tool made.
 */
jest.setTimeout(20 * 60 * 1000);

interface ChatRequest {
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: Array<{ function: { name: string; parameters?: IDataObject } }>;
	stream?: boolean;
}

async function body(request: IncomingMessage): Promise<string> {
	let text = '';
	for await (const chunk of request) text += String(chunk);
	return text;
}

/** What the fake model answers: a tool call while no tool has answered, then the final words. */
function reply(chat: ChatRequest): IDataObject {
	const toolResult = chat.messages.find(({ role }) => role === 'tool');
	if (toolResult) {
		const text =
			typeof toolResult.content === 'string'
				? toolResult.content
				: JSON.stringify(toolResult.content);
		const status = /"status":"(\w+)"/.exec(text)?.[1] ?? 'unknown';
		return { role: 'assistant', content: `The project's status is ${status}.` };
	}
	const question = JSON.stringify(chat.messages);
	const projectId = /[0-9a-f]{32}/.exec(question)?.[0] ?? '';
	const tool = chat.tools?.[0]?.function;
	const argumentNames = Object.keys((tool?.parameters?.properties as IDataObject) ?? {});
	return {
		role: 'assistant',
		content: null,
		tool_calls: [
			{
				id: 'call_workfront_1',
				type: 'function',
				function: {
					name: tool?.name ?? 'missing_tool',
					// The model fills the arguments the tool declares; the tool asks for the project ID.
					arguments: JSON.stringify(
						Object.fromEntries(argumentNames.map((name) => [name, projectId])),
					),
				},
			},
		],
	};
}

/** A chat-completions endpoint in OpenAI's shape, plain or streamed (server-sent events). */
async function startFakeOpenAi(): Promise<{
	server: Server;
	url: string;
	requests: ChatRequest[];
}> {
	const requests: ChatRequest[] = [];
	const server = createServer((request, response) => {
		void body(request).then((text) => {
			if (request.method === 'GET' && request.url?.endsWith('/models')) {
				response.setHeader('content-type', 'application/json');
				response.end(
					JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] }),
				);
				return;
			}
			if (!request.url?.endsWith('/chat/completions')) {
				response.statusCode = 404;
				response.end(JSON.stringify({ error: { message: `No route ${request.url}` } }));
				return;
			}
			const chat = JSON.parse(text) as ChatRequest;
			requests.push(chat);
			const message = reply(chat);
			const finish = message.tool_calls ? 'tool_calls' : 'stop';
			const base = { id: `chatcmpl-${requests.length}`, created: 1, model: 'gpt-4o-mini' };
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			if (chat.stream) {
				response.setHeader('content-type', 'text/event-stream');
				const delta = message.tool_calls
					? {
							role: 'assistant',
							tool_calls: (message.tool_calls as IDataObject[]).map((call, index) => ({
								index,
								...call,
							})),
						}
					: message;
				const chunks = [
					{
						...base,
						object: 'chat.completion.chunk',
						choices: [{ index: 0, delta, finish_reason: null }],
					},
					{
						...base,
						object: 'chat.completion.chunk',
						choices: [{ index: 0, delta: {}, finish_reason: finish }],
						usage,
					},
				];
				for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
				response.end('data: [DONE]\n\n');
				return;
			}
			response.setHeader('content-type', 'application/json');
			response.end(
				JSON.stringify({
					...base,
					object: 'chat.completion',
					choices: [{ index: 0, message, finish_reason: finish }],
					usage,
				}),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}/v1`, requests };
}

function agentWorkflow(projectId: string): IDataObject {
	const id = 'wfAiAgentTool';
	return {
		id,
		name: 'AI Agent with the Workfront tool',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-0`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-1`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2.2,
				position: [220, 0],
				parameters: {
					promptType: 'define',
					text: `What is the status of the Workfront project ${projectId}?`,
					options: {},
				},
			},
			{
				id: `${id}-2`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [200, 200],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
					options: {},
				},
				credentials: { openAiApi: { id: 'fakeOpenAiCred1', name: 'Fake OpenAI' } },
			},
			{
				id: `${id}-3`,
				name: 'Get Workfront project',
				type: 'n8n-nodes-workfront.workfrontTool',
				typeVersion: 1,
				position: [400, 200],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Reads one Workfront project by its ID: its name and status.',
					resource: 'record',
					operation: 'get',
					objectType: 'PROJ',
					id: {
						__rl: true,
						mode: 'id',
						value: "={{ $fromAI('projectId', 'The 32-character ID of the project', 'string') }}",
					},
					options: { fields: ['name', 'status'] },
				},
				credentials: { workfrontJwtApi: CREDENTIAL },
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'Get Workfront project': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

let tarball: string;

beforeAll(async () => {
	tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
});

describe.each(N8N_VERSIONS)('AI Agent tool in n8n $n8n', (version) => {
	let simulator: WorkfrontSimulator;
	let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;

	afterEach(async () => {
		await simulator?.close();
		await new Promise((resolve) => fake?.server.close(resolve));
	});

	test('the agent calls the Workfront tool with the argument the model filled, then answers', async () => {
		const runtime = await ensureN8n(version, (line) => process.stderr.write(`${line}\n`));
		const n8n = await N8nInstance.create(runtime, tarball);
		// No N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: n8n 1.85.0 and later offer community nodes as
		// AI tools without it (n8n-io/n8n#14042); only 1.84 and earlier need it (see the README).
		delete n8n.env.N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE;
		const started = await startWorkfront();
		simulator = started.simulator;
		fake = await startFakeOpenAi();
		const credentials = { ...started.credentials };
		delete credentials.accessToken;
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'workfrontJwtApi', data: credentials },
			{
				id: 'fakeOpenAiCred1',
				name: 'Fake OpenAI',
				type: 'openAiApi',
				data: { apiKey: 'sk-test-not-a-real-key', url: fake.url },
			},
		]);
		const project = simulator.state.store.insert('PROJ', { name: 'Agent project', status: 'CUR' });
		const workflow = agentWorkflow(String(project.ID));
		await n8n.importWorkflow(workflow);
		const result = await n8n.execute(String(workflow.id));
		const printed = `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`;
		expect({ code: result.code, printed: result.code === 0 ? '' : printed }).toEqual({
			code: 0,
			printed: '',
		});

		// The model was asked twice: the tool was offered the first time, its result came back the second.
		expect(fake.requests.length).toBe(2);
		expect(fake.requests[0].tools?.length).toBe(1);
		expect(JSON.stringify(fake.requests[1].messages)).toContain('Agent project');

		// The tool's request, as the simulator logged it: the project the model named.
		const gets = simulator.log.filter(
			({ effectiveMethod, path }) => effectiveMethod === 'GET' && /\/proj\//i.test(path),
		);
		expect(gets.map(({ path }) => path.replace(/^\/attask\/api\/v[\d.]+\//, ''))).toEqual([
			`PROJ/${String(project.ID)}`,
		]);

		const [answer] = nodeOutput(result.run, 'AI Agent');
		expect(answer?.output).toBe("The project's status is CUR.");
	});
});
