import { fileItem, uploadParameters } from '../../../../../support/documentItems';
import { WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;
let projectId: string;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
	projectId = fixture.simulator.insert('PROJ', { name: 'Launch' }).ID;
});

afterEach(async () => fixture.close());
const upload = (extra: Record<string, unknown> = {}) => uploadParameters(projectId, extra);

describe('Get Many', () => {
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
