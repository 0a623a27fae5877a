import { networkCode } from '../../../../../nodes/shared/core/networkFailures';

describe('reading what n8n kept of a network error', () => {
	test.each([
		[{ code: 'ECONNRESET' }, 'ECONNRESET'],
		[{ cause: { code: 'ETIMEDOUT' } }, 'ETIMEDOUT'],
		[
			{
				message: 'The connection to the server was closed unexpectedly',
				messages: ['socket hang up'],
			},
			'ECONNRESET',
		],
		[{ message: 'x', messages: ['connect ECONNREFUSED 127.0.0.1:9'] }, 'ECONNREFUSED'],
		[{ message: 'timeout of 200ms exceeded' }, 'ETIMEDOUT'],
		[{ message: 'Workfront did not accept the Client ID or Client Secret.' }, undefined],
	])('%p', (error, code) => {
		expect(networkCode(error)).toBe(code);
	});
});
