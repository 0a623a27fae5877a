import { randomBytes } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import { testFiles } from '../../harness/binaryRegistry';
import { WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;
let projectId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	projectId = fixture.simulator.insert('PROJ', { name: 'Launch' }).ID;
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;

function fileItem(key: string, data: Buffer, fileName: string, mimeType: string) {
	testFiles.set(key, data);
	return { $binary: { data: { key, fileName, mimeType } } };
}

const upload = (extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'upload',
	objectType: 'PROJ',
	objectId: projectId,
	binaryPropertyName: 'data',
	...extra,
});

const download = (documentId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'download',
	documentId,
	...extra,
});

function bytesOf(item: INodeExecutionData | undefined, field = 'data'): Buffer {
	const binary = item?.binary?.[field];
	if (!binary) throw new Error(`No binary field ${field}`);
	return Buffer.from(binary.data, 'base64');
}

describe('upload, then download through n8n binary data', () => {
	test.each([
		['a text file', Buffer.from('Brief: launch in May.\nOwner: Ada\n'), 'brief.txt', 'text/plain'],
		['a binary file', randomBytes(256 * 1024), 'logo.png', 'image/png'],
		['a 50 MB file', randomBytes(50 * 1024 * 1024), 'footage.mp4', 'video/mp4'],
	])(
		'%s comes back byte-identical, with its name and type',
		async (_name, data, fileName, mimeType) => {
			const [document] = await fixture.output(upload(), [
				fileItem(fileName, data, fileName, mimeType),
			]);
			expect(document).toMatchObject({
				objCode: 'DOCU',
				name: fileName,
				docObjCode: 'PROJ',
				objID: projectId,
			});
			const result = await fixture.run(download(String(document.ID)));
			expect(result.error).toBeUndefined();
			const item = result.items?.[0];
			expect(item?.binary?.data).toMatchObject({ fileName, mimeType });
			expect(bytesOf(item).equals(data)).toBe(true);
			expect(item?.json).toMatchObject({
				ID: document.ID,
				currentVersion: expect.objectContaining({ fileName, docSize: data.length }),
			});
		},
	);

	test('the upload is multipart, with the file in uploadedFile, then a Document is created from the handle', async () => {
		await fixture.output(
			upload({ options: { documentName: 'Project brief', description: 'For the kickoff' } }),
			[fileItem('brief', Buffer.from('x'), 'brief.txt', 'text/plain')],
		);
		const calls = fixture.apiCalls().filter((call) => call.startsWith('POST'));
		expect(calls).toEqual(['POST upload', 'POST docu']);
		const [document] = store().all('DOCU');
		expect(document).toMatchObject({
			name: 'Project brief',
			description: 'For the kickoff',
			projectID: projectId,
		});
	});

	test('a new version, then the latest and a given version download', async () => {
		const [document] = await fixture.output(upload(), [
			fileItem('v1', Buffer.from('version one'), 'plan.txt', 'text/plain'),
		]);
		const [version] = await fixture.output(
			{
				resource: 'document',
				operation: 'upload',
				uploadAs: 'newVersion',
				documentId: String(document.ID),
				binaryPropertyName: 'data',
			},
			[fileItem('v2', Buffer.from('version two'), 'plan-v2.txt', 'text/plain')],
		);
		expect(version).toMatchObject({ objCode: 'DOCV', documentID: document.ID, version: '2' });
		const latest = await fixture.run(download(String(document.ID)));
		expect(bytesOf(latest.items?.[0]).toString()).toBe('version two');
		const firstVersion = store()
			.all('DOCV')
			.find(({ version: number }) => number === '1');
		const older = await fixture.run(download(String(document.ID), { versionId: firstVersion?.ID }));
		expect(bytesOf(older.items?.[0]).toString()).toBe('version one');
		expect(older.items?.[0]?.binary?.data.fileName).toBe('plan.txt');
	});

	// The test credential speaks v21.0, where the simulator requires DOCV version (adobeFacts).
	test('a new version sends its version, which Workfront requires before v22', async () => {
		const [document] = await fixture.output(upload(), [
			fileItem('v1', Buffer.from('one'), 'a.txt', 'text/plain'),
		]);
		const [labelled] = await fixture.output(
			{
				resource: 'document',
				operation: 'upload',
				uploadAs: 'newVersion',
				documentId: String(document.ID),
				versionLabel: 'v1.1',
				binaryPropertyName: 'data',
			},
			[fileItem('v2', Buffer.from('two'), 'a.txt', 'text/plain')],
		);
		expect(labelled).toMatchObject({ objCode: 'DOCV', version: 'v1.1' });
	});

	test('metadata only, and into another binary field', async () => {
		const [document] = await fixture.output(upload(), [
			fileItem('m', Buffer.from('m'), 'm.txt', 'text/plain'),
		]);
		const metadataOnly = await fixture.run(
			download(String(document.ID), { options: { metadataOnly: true } }),
		);
		expect(metadataOnly.items?.[0]?.binary).toBeUndefined();
		expect(metadataOnly.json[0]).toMatchObject({
			downloadURL: expect.stringContaining('/internal/document/download'),
		});
		const other = await fixture.run(
			download(String(document.ID), { options: { binaryPropertyName: 'brief' } }),
		);
		expect(bytesOf(other.items?.[0], 'brief').toString()).toBe('m');
	});

	test('Get Many lists the documents of a record', async () => {
		await fixture.output(upload(), [
			fileItem('a', Buffer.from('a'), 'a.txt', 'text/plain'),
			fileItem('b', Buffer.from('b'), 'b.txt', 'text/plain'),
		]);
		const other = fixture.simulator.insert('PROJ', { name: 'Other' });
		await fixture.output(upload({ objectId: other.ID }), [
			fileItem('c', Buffer.from('c'), 'c.txt', 'text/plain'),
		]);
		const listed = await fixture.output({
			resource: 'document',
			operation: 'getMany',
			objectType: 'PROJ',
			objectId: projectId,
			returnAll: true,
		});
		expect(listed.map(({ name }) => name).sort()).toEqual(['a.txt', 'b.txt']);
	});
});

describe('errors', () => {
	test('a missing binary field names the field and what the item has', async () => {
		const result = await fixture.run(upload({ binaryPropertyName: 'file' }), [
			fileItem('x', Buffer.from('x'), 'x.txt', 'text/plain'),
		]);
		expect(result.error?.message).toBe('Item 1 has no binary field "file"');
		expect(result.error?.description).toMatch(/Its binary fields are: data/);
		const bare = await fixture.run(upload(), [{ name: 'no file' }]);
		expect(bare.error?.description).toMatch(/no binary data at all/);
	});

	test('an upload whose document cannot be created says so and names the handle', async () => {
		const result = await fixture.run(upload({ objectId: 'ffffffffffffffffffffffffffffffff' }), [
			fileItem('y', Buffer.from('y'), 'y.txt', 'text/plain'),
		]);
		expect(result.error?.message).toMatch(
			/^The file was uploaded to Workfront \(handle [0-9a-f]{32}\) but the document was not created: Workfront: Project with ID f+ was not found/,
		);
		expect(store().count('DOCU')).toBe(0);
	});

	test('a document that does not exist', async () => {
		const result = await fixture.run(download('ffffffffffffffffffffffffffffffff'));
		expect(result.error?.message).toMatch(/was not found/);
	});
});

describe('a MIME type that is not one header value', () => {
	test.each(['text/plain\r\n\r\n;junk', 'text/plain\n;a', 'text/plain\r\nX-Injected: 1'])(
		'%j is refused, naming it, and nothing is uploaded',
		async (mimeType) => {
			const result = await fixture.run(upload(), [
				fileItem('bad-type', Buffer.from('REAL FILE'), 'a.txt', mimeType),
			]);
			expect(result.error?.message).toMatch(/^The file's MIME type is not one: /);
			expect(String(result.error?.description)).toMatch(/type\/subtype/);
			expect(fixture.apiCalls().filter((call) => call.startsWith('POST'))).toEqual([]);
		},
	);
});
