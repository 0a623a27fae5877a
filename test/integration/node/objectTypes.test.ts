import { WorkfrontFixture } from '../../support/workfrontNode';

let fixture: WorkfrontFixture;

beforeEach(async () => {
	fixture = await WorkfrontFixture.start();
});

afterEach(async () => fixture.close());

describe('Other object types', () => {
	test('any object code typed in works with every operation', async () => {
		const template = fixture.simulator.insert('TMPL', { name: 'T' });
		const created = await fixture.output({
			resource: 'record',
			operation: 'create',
			objectType: '__other',
			objectCode: 'ttsk',
			inputMode: 'json',
			fieldsJson: JSON.stringify({ name: 'Template task', templateID: template.ID }),
		});
		expect(created[0]).toMatchObject({ objCode: 'TTSK', name: 'Template task' });
		const result = await fixture.run({
			resource: 'record',
			operation: 'get',
			objectType: '__other',
			objectCode: 'not a code',
			id: 'x',
		});
		expect(result.error?.message).toBe('Object Code "not a code" is not a Workfront object code');
	});

	test("an unknown object code gives Workfront's message", async () => {
		const result = await fixture.run({
			resource: 'record',
			operation: 'getMany',
			objectType: '__other',
			objectCode: 'NOPE',
			returnAll: true,
		});
		expect(result.error?.message).toBe('Workfront: Unknown object type: NOPE');
	});
});
