import type { IExecuteFunctions, INode } from 'n8n-workflow';

/** Whether a stored parameter value holds an expression anywhere (n8n marks them with a leading `=`). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** The value stored for a parameter path such as `options.fields`, as the node was saved. */
function storedValue(node: INode, path: string): unknown {
	let value: unknown = node.parameters;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * A copy of a parameter's value, as structuredClone would make it, made directly for what
 * parameters hold (plain objects, arrays, strings, numbers, booleans, null): structuredClone's
 * serialisation costs several times as much for these small values. Anything else (a Date, a
 * class instance) is left to structuredClone.
 */
export function copyOfValue<T>(value: T): T {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		const copy: unknown[] = new Array(value.length);
		for (let index = 0; index < value.length; index += 1) copy[index] = copyOfValue(value[index]);
		return copy as T;
	}
	const prototype = Object.getPrototypeOf(value) as unknown;
	if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const field = copyOfValue((value as Record<string, unknown>)[key]);
		// `__proto__` as a key of the data (parameters come from JSON), not the prototype.
		if (key === '__proto__')
			Object.defineProperty(copy, key, {
				value: field,
				enumerable: true,
				writable: true,
				configurable: true,
			});
		else copy[key] = field;
	}
	return copy as T;
}

/** The cache key of one read: the name, and what else changes n8n's answer. */
function keyOf(name: string, fallbackValue: unknown, options: unknown): string {
	if (options === undefined && (fallbackValue === null || typeof fallbackValue !== 'object'))
		return `${name}\u0000${typeof fallbackValue}\u0000${String(fallbackValue)}`;
	return `${name}\u0000json\u0000${JSON.stringify([fallbackValue ?? null, options ?? null])}`;
}

/**
 * The execute context, with `getNodeParameter` reading a parameter once per run when it holds no
 * expression: its value is then the same for every item, and n8n's own read (schema checks over
 * the node's whole description) costs about a fifth of the node's time per item in bulk writes.
 * Parameters with expressions are read per item as always. Objects are handed out as copies, so
 * no item can change what the next one reads.
 */
export function withConstantParameters(context: IExecuteFunctions): IExecuteFunctions {
	const read = context.getNodeParameter.bind(context) as (...args: unknown[]) => unknown;
	const cache = new Map<string, unknown>();
	/** Per parameter name: whether its stored value holds no expression (looked up once). */
	const constant = new Map<string, boolean>();
	// Once: n8n's getNode() hands out a deep copy of the node on every call.
	const node = context.getNode();
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: unknown,
	): unknown => {
		let isConstant = constant.get(name);
		if (isConstant === undefined) {
			isConstant = !holdsExpression(storedValue(node, name));
			constant.set(name, isConstant);
		}
		if (!isConstant) return read(name, itemIndex, fallbackValue, options);
		const key = keyOf(name, fallbackValue, options);
		let value = cache.get(key);
		if (value === undefined && !cache.has(key)) {
			value = read(name, itemIndex, fallbackValue, options);
			cache.set(key, value);
		}
		return copyOfValue(value);
	};
	return Object.create(context, {
		getNodeParameter: { value: getNodeParameter },
	}) as IExecuteFunctions;
}
