import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

// The package depends on jose and form-data, so it targets self-hosted n8n: n8n's community-node
// rules in their variant without n8n Cloud support. That variant still forbids runtime
// dependencies, which this package has by the product owner's choice, so that one rule is off.
export default [
	...configWithoutCloudSupport,
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.cache/**'] },
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// Tests, benchmarks and scripts are not shipped: they may start processes (n8n, npm), their
		// simulator accounts are made-up values, not secrets, and some call the older request
		// helpers on purpose, because n8n's HTTP Request node does.
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-deprecated-workflow-functions': 'off',
		},
	},
];
