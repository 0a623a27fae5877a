import {
	API_VERSIONS,
	DEFAULT_API_VERSION,
	normaliseApiVersion,
} from '../../../../../nodes/shared/core/apiVersions';
import { WorkfrontCredentialError } from '../../../../../nodes/shared/core/errors';

test('the default is the newest version listed', () => {
	expect(DEFAULT_API_VERSION).toBe(API_VERSIONS[0].value);
	const numbers = API_VERSIONS.map(({ value }) => Number(value.slice(1)));
	expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
});

test.each([
	['v21.0', 'v21.0'],
	['21.0', 'v21.0'],
	['v21', 'v21.0'],
	[' 21 ', 'v21.0'],
	[21, 'v21.0'],
	['', DEFAULT_API_VERSION],
	[undefined, DEFAULT_API_VERSION],
])('%p is %s', (value, expected) => {
	expect(normaliseApiVersion(value)).toBe(expected);
});

test.each(['v21.5', 'latest', '2.1', 'v021.0'])('%p is not an API version', (value) => {
	expect(() => normaliseApiVersion(value)).toThrow(WorkfrontCredentialError);
	expect(() => normaliseApiVersion(value)).toThrow(`API Version "${value}" is not`);
});

test('a version Adobe no longer supports is refused', () => {
	expect(() => normaliseApiVersion('v15.0')).toThrow(/past Adobe's support window/);
	expect(normaliseApiVersion('v17')).toBe('v17.0');
});
