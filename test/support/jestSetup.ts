import { dirname } from 'node:path';

// n8n-core's execution context starts an SSH-tunnel janitor timer that n8n stops at shutdown;
// a test file is a whole n8n lifetime, so stop it the same way when the file ends. The container
// is taken from where n8n-core resolves it, in case several copies of @n8n/di are installed.
afterAll(async () => {
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
	const { forgetSessions } = await import('../../nodes/shared/transport/authSession');
	forgetSessions();
});
