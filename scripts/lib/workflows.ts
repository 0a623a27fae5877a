import type { IDataObject } from 'n8n-workflow';

export const CREDENTIAL = { id: 'wfE2eCredential1', name: 'Workfront (simulator)' };

/** A credential a workflow refers to: n8n's type and the stored credential's id and name. */
export interface CredentialRef {
	type: string;
	id: string;
	name: string;
}

type NodeSpec = {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: IDataObject;
	/** true: the default Workfront JWT API credential (CREDENTIAL); or the one given. */
	credentials?: boolean | CredentialRef;
	/** n8n's "Execute Once" setting: run for the first input item only. */
	executeOnce?: boolean;
};

const WORKFRONT = 'n8n-nodes-workfront.workfront';

export const workfrontNode = (
	name: string,
	parameters: IDataObject,
	credential: true | CredentialRef = true,
): NodeSpec => ({
	name,
	type: WORKFRONT,
	parameters,
	credentials: credential,
});

/** A workflow that starts from a Manual Trigger and runs the given nodes one after the other. */
export function chain(id: string, name: string, nodes: NodeSpec[]): IDataObject {
	const all: NodeSpec[] = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
		...nodes,
	];
	const connections: IDataObject = {};
	for (let index = 0; index < all.length - 1; index += 1) {
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: all.map((node, index) => ({
			id: `${id}-${index}`,
			name: node.name,
			type: node.type,
			typeVersion: node.typeVersion ?? 1,
			position: [index * 220, 0],
			parameters: node.parameters,
			...(node.credentials === true ? { credentials: { workfrontJwtApi: CREDENTIAL } } : {}),
			...(typeof node.credentials === 'object'
				? {
						credentials: {
							[node.credentials.type]: { id: node.credentials.id, name: node.credentials.name },
						},
					}
				: {}),
			...(node.executeOnce ? { executeOnce: true } : {}),
		})),
	};
}

/** The JSON of the items a node output in an `n8n execute --rawOutput` run. */
export function nodeOutput(
	run: Record<string, unknown> | undefined,
	nodeName: string,
): IDataObject[] {
	const runData = (
		run?.data as {
			resultData?: {
				runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: IDataObject }>> } }>>;
			};
		}
	)?.resultData?.runData;
	return runData?.[nodeName]?.[0]?.data?.main?.[0]?.map(({ json }) => json) ?? [];
}
