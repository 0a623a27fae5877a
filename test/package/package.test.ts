import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

beforeAll(() => {
	if (!existsSync(join(ROOT, 'dist', 'credentials', 'WorkfrontJwtApi.credentials.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
	}
});

test('the built credential loads with plain CommonJS require and signs with the bundled jose', () => {
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
	expect(result.output).toEqual({
		accessToken: 'token-from-stand-in',
		accessTokenFor: expect.stringMatching(/^[0-9a-f]{64}$/),
	});
	expect(result.header).toEqual({ alg: 'RS256', typ: 'JWT' });
});

/** Every file of dist/, as path → text. */
function distFiles(dir = join(ROOT, 'dist')): Array<[string, string]> {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return distFiles(path);
		return entry.name.endsWith('.js')
			? [[path, readFileSync(path, 'utf8')] as [string, string]]
			: [];
	});
}

test('dist needs nothing at run time but n8n-workflow (the peer dependency) and Node.js itself', () => {
	const needed = new Set<string>();
	for (const [, text] of distFiles()) {
		for (const [, module] of text.matchAll(/require\(["']([^"']+)["']\)/g)) {
			if (!module.startsWith('.')) needed.add(module);
		}
	}
	expect([...needed].sort()).toEqual(['n8n-workflow', 'node:crypto']);
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		dependencies?: object;
		peerDependencies?: object;
	};
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});

test('jose is bundled into the signer with its licence notice, and only there', () => {
	const withJose = distFiles().filter(([, text]) => text.includes('SignJWT'));
	expect(withJose.map(([path]) => path.slice(ROOT.length + 1))).toEqual([
		'dist/credentials/jwt/signAssertion.js',
	]);
	expect(withJose[0][1]).toMatch(
		/Bundled: jose \d+\.\d+\.\d+[\s\S]*The MIT License[\s\S]*Filip Skokan/,
	);
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

test("eslint.config.mjs is n8n's own (strict mode: `n8n-node lint` refuses any other), and lint uses it", () => {
	// The lint tooling is installed apart (scripts/lint.mjs); this installs it when it is not yet.
	const install = spawnSync(process.execPath, [join(ROOT, 'scripts/lint.mjs'), '--install'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	expect(install.status).toBe(0);
	const template = readFileSync(
		join(
			ROOT,
			'scripts/lint/node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
		),
		'utf8',
	);
	const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();
	expect(normalised(readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8'))).toBe(
		normalised(template),
	);
	// What lint reads is the same file, byte for byte, beside the tooling it imports.
	expect(readFileSync(join(ROOT, 'scripts/lint/eslint.config.mjs'), 'utf8')).toBe(
		readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8'),
	);
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { strict: boolean };
		scripts: Record<string, string>;
		devDependencies: Record<string, string>;
	};
	expect(manifest.n8n.strict).toBe(true);
	expect(manifest.scripts.lint).toBe('node scripts/lint.mjs');
	// What ships is linted with n8n's configuration; only tests, benchmarks and scripts use the
	// dev one.
	expect(readFileSync(join(ROOT, 'scripts/lint.mjs'), 'utf8')).toMatch(
		/eslint\.config\.mjs'\), 'nodes', 'credentials', 'package\.json'/,
	);
	// The tooling, and what it brings (n8n-workflow 2.x, LangChain), is not in the package's install.
	expect(manifest.devDependencies['@n8n/node-cli']).toBeUndefined();
});

test('the release workflow publishes with npm provenance, after CI, from GitHub Actions', () => {
	const workflow = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
	expect(workflow).toMatch(/id-token: write/);
	expect(workflow).toMatch(/npm publish --provenance --access public/);
	expect(workflow).toMatch(/needs: test/);
	expect(workflow).toMatch(/run: bash \.ci\/run/);
	expect(workflow).toMatch(/run: npm run scan/);
});
