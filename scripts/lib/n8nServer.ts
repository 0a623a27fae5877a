import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

import { freePort, type N8nInstance } from './n8nInstance';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Workfront-Demo-1',
};

class PortTakenError extends Error {
	constructor(port: number) {
		super(`Port ${port} was taken before n8n could listen on it`);
	}
}

export interface N8nServerOptions {
	/**
	 * Environment for `n8n start` on top of the defaults (which point WEBHOOK_URL at this server);
	 * e.g. a main instance in queue mode whose webhooks a separate webhook processor receives.
	 */
	env?: NodeJS.ProcessEnv;
}

/** `n8n start` for one instance, with its owner set up and logged in for REST calls. */
export class N8nServer {
	private cookie = '';

	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly output: { text: string },
	) {}

	/**
	 * Starts n8n on a free port and waits until it is fully up: its REST API answers and it has
	 * printed the editor URL (after its active workflows are initialised). The port is chosen
	 * before n8n binds it, so another process may take it first; then n8n exits and a new port
	 * is tried.
	 */
	static async start(
		instance: N8nInstance,
		port?: number,
		timeoutMs = 120_000,
		options: N8nServerOptions = {},
	): Promise<N8nServer> {
		for (let attempt = 1; ; attempt += 1) {
			try {
				return await N8nServer.startOn(instance, port ?? (await freePort()), timeoutMs, options);
			} catch (error) {
				if (!(error instanceof PortTakenError) || port !== undefined || attempt === 3) throw error;
			}
		}
	}

	private static async startOn(
		instance: N8nInstance,
		port: number,
		timeoutMs: number,
		options: N8nServerOptions,
	): Promise<N8nServer> {
		const child = instance.spawn(['start'], {
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_PORT: String(port),
			N8N_LOG_LEVEL: 'info',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			...options.env,
		});
		const output = { text: '' };
		const keep = (chunk: Buffer) => (output.text = (output.text + chunk.toString()).slice(-20_000));
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const server = new N8nServer(child, `http://127.0.0.1:${port}`, output);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) {
				if (/already in use/.test(output.text)) throw new PortTakenError(port);
				throw new Error(`n8n exited while starting:\n${output.text}`);
			}
			if (output.text.includes('Editor is now accessible via')) {
				const response = await fetch(`${server.url}/rest/settings`).catch(() => undefined);
				if (response?.ok) return server;
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

	/**
	 * "Connect my account" on an OAuth2 credential, as the editor does it: n8n gives the
	 * authorization URL; the browser follows it to the provider, which sends it back to n8n's
	 * callback with a code, which n8n exchanges and stores. Here the provider (the simulator) signs
	 * the user in at once, so the browser is two plain requests. Answers the callback page's text.
	 */
	async connectOAuth2(credentialId: string): Promise<string> {
		const answer = await this.rest<{ data?: string }>(
			'GET',
			`oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
		);
		if (typeof answer.body.data !== 'string')
			throw new Error(`n8n gave no authorization URL: ${JSON.stringify(answer.body)}`);
		const provider = await fetch(answer.body.data, { redirect: 'manual' });
		const callback = provider.headers.get('location');
		if (!callback)
			throw new Error(`The provider did not redirect (${provider.status}): ${await provider.text()}`);
		const page = await fetch(callback, {
			headers: this.cookie ? { cookie: this.cookie } : {},
			redirect: 'manual',
		});
		return await page.text();
	}

	private async workflowVersion(id: string): Promise<string | undefined> {
		const answer = await this.rest<{ data?: { versionId?: string } }>('GET', `workflows/${id}`);
		return answer.body.data?.versionId;
	}

	/** Activates a workflow through the REST API: `POST …/activate` (2.x) or `PATCH` with active (1.x). */
	async activateWorkflow(id: string): Promise<void> {
		await this.setActive(id, true);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.setActive(id, false);
	}

	private async setActive(id: string, active: boolean): Promise<void> {
		const versionId = await this.workflowVersion(id);
		const action = active ? 'activate' : 'deactivate';
		const modern = await this.rest('POST', `workflows/${id}/${action}`, { versionId });
		if (modern.status === 200) return;
		const legacy = await this.rest('PATCH', `workflows/${id}`, { active, versionId });
		if (legacy.status !== 200)
			throw new Error(
				`Trying to ${action} workflow ${id}: ${JSON.stringify(modern.body)} / ${JSON.stringify(legacy.body)}\nn8n printed:\n${this.output.text.slice(-4000)}`,
			);
	}

	/** Waits (up to 30 s) until the workflow has at least `count` finished executions. */
	async waitForExecutions(workflowId: string, count: number): Promise<Array<{ status?: string }>> {
		const deadline = Date.now() + 30_000;
		for (;;) {
			const answer = await this.rest<{
				data?: { results?: Array<{ status?: string; finished?: boolean }> };
			}>('GET', `executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
			const results = (answer.body.data?.results ?? []).filter(
				({ status }) => status !== 'running' && status !== 'new',
			);
			if (results.length >= count || Date.now() > deadline) return results;
			await delay(500);
		}
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
