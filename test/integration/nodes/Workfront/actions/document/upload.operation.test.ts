import { randomBytes } from 'node:crypto';

import {
	bytesOf,
	download,
	fileItem,
	uploadParameters,
} from '../../../../../support/documentItems';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let projectId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	projectId = fixture.simulator.insert('PROJ', { name: 'Launch' }).ID;
});

afterEach(async () => fixture.close());

const store = () => fixture.simulator.state.store;
const upload = (extra: Record<string, unknown> = {}) => uploadParameters(projectId, extra);

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
