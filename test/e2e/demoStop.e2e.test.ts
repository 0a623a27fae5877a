import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { freePort } from '../../scripts/lib/n8nInstance';

/**
 * `npm run demo` stops on Ctrl-C sent to npm itself (issue 22 #12). npm runs a script as
 * `sh -c "<script>"` and forwards a SIGINT it receives to that shell only; the shell used to wait
 * for `node build/scripts/demo.js`, which never saw the signal and kept n8n and the simulator
 * running. The script now ends with `exec node …`, so the signal reaches the demo, which stops
 * both. This starts the demo as npm is started from a terminal (its own process group), sends
 * SIGINT to the npm process alone, and checks that every process of the group exits and both
 * ports are free. It rebuilds dist/ and starts real n8n (one to two minutes).
 */
jest.setTimeout(20 * 60 * 1000);

const ROOT = join(__dirname, '..', '..');

/** Whether a TCP port on 127.0.0.1 can be listened on again. */
async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Whether any process of the group is still there (signal 0 checks without sending anything). */
function groupAlive(groupId: number): boolean {
	try {
		process.kill(-groupId, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms: number) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Timed out waiting until ${what}`);
}

let npm: ChildProcess | undefined;

afterAll(() => {
	// Whatever happened, nothing of the demo outlives the test.
	if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
});

test('Ctrl-C sent to the npm process stops n8n, the simulator and every process of the demo', async () => {
	const port = await freePort();
	// detached: a process group of its own, led by npm, as a shell starts a foreground job.
	npm = spawn('npm', ['run', 'demo', '--', '--port', String(port)], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		npm?.once('exit', (code) => resolve(code)),
	);
	await waitFor(
		() => output.includes('Press Ctrl-C to stop everything') || npm?.exitCode !== null,
		'the demo is ready',
		15 * 60 * 1000,
	);
	expect(output).toContain('Press Ctrl-C to stop everything');
	const simulatorPort = Number(/Workfront simulator at http:\/\/[^:]+:(\d+)/.exec(output)?.[1]);
	expect(simulatorPort).toBeGreaterThan(0);
	expect(await portIsFree(port)).toBe(false);
	expect(await portIsFree(simulatorPort)).toBe(false);

	// Ctrl-C, as `kill -INT <npm>` sends it: to npm alone, not to the group.
	process.kill(npm.pid as number, 'SIGINT');
	// Before the fix npm never exited: it waited for its shell, which waited for the demo, which
	// never saw the signal (checked: this test then failed here).
	let npmExited = false;
	void exited.then(() => (npmExited = true));
	await waitFor(() => npmExited, 'npm has exited after its SIGINT', 60_000);
	await waitFor(
		() => !groupAlive(npm?.pid as number),
		'every process of the demo has exited',
		60_000,
	);
	expect(output).toContain('Stopping n8n and the simulator');
	expect(await portIsFree(port)).toBe(true);
	expect(await portIsFree(simulatorPort)).toBe(true);
});
