import { closestNames, unknownFieldIn } from '../../../../../nodes/shared/transport/errors';

describe('field hints', () => {
	test('the unknown field in a Workfront message', () => {
		expect(unknownFieldIn('APIModel V21_0 does not support field stauts (Project)')).toBe('stauts');
		expect(unknownFieldIn('something else')).toBeUndefined();
	});

	test('the closest known names', () => {
		const known = [
			'status',
			'statusEquatesWith',
			'name',
			'plannedCompletionDate',
			'plannedStartDate',
		];
		expect(closestNames('stauts', known)).toEqual(['status']);
		expect(closestNames('plannedCompletion', known)[0]).toBe('plannedCompletionDate');
		expect(closestNames('zzzzzz', known)).toEqual([]);
	});
});
