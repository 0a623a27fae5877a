/* eslint-disable no-console -- a benchmark reports on the console */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, packPackage, parseRunOutput } from '../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS, type N8nVersion } from '../scripts/lib/n8nRuntime';
import { chain, CREDENTIAL, workfrontNode } from '../scripts/lib/workflows';
import type { WorkfrontSimulator } from '../test/simulator';
import { startWorkfront } from '../test/support/workfrontAccount';
import { median } from './measure';
import { RawWorkfrontClient } from './rawClient';

/**
 * The per-item cost of the Workfront node in a real n8n (not n8n-core alone): creating ITEMS
 * records with the node, against n8n's own floor: a NoOp node over the same items, plus the round
 * trips the work needs at 20 ms latency. Every figure is a ratio within one run of n8n
 * (`n8n execute`), each node's time as n8n records it (executionTime in the run data).
 *
 *   npm run bench:n8n -- [--n8n 1|2] [--items 1000] [--runs 5] [--profile]
 *
 * --profile also runs n8n once under Node.js's CPU profiler and prints where the time inside the
 * Workfront node goes (inclusive time per function, in samples taken inside the node).
 */

const LATENCY_MS = 20;
const argument = (name: string) => {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
};
const ITEMS = Number(argument('items') ?? 1000);
const RUNS = Number(argument('runs') ?? 5);
const PROFILE = process.argv.includes('--profile');
const versions = N8N_VERSIONS.filter(
	({ n8n }) => !argument('n8n') || n8n.startsWith(`${argument('n8n')}.`),
);

type RunData = Record<
	string,
	Array<{ startTime?: number; executionTime?: number; data?: { main?: unknown[][] } }>
>;

/** The nodes measured, in the order n8n runs them (v1 order: the branches top to bottom). */
const MEASURED = [
	{ name: 'NoOp 1', kind: 'noop' },
	{ name: 'Create 1', kind: 'create' },
	{ name: 'NoOp 2', kind: 'noop' },
	{ name: 'Create 2', kind: 'create' },
	{ name: 'NoOp 3', kind: 'noop' },
	{ name: 'Create 3', kind: 'create' },
	{ name: 'Create JSON 1', kind: 'createJson' },
	{ name: 'Create JSON 2', kind: 'createJson' },
] as const;

function benchWorkflow(id: string, nodes: typeof MEASURED | Array<(typeof MEASURED)[number]>) {
	const workflow = chain(id, `Per-item cost ${id}`, [
		{
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${ITEMS} }, (_, index) => ({ json: { name: 'Bench ' + index } }));`,
			},
		},
	]);
	const built = nodes.map(({ name, kind }, index) => {
		const base =
			kind === 'noop'
				? { name, type: 'n8n-nodes-base.noOp', parameters: {} }
				: workfrontNode(
						name,
						kind === 'create'
							? { resource: 'record', operation: 'create', objectType: 'PROJ', inputMode: 'auto' }
							: {
									resource: 'record',
									operation: 'create',
									objectType: 'PROJ',
									inputMode: 'json',
									fieldsJson: '={{ JSON.stringify({ name: $json.name }) }}',
								},
					);
		return {
			id: `${id}-m${index}`,
			name: base.name,
			type: base.type,
			typeVersion: 1,
			// v1 execution order runs sibling branches top to bottom.
			position: [660, index * 200],
			parameters: base.parameters,
			...(kind === 'noop' ? {} : { credentials: { workfrontJwtApi: CREDENTIAL } }),
		};
	});
	(workflow.nodes as IDataObject[]).push(...built);
	(workflow.connections as IDataObject).Items = {
		main: [built.map(({ name }) => ({ node: name, type: 'main', index: 0 }))],
	};
	return workflow;
}

async function execute(
	n8n: N8nInstance,
	workflowId: string,
	nodeArgs: string[] = [],
): Promise<RunData> {
	// n8n's output goes to a file: through a pipe, a large --rawOutput is cut off when n8n exits.
	const file = join(n8n.userFolder, `bench-stdout-${Date.now()}.txt`);
	const descriptor = openSync(file, 'w');
	const child = spawn(
		n8n.runtime.nodeBinary,
		[...nodeArgs, n8n.runtime.n8nScript, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{ env: n8n.env, cwd: n8n.userFolder, stdio: ['ignore', descriptor, 'pipe'] },
	);
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	closeSync(descriptor);
	const stdout = readFileSync(file, 'utf8');
	rmSync(file, { force: true });
	const run = parseRunOutput(stdout);
	const runData = (run?.data as { resultData?: { runData?: RunData } } | undefined)?.resultData
		?.runData;
	if (code !== 0 || !runData)
		throw new Error(
			`n8n execute failed (${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`,
		);
	return runData;
}

/** The same bulk requests with a plain fetch client: the round trips alone. */
async function rawRoundTrips(simulator: WorkfrontSimulator, credentials: IDataObject) {
	const client = new RawWorkfrontClient(credentials);
	await client.exchange();
	const names = Array.from({ length: ITEMS }, (_, index) => ({ name: `Raw ${index}` }));
	await client.createInBulk('PROJ', names.slice(0, 100)); // warm-up
	const times: number[] = [];
	for (let run = 0; run < RUNS; run += 1) {
		const started = performance.now();
		await client.createInBulk('PROJ', names);
		times.push(performance.now() - started);
	}
	void simulator;
	return median(times);
}

interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}>;
	samples: number[];
	timeDeltas: number[];
}

/** Where the package's CPU time goes: inclusive time per function, in samples with its code on the stack. */
function summarise(profile: CpuProfile): {
	insideMs: number;
	rows: Array<[string, number]>;
	self: Array<[string, number]>;
} {
	const parent = new Map<number, number>();
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const label = (id: number) => {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		const file = url.includes('/n8n-nodes-workfront/dist/')
			? `workfront:${url.slice(url.indexOf('/n8n-nodes-workfront/dist/') + '/n8n-nodes-workfront/dist/'.length)}`
			: url.replace(/^.*\/node_modules\//, '');
		return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
	};
	const inclusive = new Map<string, number>();
	const selfTime = new Map<string, number>();
	let insideMs = 0;
	profile.samples.forEach((leaf, index) => {
		const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
		const stack: string[] = [];
		for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id))
			stack.push(label(id));
		// Only samples with the package's code on the stack (an await resumes without its callers),
		// not those of loading it when n8n starts.
		if (!stack.some((frame) => frame.includes(' workfront:'))) return;
		if (stack.some((frame) => frame.startsWith('loadNodeFromFile '))) return;
		insideMs += ms;
		for (const frame of new Set(stack)) inclusive.set(frame, (inclusive.get(frame) ?? 0) + ms);
		selfTime.set(stack[0], (selfTime.get(stack[0]) ?? 0) + ms);
	});
	const top = (map: Map<string, number>, count: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
	return { insideMs, rows: top(inclusive, 40), self: top(selfTime, 20) };
}

async function benchVersion(version: N8nVersion, tarball: string) {
	const runtime = await ensureN8n(version, (line) => console.error(line));
	const { simulator, credentials } = await startWorkfront({ latencyMs: LATENCY_MS });
	const n8n = await N8nInstance.create(runtime, tarball);
	try {
		const stored = { ...credentials };
		delete stored.accessToken;
		await n8n.importCredentials([{ ...CREDENTIAL, type: 'workfrontJwtApi', data: stored }]);
		await n8n.importWorkflow([
			benchWorkflow('wfBenchItems', MEASURED),
			benchWorkflow('wfBenchProfile', [
				{ name: 'Create 1', kind: 'create' },
				{ name: 'Create 2', kind: 'create' },
				{ name: 'Create 3', kind: 'create' },
			]),
		]);
		const times = new Map<string, number[]>();
		const requests = new Map<string, number[]>();
		for (let run = 0; run < RUNS; run += 1) {
			process.stderr.write('.');
			const runData = await execute(n8n, 'wfBenchItems');
			for (const { name } of MEASURED) {
				const [task] = runData[name] ?? [];
				const output = (task?.data?.main?.[0] ?? []) as unknown[];
				if (output.length !== ITEMS) throw new Error(`${name} output ${output.length} items`);
				times.set(name, [...(times.get(name) ?? []), task.executionTime ?? Number.NaN]);
				const from = task.startTime ?? 0;
				const to = from + (task.executionTime ?? 0);
				requests.set(name, [
					...(requests.get(name) ?? []),
					simulator.log.filter(({ at }) => at >= from && at <= to + 5).length,
				]);
			}
		}
		process.stderr.write('\n');
		const raw = await rawRoundTrips(simulator, credentials);

		const of = (kind: string, skipFirst: boolean) =>
			median(
				MEASURED.filter((node) => node.kind === kind)
					.slice(skipFirst ? 1 : 0)
					.flatMap(({ name }) => times.get(name) ?? []),
			);
		const noop = of('noop', false);
		const create = of('create', true);
		const createJson = of('createJson', false);
		const createRequests = median(requests.get('Create 2') ?? []);
		const nominalFloor = noop + 11 * LATENCY_MS;
		const measuredFloor = noop + raw;
		console.log(
			`\n== n8n ${version.n8n} on Node.js ${version.node}: ${ITEMS} items, ${RUNS} runs, ${LATENCY_MS} ms latency`,
		);
		console.table(
			[
				{ what: 'NoOp node (n8n floor per item)', ms: noop },
				{ what: `Round trips alone (raw fetch, ${ITEMS / 100} bulk requests)`, ms: raw },
				{ what: `Floor: NoOp + 11 x ${LATENCY_MS} ms`, ms: nominalFloor },
				{ what: 'Floor: NoOp + raw round trips', ms: measuredFloor },
				{
					what: `Workfront Create, Map Input Fields Automatically (${createRequests} requests)`,
					ms: create,
				},
				{ what: 'Workfront Create, JSON with an expression per item', ms: createJson },
			].map(({ what, ms }) => ({ what, ms: Math.round(ms * 10) / 10 })),
		);
		console.log(
			`ratios: auto ${(create / nominalFloor).toFixed(2)}x the nominal floor, ${(create / measuredFloor).toFixed(2)}x the measured floor; ` +
				`JSON ${(createJson / nominalFloor).toFixed(2)}x / ${(createJson / measuredFloor).toFixed(2)}x; ` +
				`beyond the wire: ${((create - raw) / ITEMS).toFixed(3)} ms per item (auto), ${((createJson - raw) / ITEMS).toFixed(3)} ms (JSON)`,
		);
		console.log(`all runs (ms): ${JSON.stringify(Object.fromEntries(times))}`);

		if (PROFILE) {
			const dir = mkdtempSync(join(tmpdir(), 'workfront-cpuprof-'));
			const runData = await execute(n8n, 'wfBenchProfile', [
				'--cpu-prof',
				'--cpu-prof-dir',
				dir,
				'--cpu-prof-interval',
				'200',
			]);
			const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
			if (!file) throw new Error('No CPU profile was written');
			const { insideMs, rows, self } = summarise(
				JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile,
			);
			const nodeMs = ['Create 1', 'Create 2', 'Create 3'].map(
				(name) => runData[name]?.[0]?.executionTime,
			);
			console.log(
				`\nprofile (n8n ${version.n8n}, 3 x Create of ${ITEMS}, node times ${JSON.stringify(nodeMs)} ms): ${insideMs.toFixed(0)} ms of CPU with the package's code on the stack`,
			);
			const print = (list: Array<[string, number]>) => {
				for (const [frame, ms] of list)
					console.log(
						`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / insideMs).toFixed(1).padStart(5)}%  ${frame}`,
					);
			};
			console.log('inclusive:');
			print(rows);
			console.log('self:');
			print(self);
			rmSync(dir, { recursive: true, force: true });
		}
	} finally {
		await simulator.close();
		rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

async function main() {
	const tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
	for (const version of versions) await benchVersion(version, tarball);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
