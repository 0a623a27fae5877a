import * as workflow from 'n8n-workflow';

import { mayRepeat } from './networkFailures';

/**
 * When a failed call may be sent again. Workfront refuses the excess of its per-customer
 * concurrency cap with 429 before doing anything, so a 429 is safe to repeat even for a write.
 * Gateway errors, dropped connections and timeouts leave a write in doubt, so only reads repeat on
 * them; what counts as "may have been sent" is the one table in networkFailures.ts.
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

type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>;

/** n8n-workflow's timers, as each major version offers them. */
export interface TimerHelpers {
	sleep: Sleep;
	sleepWithAbort?: Sleep;
}

/**
 * Waits `milliseconds`, or less when `signal` aborts first (then rejects with its reason). The
 * timer is n8n's, as n8n Cloud's rules want (no setTimeout in a community node): n8n-workflow 1.x
 * has sleepWithAbort, which clears its timer on abort; 2.x removed it and its `sleep` takes the
 * signal itself (@n8n/utils/sleep). Older 1.x's `sleep` ignores a signal, so the wait is also
 * raced against it: the caller is released on abort whichever n8n runs it.
 */
export function pauseWith(helpers: TimerHelpers): Sleep {
	return async (milliseconds, signal) => {
		const timer =
			signal && typeof helpers.sleepWithAbort === 'function'
				? helpers.sleepWithAbort(milliseconds, signal)
				: helpers.sleep(milliseconds, signal);
		await (signal ? untilAborted(timer, signal) : timer);
	};
}

export const pause = pauseWith(workflow as unknown as TimerHelpers);
