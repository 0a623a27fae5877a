import { dirname } from 'node:path';

import { N8N_CORE_IN_USE } from '../harness/lifetime';

// What follows concerns only the test files that run n8n-core (through test/harness, which marks
// the file as it loads); a file of pure logic does not pay for loading n8n-core here.
const n8nCoreInUse = () => (globalThis as Record<symbol, unknown>)[N8N_CORE_IN_USE] === true;

// n8n-core's execution context starts an SSH-tunnel janitor timer that n8n stops at shutdown;
// a test file is a whole n8n lifetime, so stop it the same way when the file ends. The container
// is taken from where n8n-core resolves it, in case several copies of @n8n/di are installed.
afterAll(async () => {
	if (!n8nCoreInUse()) return;
	const coreDir = dirname(require.resolve('n8n-core'));
	const { Container } = (await import(
		require.resolve('@n8n/di', { paths: [coreDir] })
	)) as typeof import('@n8n/di');
	const { SSHClientsManager } = await import('n8n-core/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});

// Each test starts as a fresh n8n process would: no session state carried over from the test before
// (the tests reuse one credential ID).
beforeEach(async () => {
	if (!n8nCoreInUse()) return;
	const { forgetSessions } = await import('../../nodes/shared/transport/authSession');
	forgetSessions();
});
