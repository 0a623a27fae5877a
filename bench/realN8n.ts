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
 * trips the work needs. Every figure is a ratio within one run of n8n (`n8n execute`), each node's
 * time as n8n records it (executionTime in the run data).
 *
 * The floor counts the same round trips as the node, against the same simulator, in the same run:
 * every measured Create node has a credential of its own with no token stored, so it makes the
 * token exchange and the ITEMS/100 bulk creates (11 round trips for 1,000), and after each run of
 * n8n a plain `fetch` client (a fresh one, with no token) makes the same exchange and the same
 * bulk creates. One more Create node reuses a credential whose token an earlier node stored, and
 * is held against the bulk creates alone (10 round trips): the steady state, once per token
 * lifetime the exchange is not needed.
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

/**
 * The nodes measured, in the order n8n runs them (v1 order: the branches top to bottom). Each
 * Workfront node has a credential of its own (`credential`), stored without a token, except
 * where it names the node whose credential (and stored token) it shares.
 */
const MEASURED: Array<{
	name: string;
	kind: 'noop' | 'create' | 'createJson';
	sharesWith?: string;
}> = [
	{ name: 'NoOp 1', kind: 'noop' },
	// The first Workfront node of a run loads and compiles the package: a warm-up, not counted.
	{ name: 'Create 1', kind: 'create' },
	{ name: 'NoOp 2', kind: 'noop' },
	{ name: 'Create 2', kind: 'create' },
	{ name: 'NoOp 3', kind: 'noop' },
	{ name: 'Create 3', kind: 'create' },
	{ name: 'Create, token stored', kind: 'create', sharesWith: 'Create 3' },
	{ name: 'Create JSON 1', kind: 'createJson' },
	{ name: 'Create JSON 2', kind: 'createJson' },
];

/** The credential of a node in one run of the bench workflow: its own, without a token. */
function credentialOf(run: number, nodeName: string): { id: string; name: string } {
	const owner = MEASURED.find(({ name }) => name === nodeName)?.sharesWith ?? nodeName;
	const index = MEASURED.findIndex(({ name }) => name === owner);
	return { id: `wfBenchRun${run}Node${index}`, name: `Bench run ${run} ${owner}` };
}

function benchWorkflow(
	id: string,
	nodes: Array<(typeof MEASURED)[number]>,
	credentialFor: (nodeName: string) => { id: string; name: string } = () => CREDENTIAL,
) {
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
			...(kind === 'noop' ? {} : { credentials: { workfrontJwtApi: credentialFor(name) } }),
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

/**
 * The floor's round trips with a plain fetch client, against the same simulator: a fresh client
 * (no token) makes the token exchange and the bulk creates, as a Create node with a credential
 * without a token does; `bulkMs` is the bulk creates alone, as with a token already stored.
 */
async function rawRoundTrips(
	simulator: WorkfrontSimulator,
	credentials: IDataObject,
	names: IDataObject[],
): Promise<{ withExchangeMs: number; bulkMs: number; requests: number }> {
	const before = simulator.log.length;
	const client = new RawWorkfrontClient(credentials);
	const started = performance.now();
	await client.exchange();
	const exchanged = performance.now();
	await client.createInBulk('PROJ', names);
	const done = performance.now();
	return {
		withExchangeMs: done - started,
		bulkMs: done - exchanged,
		requests: simulator.log.length - before,
	};
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
		const withoutToken = { ...credentials };
		delete withoutToken.accessToken;
		const runCredentials = Array.from({ length: RUNS }, (_, run) =>
			MEASURED.filter(({ kind, sharesWith }) => kind !== 'noop' && !sharesWith).map(({ name }) =>
				credentialOf(run, name),
			),
		).flat();
		await n8n.importCredentials(
			[CREDENTIAL, ...runCredentials].map((credential) => ({
				...credential,
				type: 'workfrontJwtApi',
				data: withoutToken,
			})),
		);
		await n8n.importWorkflows([
			...Array.from({ length: RUNS }, (_, run) =>
				benchWorkflow(`wfBenchItems${run}`, MEASURED, (name) => credentialOf(run, name)),
			),
			benchWorkflow('wfBenchProfile', [
				{ name: 'Create 1', kind: 'create' },
				{ name: 'Create 2', kind: 'create' },
				{ name: 'Create 3', kind: 'create' },
			]),
		]);
		const names = Array.from({ length: ITEMS }, (_, index) => ({ name: `Raw ${index}` }));
		await rawRoundTrips(simulator, credentials, names.slice(0, 100)); // warm-up

		type Run = {
			noop: number;
			create: number[];
			stored: number;
			createJson: number[];
			rawWithExchange: number;
			rawBulk: number;
			requests: Record<string, number>;
			rawRequests: number;
		};
		const runs: Run[] = [];
		for (let run = 0; run < RUNS; run += 1) {
			process.stderr.write('.');
			const runData = await execute(n8n, `wfBenchItems${run}`);
			const time: Record<string, number> = {};
			const requests: Record<string, number> = {};
			for (const { name } of MEASURED) {
				const [task] = runData[name] ?? [];
				const output = (task?.data?.main?.[0] ?? []) as unknown[];
				if (output.length !== ITEMS) throw new Error(`${name} output ${output.length} items`);
				time[name] = task.executionTime ?? Number.NaN;
				const from = task.startTime ?? 0;
				const to = from + (task.executionTime ?? 0);
				requests[name] = simulator.log.filter(({ at }) => at >= from && at <= to + 5).length;
			}
			// Right after the run, against the same simulator: drift hits node and floor alike.
			const raw = await rawRoundTrips(simulator, credentials, names);
			const named = (kind: string) =>
				MEASURED.filter((node) => node.kind === kind && !node.sharesWith).map(({ name }) => name);
			runs.push({
				noop: median(named('noop').map((name) => time[name])),
				// Create 1 is the warm-up.
				create: named('create')
					.slice(1)
					.map((name) => time[name]),
				stored: time['Create, token stored'],
				createJson: named('createJson').map((name) => time[name]),
				rawWithExchange: raw.withExchangeMs,
				rawBulk: raw.bulkMs,
				requests,
				rawRequests: raw.requests,
			});
		}
		process.stderr.write('\n');

		const med = (pick: (run: Run) => number | number[]) => median(runs.flatMap(pick));
		const noop = med((run) => run.noop);
		const rawWithExchange = med((run) => run.rawWithExchange);
		const rawBulk = med((run) => run.rawBulk);
		const create = med((run) => run.create);
		const stored = med((run) => run.stored);
		const createJson = med((run) => run.createJson);
		const trips = (name: string) => median(runs.map((run) => run.requests[name]));
		const rawTrips = median(runs.map((run) => run.rawRequests));
		// Each run's node time against the floor measured in that run; the median of those ratios.
		const ratio = (pick: (run: Run) => number | number[], floor: (run: Run) => number) =>
			median(runs.flatMap((run) => [pick(run)].flat().map((ms) => ms / (run.noop + floor(run)))));
		const nominal = () => rawTrips * LATENCY_MS;
		console.log(
			`\n== n8n ${version.n8n} on Node.js ${version.node}: ${ITEMS} items, ${RUNS} runs, ${LATENCY_MS} ms latency`,
		);
		console.table(
			[
				{ what: 'NoOp node (n8n floor per item)', ms: noop, trips: 0 },
				{ what: 'Raw fetch: token exchange + bulk creates', ms: rawWithExchange, trips: rawTrips },
				{ what: 'Raw fetch: bulk creates alone', ms: rawBulk, trips: rawTrips - 1 },
				{
					what: 'Floor: NoOp + raw exchange + bulk creates',
					ms: noop + rawWithExchange,
					trips: rawTrips,
				},
				{
					what: `Floor, nominal: NoOp + ${rawTrips} x ${LATENCY_MS} ms`,
					ms: noop + rawTrips * LATENCY_MS,
					trips: rawTrips,
				},
				{
					what: 'Create, Map Input Fields Automatically (exchange)',
					ms: create,
					trips: trips('Create 2'),
				},
				{
					what: 'Create, Map Input Fields Automatically (token stored)',
					ms: stored,
					trips: trips('Create, token stored'),
				},
				{
					what: 'Create, JSON with an expression per item (exchange)',
					ms: createJson,
					trips: trips('Create JSON 1'),
				},
			].map(({ what, ms, trips: count }) => ({ what, ms: Math.round(ms * 10) / 10, trips: count })),
		);
		console.log(
			`ratios (median of per-run ratios): auto ${ratio(
				(run) => run.create,
				(run) => run.rawWithExchange,
			).toFixed(2)}x the measured floor ` +
				`(${ratio((run) => run.create, nominal).toFixed(2)}x nominal); ` +
				`token stored ${ratio(
					(run) => run.stored,
					(run) => run.rawBulk,
				).toFixed(2)}x NoOp + raw bulk creates; ` +
				`JSON ${ratio(
					(run) => run.createJson,
					(run) => run.rawWithExchange,
				).toFixed(2)}x; ` +
				`beyond the floor per item: ${((create - noop - rawWithExchange) / ITEMS).toFixed(3)} ms (auto), ` +
				`${((stored - noop - rawBulk) / ITEMS).toFixed(3)} ms (token stored), ${((createJson - noop - rawWithExchange) / ITEMS).toFixed(3)} ms (JSON)`,
		);
		console.log(
			`all runs: ${JSON.stringify(runs.map((run) => ({ ...run, requests: undefined })))}`,
		);
		console.log(`requests per node (last run): ${JSON.stringify(runs.at(-1)?.requests)}`);

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
