/**
 * Writes test/conformance/adobe-event-subscriptions.json: what Adobe publishes about the Event
 * Subscription API that the Workfront Trigger and the simulator are checked against. Adobe's files
 * are not committed; the developer fetches them and passes the checkout:
 *
 *   git clone https://github.com/AdobeDocs/workfront.en
 *   npm run build:tools
 *   node build/test/conformance/extractEventSubscriptions.js ../workfront.en [output]
 *
 * From "Event Subscription API" (help/quicksilver/wf-api/general/event-subs-api.md) it keeps:
 * the list "Objects supported by event subscriptions" and the objCode table of "Forming the
 * subscription resource" (both, so that a disagreement between them shows), the event types, the
 * comparison operators allowed in a filter group, and the filter group limits, as numbers read from
 * Adobe's sentences. From "Event subscription resource fields"
 * (help/quicksilver/wf-api/api/event-sub-resource-fields.md): per objCode, the resource's name,
 * whether Adobe marks it "(Event Subs v2)", and its payload fields.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const API_PAGE = 'help/quicksilver/wf-api/general/event-subs-api.md';
const FIELDS_PAGE = 'help/quicksilver/wf-api/api/event-sub-resource-fields.md';

/** A table cell as text: tags dropped, entities and spaces tidied (Adobe's cells carry stray spaces). */
function cellText(html: string): string {
	return html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The rows of every HTML table in a page, as lists of cell texts (header rows excluded). */
function tableRows(page: string): string[][] {
	return [...page.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
		.map(([, row]) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell))
		.filter((cells) => cells.length > 0);
}

/** The bullet items right under a heading, until the first line that is not a bullet or blank. */
function bulletsUnder(page: string, heading: string): string[] {
	const lines = page.split('\n');
	const start = lines.findIndex((line) => line.trim() === heading);
	if (start < 0) throw new Error(`Heading not found: ${heading}`);
	const items: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (/^\s*\*\s+/.test(line)) items.push(line.replace(/^\s*\*\s+/, '').trim());
		else if (line.trim() === '' || items.length === 0) continue;
		else break;
	}
	return items;
}

/** The first number in the sentence of the page that matches `pattern` (which captures it). */
function numberFrom(page: string, pattern: RegExp): { value: number; sentence: string } {
	const match = pattern.exec(page);
	if (!match) throw new Error(`Not found in the page: ${pattern}`);
	return { value: Number(match[1]), sentence: match[0].trim() };
}

function commitOf(root: string, path: string): string {
	try {
		return execFileSync('git', ['-C', root, 'log', '-1', '--format=%H', '--', path], {
			encoding: 'utf8',
		}).trim();
	} catch {
		return 'unknown';
	}
}

export interface SubscribableObject {
	/** The name in the objCode table (Adobe's label), trimmed. */
	name: string;
	/** The objCode exactly as the table prints it (case kept: `approval` is lower-case). */
	objCode: string;
}

export interface ResourceFields {
	name: string;
	v2Only: boolean;
	/** The payload fields, as printed. */
	fields: string[];
	/** Adobe's notes on some fields (not filterable, removed, footnotes). */
	notes: Record<string, string>;
}

export function readApiPage(page: string) {
	const listed = bulletsUnder(page, '## Objects supported by event subscriptions');
	// The table under "objCode (required)", up to its end: other two-column tables of the page
	// (headers, status codes) are not object types.
	const from = page.indexOf('* objCode (required)');
	if (from < 0) throw new Error('The objCode field is not on the page');
	const objCodeSection = page.slice(from, page.indexOf('</table>', from));
	const objCodeTable = tableRows(objCodeSection)
		.map((cells) => cells.map(cellText))
		.filter((cells) => cells.length === 2);
	const objects: SubscribableObject[] = objCodeTable.map(([name, objCode]) => ({ name, objCode }));
	const eventTypeSection = page.slice(page.indexOf('* eventType (required)'));
	const eventTypes = [
		...eventTypeSection
			.slice(0, eventTypeSection.indexOf('* url'))
			.matchAll(/^\s+\*\s+([A-Z]+)\s*$/gm),
	].map(([, type]) => type);
	const comparisons = (/\* Comparison operators: ([^\n]+?)\.?\s*$/m.exec(page)?.[1] ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	return {
		listed,
		objects,
		eventTypes,
		filterGroups: {
			comparisons,
			maxGroupsPerSubscription: numberFrom(
				page,
				/Each subscription supports up to (\d+) filter groups[^\n]*/,
			),
			maxFiltersPerGroup: numberFrom(
				page,
				/Each filter group can include up to (\d+) filters[^\n]*/,
			),
			minFiltersPerGroup: numberFrom(page, /A group must have a minimum of (\d+) filters[^\n]*/),
		},
	};
}

/**
 * A field cell as its name and note: "data<p><b>NOTE</b>: This field is not filterable.</p>",
 * "workPerDate [!BADGE Removed]{...}", "parameterValues*" (the page's footnote on custom fields).
 * Names are kept as printed, Adobe's typos included ("project: portfolioID", "lastUpatedByID").
 */
function fieldOf(cell: string): { name: string; note?: string } {
	const badge = /\[!BADGE ([^\]]*)\]\{[^}]*tooltip="([^"]*)"[^}]*\}/.exec(cell);
	const parts = cell
		.replace(/\[!BADGE[^\]]*\]\{[^}]*\}/, '')
		.split(/<\/?p>/)
		.map(cellText)
		.filter(Boolean);
	const [printed = '', ...rest] = parts;
	const footnote = printed.endsWith('*');
	const notes = [
		...rest,
		badge ? `${badge[1]}: ${badge[2]}` : '',
		footnote ? 'footnote: a complete list of populated parameterValues (custom fields)' : '',
	].filter(Boolean);
	return {
		name: printed.replace(/\*$/, ''),
		...(notes.length ? { note: notes.join('; ') } : {}),
	};
}

export function readFieldsPage(page: string): Record<string, ResourceFields> {
	const resources: Record<string, ResourceFields> = {};
	let current: ResourceFields | undefined;
	for (const cells of tableRows(page)) {
		if (cells.length !== 3) continue;
		const [resource, objCode] = cells.slice(0, 2).map(cellText);
		if (objCode) {
			const v2Only = /\(Event Subs v2\)/.test(resource);
			current = resources[objCode] ?? {
				name: resource.replace(/\(Event Subs v2\)/, '').trim(),
				v2Only,
				fields: [],
				notes: {},
			};
			resources[objCode] = current;
		}
		const field = fieldOf(cells[2]);
		if (current && field.name) {
			current.fields.push(field.name);
			if (field.note) current.notes[field.name] = field.note;
		}
	}
	return resources;
}

function main() {
	const [docsRoot, output = 'test/conformance/adobe-event-subscriptions.json'] =
		process.argv.slice(2);
	if (!docsRoot) {
		process.stderr.write(
			'Usage: node build/test/conformance/extractEventSubscriptions.js <workfront.en checkout> [output]\n',
		);
		process.exit(2);
	}
	const api = readApiPage(readFileSync(join(docsRoot, API_PAGE), 'utf8'));
	const resources = readFieldsPage(readFileSync(join(docsRoot, FIELDS_PAGE), 'utf8'));
	const fixture = {
		source: {
			apiPage: `AdobeDocs/workfront.en ${API_PAGE} @ ${commitOf(docsRoot, API_PAGE)} (Experience League "Event Subscription API")`,
			fieldsPage: `AdobeDocs/workfront.en ${FIELDS_PAGE} @ ${commitOf(docsRoot, FIELDS_PAGE)} (Experience League "Event subscription resource fields")`,
		},
		silent: {
			objCodeCase:
				'The objCode table prints three codes in lower case (approval, approval_stage, approval_stage_participant); Adobe does not say whether Workfront matches objCodes case-insensitively.',
			resourcePageOnly:
				'The resource fields page lists payload fields for objCodes the API page does not name as subscribable (resourcePageOnly); Adobe does not say whether they can be subscribed to.',
			filterGroupErrors:
				'Adobe gives the filter group limits but not what Workfront answers (status, body) to a subscription beyond them; the create call documents 400 only for an invalid URL, and says a wrong filter returns no validation message.',
			nestedGroups:
				'Adobe describes the members of a group as filters with the syntax of standalone filters; it says nothing of a group inside a group.',
		},
		listed: api.listed,
		objects: api.objects,
		eventTypes: api.eventTypes,
		filterGroups: api.filterGroups,
		resources,
		resourcePageOnly: Object.keys(resources).filter(
			(objCode) => !api.objects.some((object) => object.objCode === objCode),
		),
	};
	writeFileSync(output, `${JSON.stringify(fixture, null, '\t')}\n`);
	process.stdout.write(
		`${api.objects.length} objCodes in the table, ${api.listed.length} in the list; ${Object.keys(resources).length} resources with fields; written to ${output}\n`,
	);
}

if (require.main === module) main();
