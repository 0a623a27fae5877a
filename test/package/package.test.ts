import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

beforeAll(() => {
	if (!existsSync(join(ROOT, 'dist', 'credentials', 'WorkfrontJwtApi.credentials.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
	}
});

test('the built credential loads with plain CommonJS require and signs with jose', () => {
	const stdout = execFileSync(process.execPath, [join(__dirname, 'loadDist.js'), ROOT], {
		encoding: 'utf8',
	});
	const result = JSON.parse(stdout) as {
		output: unknown;
		header: unknown;
		name: string;
		node: string;
	};
	expect(result.node).toBe(process.version);
	expect(result.name).toBe('workfrontJwtApi');
	expect(result.output).toEqual({ accessToken: 'token-from-stand-in' });
	expect(result.header).toEqual({ alg: 'RS256', typ: 'JWT' });
});

test('every path in the n8n field of package.json exists in dist', () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { credentials: string[]; nodes: string[] };
	};
	const paths = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
	expect(paths.length).toBeGreaterThan(0);
	for (const path of paths) expect(existsSync(join(ROOT, path))).toBe(true);
});

test('npm pack ships only dist, README, LICENSE, package.json and the index.js entry point', () => {
	const cache = mkdtempSync(join(tmpdir(), 'npm-pack-cache-'));
	try {
		const stdout = execFileSync(
			'npm',
			['pack', '--dry-run', '--json', '--ignore-scripts', '--cache', cache],
			{
				cwd: ROOT,
				encoding: 'utf8',
			},
		);
		const [{ files }] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
		const paths = files.map(({ path }) => path);
		const outside = paths.filter(
			(path) => !/^(dist\/|README\.md$|LICENSE$|package\.json$|index\.js$)/.test(path),
		);
		expect(outside).toEqual([]);
		expect(paths).toEqual(
			expect.arrayContaining([
				'README.md',
				'LICENSE',
				'package.json',
				'dist/credentials/WorkfrontJwtApi.credentials.js',
				'dist/icons/workfront.svg',
				'dist/icons/workfront.dark.svg',
			]),
		);
		expect(paths.some((path) => path.startsWith('dist/test') || path.endsWith('.ts'))).toBe(false);
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
});
