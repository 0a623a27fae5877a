// tsc compiles the TypeScript; gulp clears the output, copies what tsc does not (the icons and the
// codex files, Workfront.node.json etc., that n8n reads next to the compiled nodes), and bundles
// the one library the package runs with. n8n verifies only packages with no runtime dependencies
// ("bundle them into your build artifact", @n8n/community-nodes/no-runtime-dependencies), so jose
// is a devDependency and its signing code goes into dist/credentials/jwt/signAssertion.js.
const { readFileSync, rmSync } = require('node:fs');
const { src, dest, parallel, series } = require('gulp');

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function copyIcons() {
	return src('icons/**/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { allowEmpty: true }).pipe(dest('dist/nodes'));
}

/** jose's MIT notice, kept with the code that is copied from it. */
function joseNotice() {
	const { version } = JSON.parse(readFileSync('node_modules/jose/package.json', 'utf8'));
	const license = readFileSync('node_modules/jose/LICENSE.md', 'utf8').trim();
	return `/*!\n * Bundled: jose ${version} (https://github.com/panva/jose), only what SignJWT needs.\n *\n${license
		.split('\n')
		.map((line) => ` * ${line}`.trimEnd())
		.join('\n')}\n */`;
}

/**
 * The signer, with jose inside it (tree-shaken: SignJWT and what it reaches), written over tsc's
 * output of the same file. Everything else stays as tsc wrote it; node:crypto stays external.
 */
async function bundleSigner() {
	const esbuild = require('esbuild');
	await esbuild.build({
		// The TypeScript source, not tsc's output: its ES import lets esbuild keep only what is used.
		entryPoints: ['credentials/jwt/signAssertion.ts'],
		outfile: 'dist/credentials/jwt/signAssertion.js',
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		banner: { js: joseNotice() },
		legalComments: 'none',
		logLevel: 'warning',
	});
}

exports.clean = clean;
exports['build:assets'] = parallel(copyIcons, copyCodex);
exports['build:bundle'] = series(bundleSigner);
exports.default = parallel(exports['build:assets'], exports['build:bundle']);
