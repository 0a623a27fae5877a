// Work that no answer can make unbounded: a field hint costs at most one extra request, and a
// download that never ends, or is larger than any document, stops with a clear error and bounded
// memory. Run through n8n-core against the simulator, with a hostile server in front of it where
// a test needs an answer Workfront would never give.
import { testFiles } from '../harness/binaryRegistry';
import { HostileFront } from '../support/hostileFront';
import { updateCredential } from '../support/hostileSetup';
import { record, WorkfrontFixture } from '../support/workfrontNode';

let fixture: WorkfrontFixture;
let front: HostileFront;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	front = await HostileFront.start(fixture.simulator.origin);
	updateCredential(fixture, { url: front.origin, requestTimeout: 1 });
});

afterEach(async () => {
	await front.close();
	await fixture.close();
});

const MB = 1024 * 1024;

async function uploadedDocument(bytes = Buffer.from('The brief.\n')): Promise<string> {
	const projectId = fixture.simulator.insert('PROJ', { name: 'Launch' }).ID;
	testFiles.set('bounded-brief', bytes);
	const [document] = await fixture.output(
		{
			resource: 'document',
			operation: 'upload',
			objectType: 'PROJ',
			objectId: projectId,
			binaryPropertyName: 'data',
		},
		[
			{
				$binary: { data: { key: 'bounded-brief', fileName: 'brief.txt', mimeType: 'text/plain' } },
			},
		],
	);
	return String(document.ID);
}

const download = (documentId: string, options: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'download',
	documentId,
	options,
});

const isDownload = (url: string | undefined) => /\/internal\/document\/download/.test(url ?? '');

describe('a field hint costs at most one extra request', () => {
	test('an answer that says "does not support field" to the metadata read too is asked once, not for ever', async () => {
		const unknownField = {
			error: {
				class: 'com.attask.common.InvalidParameterException',
				message: 'PROJ does not support field sttaus',
			},
		};
		// Every request answers the same, the metadata read behind the hint included.
		fixture.simulator.failNext(1000, 422, { body: unknownField, path: /^\/attask\/api\// });
		const before = fixture.simulator.counters.requests;
		const result = await fixture.run(record('getMany', { options: { fields: 'sttaus' } }));
		const requests = fixture.simulator.counters.requests - before;
		process.stdout.write(`unknown field answered to everything: ${requests} requests in all\n`);
		expect(result.error?.message).toBe('Workfront: PROJ does not support field sttaus');
		// The search, then one metadata read for the hint: never a hint for the hint.
		expect(fixture.apiCalls().filter((call) => call.endsWith('/metadata'))).toHaveLength(1);
		expect(requests).toBeLessThanOrEqual(3);
	});

	test('a metadata read for a hint is not retried: a 429 to it costs one request and the hint is left out', async () => {
		fixture.simulator.failNext(1, 422, {
			path: /\/proj\/search$/i,
			body: {
				error: {
					class: 'com.attask.common.InvalidParameterException',
					message: 'PROJ does not support field sttaus',
				},
			},
		});
		fixture.simulator.failNext(50, 429, { path: /\/metadata$/i });
		const result = await fixture.run(record('getMany', { options: { fields: 'sttaus' } }));
		expect(result.error?.message).toBe('Workfront: PROJ does not support field sttaus');
		expect(fixture.apiCalls().filter((call) => call.endsWith('/metadata'))).toHaveLength(1);
	});
});

describe('a download is bounded in bytes and in time', () => {
	test('a body that never ends stops at Max File Size, with a clear error, and its connection is closed', async () => {
		const documentId = await uploadedDocument();
		front.takeOver((request, response) => {
			if (!isDownload(request.url)) return false;
			front.stream(response, Buffer.alloc(64 * 1024, 7), 0);
			return true;
		});
		const result = await fixture.run(download(documentId, { maxFileSizeMb: 1 }));
		process.stdout.write(
			`endless download: ${Math.round(front.bytesWritten / MB)} MB written by the server in all\n`,
		);
		expect(result.items).toBeUndefined();
		expect(result.error?.message).toMatch(/larger than 1 MB/);
		expect(result.error?.description).toMatch(/Max File Size/);
		// The client stopped reading at the bound: socket buffers aside, nothing more was taken in.
		expect(front.bytesWritten).toBeLessThan(16 * MB);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(front.openAnswers()).toBe(0);
	});

	test('a declared Content-Length above Max File Size stops before the body is read', async () => {
		const documentId = await uploadedDocument();
		front.takeOver((request, response) => {
			if (!isDownload(request.url)) return false;
			front.stream(response, Buffer.alloc(64 * 1024, 1), 50, {
				'content-length': String(5 * 1024 * MB),
			});
			return true;
		});
		const result = await fixture.run(download(documentId, { maxFileSizeMb: 1 }));
		expect(result.error?.message).toMatch(/larger than 1 MB/);
		// Headers arrive with the first bytes; at most a few chunks were ever written.
		expect(front.bytesWritten).toBeLessThan(2 * MB);
	});

	test('a body that trickles for ever ends at the download deadline with a clear error', async () => {
		const documentId = await uploadedDocument();
		front.takeOver((request, response) => {
			if (!isDownload(request.url)) return false;
			front.stream(response, Buffer.from('x'), 100);
			return true;
		});
		const result = await fixture.run(download(documentId));
		expect(result.error?.message).toMatch(/did not answer in time/);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(front.openAnswers()).toBe(0);
	});

	test('a document whose declared size is above Max File Size is not downloaded at all', async () => {
		const documentId = await uploadedDocument(Buffer.alloc(2 * MB, 3));
		const result = await fixture.run(download(documentId, { maxFileSizeMb: 1 }));
		expect(result.error?.message).toBe(
			'The document is 2 MB, more than Max File Size (1 MB); nothing was downloaded',
		);
		expect(fixture.simulator.log.filter(({ path }) => isDownload(path))).toHaveLength(0);
	});
});
