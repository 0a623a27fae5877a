import { createPrivateKey } from 'node:crypto';

import { SignJWT } from 'jose';
import type { IDataObject } from 'n8n-workflow';

/**
 * The baseline: a plain HTTP client (fetch) doing the same Workfront work by hand, with none of
 * n8n's machinery: one token exchange, then the requests.
 */
export class RawWorkfrontClient {
	private token = '';

	constructor(private readonly credentials: IDataObject) {}

	private get origin(): string {
		return String(this.credentials.url);
	}

	async exchange(): Promise<void> {
		const now = Math.floor(Date.now() / 1000);
		const jwt = await new SignJWT({})
			.setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
			.setIssuer(String(this.credentials.customerId))
			.setSubject(String(this.credentials.userId))
			.setIssuedAt(now)
			.setExpirationTime(now + 300)
			.sign(createPrivateKey(String(this.credentials.privateKey)));
		const response = await fetch(`${this.origin}/integrations/oauth2/api/v1/jwt/exchange`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: String(this.credentials.clientId),
				client_secret: String(this.credentials.clientSecret),
				jwt_token: jwt,
			}),
		});
		this.token = ((await response.json()) as { access_token: string }).access_token;
	}

	async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.origin}/attask/api/v21.0/${path}`, {
			method,
			headers: { sessionID: this.token, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const answer = (await response.json()) as { data: T; error?: unknown };
		if (answer.error) throw new Error(JSON.stringify(answer.error));
		return answer.data;
	}

	async createInBulk(objCode: string, records: IDataObject[]): Promise<unknown[]> {
		const created: unknown[] = [];
		for (let index = 0; index < records.length; index += 100) {
			created.push(
				...(await this.call<unknown[]>('POST', objCode, records.slice(index, index + 100))),
			);
		}
		return created;
	}

	async readAll(objCode: string): Promise<unknown[]> {
		const records: unknown[] = [];
		for (;;) {
			const page = await this.call<unknown[]>(
				'GET',
				`${objCode}/search?ID_Sort=asc&$$FIRST=${records.length}&$$LIMIT=2000`,
			);
			records.push(...page);
			if (page.length < 2000) return records;
		}
	}
}
