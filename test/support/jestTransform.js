// Compiles TypeScript sources, and the ESM-only `jose` package, to CommonJS for Jest's module
// loader, which cannot `require` ES modules the way Node 20.19+ and n8n do. esbuild compiles one
// file at a time without type-checking (`npm run typecheck` does that), many times faster than
// TypeScript's transpileModule.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

// esbuild's synchronous API normally runs its service in a worker thread and blocks the calling
// thread with Atomics.wait, with no deadline: a jest process once hung there for good (seen in a
// clean-clone CI run, the main jest process waiting, no test started). Without worker threads each
// call runs esbuild as a child process and returns or fails; results are cached by jest anyway.
process.env.ESBUILD_WORKER_THREADS = '0';
const esbuild = require('esbuild');

const OPTIONS = {
	format: 'cjs',
	target: 'es2022',
	platform: 'node',
	sourcemap: 'inline',
	sourcesContent: true,
	// `import()` becomes a `require` in a promise, as tsc compiles it for CommonJS: Jest's loader
	// runs no native dynamic import without --experimental-vm-modules.
	supported: { 'dynamic-import': false },
};

// What ships is tsc's CommonJS output, where a module's exports are plain redefinable properties
// and `import * as m` is the module itself when it was compiled from ES syntax. esbuild's helpers
// define getters that cannot be redefined, and copy a module for `import * as m`, so jest.spyOn on
// `m` would change a copy nobody calls. Three of its helpers are changed to tsc's behaviour; a
// change of esbuild that renames them fails here, loudly, not in a test.
const AS_TSC = [
	{
		helper: '__export',
		esbuild: '__defProp(target, name, { get: all[name], enumerable: true })',
		tsc: '__defProp(target, name, { get: all[name], enumerable: true, configurable: true })',
	},
	{
		helper: '__copyProps',
		esbuild: 'enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable })',
		tsc: 'enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable, configurable: true })',
	},
	{
		helper: '__toESM',
		esbuild: 'var __toESM = (mod, isNodeMode, target) => (',
		tsc: 'var __toESM = (mod, isNodeMode, target) => !isNodeMode && mod && mod.__esModule ? mod : (',
	},
];

function asTsc(code, sourcePath) {
	for (const { helper, esbuild: written, tsc } of AS_TSC) {
		if (!code.includes(`var ${helper} = `)) continue;
		if (!code.includes(written))
			throw new Error(`jestTransform: esbuild's ${helper} helper changed (${sourcePath})`);
		code = code.replace(written, tsc);
	}
	return code;
}

const ownVersion = createHash('sha256')
	.update(readFileSync(__filename))
	.update(require('esbuild/package.json').version)
	.digest('hex');

module.exports = {
	getCacheKey(sourceText, sourcePath) {
		return createHash('sha256')
			.update(ownVersion)
			.update(sourcePath)
			.update('\0')
			.update(sourceText)
			.digest('hex');
	},
	process(sourceText, sourcePath) {
		const { code } = esbuild.transformSync(sourceText, {
			...OPTIONS,
			loader: sourcePath.endsWith('.ts') ? 'ts' : 'js',
			sourcefile: sourcePath,
		});
		return { code: asTsc(code, sourcePath) };
	},
};
