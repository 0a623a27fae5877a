import type { INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../../nodes/shared/descriptions/displayOptions';

test("showOnlyFor adds the resource and operation to each property's own conditions", () => {
	const properties: INodeProperties[] = [
		{ displayName: 'A', name: 'a', type: 'string', default: '' },
		{
			displayName: 'B',
			name: 'b',
			type: 'string',
			default: '',
			displayOptions: { show: { returnAll: [false] }, hide: { mode: ['raw'] } },
		},
	];
	const shown = showOnlyFor({ resource: ['record'], operation: ['getMany'] }, properties);
	expect(shown[0].displayOptions).toEqual({
		show: { resource: ['record'], operation: ['getMany'] },
	});
	expect(shown[1].displayOptions).toEqual({
		show: { returnAll: [false], resource: ['record'], operation: ['getMany'] },
		hide: { mode: ['raw'] },
	});
	// The properties given are not changed.
	expect(properties[0].displayOptions).toBeUndefined();
});
