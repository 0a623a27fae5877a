// tsc compiles the TypeScript; gulp clears the output and copies what tsc does not: the icons and
// the codex files (Workfront.node.json etc.) that n8n reads next to the compiled nodes.
const { rmSync } = require('node:fs');
const { src, dest, parallel } = require('gulp');

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

exports.clean = clean;
exports['build:assets'] = parallel(copyIcons, copyCodex);
exports.default = exports['build:assets'];
