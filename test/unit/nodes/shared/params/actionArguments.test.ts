import {
	argumentFieldType,
	argumentKind,
} from '../../../../../nodes/shared/params/actionArguments';

test.each([
	['string', 'text', 'string'],
	['Date', 'text', 'string'],
	['', 'text', 'string'],
	['boolean', 'boolean', 'boolean'],
	['java.lang.Boolean', 'boolean', 'boolean'],
	['integer', 'number', 'number'],
	['java.lang.Double', 'number', 'number'],
	['string[]', 'list', 'array'],
	['Task[]', 'list', 'array'],
	['Task', 'object', 'object'],
	['com.attask.Map', 'object', 'object'],
])('%p is entered as %s (the mapper field type %s)', (type, kind, fieldType) => {
	expect(argumentKind(type)).toBe(kind);
	expect(argumentFieldType(type)).toBe(fieldType);
});
