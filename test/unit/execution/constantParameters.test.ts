import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { withConstantParameters } from '../../../nodes/shared/execution/constantParameters';

/** A context that answers getNodeParameter from the stored parameters and counts the reads. */
function contextWith(parameters: Record<string, unknown>) {
	const reads: Array<[string, number]> = [];
	const node = { parameters } as unknown as INode;
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push([name, itemIndex]);
			const value = name
				.split('.')
				.reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], parameters);
			return typeof value === 'string' && value.startsWith('=') ? `${value}#${itemIndex}` : value;
		},
	} as unknown as IExecuteFunctions;
	return { context, reads };
}

test('a parameter without an expression is read once per run, one with an expression per item', () => {
	const { context, reads } = contextWith({
		objectType: 'PROJ',
		fieldsJson: '={{ $json.name }}',
		options: { fields: ['name', 'status'], customForms: ['={{ $json.form }}'] },
	});
	const wrapped = withConstantParameters(context);
	for (const item of [0, 1, 2]) {
		expect(wrapped.getNodeParameter('objectType', item)).toBe('PROJ');
		expect(wrapped.getNodeParameter('fieldsJson', item)).toBe(`={{ $json.name }}#${item}`);
		expect(wrapped.getNodeParameter('options.fields', item)).toEqual(['name', 'status']);
		wrapped.getNodeParameter('options.customForms', item);
	}
	expect(reads.filter(([name]) => name === 'objectType')).toEqual([['objectType', 0]]);
	expect(reads.filter(([name]) => name === 'options.fields')).toHaveLength(1);
	expect(reads.filter(([name]) => name === 'fieldsJson')).toHaveLength(3);
	expect(reads.filter(([name]) => name === 'options.customForms')).toHaveLength(3);
});

test('objects are handed out as copies: one item cannot change what the next one reads', () => {
	const { context } = contextWith({ options: { fields: ['name'] } });
	const wrapped = withConstantParameters(context);
	(wrapped.getNodeParameter('options.fields', 0) as string[]).push('changed');
	expect(wrapped.getNodeParameter('options.fields', 1)).toEqual(['name']);
});
