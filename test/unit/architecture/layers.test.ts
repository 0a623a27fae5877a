import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The shipped code is layered, and every import points to its own layer or a lower one
 * (docs/architecture.md, "Layers"). This suite reads every import of every shipped file, so the
 * rule is kept by the tests, not by memory.
 */

const ROOT = join(__dirname, '..', '..', '..');

/** From the bottom up. A file belongs to the first layer whose folder holds it. */
export const LAYERS: Array<{ name: string; folders: string[] }> = [
	{ name: 'core', folders: ['nodes/shared/core'] },
	{ name: 'credentials', folders: ['credentials'] },
	{ name: 'transport', folders: ['nodes/shared/transport'] },
	{ name: 'workfront lookups', folders: ['nodes/shared/workfront'] },
	{ name: 'items', folders: ['nodes/shared/params', 'nodes/shared/execution'] },
	{ name: 'editor', folders: ['nodes/shared/descriptions', 'nodes/shared/methods'] },
	{
		name: 'nodes',
		folders: ['nodes/Workfront', 'nodes/WorkfrontTrigger', 'nodes/WorkfrontPollTrigger'],
	},
];

/** What shipped code may import besides its own files: n8n's allow-list (n8n's scanner checks the rest). */
const PACKAGES = new Set(['n8n-workflow', 'node:crypto', 'crypto', 'jose']);

function layerOf(file: string): { rank: number; folder: string } | undefined {
	for (let rank = 0; rank < LAYERS.length; rank += 1)
		for (const folder of LAYERS[rank].folders)
			if (file === folder || file.startsWith(`${folder}/`)) return { rank, folder };
	return undefined;
}

export interface Import {
	from: string;
	/** The specifier as written. */
	to: string;
}

/** Every import, export-from, require() and import() of a source text. */
export function importsOf(file: string, text: string): Import[] {
	const found: Import[] = [];
	const pattern =
		/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
	for (const match of text.matchAll(pattern)) found.push({ from: file, to: match[2] });
	return found;
}

/** What is wrong with one import, or undefined. */
export function violation({ from, to }: Import): string | undefined {
	if (!to.startsWith('.')) {
		return PACKAGES.has(to) ? undefined : `${from} imports the package ${to}`;
	}
	const target = normalize(join(dirname(from), to)).replace(/\\/g, '/');
	const source = layerOf(from);
	const destination = layerOf(target);
	if (!source) return `${from} is in no layer`;
	if (!destination)
		return `${from} imports ${target}, which is in no layer (test/, bench/, scripts/?)`;
	if (destination.rank > source.rank)
		return `${from} (${LAYERS[source.rank].name}) imports ${target} (${LAYERS[destination.rank].name}), a higher layer`;
	if (
		source.rank === LAYERS.length - 1 &&
		destination.rank === source.rank &&
		destination.folder !== source.folder
	)
		return `${from} imports ${target}: one node does not import another`;
	return undefined;
}

function shippedFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).replace(/\\/g, '/'));
}

describe('layers of the shipped code', () => {
	const files = [...shippedFiles('nodes'), ...shippedFiles('credentials')];
	const imports = files.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));

	it('reads every shipped file and its imports', () => {
		expect(files.length).toBeGreaterThan(70);
		expect(imports.length).toBeGreaterThan(250);
		process.stdout.write(`[layers] ${files.length} files, ${imports.length} imports read\n`);
	});

	it('puts every shipped file in a layer', () => {
		expect(files.filter((file) => !layerOf(file))).toEqual([]);
	});

	it('has no import pointing up a layer, between node folders, or outside the package', () => {
		expect(imports.map(violation).filter(Boolean)).toEqual([]);
	});

	it('finds an import that points up, one between nodes and one into test/ (the check can fail)', () => {
		expect(violation({ from: 'nodes/shared/core/url.ts', to: '../transport/request' })).toMatch(
			/higher layer/,
		);
		expect(
			violation({
				from: 'credentials/jwt/exchange.ts',
				to: '../../nodes/shared/transport/request',
			}),
		).toMatch(/higher layer/);
		expect(
			violation({ from: 'nodes/WorkfrontTrigger/x.ts', to: '../Workfront/actions/router' }),
		).toMatch(/one node does not import another/);
		expect(
			violation({ from: 'nodes/shared/params/x.ts', to: '../../../test/support/keys' }),
		).toMatch(/in no layer/);
		expect(violation({ from: 'nodes/shared/params/x.ts', to: 'lodash' })).toMatch(/the package/);
		expect(violation({ from: 'nodes/shared/transport/x.ts', to: '../core/url' })).toBeUndefined();
		expect(
			importsOf(
				'a.ts',
				"import a from './a';\nexport { b } from \"../b\";\nconst c = require('./c');\nimport('./d');\nimport './e';",
			).map(({ to }) => to),
		).toEqual(['./a', '../b', './c', './d', './e']);
	});
});
