import { record, WorkfrontFixture } from '../../../../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Update', () => {
	test('Update sends only the given fields', async () => {
		const project = fixture.simulator.insert('PROJ', {
			name: 'Before',
			priority: 1,
			status: 'CUR',
		});
		const [updated] = await fixture.output(
			record('update', {
				id: project.ID,
				inputMode: 'fields',
				fieldValues: { field: [{ name: 'priority', valueType: 'number', numberValue: 4 }] },
			}),
		);
		expect(updated).toMatchObject({ ID: project.ID, priority: 4, name: 'Before', status: 'CUR' });
		const request = fixture.simulator.log.find(({ effectiveMethod }) => effectiveMethod === 'PUT');
		expect(request?.path).toMatch(new RegExp(`/proj/${project.ID}$`, 'i'));
	});

	test('Update with no fields is refused', async () => {
		const project = fixture.simulator.insert('PROJ', { name: 'Before' });
		const result = await fixture.run(record('update', { id: project.ID, fieldValues: {} }));
		expect(result.error?.message).toBe('Nothing to update: no fields are given');
	});
});
