// Compiles TypeScript sources, and the ESM-only `jose` package, to CommonJS for Jest's module
// loader, which cannot `require` ES modules the way Node 20.19+ and n8n do.
const ts = require('typescript');

module.exports = {
	process(sourceText, sourcePath) {
		const { outputText, sourceMapText } = ts.transpileModule(sourceText, {
			fileName: sourcePath,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
				sourceMap: true,
				inlineSources: true,
				allowJs: true,
			},
		});
		return { code: outputText, map: sourceMapText };
	},
};
