import { NodeOperationError } from 'n8n-workflow';

import { currentObjectCode } from '../../../../../nodes/shared/methods/currentObjectCode';
import { OTHER_OBJECT_TYPE } from '../../../../../nodes/shared/core/objectTypes';
import { editorContext } from '../../../../harness/loadOptions';
import { createHelper } from '../../../../harness/runWorkflow';

/** The object type a picker works on, read in n8n-core's editor context as the panel holds it. */
const nowhere = createHelper({ url: 'https://unused.invalid', accessToken: '' });
const pickerFor = (parameters: Record<string, string>) =>
	editorContext(nowhere, { resource: 'record', operation: 'create', ...parameters });

test.each([
	[{ objectType: 'TASK' }, 'TASK'],
	[{}, 'PROJ'],
	[{ objectType: OTHER_OBJECT_TYPE, objectCode: ' blin ' }, 'BLIN'],
	[{ objectType: OTHER_OBJECT_TYPE, objectCode: 'Custom_Object1' }, 'CUSTOM_OBJECT1'],
])('%p → %s, in upper case', (parameters, code) => {
	expect(currentObjectCode(pickerFor(parameters))).toBe(code);
});

test.each([
	['', 'Object Code is empty'],
	['proj/search', 'Object Code "proj/search" is not a Workfront object code'],
	['1ABC', 'Object Code "1ABC" is not a Workfront object code'],
])('an "Other" type with %p says so instead of listing another type', (objectCode, message) => {
	let error: unknown;
	try {
		currentObjectCode(pickerFor({ objectType: OTHER_OBJECT_TYPE, objectCode }));
	} catch (thrown) {
		error = thrown;
	}
	expect(error).toBeInstanceOf(NodeOperationError);
	expect((error as NodeOperationError).message).toBe(message);
	expect((error as NodeOperationError).description).toMatch(
		/^Enter a Workfront objCode such as PROJ/,
	);
});
