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

describe('download through n8n binary data', () => {
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
});

describe('errors', () => {
	test('a document that does not exist', async () => {
		const result = await fixture.run(download('ffffffffffffffffffffffffffffffff'));
		expect(result.error?.message).toMatch(/was not found/);
	});
});
