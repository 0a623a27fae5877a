import { performance } from 'node:perf_hooks';

import { loadPrivateKey } from '../credentials/jwt/privateKey';
import { rsaPair } from '../test/support/keys';

/**
 * How long reading a hostile Private Key field takes. The key is read on every token exchange,
 * inside n8n's event loop, so no input may make it slow. Prints the median time per input
 * next to the time for a real key, as a ratio (timing is only compared within one run).
 */
const MEGABYTE = 1024 * 1024;
const real = rsaPair().pkcs8;
const inputs: Array<[string, string]> = [
	['real 2048-bit key', real],
	['1 MB of quotes', '"'.repeat(MEGABYTE)],
	['1 MB of BEGIN lines', '-----BEGIN A-----\n'.repeat(MEGABYTE / 18)],
	['1 MB BEGIN PRIVATE KEY without END', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(MEGABYTE)}`],
	['60 KB of quotes (under the size cap)', '"'.repeat(60_000)],
	['60 KB of BEGIN lines without END', '-----BEGIN A-----'.repeat(3500)],
	['60 KB quoted real key', `${'"'.repeat(25_000)}${real}${'"'.repeat(25_000)}`],
];

/** The median of 9 runs after one warm-up run (the first run pays for compiling the code). */
function medianMs(text: string): number {
	const times: number[] = [];
	for (let run = 0; run < 10; run += 1) {
		const started = performance.now();
		try {
			loadPrivateKey(text);
		} catch {
			// Refusing is the expected outcome for the hostile inputs.
		}
		if (run > 0) times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const baseline = medianMs(real);
print('| Input | Median (ms) | × a real key |');
print('|---|---|---|');
let worstHostile = 0;
for (const [name, text] of inputs) {
	const ms = medianMs(text);
	if (text !== real) worstHostile = Math.max(worstHostile, ms);
	print(`| ${name} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(1)} |`);
}
print(`\nWorst hostile input: ${worstHostile.toFixed(2)} ms (target: well under 100 ms).`);
process.exitCode = worstHostile < 100 ? 0 : 1;
