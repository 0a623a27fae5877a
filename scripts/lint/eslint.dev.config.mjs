import { config } from '@n8n/node-cli/eslint';

// What is not shipped: tests, benchmarks and scripts, linted with n8n's configuration less the
// rules that concern only code running inside n8n. They start processes (n8n, npm), read the
// environment and use timers; their simulator accounts are made-up values, not secrets; some call
// the older request helpers on purpose, because n8n's HTTP Request node does. What is shipped
// (nodes/, credentials/, package.json) is linted with eslint.config.mjs, n8n's own, unchanged.
export default [
	...config,
	{
		ignores: [
			'dist/**',
			'build/**',
			'node_modules/**',
			'coverage/**',
			'.cache/**',
			'**/node_modules/**',
		],
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-deprecated-workflow-functions': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
		},
	},
];
