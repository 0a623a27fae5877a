import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/** An error as n8n shows a node's errors; n8n's own node errors pass through unchanged. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
