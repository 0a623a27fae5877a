/** Wall time and peak heap growth of one async run; the median of several runs. */
export interface Measurement<T> {
	ms: number;
	peakHeapMb: number;
	result: T;
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function measure<T>(work: () => Promise<T>): Promise<Measurement<T>> {
	gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 2);
	const started = process.hrtime.bigint();
	try {
		const result = await work();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { ms, peakHeapMb: (peak - baseline) / 1024 / 1024, result };
	} finally {
		clearInterval(sampler);
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `work` `times` times (each on fresh state from `setUp`) and keeps the median time. */
export async function medianOf<S, T>(
	times: number,
	setUp: () => Promise<S>,
	work: (state: S) => Promise<T>,
	tearDown: (state: S) => Promise<void>,
): Promise<Measurement<T>> {
	const runs: Array<Measurement<T>> = [];
	for (let index = 0; index < times; index += 1) {
		process.stderr.write('.');
		const state = await setUp();
		try {
			runs.push(await measure(async () => await work(state)));
		} finally {
			await tearDown(state);
		}
	}
	const middle = median(runs.map(({ ms }) => ms));
	return runs.find(({ ms }) => ms === middle) as Measurement<T>;
}
