import fc from 'fast-check';

/**
 * The one way the suites check a property over generated inputs. The seed is fixed (override with
 * PROPERTY_SEED to explore, PROPERTY_RUNS to scale every run count), so CI sees the same inputs on
 * every run; each check prints its name, run count and seed, and a failure prints the shrunk
 * counterexample with the seed and path to replay it.
 */
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20261203);
const RUN_SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

export interface PropertyOptions {
	/** Generated inputs to try (before PROPERTY_RUNS_SCALE). */
	runs: number;
}

function report(name: string, runs: number): void {
	process.stderr.write(`[property] ${name}: ${runs} runs, seed ${PROPERTY_SEED}, held\n`);
}

function runsOf(options: PropertyOptions): number {
	return Math.max(1, Math.round(options.runs * RUN_SCALE));
}

/** A synchronous property: `check` throws (or returns false) when the property does not hold. */
export function holdsFor<T>(
	name: string,
	input: fc.Arbitrary<T>,
	check: (value: T) => boolean | void,
	options: PropertyOptions,
): void {
	const numRuns = runsOf(options);
	fc.assert(fc.property(input, check), { seed: PROPERTY_SEED, numRuns, endOnFailure: true });
	report(name, numRuns);
}

/** An asynchronous property (real HTTP, n8n-core runs). */
export async function holdsForAsync<T>(
	name: string,
	input: fc.Arbitrary<T>,
	check: (value: T) => Promise<boolean | void>,
	options: PropertyOptions,
): Promise<void> {
	const numRuns = runsOf(options);
	await fc.assert(fc.asyncProperty(input, check), {
		seed: PROPERTY_SEED,
		numRuns,
		endOnFailure: true,
	});
	report(name, numRuns);
}

export { fc };
