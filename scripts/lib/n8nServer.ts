import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

import { freePort, type N8nInstance } from './n8nInstance';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Workfront-Demo-1',
};

/** `n8n start` for one instance, with its owner set up and logged in for REST calls. */
export class N8nServer {
	private cookie = '';

	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly output: { text: string },
	) {}

	static async start(
		instance: N8nInstance,
		port?: number,
		timeoutMs = 120_000,
	): Promise<N8nServer> {
		const chosen = port ?? (await freePort());
		const child = instance.spawn(['start'], {
			N8N_PORT: String(chosen),
			N8N_LOG_LEVEL: 'info',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
		});
		const output = { text: '' };
		const keep = (chunk: Buffer) => (output.text = (output.text + chunk.toString()).slice(-20_000));
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const server = new N8nServer(child, `http://127.0.0.1:${chosen}`, output);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n exited while starting:\n${output.text}`);
			try {
				const response = await fetch(`${server.url}/rest/settings`);
				if (response.ok) return server;
			} catch {
				// not listening yet
			}
			await delay(500);
		}
		await server.stop();
		throw new Error(`n8n did not start within ${timeoutMs / 1000} s:\n${output.text}`);
	}

	async rest<T>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.url}/rest/${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as T };
	}

	/** Creates the owner account (first start) and logs in as it. */
	async loginAsOwner(): Promise<void> {
		await this.rest('POST', 'owner/setup', OWNER);
		const login = await this.rest('POST', 'login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200)
			throw new Error(`Logging in to n8n failed (${login.status}): ${JSON.stringify(login.body)}`);
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			const force = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
			this.child.once('exit', () => {
				clearTimeout(force);
				resolve();
			});
			this.child.kill('SIGTERM');
		});
	}
}
