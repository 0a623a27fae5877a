import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { redactSecrets } from '../../nodes/shared/core/errors';

export interface SeenRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/**
 * A second local server, on another port than the Workfront simulator: another origin, where a
 * redirect or a mistyped URL could send a request. It records everything it receives and answers
 * like a plausible Workfront would (JSON, 200), so that a client that did send something here
 * would not notice and fail for another reason.
 */
export class OtherOrigin {
	readonly seen: SeenRequest[] = [];

	private constructor(
		private readonly server: Server,
		readonly origin: string,
	) {}

	static async start(): Promise<OtherOrigin> {
		const holder: { instance?: OtherOrigin } = {};
		const server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				holder.instance?.seen.push({
					method: request.method ?? '',
					url: request.url ?? '',
					headers: request.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ data: { ID: 'other', access_token: 'other-token' } }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		holder.instance = new OtherOrigin(server, `http://127.0.0.1:${port}`);
		return holder.instance;
	}

	/**
	 * The credential material this server received, in any encoding (see redactSecrets), and any
	 * header that carries a Workfront or Adobe IMS token at all (`sessionID`, `Authorization`, the
	 * IMS organization): the token of a credential must never arrive here, whatever it is.
	 */
	credentialsSeen(secrets: string[]): string[] {
		const found: string[] = [];
		for (const request of this.seen) {
			for (const header of ['sessionid', 'authorization', 'x-gw-ims-org-id', 'x-api-key'])
				if (request.headers[header] !== undefined) found.push(`${header} header on ${request.url}`);
			const text = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
			if (redactSecrets(text, secrets) !== text)
				found.push(`a secret in ${request.method} ${request.url}`);
		}
		return found;
	}

	clear(): void {
		this.seen.length = 0;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
