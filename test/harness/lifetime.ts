/**
 * Set on the test file's global when the harness is loaded: the file runs n8n-core, so
 * test/support/jestSetup.ts resets the node's sessions before each test and stops n8n-core's
 * timers after the file, as n8n does between executions and at shutdown.
 */
export const N8N_CORE_IN_USE = Symbol.for('n8n-nodes-workfront.n8nCoreInUse');

export function markN8nCoreInUse(): void {
	(globalThis as Record<symbol, unknown>)[N8N_CORE_IN_USE] = true;
}
