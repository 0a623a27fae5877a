/* eslint-disable no-console -- a benchmark reports on the console */
import './env';

import { cpus, totalmem } from 'node:os';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PLANNING_SEARCH_PAGE_SIZE } from '../nodes/shared/core/limits';
import { createHelper, runNode } from '../test/harness/runWorkflow';
import { SimulatorProcess } from '../test/simulator/remote';
import { medianOf } from './measure';

/**
 * Workfront Planning: the node (through n8n-core, with the Server-to-Server credential Planning
 * needs) against a plain `fetch` client making the same requests (one IMS token, then the bulk
 * requests or the pages), in the same run, the simulator in its own process at 20 ms a request.
 * Targets: 1,000 creates in 10 bulk requests (plus authentication) within 1.25× of the plain
 * client; Return All over a full record type (25,000, Planning's limit) in pages of the largest
 * size, within 1.25× too.
 */
const LATENCY_MS = 20;
const REPEATS = 5;
const FULL_RECORD_TYPE = 25_000;

interface Outcome {
	count: number;
	requests: number;
}

const rows: Array<{ scenario: string; subject: string; ms: number; requests: number }> = [];
const checks: Array<{ what: string; ok: boolean; figure: string }> = [];
const check = (what: string, ok: boolean, figure: string) => checks.push({ what, ok, figure });

/** The baseline: IMS token, then the same Planning requests by hand. */
class RawPlanningClient {
	private token = '';

	constructor(private readonly credentials: IDataObject) {}

	async authenticate(): Promise<void> {
		const answer = await fetch(`${String(this.credentials.imsUrl)}/ims/token/v3`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: String(this.credentials.clientId),
				client_secret: String(this.credentials.clientSecret),
				scope: String(this.credentials.scopes).replace(/\s/g, ''),
			}),
		});
		this.token = ((await answer.json()) as { access_token: string }).access_token;
	}

	async call<T>(method: string, path: string, body: unknown, query = ''): Promise<T> {
		const answer = await fetch(`${String(this.credentials.url)}/maestro/api/v2/${path}${query}`, {
			method,
			headers: {
				authorization: `Bearer ${this.token}`,
				'x-gw-ims-org-id': String(this.credentials.imsOrgId),
				'x-api-key': String(this.credentials.clientId),
				'content-type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (answer.status >= 300) throw new Error(`Planning answered ${answer.status}`);
		return (await answer.json()) as T;
	}

	/** As the node's Map Automatically does: the record type's fields once, then the bulk requests. */
	async createInBulk(recordTypeId: string, records: IDataObject[]): Promise<unknown[]> {
		await this.call('GET', `record-types/${recordTypeId}/fields`, undefined, '?limit=100');
		const created: unknown[] = [];
		for (let index = 0; index < records.length; index += 100) {
			const answer = await this.call<{ results: unknown[] }>(
				'POST',
				`record-types/${recordTypeId}/records/bulk`,
				records.slice(index, index + 100),
			);
			created.push(...answer.results);
		}
		return created;
	}

	async searchAll(recordTypeId: string): Promise<unknown[]> {
		const records: unknown[] = [];
		for (let page = 0; ; page += 1) {
			const answer = await this.call<{ records: { content: unknown[]; last: boolean } }>(
				'POST',
				`record-types/${recordTypeId}/records/search`,
				{ recordTypeId },
				`?page=${page}&size=${PLANNING_SEARCH_PAGE_SIZE}`,
			);
			records.push(...answer.records.content);
			if (answer.records.last) return records;
		}
	}
}

async function main() {
	const simulator = await SimulatorProcess.start(['--latency', String(LATENCY_MS)]);
	try {
		const seeded = await simulator.seedPlanning(0);
		const name = seeded.fields.name;
		const credentials = simulator.serverToServerCredentials;
		// Requests to Planning only: both sides keep their IMS token across runs (the node's token
		// gate keeps it for the credential in this process; the baseline keeps its own).
		const planningRequests = async () =>
			(await simulator.log()).filter(({ path }) => path.startsWith('/maestro/')).length;
		const helper = createHelper({ ...credentials, accessToken: '' });
		const client = new RawPlanningClient(credentials);
		await client.authenticate();
		const viaNode = async (parameters: IDataObject, input?: IDataObject[]): Promise<Outcome> => {
			await simulator.reset();
			const result = await runNode(helper, {
				parameters: parameters as INodeParameters,
				input,
				kind: 'serverToServer',
			});
			if (result.error) throw new Error(`The node failed: ${result.error.message}`);
			return { count: result.json.length, requests: await planningRequests() };
		};
		const viaRaw = async (
			work: (raw: RawPlanningClient) => Promise<unknown[]>,
		): Promise<Outcome> => {
			await simulator.reset();
			const records = await work(client);
			return { count: records.length, requests: await planningRequests() };
		};
		const recordType = { __rl: true, mode: 'id', value: seeded.recordTypeId };
		const items = Array.from({ length: 1000 }, (_, index) => ({ title: `Bench ${index}` }));
		// Map Automatically: the input item's keys by field name, the way to bulk-create from upstream
		// data without an expression per item (which costs n8n's expression engine, not Planning).
		const create = {
			resource: 'planningRecord',
			operation: 'create',
			recordType,
			dataColumns: { mappingMode: 'autoMapInputData', value: {}, schema: [] },
		};
		const createInput = items.map(({ title }) => ({ Name: title }));
		const rawBodies = items.map(({ title }) => ({ data: { [name]: title } }));
		const same = async () => undefined;
		const keep = async () => undefined;

		await viaNode(create, createInput.slice(0, 100));
		await viaRaw(
			async (raw) => await raw.createInBulk(seeded.recordTypeId, rawBodies.slice(0, 100)),
		);
		const node = await medianOf(
			REPEATS,
			same,
			async () => await viaNode(create, createInput),
			keep,
		);
		const raw = await medianOf(
			REPEATS,
			same,
			async () =>
				await viaRaw(async (raw) => await raw.createInBulk(seeded.recordTypeId, rawBodies)),
			keep,
		);
		const scenario = `Create 1,000 Planning records (${LATENCY_MS} ms latency)`;
		rows.push(
			{
				scenario,
				subject: 'node, batch size 100 (default)',
				ms: node.ms,
				requests: node.result.requests,
			},
			{
				scenario,
				subject: 'raw fetch, same bulk requests',
				ms: raw.ms,
				requests: raw.result.requests,
			},
		);
		// One read of the record type's fields (Map Automatically; the baseline makes it too), then
		// the 10 bulk requests; authentication is outside (one IMS token for every run).
		check(
			'create 1,000: 10 bulk requests (plus one fields read)',
			node.result.requests === 11 && node.result.count === 1000,
			`${node.result.requests} requests to Planning (raw: ${raw.result.requests})`,
		);
		check(
			'create 1,000: within 1.25x of the raw baseline',
			node.ms / raw.ms <= 1.25,
			`${(node.ms / raw.ms).toFixed(2)}x`,
		);

		const full = await simulator.seedPlanning(0);
		await simulator.insertPlanningRecords(full.recordTypeId, full.fields.name, FULL_RECORD_TYPE);
		const search = {
			resource: 'planningRecord',
			operation: 'search',
			recordType: { __rl: true, mode: 'id', value: full.recordTypeId },
			returnAll: true,
		};
		await viaNode(search);
		const nodeRead = await medianOf(REPEATS, same, async () => await viaNode(search), keep);
		const rawRead = await medianOf(
			REPEATS,
			same,
			async () => await viaRaw(async (raw) => await raw.searchAll(full.recordTypeId)),
			keep,
		);
		if (nodeRead.result.count !== FULL_RECORD_TYPE || rawRead.result.count !== FULL_RECORD_TYPE)
			throw new Error('a read came back incomplete');
		const readScenario = `Search, Return All, 25,000 records (${LATENCY_MS} ms latency)`;
		rows.push(
			{
				scenario: readScenario,
				subject: `node, pages of ${PLANNING_SEARCH_PAGE_SIZE}`,
				ms: nodeRead.ms,
				requests: nodeRead.result.requests,
			},
			{
				scenario: readScenario,
				subject: 'raw fetch, same pages',
				ms: rawRead.ms,
				requests: rawRead.result.requests,
			},
		);
		const pages = Math.ceil(FULL_RECORD_TYPE / PLANNING_SEARCH_PAGE_SIZE);
		check(
			`read 25,000: ${pages} pages of ${PLANNING_SEARCH_PAGE_SIZE}`,
			nodeRead.result.requests === pages,
			`${nodeRead.result.requests} requests to Planning (raw: ${rawRead.result.requests})`,
		);
		check(
			'read 25,000: within 1.25x of the raw baseline',
			nodeRead.ms / rawRead.ms <= 1.25,
			`${(nodeRead.ms / rawRead.ms).toFixed(2)}x`,
		);
	} finally {
		await simulator.stop();
	}
	const cpu = cpus();
	console.log(
		`\nMachine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}; simulator in its own process\n`,
	);
	console.log('| Scenario | Subject | Wall time | Requests |');
	console.log('|---|---|---:|---:|');
	for (const row of rows)
		console.log(`| ${row.scenario} | ${row.subject} | ${row.ms.toFixed(0)} ms | ${row.requests} |`);
	console.log('\n| Target | Measured | Met |');
	console.log('|---|---:|---|');
	for (const { what, figure, ok } of checks)
		console.log(`| ${what} | ${figure} | ${ok ? 'yes' : 'NO'} |`);
	// n8n-core leaves a housekeeping timer running, so end explicitly.
	process.exit(checks.some(({ ok }) => !ok) ? 1 : 0);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
