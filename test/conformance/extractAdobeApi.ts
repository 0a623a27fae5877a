/**
 * Writes test/conformance/adobe-api.json: the facts about Workfront that Adobe publishes and that the
 * simulator and the node are checked against. Adobe's files are not committed; the developer fetches
 * them and passes their paths:
 *
 *   git clone --depth 1 https://github.com/AdobeDocs/workfront-apis        (static/workflow.json)
 *   git clone --depth 1 https://github.com/AdobeDocs/workfront.en          (API version notes)
 *   npm run build:tools
 *   node build/test/conformance/extractAdobeApi.js \
 *     ../workfront-apis/static/workflow.json ../workfront.en [test/conformance/adobe-api.json]
 *
 * From the OpenAPI file ("Adobe Workfront API" v19.0) it keeps, per object type, the actions (PUT
 * paths `/<object>/<action>` and `/<object>/{id}/<action>`) with their argument names and types.
 * From the "What's new in API version N" pages it keeps the REQUIRED validators added or removed per
 * version, because the OpenAPI file has no object schemas and so says nothing about required fields.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The OpenAPI paths use lower-case object names; the node and the simulator use object codes.
 * Source: Workfront/workfront-objcodes (src/objcodes.ts), and the "(CODE)" headings of Adobe's
 * version notes. Paths whose code is not listed here are named in `unmappedPaths`.
 */
const OBJECT_CODES: Record<string, string> = {
	project: 'PROJ',
	task: 'TASK',
	optask: 'OPTASK',
	user: 'USER',
	document: 'DOCU',
	documentversion: 'DOCV',
	documentfolder: 'DOCFDR',
	hour: 'HOUR',
	note: 'NOTE',
	portfolio: 'PORT',
	program: 'PRGM',
	template: 'TMPL',
	templatetask: 'TTSK',
	assignment: 'ASSGN',
	company: 'CMPY',
	team: 'TEAMOB',
	role: 'ROLE',
	category: 'CTGY',
	parameter: 'PARAM',
	parameteroption: 'POPT',
	expense: 'EXPNS',
	baseline: 'BLIN',
	portaltab: 'PTLTAB',
	portalsection: 'PTLSEC',
	customenum: 'CSTEM',
	group: 'GROUP',
	timesheet: 'TSHET',
	journalentry: 'JRNLE',
	work: 'WORK',
	workitem: 'WRKITM',
	templateassignment: 'TASSGN',
	approvalprocess: 'ARVPRC',
	exchangerate: 'EXRATE',
};

/** Path segments that are operations of every object, not actions. */
const OPERATIONS = new Set(['search', 'count', 'report', 'metadata', 'batch']);

interface Schema {
	type?: string;
	items?: Schema;
	$ref?: string;
	enum?: string[];
}

interface Parameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: Schema;
	content?: Record<string, { schema?: Schema }>;
}

export interface ActionArgumentFact {
	name: string;
	/** `string`, `boolean`, `number`, `<type>[]` for lists, or an object name such as `Task`. */
	type: string;
	required?: true;
	enum?: string[];
}

function typeOf(schema: Schema | undefined): string {
	if (!schema) return 'string';
	if (schema.$ref) return schema.$ref.replace(/^.*\//, '').replace(/\.json$/, '');
	if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
	if (schema.type === 'integer' || schema.type === 'number') return 'number';
	return schema.type ?? 'string';
}

function argumentOf(parameter: Parameter): ActionArgumentFact {
	const schema = parameter.schema ?? Object.values(parameter.content ?? {})[0]?.schema;
	return {
		name: parameter.name,
		type: typeOf(schema),
		...(parameter.required ? { required: true as const } : {}),
		...(schema?.enum ? { enum: schema.enum } : {}),
	};
}

function readActions(openApi: {
	paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
}) {
	const objects: Record<string, { path: string; actions: Record<string, ActionArgumentFact[]> }> =
		{};
	const unmapped = new Set<string>();
	for (const [path, item] of Object.entries(openApi.paths)) {
		// `/<object>/<action>?ID=…` (the spec's own form) and `/<object>/{id}/<action>` (share & co.)
		const match = /^\/([a-z0-9_]+)\/(?:\{id\}\/)?([A-Za-z][A-Za-z0-9_]*)$/.exec(path);
		if (!match || OPERATIONS.has(match[2]) || !item.put) continue;
		const [, objectPath, action] = match;
		const objCode = OBJECT_CODES[objectPath];
		if (!objCode) {
			unmapped.add(objectPath);
			continue;
		}
		const entry = (objects[objCode] ??= { path: objectPath, actions: {} });
		const args = (item.put.parameters ?? [])
			// The target record (query `ID`, the batch form's `id` list, or path `{id}`) is not an argument.
			.filter((parameter) => parameter.in !== 'path' && parameter.name.toLowerCase() !== 'id')
			.map(argumentOf);
		// Both forms of an action describe the same arguments; keep the richer one.
		const known = entry.actions[action];
		if (!known || args.length > known.length) entry.actions[action] = args;
	}
	return { objects, unmapped: [...unmapped].sort() };
}

type RequiredChange = { objCode: string; field: string; change: 'added' | 'removed' };

/**
 * The REQUIRED validators a version note adds or removes. Adobe writes them in two shapes:
 * `<b>version</b><p>Removed the validator "REQUIRED".` (one field) and
 * `The following fields have added the validator <code>REQUIRED</code>: <ul><li><b>rate</b>…</ul>`.
 */
export function requiredChanges(markdown: string): RequiredChange[] {
	const changes: RequiredChange[] = [];
	const sections = markdown.split(/^### /m).slice(1);
	for (const section of sections) {
		const heading = /^[^\n(]*\((\w+)\)/.exec(section);
		if (!heading) continue;
		const objCode = heading[1];
		const phrase = /(added|removed) the validator\s*(?:"|<code>)?REQUIRED/gi;
		for (const found of section.matchAll(phrase)) {
			const change = found[1].toLowerCase() as 'added' | 'removed';
			const before = section.slice(0, found.index);
			const item = before.slice(before.lastIndexOf('<li>'));
			const single = /<b>\s*([A-Za-z0-9_:]+)\s*<\/b>/.exec(item);
			if (single) {
				changes.push({ objCode, field: single[1], change });
				continue;
			}
			const after = section.slice(found.index + found[0].length);
			const list = after.slice(0, after.indexOf('</ul>'));
			for (const bold of list.matchAll(/<b>\s*([A-Za-z0-9_:]+)\s*<\/b>/g))
				changes.push({ objCode, field: bold[1], change });
		}
	}
	return changes;
}

const FIRST_VERSION = 15;
const LAST_VERSION = 22;

function readVersionNotes(docsRoot: string) {
	const notes: Record<string, RequiredChange[]> = {};
	for (let version = FIRST_VERSION + 1; version <= LAST_VERSION; version++) {
		const file = join(docsRoot, 'help/quicksilver/wf-api/api', `new-api-version-${version}.md`);
		if (!existsSync(file)) throw new Error(`Version note not found: ${file}`);
		const changes = requiredChanges(readFileSync(file, 'utf8'));
		if (changes.length > 0) notes[String(version)] = changes;
	}
	// Per version, the fields required on create: a validator removed in vN was there before vN,
	// one added in vN was not. Fields no note mentions are not listed: Adobe is silent on them.
	const requiredOnCreate: Record<string, Record<string, string[]>> = {};
	for (let version = FIRST_VERSION; version <= LAST_VERSION; version++) {
		const required: Record<string, Set<string>> = {};
		for (const [noteVersion, changes] of Object.entries(notes)) {
			for (const { objCode, field, change } of changes) {
				const applies = Number(noteVersion) <= version ? change === 'added' : change === 'removed';
				if (applies) (required[objCode] ??= new Set()).add(field);
			}
		}
		requiredOnCreate[`v${version}.0`] = Object.fromEntries(
			Object.entries(required).map(([objCode, fields]) => [objCode, [...fields].sort()]),
		);
	}
	return { notes, requiredOnCreate };
}

function main() {
	const [openApiPath, docsRoot, output = 'test/conformance/adobe-api.json'] = process.argv.slice(2);
	if (!openApiPath || !docsRoot) {
		process.stderr.write(
			'Usage: node build/test/conformance/extractAdobeApi.js <workfront-apis>/static/workflow.json <workfront.en checkout> [output]\n',
		);
		process.exit(2);
	}
	const openApi = JSON.parse(readFileSync(openApiPath, 'utf8'));
	const { objects, unmapped } = readActions(openApi);
	const { notes, requiredOnCreate } = readVersionNotes(docsRoot);
	const sorted = Object.fromEntries(
		Object.entries(objects)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([objCode, entry]) => [
				objCode,
				{
					path: entry.path,
					actions: Object.fromEntries(
						Object.entries(entry.actions).sort(([a], [b]) => a.localeCompare(b)),
					),
				},
			]),
	);
	const fixture = {
		source: {
			openApi: `AdobeDocs/workfront-apis static/workflow.json, "${openApi.info?.title}" ${openApi.info?.version}`,
			versionNotes:
				'AdobeDocs/workfront.en help/quicksilver/wf-api/api/new-api-version-<N>.md (Experience League "What\'s new in API version N")',
		},
		silent: {
			actions:
				'The OpenAPI file lists actions per object but no object schemas: the fields inside object arguments (e.g. task of convertToTask) and which arguments are required are not published, except where a parameter says required.',
			requiredOnCreate:
				'Adobe publishes no list of required fields; only REQUIRED validators added or removed by a version are known. Other fields stay optional in the simulator (the tolerant choice).',
			unmappedPaths:
				'Object paths of the OpenAPI file whose object code this script does not know; their actions are not in the fixture.',
		},
		objects: sorted,
		unmappedPaths: unmapped,
		requiredValidatorChanges: notes,
		requiredOnCreate,
	};
	writeFileSync(output, `${JSON.stringify(fixture, null, '\t')}\n`);
	const actions = Object.values(sorted).reduce(
		(sum, entry) => sum + Object.keys(entry.actions).length,
		0,
	);
	const args = Object.values(sorted).reduce(
		(sum, entry) =>
			sum + Object.values(entry.actions).reduce((inner, list) => inner + list.length, 0),
		0,
	);
	process.stdout.write(
		`${output}: ${Object.keys(sorted).length} object types, ${actions} actions, ${args} arguments\n`,
	);
}

if (require.main === module) main();
