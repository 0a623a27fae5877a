import { parseRunOutput } from '../../../../scripts/lib/n8nInstance';

describe('reading the run that `n8n execute --rawOutput` prints', () => {
	const run = JSON.stringify({ data: { resultData: { runData: {} } }, status: 'success' }, null, 2);

	test('log lines before and after the JSON are skipped', () => {
		const stdout = [
			'n8n Task Broker ready on 127.0.0.1, port 40615',
			'{',
			'not json, a log line that is a brace',
			run,
			'Registered runner "JS Task Runner" (4ubywLQj2fxEeVOhv5TfN)',
			'',
		].join('\n');
		expect(parseRunOutput(stdout)).toEqual(JSON.parse(run));
	});

	test('no JSON at all gives undefined', () => {
		expect(parseRunOutput('Execution was not successful\n}\n')).toBeUndefined();
	});
});
