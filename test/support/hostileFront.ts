import {
	createServer,
	request as forward,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request itself instead of the simulator; return false to let it through. */
export type HostileAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * A server in front of the simulator, on its own port, that a credential's Workfront URL points
 * at: it passes every request through unchanged, except those a test takes over (a body that never
 * ends, a trickle, a session check that never finishes). Not Workfront behaviour: a model of a
 * broken or hostile server, to prove that every request has a bound. It counts what it took over
 * and how many bytes it wrote, and closes everything on `close`.
 */
export class HostileFront {
	private answer: HostileAnswer = () => false;
	private readonly open = new Set<ServerResponse>();
	private readonly timers = new Set<NodeJS.Timeout>();
	/** Requests taken over, by method and path. */
	readonly takenOver: string[] = [];
	/** Bytes written by taken-over answers. */
	bytesWritten = 0;

	private constructor(
		private readonly server: Server,
		readonly origin: string,
	) {}

	static async start(target: string): Promise<HostileFront> {
		const holder: { front?: HostileFront } = {};
		const server = createServer((request, response) =>
			holder.front?.handle(request, response, target),
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		holder.front = new HostileFront(server, `http://127.0.0.1:${port}`);
		return holder.front;
	}

	/** From now on, `answer` decides which requests this server answers itself. */
	takeOver(answer: HostileAnswer): void {
		this.answer = answer;
	}

	/** Answers bytes of `chunk` every `everyMs`, for ever (until the client goes away or close). */
	stream(response: ServerResponse, chunk: Buffer, everyMs: number, headers = {}): void {
		response.writeHead(200, { 'content-type': 'application/octet-stream', ...headers });
		this.open.add(response);
		const write = () => {
			if (response.destroyed) return;
			this.bytesWritten += chunk.length;
			// Back-pressure: wait for the client to read before writing more.
			if (response.write(chunk)) schedule();
			else response.once('drain', schedule);
		};
		const schedule = () => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				write();
			}, everyMs);
			this.timers.add(timer);
		};
		response.on('close', () => this.open.delete(response));
		write();
	}

	/** Connections of taken-over answers still open. */
	openAnswers(): number {
		return this.open.size;
	}

	private handle(request: IncomingMessage, response: ServerResponse, target: string): void {
		if (this.answer(request, response)) {
			this.takenOver.push(`${request.method ?? ''} ${request.url ?? ''}`);
			return;
		}
		const upstream = new URL(request.url ?? '/', target);
		const outgoing = forward(
			upstream,
			{ method: request.method, headers: { ...request.headers, host: upstream.host } },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		outgoing.on('error', () => response.destroy());
		request.pipe(outgoing);
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		for (const response of this.open) response.destroy();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
