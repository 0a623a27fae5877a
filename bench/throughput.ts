/* eslint-disable no-console -- a benchmark reports on the console */
import './env';

import { cpus, totalmem } from 'node:os';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createHelper, runNode } from '../test/harness/runWorkflow';
import { SimulatorProcess } from '../test/simulator/remote';
import { record } from '../test/support/workfrontNode';
import { medianOf, type Measurement } from './measure';
import { RawWorkfrontClient } from './rawClient';
import { forgetSessions } from '../nodes/shared/transport/authSession';

const LATENCY_MS = 20;
const REPEATS = 5;

interface Row {
	scenario: string;
	subject: string;
	ms: number;
	requests?: number;
	notes?: string;
}

interface Outcome {
	count: number;
	requests: number;
	exchanges: number;
}

const rows: Row[] = [];
const checks: Array<{ what: string; ok: boolean; figure: string }> = [];

const check = (what: string, ok: boolean, figure: string) => checks.push({ what, ok, figure });
const names = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ name: `Bench ${index}` }));
/** Maps each input item's keys to fields: the way to bulk-create from upstream data, no expression per item. */
const createFromItems = (batchSize: number) =>
	record('create', { inputMode: 'auto', options: { batchSize } });

/**
 * The Workfront node, run through n8n-core, with a fresh credential in a fresh n8n process (so its
 * first request exchanges): the token gate of this process would otherwise hand the run the token
 * an earlier run exchanged less than a minute before (credentials/common/tokenGate.ts).
 */
async function viaNode(
	simulator: SimulatorProcess,
	parameters: IDataObject,
	input?: IDataObject[],
): Promise<Outcome> {
	forgetSessions();
	await simulator.reset();
	const result = await runNode(createHelper(simulator.credentials), {
		parameters: parameters as INodeParameters,
		input,
	});
	if (result.error) throw new Error(`The node failed: ${result.error.message}`);
	const { requests, exchanges } = await simulator.counters();
	return { count: result.json.length, requests, exchanges };
}

async function viaRaw(
	simulator: SimulatorProcess,
	work: (client: RawWorkfrontClient) => Promise<unknown[]>,
): Promise<Outcome> {
	await simulator.reset();
	const client = new RawWorkfrontClient(simulator.credentials);
	await client.exchange();
	const records = await work(client);
	const { requests, exchanges } = await simulator.counters();
	return { count: records.length, requests, exchanges };
}

const same =
	<T>(value: T) =>
	async () =>
		value;
const keep = async () => undefined;

async function createScenario(simulator: SimulatorProcess) {
	// Warm-up, so that neither side pays for loading and compiling code in its measured runs.
	await viaNode(simulator, createFromItems(100), names(100));
	await viaRaw(simulator, async (client) => await client.createInBulk('PROJ', names(100)));
	const scenario = `Create 1,000 records (${LATENCY_MS} ms latency)`;
	const batched = await medianOf(
		REPEATS,
		same(simulator),
		async (sim) => await viaNode(sim, createFromItems(100), names(1000)),
		keep,
	);
	const single = await medianOf(
		1,
		same(simulator),
		async (sim) => await viaNode(sim, createFromItems(1), names(1000)),
		keep,
	);
	const raw = await medianOf(
		REPEATS,
		same(simulator),
		async (sim) =>
			await viaRaw(sim, async (client) => await client.createInBulk('PROJ', names(1000))),
		keep,
	);
	rows.push(
		{
			scenario,
			subject: 'node, batch size 100 (default)',
			ms: batched.ms,
			requests: batched.result.requests,
		},
		{ scenario, subject: 'node, batch size 1', ms: single.ms, requests: single.result.requests },
		{
			scenario,
			subject: 'raw fetch, same bulk requests',
			ms: raw.ms,
			requests: raw.result.requests,
		},
	);
	check(
		'create: at most 11 requests including the exchange',
		batched.result.requests <= 11,
		`${batched.result.requests} requests`,
	);
	check(
		'create: at least 20x faster than batch size 1',
		single.ms / batched.ms >= 20,
		`${(single.ms / batched.ms).toFixed(1)}x`,
	);
	check(
		'create: within 1.25x of the raw baseline',
		batched.ms / raw.ms <= 1.25,
		`${(batched.ms / raw.ms).toFixed(2)}x`,
	);
}

async function readScenario(simulator: SimulatorProcess, latencyMs: number) {
	await simulator.setOptions({ latencyMs });
	const scenario = `Get Many, Return All, 50,000 records (${latencyMs} ms latency)`;
	await viaNode(simulator, record('getMany', { objectType: 'TASK', returnAll: true }));
	await viaRaw(simulator, async (client) => await client.readAll('TASK'));
	const node = await medianOf(
		REPEATS,
		same(simulator),
		async (sim) => await viaNode(sim, record('getMany', { objectType: 'TASK', returnAll: true })),
		keep,
	);
	const raw = await medianOf(
		REPEATS,
		same(simulator),
		async (sim) => await viaRaw(sim, async (client) => await client.readAll('TASK')),
		keep,
	);
	if (node.result.count !== 50_000 || raw.result.count !== 50_000)
		throw new Error('a read came back incomplete');
	const perRecord = (measurement: Measurement<Outcome>) =>
		(measurement.ms * 1000) / measurement.result.count;
	const notes = (measurement: Measurement<Outcome>) =>
		`${perRecord(measurement).toFixed(1)} µs/record, peak heap +${measurement.peakHeapMb.toFixed(0)} MB`;
	rows.push(
		{
			scenario,
			subject: 'node, concurrency 5 (default)',
			ms: node.ms,
			requests: node.result.requests,
			notes: notes(node),
		},
		{
			scenario,
			subject: 'raw fetch, sequential pages',
			ms: raw.ms,
			requests: raw.result.requests,
			notes: notes(raw),
		},
	);
	if (latencyMs > 0) {
		check(
			'read 50k: at most 27 requests',
			node.result.requests <= 27,
			`${node.result.requests} requests`,
		);
		check(
			'read 50k: at most 0.5x the sequential baseline',
			node.ms / raw.ms <= 0.5,
			`${(node.ms / raw.ms).toFixed(2)}x`,
		);
	} else {
		const ratio = perRecord(node) / perRecord(raw);
		check(
			'per-record overhead (no latency): at most 2x the raw baseline',
			ratio <= 2,
			`${ratio.toFixed(2)}x`,
		);
	}
}

async function tokenScenario(simulator: SimulatorProcess) {
	await simulator.setOptions({ latencyMs: LATENCY_MS });
	// As a freshly started n8n: no token exchanged before the three runs.
	forgetSessions();
	await simulator.reset();
	const helper = createHelper(simulator.credentials);
	const ids = (await simulator.records('TASK')).slice(0, 5000).map(({ ID }) => ({ id: ID }));
	const runs: IDataObject[] = [
		record('update', {
			objectType: 'TASK',
			id: '={{ $json.id }}',
			inputMode: 'json',
			fieldsJson: '{"priority": 4}',
		}),
		record('getMany', { objectType: 'TASK', returnAll: true, options: { concurrency: 10 } }),
		record('get', { objectType: 'TASK', id: '={{ $json.id }}' }),
	];
	const inputs = [ids, undefined, ids.slice(0, 200)];
	for (const [index, parameters] of runs.entries()) {
		const result = await runNode(helper, {
			parameters: parameters as INodeParameters,
			input: inputs[index],
		});
		if (result.error) throw new Error(`The node failed: ${result.error.message}`);
	}
	const { exchanges, requests, peakConcurrency } = await simulator.counters();
	rows.push({
		scenario:
			'Token exchanges over 3 runs: update 5,000 items, read 50,000 at concurrency 10, get 200',
		subject: 'node',
		ms: Number.NaN,
		requests,
		notes: `${exchanges} exchange(s), peak concurrency ${peakConcurrency}`,
	});
	check('tokens: exactly 1 exchange over the runs', exchanges === 1, `${exchanges} exchange(s)`);
}

function printTable() {
	const cpu = cpus();
	console.log(
		`\nMachine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}; simulator in its own process\n`,
	);
	console.log('| Scenario | Subject | Wall time | Requests | Notes |');
	console.log('|---|---|---:|---:|---|');
	for (const row of rows) {
		const time = Number.isNaN(row.ms) ? '–' : `${row.ms.toFixed(0)} ms`;
		console.log(
			`| ${row.scenario} | ${row.subject} | ${time} | ${row.requests ?? '–'} | ${row.notes ?? ''} |`,
		);
	}
	console.log('\n| Target | Measured | Met |');
	console.log('|---|---:|---|');
	for (const { what, figure, ok } of checks)
		console.log(`| ${what} | ${figure} | ${ok ? 'yes' : 'NO'} |`);
}

async function main() {
	const simulator = await SimulatorProcess.start(['--latency', String(LATENCY_MS)]);
	try {
		await createScenario(simulator);
		await simulator.insert('TASK', 50_000, { name: 'Task' });
		await readScenario(simulator, LATENCY_MS);
		await readScenario(simulator, 0);
		await tokenScenario(simulator);
	} finally {
		await simulator.stop();
	}
	printTable();
	// n8n-core leaves a housekeeping timer running, so end explicitly.
	process.exit(checks.some(({ ok }) => !ok) ? 1 : 0);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
