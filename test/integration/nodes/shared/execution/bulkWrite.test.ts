import { sendBulkWrite } from '../../../../../nodes/shared/execution/bulkWrite';
import { workfrontExecuteContext } from '../../../../harness/executeContext';
import { freshFixturePerTest, record } from '../../../../support/workfrontNode';

/**
 * One bulk create or edit, called directly in n8n-core's execution context against the simulator.
 * Batches, retries and Continue On Fail around it are in test/integration/node/throughput.test.ts;
 * here, the request it makes and what each answer becomes.
 */
const fixture = freshFixturePerTest();
const context = () =>
	workfrontExecuteContext({ parameters: record('create'), helper: fixture().helper });
const lastRequest = () => fixture().simulator.log.at(-1);

test('non-atomic: one request, one saved record per object, in order', async () => {
	const saved = await sendBulkWrite(context(), {
		method: 'POST',
		objCode: 'PROJ',
		fields: [['fields', 'name']],
		bodies: [{ name: 'A' }, { name: 'B' }],
		atomic: false,
		itemIndex: 0,
	});
	expect(saved.map(({ name }) => name)).toEqual(['A', 'B']);
	expect(saved.every(({ ID }) => typeof ID === 'string')).toBe(true);
	expect(fixture().simulator.state.store.all('PROJ')).toHaveLength(2);
	expect(lastRequest()).toMatchObject({ method: 'POST', path: '/attask/api/v21.0/PROJ' });
	expect(new URLSearchParams(lastRequest()?.query).get('atomic')).toBeNull();
});

test('atomic: atomic=true is asked, and each result is what was sent, marked successful', async () => {
	const saved = await sendBulkWrite(context(), {
		method: 'POST',
		objCode: 'PROJ',
		fields: [],
		bodies: [{ name: 'A' }, { name: 'B' }],
		atomic: true,
		itemIndex: 0,
	});
	expect(saved).toEqual([
		{ success: true, objCode: 'PROJ', name: 'A' },
		{ success: true, objCode: 'PROJ', name: 'B' },
	]);
	expect(new URLSearchParams(lastRequest()?.query).get('atomic')).toBe('true');
	expect(fixture().simulator.state.store.all('PROJ')).toHaveLength(2);
});

test('edits go as PUT to the object type', async () => {
	const project = fixture().simulator.insert('PROJ', { name: 'Old' });
	const [saved] = await sendBulkWrite(context(), {
		method: 'PUT',
		objCode: 'PROJ',
		fields: [],
		bodies: [{ ID: project.ID, name: 'New' }],
		atomic: false,
		itemIndex: 0,
	});
	expect(saved).toMatchObject({ ID: project.ID, name: 'New' });
	expect(lastRequest()?.method).toBe('PUT');
});

test('an answer without one record per object: the outcome of each item is unknown, and said so', async () => {
	fixture().simulator.injectFault({
		times: 1,
		path: /\/PROJ$/,
		method: 'POST',
		status: 200,
		body: { data: [{ ID: 'only-one' }] },
	});
	const error = await sendBulkWrite(context(), {
		method: 'POST',
		objCode: 'PROJ',
		fields: [],
		bodies: [{ name: 'A' }, { name: 'B' }],
		atomic: false,
		itemIndex: 0,
	}).then(
		() => undefined,
		(thrown: unknown) => thrown as Error & { description?: string },
	);
	expect(error?.message).toBe('Workfront answered a bulk request of 2 with 1 records');
	expect(error?.description).toMatch(/^The outcome of each item is unknown/);
});
