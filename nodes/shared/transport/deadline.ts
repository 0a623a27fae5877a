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
