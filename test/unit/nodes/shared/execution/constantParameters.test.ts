import type { IExecuteFunctions, INode } from 'n8n-workflow';

import {
	copyOfValue,
	withConstantParameters,
} from '../../../../../nodes/shared/execution/constantParameters';

/** A context that answers getNodeParameter from the stored parameters and counts the reads. */
function contextWith(parameters: Record<string, unknown>) {
	const reads: Array<[string, number]> = [];
	let nodeCopies = 0;
	const node = { parameters } as unknown as INode;
	const context = {
		getNode: () => {
			nodeCopies += 1;
			return node;
		},
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			reads.push([name, itemIndex]);
			const value = name
				.split('.')
				.reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], parameters);
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			return typeof value === 'string' && value.startsWith('=') ? `${value}#${itemIndex}` : value;
		},
	} as unknown as IExecuteFunctions;
	return { context, reads, nodeCopies: () => nodeCopies };
}

test('a parameter without an expression is read once per run, one with an expression per item', () => {
	const { context, reads, nodeCopies } = contextWith({
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
	// n8n deep-copies the node on every getNode(): the wrapper asks once.
	expect(nodeCopies()).toBe(1);
});

test('objects are handed out as copies: one item cannot change what the next one reads', () => {
	const { context } = contextWith({ options: { fields: ['name'], nested: { list: [{ a: 1 }] } } });
	const wrapped = withConstantParameters(context);
	(wrapped.getNodeParameter('options.fields', 0) as string[]).push('changed');
	expect(wrapped.getNodeParameter('options.fields', 1)).toEqual(['name']);
	const options = wrapped.getNodeParameter('options', 2) as {
		nested: { list: Array<{ a: number }> };
	};
	options.nested.list[0].a = 2;
	options.nested.list.push({ a: 3 });
	expect(wrapped.getNodeParameter('options', 3)).toEqual({
		fields: ['name'],
		nested: { list: [{ a: 1 }] },
	});
});

test('reads with another fallback or options are cached apart; a failed read is not cached', () => {
	const { context, reads } = contextWith({ present: 'value' });
	const wrapped = withConstantParameters(context);
	expect(wrapped.getNodeParameter('missing', 0, 'a')).toBe('a');
	expect(wrapped.getNodeParameter('missing', 1, 'b')).toBe('b');
	expect(wrapped.getNodeParameter('missing', 2, null)).toBeNull();
	expect(() => wrapped.getNodeParameter('missing', 3)).toThrow('Could not get parameter');
	expect(() => wrapped.getNodeParameter('missing', 4)).toThrow('Could not get parameter');
	expect(wrapped.getNodeParameter('missing', 5, { list: [1] })).toEqual({ list: [1] });
	expect(wrapped.getNodeParameter('missing', 6, { list: [2] })).toEqual({ list: [2] });
	expect(wrapped.getNodeParameter('missing', 7, 'a')).toBe('a');
	expect(wrapped.getNodeParameter('present', 8, 'a', { extractValue: true })).toBe('value');
	expect(wrapped.getNodeParameter('present', 9, 'a')).toBe('value');
	expect(reads.map(([, item]) => item)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
});

describe('copyOfValue', () => {
	test('copies plain data deeply, like structuredClone', () => {
		const value = { a: [1, 'two', null, true, { b: { c: [] } }], d: 'text', e: 0 };
		const copy = copyOfValue(value);
		expect(copy).toEqual(structuredClone(value));
		expect(copy).not.toBe(value);
		expect(copy.a).not.toBe(value.a);
		expect(copy.a[4]).not.toBe(value.a[4]);
		expect(copyOfValue('text')).toBe('text');
		expect(copyOfValue(null)).toBeNull();
	});

	test('keeps a "__proto__" key as data, without touching the prototype', () => {
		const value = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as Record<
			string,
			unknown
		>;
		const copy = copyOfValue(value);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.keys(copy)).toEqual(['__proto__', 'name']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
	});

	test('leaves values that are not plain data to structuredClone', () => {
		const date = new Date(0);
		const copy = copyOfValue({ at: date });
		// structuredClone makes it in Node.js's own realm, not jest's: a Date all the same.
		expect(Object.prototype.toString.call(copy.at)).toBe('[object Date]');
		expect(copy.at).not.toBe(date);
		expect(copy.at.getTime()).toBe(0);
	});
});
