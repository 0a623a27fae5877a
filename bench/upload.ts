/* eslint-disable no-console -- a benchmark reports on the console */
import './env';

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import FormData from 'form-data';
import type { INodeParameters } from 'n8n-workflow';

import { multipartFile } from '../nodes/shared/transport/multipart';
import { testFiles } from '../test/harness/binaryRegistry';
import { createExecuteContext } from '../test/harness/executeContext';
import { CREDENTIAL_ID, createHelper, runNode } from '../test/harness/runWorkflow';
import { SimulatorProcess } from '../test/simulator/remote';
import { record } from '../test/support/workfrontNode';

/**
 * Memory of a large upload. Each way of sending runs in a fresh Node.js process, whose peak
 * resident memory (maxRSS) is compared with its memory once the file is in it: what the upload
 * itself costs, as a multiple of the file. The simulator runs in its own process, so its copy of
 * the file is not counted.
 * - the Workfront node's Upload, whole: n8n's binary data (here in memory, as base64) read into a
 *   Buffer, then the multipart body written by the package (the file copied once);
 * - that multipart body alone, sent through n8n-core's httpRequestWithAuthentication;
 * - the same file as form-data streams it, through n8n-core's httpRequestWithAuthentication, as the
 *   package sent it while form-data was a runtime dependency (the baseline).
 */
const MEGABYTES = Number(process.env.UPLOAD_MB ?? 50);
const mode = process.argv[2];

async function child(simulatorOrigin: string, credentialsJson: string, way: string) {
	const credentials = JSON.parse(credentialsJson) as Record<string, string>;
	const helper = createHelper(credentials);
	const data = randomBytes(MEGABYTES * 1024 * 1024);
	testFiles.set('file', data);
	const project = await runNode(helper, {
		parameters: record('create', {
			inputMode: 'fields',
			fieldValues: { field: [{ name: 'name', valueType: 'string', stringValue: 'Uploads' }] },
		}) as INodeParameters,
	});
	global.gc?.();
	const before = process.memoryUsage().rss;
	if (way === 'node') {
		const result = await runNode(helper, {
			parameters: {
				resource: 'document',
				operation: 'upload',
				objectType: 'PROJ',
				objectId: String(project.json[0]?.ID),
				binaryPropertyName: 'data',
			} as INodeParameters,
			input: [
				{
					$binary: {
						data: { key: 'file', fileName: 'big.bin', mimeType: 'application/octet-stream' },
					},
				},
			],
		});
		if (result.error) throw new Error(result.error.message);
	} else if (way === 'body') {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const body = multipartFile({
			field: 'uploadedFile',
			fileName: 'big.bin',
			mimeType: 'application/octet-stream',
			data,
		});
		if (!body) throw new Error('no boundary');
		await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
			method: 'POST',
			url: `${simulatorOrigin}/attask/api/v21.0/upload`,
			body: body.body,
			headers: { 'Content-Type': body.contentType },
		});
	} else {
		const context = createExecuteContext(helper, CREDENTIAL_ID);
		const form = new FormData();
		form.append('uploadedFile', data, { filename: 'big.bin', knownLength: data.length });
		await context.helpers.httpRequestWithAuthentication.call(context, 'workfrontJwtApi', {
			method: 'POST',
			url: `${simulatorOrigin}/attask/api/v21.0/upload`,
			body: form,
			headers: form.getHeaders(),
		});
	}
	const peak = process.resourceUsage().maxRSS * 1024;
	// n8n-core's keep-alive agents would hold the process open.
	process.stdout.write(`\nRESULT ${JSON.stringify({ before, peak })}\n`, () => process.exit(0));
}

async function main() {
	const simulator = await SimulatorProcess.start();
	try {
		const run = (way: string) =>
			JSON.parse(
				/RESULT (.+)/.exec(
					execFileSync(
						process.execPath,
						[
							'--expose-gc',
							__filename,
							'child',
							simulator.origin,
							JSON.stringify(simulator.credentials),
							way,
						],
						{ encoding: 'utf8', maxBuffer: 1024 * 1024 },
					),
				)?.[1] ?? 'null',
			) as { before: number; peak: number };
		const file = MEGABYTES * 1024 * 1024;
		console.log(
			`Uploading a ${MEGABYTES} MB file: peak memory above the process's memory with the file in it`,
		);
		for (const [way, name] of [
			['node', "the Workfront node's Upload, whole (n8n's binary data too)"],
			['body', "the package's multipart body, sent by n8n-core"],
			['form-data', 'form-data streamed by n8n-core (as before)'],
		]) {
			const { before, peak } = run(way);
			const extra = Math.max(0, peak - before);
			console.log(
				`  ${name.padEnd(58)} +${(extra / 1024 / 1024).toFixed(0).padStart(4)} MB  ${(extra / file).toFixed(2)}x the file`,
			);
		}
	} finally {
		await simulator.stop();
	}
}

if (mode === 'child') {
	child(process.argv[3], process.argv[4], process.argv[5]).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
