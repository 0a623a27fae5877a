import type { INode } from 'n8n-workflow';

import { toPlanningApiError } from '../../../../../nodes/shared/transport/planningErrors';

const node = {
	id: 'n',
	name: 'Workfront',
	type: 'workfront',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

describe("Planning's problem details become n8n errors with a hint", () => {
	test('detail, errorCode, field errors, hint and requestId', () => {
		const error = toPlanningApiError(node, {
			status: 400,
			body: {
				title: 'Bad Request',
				status: 400,
				detail: 'Validation failed',
				errorCode: 'VALIDATION_FAILED',
				requestId: 'req-9',
				errors: [{ field: 'name', message: 'can not be blank', code: 'NotBlank' }],
			},
			itemIndex: 2,
		});
		expect(error.message).toBe('Workfront Planning: Validation failed');
		expect(error.description).toBe(
			'VALIDATION_FAILED (HTTP 400). name: can not be blank (NotBlank). Workfront Planning found the request invalid; the field errors above say what to change. Request ID req-9 (quote it to Adobe support).',
		);
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
	});

	test('the errorCode decides the hint before the status (quotas are 403s)', () => {
		const error = toPlanningApiError(node, {
			status: 403,
			body: {
				title: 'Forbidden',
				detail: 'Limit',
				errorCode: 'RECORD_TYPE_RECORD_LIMIT_EXCEEDED',
				requestId: 'r',
				status: 403,
			},
		});
		expect(error.description).toContain('at most 25,000 records per record type');
		const access = toPlanningApiError(node, {
			status: 403,
			body: {
				title: 'Forbidden',
				detail: 'No',
				errorCode: 'FORBIDDEN',
				requestId: 'r',
				status: 403,
			},
		});
		expect(access.description).toContain('technical account lacks access');
	});

	test('an answer that is no problem detail still names its status', () => {
		const error = toPlanningApiError(node, { status: 502, body: '<html>Bad gateway</html>' });
		expect(error.message).toBe(
			'Workfront Planning: Workfront Planning answered HTTP 502 without an error message',
		);
		expect(error.description).toContain('HTTP 502.');
	});
});
