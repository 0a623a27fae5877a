import {
	asObject,
	dataOf,
	firstText,
	parseBody,
	readErrorBody,
	reportsError,
	singleRecord,
} from '../../../../../nodes/shared/core/answers';

describe('parseBody: JSON text or bytes, anything else as it came', () => {
	test.each([
		['JSON text', '{"data":{"ID":"x"}}', { data: { ID: 'x' } }],
		['JSON bytes', Buffer.from('[1,2]'), [1, 2]],
		['a JSON number', '42', 42],
	])('%s is parsed', (_name, body, parsed) => {
		expect(parseBody(body)).toEqual(parsed);
	});

	test('text that is not JSON, and values that are not text, are kept as they are', () => {
		expect(parseBody('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
		const bytes = Buffer.from('not json');
		expect(parseBody(bytes)).toBe(bytes);
		const object = { data: 1 };
		expect(parseBody(object)).toBe(object);
		expect(parseBody(undefined)).toBeUndefined();
	});
});

test('asObject: only a JSON object is one', () => {
	expect(asObject({ a: 1 })).toEqual({ a: 1 });
	for (const value of [null, undefined, [], 'text', 3, true])
		expect(asObject(value)).toBeUndefined();
});

describe('reportsError: a non-empty error fails, even on HTTP 200', () => {
	test.each([
		[{ error: { class: 'x', message: 'No' } }, true],
		[{ error: 'invalid_client' }, true],
		[{ error: true }, true],
		[{ error: ['x'] }, true],
		[{ error: null }, false],
		[{ error: '' }, false],
		[{ error: {} }, false],
		[{ error: false }, false],
		[{ data: { ID: 'x' } }, false],
		['error', false],
		[[{ error: 'x' }], false],
	])('%j: %s', (body, expected) => {
		expect(reportsError(body)).toBe(expected);
	});
});

test('firstText: the first non-empty text among the keys, trimmed', () => {
	const source = { a: '  ', b: 7, c: ' words ', d: 'later' };
	expect(firstText(source, ['a', 'b', 'c', 'd'])).toBe('words');
	expect(firstText(source, ['a', 'b'])).toBeUndefined();
	expect(firstText('not an object', ['a'])).toBeUndefined();
});

describe("readErrorBody: an answer's error class and words", () => {
	test("Workfront's own shape", () => {
		expect(
			readErrorBody({
				error: { class: 'com.attask.common.AuthenticationException', message: 'Bad token' },
			}),
		).toEqual({ class: 'com.attask.common.AuthenticationException', message: 'Bad token' });
	});

	test('OAuth and Adobe IMS spellings, the top-level words first', () => {
		expect(readErrorBody({ error: 'invalid_client', error_description: 'Wrong secret' })).toEqual({
			class: undefined,
			message: 'Wrong secret',
		});
		expect(readErrorBody({ error: 'invalid_grant' })).toEqual({
			class: undefined,
			message: 'invalid_grant',
		});
		expect(readErrorBody({ title: 'Not found', error: { message: 'inner' } })?.message).toBe(
			'Not found',
		);
	});

	test('nothing to read: undefined', () => {
		expect(readErrorBody({ error: {} })).toBeUndefined();
		expect(readErrorBody({ data: [] })).toBeUndefined();
		expect(readErrorBody('<html></html>')).toBeUndefined();
	});
});

test('dataOf: the data of an API answer, or the answer itself', () => {
	expect(dataOf({ data: [{ ID: 'a' }] })).toEqual([{ ID: 'a' }]);
	expect(dataOf({ data: null })).toBeNull();
	expect(dataOf({ count: 2 })).toEqual({ count: 2 });
	expect(dataOf('text')).toBe('text');
});

test('singleRecord: an object, or the first of a one-element list; anything else is empty', () => {
	expect(singleRecord({ ID: 'a' })).toEqual({ ID: 'a' });
	expect(singleRecord([{ ID: 'b' }])).toEqual({ ID: 'b' });
	expect(singleRecord([])).toEqual({});
	expect(singleRecord(null)).toEqual({});
	expect(singleRecord('x')).toEqual({});
});
