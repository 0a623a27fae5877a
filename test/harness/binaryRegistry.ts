/**
 * Files handed to a test workflow's source node by key: a workflow parameter holding megabytes of
 * base64 would be copied by n8n at every read.
 */
export const testFiles = new Map<string, Buffer>();

export interface BinaryInput {
	key: string;
	fileName: string;
	mimeType: string;
}
