import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import type { IDataObject } from 'n8n-workflow';

import { packPackage } from '../../scripts/lib/n8nInstance';
import { ensureN8n, N8N_VERSIONS } from '../../scripts/lib/n8nRuntime';
import {
	EXCHANGE_PATH,
	missingQueueModePrograms,
	QueueCluster,
	tracedRequests,
	type ClusterMember,
	type TracedRequest,
} from '../../scripts/lib/queueMode';
import type { WorkfrontSimulator } from '../simulator';
import type { WfRecord } from '../simulator/model/store';
import { startWorkfront } from '../support/workfrontAccount';
import { chain, CREDENTIAL, workfrontNode } from '../../scripts/lib/workflows';

/**
 * The package in n8n's queue mode, in real n8n 1.x (Node.js 20) and 2.x (Node.js 24): PostgreSQL
 * and Redis started here (Debian's `postgresql` and `redis-server`), a main instance, two workers
 * (concurrency 5 each) and a webhook processor, each with the package installed as a community
 * package; the simulator with Workfront's cap of 10 concurrent requests and 20 ms per request.
 *
 * - load: executions started at once through the REST API, each creating records in bulk,
 *   updating them and reading 5,000 with Return All; nothing lost, nothing twice, token exchanges
 *   and 429s counted per process;
 * - the Workfront Trigger: activated on the main instance, deliveries received by the webhook
 *   processor and executed by a worker, unsubscribed on deactivation;
 * - the Workfront Poll Trigger on n8n's own scheduler, polling every 3 seconds.
 *
 * WORKFRONT_QUEUE_EXECUTIONS and WORKFRONT_QUEUE_RECORDS make the load smaller (defaults 20, 500);
 * WORKFRONT_QUEUE_REPORT=<file> writes the figures measured as JSON.
 */
jest.setTimeout(30 * 60 * 1000);

const EXECUTIONS = Number(process.env.WORKFRONT_QUEUE_EXECUTIONS ?? 20);
const RECORDS = Number(process.env.WORKFRONT_QUEUE_RECORDS ?? 500);
const READ = 5000;
const WORKERS = 2;
const CONCURRENCY = 5;
const POLL_EVERY_SECONDS = 3;

const missing = missingQueueModePrograms();
if (missing.length > 0) throw new Error(`Queue mode needs ${missing.join(' and ')}`);

let tarball: string;
const figures: IDataObject[] = [];

beforeAll(async () => {
	tarball = await packPackage(mkdtempSync(join(tmpdir(), 'workfront-pack-')));
});

afterAll(() => {
	const report = process.env.WORKFRONT_QUEUE_REPORT;
	if (report) writeFileSync(report, `${JSON.stringify(figures, null, 2)}\n`);
});

const LOAD_WORKFLOW = chain('wfQueueLoad', 'Queue mode load', [
	{
		name: 'Records',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return Array.from({ length: ${RECORDS} }, (_, index) => ({ json: { name: 'Load ' + $execution.id + ' ' + index } }));`,
		},
	},
	workfrontNode('Create', {
		resource: 'record',
		operation: 'create',
		objectType: 'PROJ',
		inputMode: 'auto',
	}),
	workfrontNode('Update', {
		resource: 'record',
		operation: 'update',
		objectType: 'PROJ',
		id: '={{ $json.ID }}',
		inputMode: 'json',
		fieldsJson: '{"status":"CUR"}',
	}),
	{
		...workfrontNode('Read', {
			resource: 'record',
			operation: 'getMany',
			objectType: 'TASK',
			returnAll: true,
		}),
		executeOnce: true,
	},
]);

const TRIGGER_WEBHOOK_ID = 'a1b2c3d4-0000-4000-8000-00000000e2e9';

const TRIGGER_WORKFLOW = {
	...chain('wfQueueTrigger', 'Queue mode trigger', []),
	connections: {},
	nodes: [
		{
			id: 'wfQueueTrigger-0',
			name: 'Workfront Trigger',
			type: 'n8n-nodes-workfront.workfrontTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: TRIGGER_WEBHOOK_ID,
			parameters: { objectType: 'PORT', events: ['CREATE'], options: { ignoreOwnEvents: false } },
			credentials: { workfrontJwtApi: CREDENTIAL },
		},
	],
};

/** A poll every POLL_EVERY_SECONDS: one cron per second of the minute, each "at second N". */
const POLL_WORKFLOW = {
	...chain('wfQueuePoll', 'Queue mode poll', []),
	connections: {},
	nodes: [
		{
			id: 'wfQueuePoll-0',
			name: 'Workfront Poll Trigger',
			type: 'n8n-nodes-workfront.workfrontPollTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				objectType: 'OPTASK',
				event: 'createdOrUpdated',
				pollTimes: {
					item: Array.from({ length: 60 / POLL_EVERY_SECONDS }, (_, index) => ({
						mode: 'custom',
						// n8n refuses a seconds field with a wildcard, step or list ("at least a minute").
						cronExpression: `${index * POLL_EVERY_SECONDS} * * * * *`,
					})),
				},
			},
			credentials: { workfrontJwtApi: CREDENTIAL },
		},
	],
};

/** n8n may finish (de)activating a trigger after answering the REST call. */
async function until(condition: () => boolean, timeoutMs = 30_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await delay(50);
	return condition();
}

function countBy(requests: TracedRequest[]) {
	return {
		requests: requests.length,
		exchanges: requests.filter(({ path }) => path.startsWith(EXCHANGE_PATH)).length,
		tooManyRequests: requests.filter(({ status }) => status === 429).length,
		unauthorized: requests.filter(({ status }) => status === 401).length,
	};
}

describe.each(N8N_VERSIONS)('queue mode: n8n $n8n on Node.js $node', (version) => {
	let cluster: QueueCluster;
	let simulator: WorkfrontSimulator;
	const seenBefore = new Map<ClusterMember, number>();

	/** What each process asked the simulator since the last call (its trace file, from a mark). */
	function sinceMark(member: ClusterMember): TracedRequest[] {
		return tracedRequests(member).slice(seenBefore.get(member) ?? 0);
	}
	function mark(): void {
		for (const member of cluster.members) seenBefore.set(member, tracedRequests(member).length);
	}

	/** Everything the cluster printed, for a failure message. */
	const printed = () =>
		cluster.members
			.map((member) => `--- ${member.role}:\n${member.output().slice(-3000)}`)
			.join('\n');

	beforeAll(async () => {
		const runtime = await ensureN8n(version, (line) => process.stderr.write(`${line}\n`));
		const started = await startWorkfront({ concurrencyLimit: 10, latencyMs: 20 });
		simulator = started.simulator;
		const credentials: IDataObject = { ...started.credentials };
		delete credentials.accessToken;
		const startedAt = Date.now();
		cluster = await QueueCluster.start({
			runtime,
			tarball,
			workers: WORKERS,
			concurrency: CONCURRENCY,
			traceOrigin: simulator.origin,
			prepare: async (main) => {
				await main.importCredentials([
					{ ...CREDENTIAL, type: 'workfrontJwtApi', data: credentials },
				]);
				await main.importWorkflow([LOAD_WORKFLOW, TRIGGER_WORKFLOW, POLL_WORKFLOW]);
			},
			progress: (line) => process.stderr.write(`[n8n ${version.n8n}] ${line}\n`),
		});
		figures.push({
			n8n: version.n8n,
			node: version.node,
			clusterStartSeconds: (Date.now() - startedAt) / 1000,
		});
	});

	afterAll(async () => {
		await cluster?.stop();
		await simulator?.close();
	});

	const figure = () => figures.find(({ n8n }) => n8n === version.n8n)!;

	test(`load: ${EXECUTIONS} executions at once, ${RECORDS} records each created, updated, and ${READ} read`, async () => {
		for (let index = 0; index < READ; index += 1)
			simulator.insert('TASK', { name: `Queue task ${index}` });
		simulator.resetCounters();
		// Besides the cap's own 429s (the simulator counts those): one bulk create in five answered
		// 429 (Workfront refuses before doing anything), spread over the executions and workers.
		const bulkCreates = EXECUTIONS * Math.ceil(RECORDS / 100);
		const injected = Math.min(20, Math.floor(bulkCreates / 5));
		for (let index = 0; index < injected; index += 1) {
			simulator.injectFault({
				times: 1,
				skip: index === 0 ? 2 : 4,
				status: 429,
				method: 'POST',
				path: /\/proj$/i,
				body: {
					error: {
						class: 'com.attask.common.TooManyRequestsException',
						message: 'Too many concurrent API requests for the given customer',
					},
				},
			});
		}
		mark();
		const started = Date.now();
		const ids = await Promise.all(
			Array.from(
				{ length: EXECUTIONS },
				async () => await cluster.runManually(LOAD_WORKFLOW as never),
			),
		);
		const statuses = await cluster.waitForExecutions(ids, 15 * 60 * 1000);
		const wallSeconds = (Date.now() - started) / 1000;
		const unusedFaults = simulator.state.faults.length;
		simulator.state.faults.length = 0;

		const perProcess = Object.fromEntries(
			cluster.members.map((member) => [
				member.role,
				{
					...countBy(sinceMark(member)),
					...(member.role.startsWith('worker')
						? { executions: cluster.finishedBy(member).filter((id) => ids.includes(id)).length }
						: {}),
				},
			]),
		);
		Object.assign(figure(), {
			load: {
				executions: EXECUTIONS,
				recordsPerExecution: RECORDS,
				readPerExecution: READ,
				wallSeconds,
				statuses: [...statuses.values()].reduce<Record<string, number>>(
					(counts, status) => ({ ...counts, [String(status)]: (counts[String(status)] ?? 0) + 1 }),
					{},
				),
				simulator: {
					requests: simulator.counters.requests,
					exchanges: simulator.counters.exchanges,
					tooManyRequestsAtTheCap: simulator.counters.tooManyRequests,
					tooManyRequestsInjected: injected - unusedFaults,
					peakConcurrency: simulator.state.peakConcurrency,
				},
				perProcess,
			},
		});
		process.stderr.write(`[n8n ${version.n8n}] load: ${JSON.stringify(figure().load)}\n`);

		expect({ statuses: [...statuses.values()], printed: '' }).toEqual({
			statuses: Array(EXECUTIONS).fill('success'),
			printed: [...statuses.values()].every((status) => status === 'success') ? '' : printed(),
		});

		// Every record exactly once, every one updated.
		const projects = simulator.state.store
			.all('PROJ')
			.filter(({ name }) => String(name).startsWith('Load '));
		expect(projects).toHaveLength(EXECUTIONS * RECORDS);
		expect(new Set(projects.map(({ name }) => name)).size).toBe(EXECUTIONS * RECORDS);
		for (const id of ids) {
			const mine = projects.filter(({ name }) => String(name).startsWith(`Load ${id} `));
			expect(mine).toHaveLength(RECORDS);
		}
		expect(projects.filter(({ status }) => status !== 'CUR')).toEqual([]);

		// Each execution read the 5,000 tasks, each once.
		for (const id of ids) {
			const runData = await cluster.runData(id);
			const read = runData.Read?.[0]?.data?.main?.[0] ?? [];
			expect(read).toHaveLength(READ);
			expect(new Set(read.map(({ json }) => json.ID)).size).toBe(READ);
		}

		// Both workers took work; the exchanges stayed bounded: at most one per worker, never a 401.
		const workers = cluster.workers.map((worker) => perProcess[worker.role]);
		expect(workers.map(({ executions }) => executions! > 0)).toEqual(Array(WORKERS).fill(true));
		expect(workers.reduce((sum, { executions }) => sum + executions!, 0)).toBe(EXECUTIONS);
		for (const worker of workers) expect(worker.exchanges).toBeLessThanOrEqual(1);
		expect(simulator.counters.exchanges).toBeLessThanOrEqual(WORKERS);
		expect(Object.values(perProcess).reduce((sum, { unauthorized }) => sum + unauthorized, 0)).toBe(
			0,
		);
		// The cap held; every 429 answered (at the cap or injected) was absorbed by the back-off.
		expect(simulator.state.peakConcurrency).toBeLessThanOrEqual(10);
		expect(unusedFaults).toBe(0);
		expect(simulator.log.filter(({ status }) => status === 429)).toHaveLength(
			simulator.counters.tooManyRequests + injected,
		);
		expect(
			Object.values(perProcess).reduce((sum, { tooManyRequests }) => sum + tooManyRequests, 0),
		).toBe(simulator.counters.tooManyRequests + injected);
	});

	test('the Workfront Trigger: subscribed by the main instance, delivered to the webhook processor, run by a worker', async () => {
		const { events } = simulator.state;
		mark();
		await cluster.main.activateWorkflow('wfQueueTrigger');
		expect(await until(() => events.subscriptions.size === 1)).toBe(true);
		const [subscription] = [...events.subscriptions.values()];
		expect(`${subscription.eventType} ${subscription.objCode}`).toBe('CREATE PORT');
		expect(subscription.url).toBe(`${cluster.webhookUrl}webhook/${TRIGGER_WEBHOOK_ID}/webhook`);
		// The subscription was made by the main instance, not by a worker or the webhook processor.
		const subscribedBy = () =>
			cluster.members
				.filter((member) =>
					sinceMark(member).some(
						({ method, path }) => method === 'POST' && path.includes('/subscriptions'),
					),
				)
				.map(({ role }) => role);
		// (The simulator stores the subscription just before the answer reaches n8n.)
		await until(() => subscribedBy().length > 0, 5_000);
		expect(subscribedBy()).toEqual(['main']);

		const deliveriesBefore = events.deliveries.length;
		const portfolios = ['Queue portfolio A', 'Queue portfolio B', 'Queue portfolio C'];
		for (const name of portfolios) {
			const created = await fetch(`${simulator.origin}/attask/api/v21.0/port`, {
				method: 'POST',
				headers: {
					sessionID: simulator.state.sessions.issued.at(-1) ?? '',
					'content-type': 'application/json',
				},
				body: JSON.stringify({ name }),
			});
			expect(created.status).toBe(200);
		}
		await events.settle();
		expect(events.deliveries.slice(deliveriesBefore).map(({ status }) => status)).toEqual([
			200, 200, 200,
		]);

		let executions: Array<{ id: string; status?: string }> = [];
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			executions = (await cluster.executions('wfQueueTrigger')).filter(
				({ status }) => status === 'success' || status === 'error' || status === 'crashed',
			);
			if (executions.length >= portfolios.length) break;
			await delay(500);
		}
		if (executions.length < portfolios.length)
			throw new Error(
				`${executions.length} executions of the trigger's workflow. The processes printed:\n${printed()}`,
			);
		expect(executions.map(({ status }) => status)).toEqual(['success', 'success', 'success']);
		const names = await Promise.all(
			executions.map(async ({ id }) => {
				const runData = await cluster.runData(id);
				const item = runData['Workfront Trigger']?.[0]?.data?.main?.[0]?.[0]?.json as
					| IDataObject
					| undefined;
				return (item?.newState as IDataObject | undefined)?.name ?? item?.name;
			}),
		);
		expect(names.sort()).toEqual(portfolios);
		// Run by the workers (not the webhook processor, not the main instance).
		const ranBy = executions.map(
			({ id }) => cluster.workers.find((worker) => cluster.finishedBy(worker).includes(id))?.role,
		);
		expect(ranBy.every((role) => role?.startsWith('worker'))).toBe(true);
		Object.assign(figure(), { trigger: { deliveries: 3, executions: executions.length, ranBy } });

		await cluster.main.deactivateWorkflow('wfQueueTrigger');
		expect(await until(() => events.subscriptions.size === 0)).toBe(true);
	});

	test(`the Workfront Poll Trigger on n8n's scheduler, every ${POLL_EVERY_SECONDS} s: each change once, across polls`, async () => {
		const isPoll = (entry: { path: string; query: string; effectiveMethod: string }) =>
			/\/optask\/search$/i.test(entry.path) && entry.query.includes('lastUpdateDate');
		const polls = () => simulator.log.filter(isPoll).length;

		await cluster.main.activateWorkflow('wfQueuePoll');
		// The activation's own poll only sets the cursor (no request); wait for a first real one.
		const first = polls();
		expect(await until(() => polls() > first, 20_000)).toBe(true);

		const store = simulator.state.store;
		/** Every change made, as "ID|lastUpdateDate", in the order made. */
		const changes: string[] = [];
		const key = (record: { ID: unknown; lastUpdateDate?: unknown }) =>
			`${String(record.ID)}|${Date.parse(String(record.lastUpdateDate))}`;
		let previousBurst: WfRecord[] = [];
		let latestDate = '';
		const phases = 4;
		for (let phase = 1; phase <= phases; phase += 1) {
			// Right after a poll answered: in the same second as that poll and its newest change.
			const burst: WfRecord[] = [];
			for (let index = 0; index < 3; index += 1)
				burst.push(store.insert('OPTASK', { name: `Poll ${phase}.${index}` }));
			if (latestDate) {
				// Committed late: a change stamped with exactly the newest date the last poll saw.
				burst.push(
					store.insert('OPTASK', {
						name: `Poll ${phase} late`,
						entryDate: latestDate,
						lastUpdateDate: latestDate,
					}),
				);
			}
			for (const record of previousBurst.slice(0, 2))
				store.update(store.get('OPTASK', String(record.ID))!, {
					description: `changed in ${phase}`,
				});
			const changed = [
				...burst,
				...previousBurst.slice(0, 2).map((record) => store.get('OPTASK', String(record.ID))!),
			];
			changes.push(...changed.map((record) => key(record)));
			latestDate = changed
				.map((record) => String(record.lastUpdateDate))
				.sort()
				.at(-1)!;
			previousBurst = burst;
			const before = polls();
			expect(await until(() => polls() > before, 20_000)).toBe(true);
		}
		// One more poll with nothing new.
		const before = polls();
		expect(await until(() => polls() > before, 20_000)).toBe(true);

		let executions: Array<{ id: string; status?: string }> = [];
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			executions = (await cluster.executions('wfQueuePoll')).filter(
				({ status }) => status !== 'running' && status !== 'new' && status !== 'queued',
			);
			if (executions.length >= phases) break;
			await delay(500);
		}
		await cluster.main.deactivateWorkflow('wfQueuePoll');
		if (executions.length < phases)
			throw new Error(
				`${executions.length} executions of the poll trigger's workflow. The processes printed:\n${printed()}`,
			);

		const emitted: string[] = [];
		for (const { id } of [...executions].reverse()) {
			const runData = await cluster.runData(id);
			const items = runData['Workfront Poll Trigger']?.[0]?.data?.main?.[0] ?? [];
			emitted.push(
				...items.map(({ json }) => {
					const date = String(json.lastUpdateDate).replace(
						/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}):(\d{3})([+-]\d{2})(\d{2})$/,
						'$1.$2$3:$4',
					);
					return `${String(json.ID)}|${Date.parse(date)}`;
				}),
			);
		}
		Object.assign(figure(), {
			poll: {
				everySeconds: POLL_EVERY_SECONDS,
				polls: simulator.log.filter(isPoll).length,
				executions: executions.length,
				changes: changes.length,
				emitted: emitted.length,
			},
		});
		expect(executions.map(({ status }) => status)).toEqual(
			Array(executions.length).fill('success'),
		);
		expect(executions.length).toBeGreaterThanOrEqual(3);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...changes].sort());
	});
});
