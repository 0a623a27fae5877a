import { serialiseArgument } from '../../../../../../nodes/Workfront/actions/record/argumentValue';

class Refused extends Error {
	constructor(
		message: string,
		readonly help: string,
	) {
		super(message);
	}
}
const fail = (message: string, help: string): never => {
	throw new Refused(message, help);
};
const send = (type: string, value: unknown) =>
	serialiseArgument('Argument', type, value, fail, 'The help');

function refusal(type: string, value: unknown): Refused {
	try {
		send(type, value);
	} catch (error) {
		expect(error).toBeInstanceOf(Refused);
		return error as Refused;
	}
	throw new Error('the value was accepted');
}

test.each([
	['string[]', ['a', 'b'], '["a","b"]'],
	['string[]', ' a, b ,, c ', '["a","b","c"]'],
	['string[]', ' ["a", 1] ', '["a",1]'],
	['Task', '{"name":"x"}', '{"name":"x"}'],
	['Task', { name: 'x' }, '{"name":"x"}'],
	['boolean', ' TRUE ', 'true'],
	['boolean', false, 'false'],
	['integer', '12', '12'],
	['number', 3.5, '3.5'],
	['string', 'as typed ', 'as typed '],
	['string', 7, '7'],
])('%s %p is sent as %s', (type, value, sent) => {
	expect(send(type, value)).toBe(sent);
});

test.each([
	['string[]', '[1', 'Argument is not a list', /^Enter values separated by commas/],
	['Task', '{', 'Argument is not valid JSON', /^The help\.$/],
	['Task', '[1]', 'Argument must be a JSON object', /^Workfront reads it as a Task\./],
	['boolean', 'maybe', 'Argument must be true or false', /^Got "maybe"\. The help$/],
	['integer', 'twelve', 'Argument must be a number', /^Got "twelve"\./],
])('%s %p is refused: %s', (type, value, message, help) => {
	const error = refusal(type, value);
	expect(error.message).toBe(message);
	expect(error.help).toMatch(help);
});
