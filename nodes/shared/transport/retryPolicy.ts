import { mayRepeat } from './networkFailures';

/**
 * When a failed call may be sent again. Workfront refuses the excess of its per-customer
 * concurrency cap with 429 before doing anything, so a 429 is safe to repeat even for a write.
 * Gateway errors, dropped connections and timeouts leave a write in doubt, so only reads repeat on
 * them; what counts as "may have been sent" is the one table in shared/transport/networkFailures.
 */
export type RequestKind = 'read' | 'write';

export const RETRY = {
	maxAttempts: 6,
	/** A request that timed out is tried at most this often: each try may take the whole timeout. */
	maxTimeoutAttempts: 2,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	maxRetryAfterMs: 60_000,
} as const;

/**
 * Statuses with which Workfront refuses a request before doing anything of it: the concurrency cap
 * (429) and a refused session (401). A write answered so may be sent again; a batch answered so
 * was not applied at all.
 */
export function nothingApplied(status: number): boolean {
	return status === 429 || status === 401;
}

export function shouldRetryStatus(status: number, kind: RequestKind): boolean {
	if (status === 429) return true;
	return kind === 'read' && (status === 502 || status === 503 || status === 504);
}

export function shouldRetryNetworkError(code: string | undefined, kind: RequestKind): boolean {
	return mayRepeat(code, kind);
}

/** `Retry-After` in seconds or as an HTTP date, when Workfront ever sends one. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	if (typeof header !== 'string' || header.trim() === '') return undefined;
	const seconds = Number(header);
	const milliseconds = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
	if (!Number.isFinite(milliseconds)) return undefined;
	return Math.min(Math.max(milliseconds, 0), RETRY.maxRetryAfterMs);
}

/** Exponential backoff with jitter: attempt 1 waits about 250 ms, then 500 ms, 1 s, 2 s … (at most 8 s). */
export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(RETRY.maxDelayMs, RETRY.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Waiting that stops when the work it belongs to stops. n8n versions differ in which abort signal
 * they hand to the HTTP client, so a request that must end at a deadline is also raced against it:
 * the caller gets its answer (or failure) at the deadline whatever the client underneath does.
 */
export async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
	work.catch(() => undefined);
	if (signal.aborted) throw signal.reason;
	let onAbort: () => void = () => undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([work, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Waits `milliseconds`, or less when `signal` aborts first (then rejects with its reason). */
export async function pause(milliseconds: number, signal?: AbortSignal): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const elapsed = new Promise<void>((resolve) => {
		timer = setTimeout(resolve, milliseconds);
	});
	try {
		await (signal ? untilAborted(elapsed, signal) : elapsed);
	} finally {
		clearTimeout(timer);
	}
}
