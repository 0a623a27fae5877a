/**
 * Workfront Planning's API v2 as Adobe describes it, read from the fixture that
 * test/conformance/extractPlanningApi.ts writes from Adobe's OpenAPI file (AdobeDocs/
 * Workfront-Planning-API static/v2.json, "SPEC" below), and a small JSON Schema validator for it.
 * The simulator checks every request it is sent against the operation's declared parameters and
 * body (and answers 400 with Adobe's problem details when they do not match); the conformance
 * suite checks the node's requests strictly (no key the schema does not declare, no read-only
 * key) with the same code.
 */
import facts from '../../conformance/planning-v2.json';

type Schema = Record<string, unknown>;

export interface OperationFact {
	operationId: string;
	tag: string | null;
	method: string;
	path: string;
	parameters: Array<{ name: string; in: string; required: boolean; schema: Schema }>;
	requestBody: { required: boolean; mediaType: string; schema: Schema } | null;
	responses: string[];
}

export const planningSpec = {
	operations: facts.operations as unknown as OperationFact[],
	schemas: facts.schemas as unknown as Record<string, Schema>,
	tags: facts.tags as Record<string, string>,
};

/** The operation a method and a path below /maestro/api answer to, with its path parameters. */
export function findOperation(
	method: string,
	path: string,
): { operation: OperationFact; params: Record<string, string> } | undefined {
	const actual = path.split('/').filter(Boolean);
	// Literal segments win over parameters (`records/search` before `records/{id}`), as Spring routes.
	const candidates = planningSpec.operations
		.filter((operation) => operation.method === method)
		.map((operation) => {
			const expected = operation.path.split('/').filter(Boolean);
			if (expected.length !== actual.length) return undefined;
			const params: Record<string, string> = {};
			let literals = 0;
			for (let index = 0; index < expected.length; index += 1) {
				const segment = expected[index];
				const value = decodeURIComponent(actual[index]);
				if (segment.startsWith('{')) params[segment.slice(1, -1)] = value;
				else if (segment !== value) return undefined;
				else literals += 1;
			}
			return { operation, params, literals };
		})
		.filter((entry) => entry !== undefined)
		.sort((a, b) => b.literals - a.literals);
	return candidates[0];
}

/** Whether a method is declared for a path at all (405 rather than 404 otherwise). */
export function pathDeclared(path: string): boolean {
	return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].some((method) => findOperation(method, path));
}

export interface ValidateOptions {
	/**
	 * Also flag keys the schema does not declare and read-only keys: what the conformance suite
	 * holds the node to. The simulator, like Adobe's Spring service as far as anyone knows (Adobe is
	 * silent), ignores unknown keys.
	 */
	strict?: boolean;
	/** Keys allowed although read-only: SPEC's bulk PUT/PATCH need each record's `id` ("Each record must include an id"). */
	allowReadOnly?: string[];
}

function resolve(schema: Schema): Schema {
	let current = schema;
	for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops += 1) {
		current = planningSpec.schemas[String(current.$ref).replace('#/components/schemas/', '')] ?? {};
	}
	return current;
}

function typeMatches(type: unknown, value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'array':
			return Array.isArray(value);
		case 'object':
			return value !== null && typeof value === 'object' && !Array.isArray(value);
		case 'null':
			return value === null;
		default:
			return true;
	}
}

/** The properties a schema declares, through allOf. */
function declaredProperties(schema: Schema): Record<string, Schema> | undefined {
	const own = schema.properties as Record<string, Schema> | undefined;
	const parts = ((schema.allOf as Schema[] | undefined) ?? []).map((part) =>
		declaredProperties(resolve(part)),
	);
	if (!own && parts.every((part) => part === undefined)) return undefined;
	return Object.assign({}, ...parts.filter(Boolean), own ?? {}) as Record<string, Schema>;
}

/** Every way `value` breaks `schema`, as `<path>: <problem>`; empty when it conforms. */
export function validate(
	schemaIn: Schema | undefined,
	value: unknown,
	options: ValidateOptions = {},
	at = '$',
	depth = 0,
): string[] {
	if (!schemaIn) return [];
	if (depth > 64) return [`${at}: nested too deeply`];
	const schema = resolve(schemaIn);
	const problems: string[] = [];
	if (schema.oneOf) {
		const branches = (schema.oneOf as Schema[]).map((branch) =>
			validate(branch, value, options, at, depth + 1),
		);
		const passing = branches.filter((branch) => branch.length === 0).length;
		if (passing !== 1)
			problems.push(
				`${at}: matches ${passing} of the ${branches.length} oneOf schemas (${branches
					.map((branch) => branch[0] ?? 'ok')
					.join(' | ')})`,
			);
		return problems;
	}
	for (const part of (schema.allOf as Schema[] | undefined) ?? [])
		problems.push(
			...validate(
				{ ...resolve(part), properties: undefined, required: undefined },
				value,
				options,
				at,
				depth + 1,
			),
		);
	if (schema.type !== undefined && !typeMatches(schema.type, value)) {
		return [
			`${at}: is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}, not ${String(schema.type)}`,
		];
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value))
		problems.push(
			`${at}: ${JSON.stringify(value)} is not one of ${(schema.enum as unknown[]).join(', ')}`,
		);
	if (typeof value === 'string') {
		if (typeof schema.minLength === 'number' && value.length < schema.minLength)
			problems.push(`${at}: shorter than ${schema.minLength}`);
		if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
			problems.push(`${at}: longer than ${schema.maxLength}`);
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
			problems.push(`${at}: does not match ${schema.pattern}`);
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum)
			problems.push(`${at}: below ${schema.minimum}`);
		if (typeof schema.maximum === 'number' && value > schema.maximum)
			problems.push(`${at}: above ${schema.maximum}`);
	}
	if (Array.isArray(value)) {
		if (typeof schema.minItems === 'number' && value.length < schema.minItems)
			problems.push(`${at}: fewer than ${schema.minItems} items`);
		if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
			problems.push(`${at}: more than ${schema.maxItems} items`);
		if (schema.items)
			value.forEach((item, index) =>
				problems.push(
					...validate(schema.items as Schema, item, options, `${at}[${index}]`, depth + 1),
				),
			);
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const object = value as Record<string, unknown>;
		const properties = declaredProperties(schema);
		const required = [
			...((schema.required as string[] | undefined) ?? []),
			...((schema.allOf as Schema[] | undefined) ?? []).flatMap(
				(part) => (resolve(part).required as string[] | undefined) ?? [],
			),
		];
		for (const name of required)
			if (object[name] === undefined) problems.push(`${at}.${name}: required`);
		for (const [name, entry] of Object.entries(object)) {
			const property = properties?.[name];
			if (property) {
				const readOnly = property.readOnly === true || resolve(property).readOnly === true;
				if (options.strict && readOnly && !(options.allowReadOnly ?? []).includes(name))
					problems.push(`${at}.${name}: read-only`);
				problems.push(...validate(property, entry, options, `${at}.${name}`, depth + 1));
			} else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
				problems.push(
					...validate(
						schema.additionalProperties as Schema,
						entry,
						options,
						`${at}.${name}`,
						depth + 1,
					),
				);
			} else if (options.strict && properties && schema.additionalProperties === undefined) {
				problems.push(`${at}.${name}: not declared by the schema`);
			}
		}
	}
	return problems;
}

/** A query or path parameter's text as its schema's type, for validation. */
export function parameterValue(schema: Schema, text: string): unknown {
	const resolved = resolve(schema);
	if (resolved.type === 'integer' || resolved.type === 'number')
		return text.trim() === '' ? text : Number(text);
	if (resolved.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
	return text;
}
