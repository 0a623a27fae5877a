import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { testFiles, type BinaryInput } from './binaryRegistry';

/** Starts a test workflow with the items given in its `items` parameter (a JSON array). */
export class SourceItems implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Source Items',
		name: 'sourceItems',
		group: ['input'],
		version: 1,
		description: 'Emits the given items',
		defaults: { name: 'Source Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	} as INodeType['description'];

	/** An item's `$binary` entry names files of the test registry; they become the item's binary data. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const { $binary, ...json } = item as IDataObject & { $binary?: Record<string, BinaryInput> };
			const binary: INodeExecutionData['binary'] = {};
			for (const [field, file] of Object.entries($binary ?? {})) {
				const data = testFiles.get(file.key);
				if (!data) throw new Error(`No test file ${file.key}`);
				binary[field] = await this.helpers.prepareBinaryData(data, file.fileName, file.mimeType);
			}
			output.push({ json, ...($binary ? { binary } : {}), pairedItem: { item: index } });
		}
		return [output];
	}
}

/** The node types a test workflow may use, by their full type name (package.node). */
export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * What n8n's HTTP Request node (v4) does with a predefined credential type, reduced to the calls
 * that matter here: request-library options with `uri` (not `url`), redirects followed by default
 * (Follow Redirects on, at most 21), Options > Proxy and Ignore SSL Issues when given, one request
 * per item, through
 * n8n-core's requestWithAuthentication (the older helper, which that node calls).
 */
export class HttpRequestLike implements INodeType {
	description: INodeType['description'] = {
		displayName: 'HTTP Request (as n8n sends it)',
		name: 'httpRequestLike',
		group: ['output'],
		version: 1,
		description: 'Sends one request per item with a predefined credential type',
		defaults: { name: 'HTTP Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'workfrontJwtApi', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Proxy', name: 'proxy', type: 'string', default: '' },
			{ displayName: 'Ignore SSL Issues', name: 'ignoreSsl', type: 'boolean', default: false },
			{ displayName: 'Continue', name: 'continue', type: 'boolean', default: false },
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < this.getInputData().length; index += 1) {
			const body = this.getNodeParameter('body', index, '') as string;
			const proxy = this.getNodeParameter('proxy', index, '') as string;
			const options: IDataObject = {
				method: this.getNodeParameter('method', index, 'GET') as string,
				uri: this.getNodeParameter('url', index) as string,
				json: true,
				gzip: true,
				rejectUnauthorized: !this.getNodeParameter('ignoreSsl', index, false),
				followRedirect: true,
				followAllRedirects: true,
				maxRedirects: 21,
				...(body ? { body: JSON.parse(body) as IDataObject } : {}),
				...(proxy ? { proxy } : {}),
			};
			try {
				const response = (await this.helpers.requestWithAuthentication.call(
					this,
					'workfrontJwtApi',
					options as never,
					undefined,
					index,
				)) as IDataObject;
				output.push({ json: response ?? {} });
			} catch (error) {
				if (!this.getNodeParameter('continue', index, false)) throw error;
				output.push({ json: { error: (error as Error).message } });
			}
		}
		return [output];
	}
}

/**
 * A node as n8n offers it to an AI agent: n8n's CLI clones a `usableAsTool` node's type
 * (`convertNodeToAiTool` in packages/cli/src/tool-generation/ai-tools.ts) with `Tool` added to
 * its name, which makes the `@tool` display condition true (n8n-workflow's getPropertyValues:
 * `nodeTypeDescription.name.endsWith('Tool')`), and a Tool Description. The clone keeps a main
 * input and output so that WorkflowExecute can run it here; what the agent would receive is the
 * JSON of output 0 (n8n-core's tool invocation), which the tests read.
 */
export function asAiTool(nodeType: INodeType): INodeType {
	const tool = Object.create(nodeType) as INodeType;
	tool.description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		displayName: `${nodeType.description.displayName} Tool`,
		properties: [
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: nodeType.description.description,
			},
			...nodeType.description.properties,
		],
	};
	return tool;
}
