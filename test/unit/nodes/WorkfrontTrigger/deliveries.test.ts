import { eventOutput, readEvent } from '../../../../nodes/WorkfrontTrigger/deliveries';

describe('the item a Workfront event starts the workflow with', () => {
	const update = readEvent({
		eventType: 'UPDATE',
		eventTime: { epochSecond: 1_780_000_000, nano: 5_000_000 },
		newState: { ID: 'p1', objCode: 'PROJ', status: 'CUR', parameterValues: { 'DE:Tier': 'B' } },
		oldState: { ID: 'p1', objCode: 'PROJ', status: 'PLN', parameterValues: { 'DE:Tier': 'B' } },
	});
	const deletion = readEvent({
		eventType: 'DELETE',
		newState: {},
		oldState: { ID: 'p2', name: 'Gone' },
	});

	test('changes: both states, the changed fields and the event time', () => {
		expect(eventOutput(update, 'changes', { objCode: 'PROJ' })).toEqual({
			eventType: 'UPDATE',
			objCode: 'PROJ',
			ID: 'p1',
			eventTime: new Date(1_780_000_000_005).toISOString(),
			changedFields: ['status'],
			newState: update.newState,
			oldState: update.oldState,
		});
	});

	test('a deletion names the deleted record and the subscribed object type', () => {
		expect(eventOutput(deletion, 'changes', { objCode: 'PROJ' })).toMatchObject({
			objCode: 'PROJ',
			ID: 'p2',
		});
		expect(eventOutput(deletion, 'newState', { objCode: 'PROJ' })).toEqual({
			ID: 'p2',
			name: 'Gone',
		});
	});

	test('whole event: as delivered', () => {
		expect(eventOutput(update, 'event', { objCode: 'PROJ' })).toBe(update.raw);
	});
});
