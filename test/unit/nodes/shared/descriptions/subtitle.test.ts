import type { INodeProperties } from 'n8n-workflow';

import {
	nameOf,
	OBJECT_TYPE_NAMES,
	objectTypeName,
	optionNames,
} from '../../../../../nodes/shared/descriptions/subtitle';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	default: 'get',
	options: [
		{ name: 'Get', value: 'get' },
		{ name: 'Get Many', value: 'getMany' },
	],
};

test('optionNames: value to name of the options parameters with that name', () => {
	expect(optionNames([operation], 'operation')).toEqual({ get: 'Get', getMany: 'Get Many' });
	expect(optionNames([operation], 'resource')).toEqual({});
});

test('nameOf: the name when the value is listed, the value itself otherwise', () => {
	const expression = nameOf('$parameter["operation"]', { getMany: 'Get Many' });
	// The same evaluation n8n's expression gives, with $parameter in scope.
	const evaluate = (parameter: Record<string, string>) =>
		new Function('$parameter', `return ${expression};`)(parameter) as string;
	expect(evaluate({ operation: 'getMany' })).toBe('Get Many');
	expect(evaluate({ operation: 'archive' })).toBe('archive');
	expect(expression).not.toContain('}}');
});

test('objectTypeName: the label of a listed type, the typed code for Other', () => {
	const evaluate = (parameter: Record<string, string>) =>
		new Function('$parameter', `return ${objectTypeName};`)(parameter) as string;
	expect(OBJECT_TYPE_NAMES.PROJ).toBe('Project');
	expect(evaluate({ objectType: 'PROJ' })).toBe('Project');
	expect(evaluate({ objectType: '__other', objectCode: 'BLIN' })).toBe('BLIN');
});
