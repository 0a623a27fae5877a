/**
 * Writes test/conformance/planning-v2.json: Workfront Planning's API v2 as Adobe's OpenAPI file
 * describes it, compact, for the simulator to answer by and for the node's requests to be checked
 * against. Adobe's file (220 KB) is not committed; the developer fetches it and passes its path:
 *
 *   git clone --depth 1 https://github.com/AdobeDocs/Workfront-Planning-API   (static/v2.json)
 *   (or api-evangelist/workfront openapi/workfront-planning-v2-openapi.json: the same bytes)
 *   npm run build:tools
 *   node build/test/conformance/extractPlanningApi.js ../Workfront-Planning-API/static/v2.json \
 *     [test/conformance/planning-v2.json]
 *
 * Kept: every operation (method, path, operationId, tag, parameters with their schemas, the request
 * body's media type, whether it is required and its schema, the response statuses) and every
 * schema, without descriptions and examples. Three things in Adobe's file break a JSON Schema
 * validator (found in the research, /work/notes/planning-v2.md §9.13) and are neutralised, each
 * recorded under `neutralised`:
 * - `createdAt`/`updatedAt` carry the Java date format `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` as a
 *   `pattern`, which rejects every real timestamp: translated to the regular expression it means;
 * - the workspace name's `(?s)^\s*\S.*$` uses Java's inline flag, invalid in JavaScript:
 *   translated (`.` with DOTALL is `[\s\S]`);
 * - `FilterConditionDto` and `FilterGroupDto` start with `allOf: [{$ref: FilterNodeDto}]`, while
 *   `FilterNodeDto` is `oneOf` the two: a validator recurses for ever. The back-reference is cut.
 * The tag texts (limits and quotas) are kept verbatim under `tags`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Json = Record<string, unknown>;

const KEEP = new Set([
	'type',
	'properties',
	'required',
	'items',
	'enum',
	'$ref',
	'oneOf',
	'anyOf',
	'allOf',
	'additionalProperties',
	'readOnly',
	'minItems',
	'maxItems',
	'minLength',
	'maxLength',
	'minimum',
	'maximum',
	'pattern',
	'format',
	'default',
]);

const JAVA_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
const DATE_REGEX = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const JAVA_DOTALL = '(?s)^\\s*\\S.*$';
const DOTALL_REGEX = '^\\s*\\S[\\s\\S]*$';

export interface Neutralised {
	at: string;
	what: string;
}

/** A schema without prose, with the three breakages neutralised (recorded in `log`). */
export function compactSchema(schema: unknown, at: string, log: Neutralised[]): unknown {
	if (Array.isArray(schema))
		return schema.map((entry, index) => compactSchema(entry, `${at}/${index}`, log));
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema as Json)) {
		if (!KEEP.has(key)) continue;
		if (key === 'properties') {
			out.properties = Object.fromEntries(
				Object.entries(value as Json).map(([name, property]) => [
					name,
					compactSchema(property, `${at}/properties/${name}`, log),
				]),
			);
		} else if (key === 'pattern' && value === JAVA_DATE) {
			out.pattern = DATE_REGEX;
			log.push({
				at,
				what: `Java date format ${JAVA_DATE} as the regular expression ${DATE_REGEX}`,
			});
		} else if (key === 'pattern' && value === JAVA_DOTALL) {
			out.pattern = DOTALL_REGEX;
			log.push({ at, what: `Java pattern ${JAVA_DOTALL} as the JavaScript ${DOTALL_REGEX}` });
		} else if (key === 'allOf' && Array.isArray(value)) {
			const parts = value.filter(
				(part) => (part as Json).$ref !== '#/components/schemas/FilterNodeDto',
			);
			if (parts.length !== value.length)
				log.push({
					at,
					what: 'allOf back-reference to FilterNodeDto cut (FilterNodeDto is oneOf this schema)',
				});
			out.allOf = compactSchema(parts, `${at}/allOf`, log);
		} else if (
			key === 'items' ||
			key === 'additionalProperties' ||
			key === 'oneOf' ||
			key === 'anyOf'
		) {
			out[key] = compactSchema(value, `${at}/${key}`, log);
		} else {
			out[key] = value;
		}
	}
	return out;
}

export interface PlanningOperation {
	operationId: string;
	tag: string | null;
	method: string;
	path: string;
	parameters: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
	requestBody: { required: boolean; mediaType: string; schema: unknown } | null;
	responses: string[];
}

export function extract(spec: Json) {
	const log: Neutralised[] = [];
	const operations: PlanningOperation[] = [];
	for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
		for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
			const op = item[method] as Json | undefined;
			if (!op) continue;
			const at = `paths${path}/${method}`;
			const body = op.requestBody as Json | undefined;
			const [mediaType, media] =
				Object.entries((body?.content ?? {}) as Record<string, Json>)[0] ?? [];
			operations.push({
				operationId: String(op.operationId),
				tag: ((op.tags as string[] | undefined) ?? [])[0] ?? null,
				method: method.toUpperCase(),
				path,
				parameters: ((op.parameters as Json[] | undefined) ?? []).map((parameter) => ({
					name: String(parameter.name),
					in: String(parameter.in),
					required: parameter.required === true,
					schema: compactSchema(
						parameter.schema,
						`${at}/parameters/${String(parameter.name)}`,
						log,
					),
				})),
				requestBody: body
					? {
							required: body.required === true,
							mediaType: mediaType ?? '',
							schema: compactSchema(media?.schema, `${at}/requestBody`, log),
						}
					: null,
				responses: Object.keys((op.responses ?? {}) as Json),
			});
		}
	}
	const schemas = Object.fromEntries(
		Object.entries((spec.components as { schemas: Json }).schemas).map(([name, schema]) => [
			name,
			compactSchema(schema, `components/schemas/${name}`, log),
		]),
	);
	return {
		source: {
			openApi:
				'AdobeDocs/Workfront-Planning-API static/v2.json ("Workfront Planning API Version 2"), byte-identical to api-evangelist/workfront openapi/workfront-planning-v2-openapi.json (git blob 8ed7cd7a8eb8eb36f056c08a7fc04b2571df53f2, last changed in b4ba8f2698a2d7dd370817e25ef9b478bbc45903)',
			servers: spec.servers,
		},
		silent: {
			security:
				'The file declares no securitySchemes, no security and no header parameter; Planning API basics documents IMS tokens (Authorization: Bearer) and refuses sessionID and apiKey.',
			recordData:
				'RecordBaseDto.data is "key-value pairs where keys are field IDs" with no value shape per field type.',
			searchSize: 'The search `size` has a minimum of 1 and a default of 100, and no maximum.',
		},
		tags: Object.fromEntries(
			((spec.tags as Json[] | undefined) ?? []).map((tag) => [
				String(tag.name),
				String(tag.description ?? ''),
			]),
		),
		neutralised: log,
		operations,
		schemas,
	};
}

function main() {
	const [input, output = 'test/conformance/planning-v2.json'] = process.argv.slice(2);
	if (!input) {
		process.stderr.write(
			'Usage: node build/test/conformance/extractPlanningApi.js <Workfront-Planning-API>/static/v2.json [output]\n',
		);
		process.exit(2);
	}
	const facts = extract(JSON.parse(readFileSync(input, 'utf8')) as Json);
	writeFileSync(output, `${JSON.stringify(facts, null, '\t')}\n`);
	process.stderr.write(
		`${facts.operations.length} operations, ${Object.keys(facts.schemas).length} schemas, ${facts.neutralised.length} neutralisations written to ${output}\n`,
	);
}

if (require.main === module) main();
