/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: {
		'\\.ts$': '<rootDir>/test/support/jestTransform.js',
		'node_modules[\\\\/]jose[\\\\/].+\\.js$': '<rootDir>/test/support/jestTransform.js',
	},
	transformIgnorePatterns: ['node_modules[\\\\/](?!jose[\\\\/])'],
	testTimeout: 30000,
	setupFiles: ['<rootDir>/test/support/jestEnv.js'],
	setupFilesAfterEnv: ['<rootDir>/test/support/jestSetup.ts'],
};
