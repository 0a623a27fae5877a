import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../simulator';
import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { record, WorkfrontFixture } from '../support/workfrontNode';

/**
 * A seeded random schedule of faults over whole workflows: create 2,000, update 2,000, read
 * 20,000 and download files, while Workfront answers 429 and 5xx, drops connections before and
 * after processing, hangs past the timeout, revokes every token and fails token exchanges. The
 * schedule differs per seed but is the same on every run of a seed, so a failure can be replayed.
 *
 * Invariants, checked for every seed:
 * - nothing is created twice, and an item without a record says so (it failed, with its reason);
 * - an item reported as done really is (its record exists, its update is applied);
 * - every run ends (no hang) with a complete result or an error;
 * - token exchanges ≤ 1 + revocations + failed exchanges;
 * - no request reaches Workfront after a run has ended.
 */
jest.setTimeout(10 * 60 * 1000);

const SEEDS = [1, 7, 42];
const CREATES = 2_000;
const READS = 20_000;
const FILES = 4;

/** mulberry32: small, seedable, good enough to spread faults. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type FaultKind =
	| 'tooMany'
	| 'unavailable'
	| 'drop'
	| 'dropAfter'
	| 'hang'
	| 'revoke'
	| 'exchangeFails';

const KINDS: FaultKind[] = [
	'tooMany',
	'unavailable',
	'drop',
	'dropAfter',
	'hang',
	'revoke',
	'exchangeFails',
];

describe.each(SEEDS)('seed %i', (seed) => {
	let fixture: WorkfrontFixture;
	const applied: Record<FaultKind, number> = Object.fromEntries(
		KINDS.map((kind) => [kind, 0]),
	) as never;

	beforeAll(async () => {
		fixture = await WorkfrontFixture.start();
		// Hangs are detected after 1 s instead of the default 60 s.
		fixture.helper.set(CREDENTIAL_ID, { ...fixture.helper.get(CREDENTIAL_ID), requestTimeout: 1 });
	});
	afterAll(async () => {
		process.stdout.write(`chaos seed ${seed}: faults applied ${JSON.stringify(applied)}\n`);
		await fixture.close();
	});

	/** Faults for one phase: `count` of them on requests matching `path`, at random positions. */
	function schedule(next: () => number, path: RegExp, count: number, spread: number) {
		for (let index = 0; index < count; index += 1) {
			const kind = KINDS[Math.floor(next() * KINDS.length)];
			// Faults on one path apply one after another: each skip counts from the fault before.
			const skip = Math.floor((next() * spread) / count);
			const tally = () => (applied[kind] += 1);
			const fault: Fault = { times: 1, skip, path, sideEffect: tally };
			if (kind === 'tooMany')
				Object.assign(fault, {
					status: 429,
					body: { error: { message: 'Too many concurrent API requests' } },
				});
			if (kind === 'unavailable') Object.assign(fault, { status: 503, raw: 'Service Unavailable' });
			if (kind === 'drop') fault.drop = true;
			if (kind === 'dropAfter') fault.dropAfterProcessing = true;
			if (kind === 'hang') Object.assign(fault, { delayMs: 3_000, drop: true });
			if (kind === 'revoke') fault.sideEffect = (state) => (tally(), state.sessions.revokeAll());
			if (kind === 'exchangeFails') {
				// Armed by a revocation now, so that the next exchange is the one that fails.
				fault.sideEffect = (state) => {
					tally();
					state.sessions.revokeAll();
					state.faults.unshift({
						times: 1,
						path: /jwt\/exchange$/,
						status: 503,
						body: { message: 'overloaded' },
					});
				};
			}
			fixture.simulator.injectFault(fault);
		}
	}

	/** Runs to the end within a bound, then checks that nothing more reaches Workfront. */
	async function bounded(run: () => ReturnType<WorkfrontFixture['run']>) {
		let timer: NodeJS.Timeout | undefined;
		const result = await Promise.race([
			run(),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('The run did not end within 120 s')), 120_000);
			}),
		]).finally(() => clearTimeout(timer));
		const after = fixture.simulator.counters.requests;
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(fixture.simulator.counters.requests).toBe(after);
		return result;
	}

	function exchangesWithinBound() {
		const exchanges = fixture.simulator.log.filter(({ path }) =>
			path.endsWith('/jwt/exchange'),
		).length;
		expect(exchanges).toBeLessThanOrEqual(1 + applied.revoke + applied.exchangeFails * 2);
	}

	test('create 2,000: each record exists once, or its item failed and says why', async () => {
		const next = random(seed);
		schedule(next, /\/proj$/i, 10, CREATES / 25);
		const names = Array.from({ length: CREATES }, (_, index) => `chaos-${seed}-${index}`);
		const result = await bounded(
			async () =>
				await fixture.run(
					record('create', {
						inputMode: 'json',
						fieldsJson: '={{ JSON.stringify({ name: $json.name }) }}',
					}),
					names.map((name) => ({ name })),
					{ continueOnFail: true },
				),
		);
		expect(result.json).toHaveLength(CREATES);
		const counts = new Map<string, number>();
		for (const project of fixture.simulator.state.store.all('PROJ'))
			counts.set(String(project.name), (counts.get(String(project.name)) ?? 0) + 1);
		names.forEach((name, index) => {
			const times = counts.get(name) ?? 0;
			const item = result.json[index];
			expect([name, times <= 1]).toEqual([name, true]);
			if (item.error === undefined) expect([name, times]).toEqual([name, 1]);
			else expect(typeof item.description).toBe('string');
		});
		exchangesWithinBound();
	});

	test('update 2,000: an item reported done is applied', async () => {
		fixture.simulator.state.faults.length = 0;
		const projects = fixture.simulator.state.store.all('PROJ').slice(0, CREATES);
		schedule(random(seed + 1), /\/proj$/i, 10, projects.length / 25);
		const result = await bounded(
			async () =>
				await fixture.run(
					record('update', {
						id: '={{ $json.id }}',
						inputMode: 'json',
						fieldsJson: '{"status":"ONH"}',
					}),
					projects.map(({ ID }) => ({ id: ID })),
					{ continueOnFail: true },
				),
		);
		expect(result.json).toHaveLength(projects.length);
		projects.forEach(({ ID }, index) => {
			if (result.json[index].error === undefined)
				expect([ID, fixture.simulator.state.store.get('PROJ', String(ID))?.status]).toEqual([
					ID,
					'ONH',
				]);
		});
		exchangesWithinBound();
	});

	test('read 20,000 with Return All: complete and exact, or a clear error', async () => {
		fixture.simulator.state.faults.length = 0;
		const existing = fixture.simulator.state.store.count('TASK');
		for (let index = existing; index < READS; index += 1)
			fixture.simulator.insert('TASK', { name: `T${index}` });
		schedule(random(seed + 2), /\/(search|count)$/i, 8, READS / 2000);
		const result = await bounded(
			async () =>
				await fixture.run({
					...record('getMany', { returnAll: true, options: { concurrency: 5 } }),
					objectType: 'TASK',
				}),
		);
		if (result.error) expect(result.error.message).toMatch(/^Workfront/);
		else expect(new Set(result.json.map(({ ID }) => ID)).size).toBe(READS);
		exchangesWithinBound();
	});

	test('download files: the right bytes, or a clear error', async () => {
		fixture.simulator.state.faults.length = 0;
		const project = fixture.simulator.insert('PROJ', { name: `files-${seed}` });
		const documents = Array.from({ length: FILES }, (_, index) =>
			fixture.simulator.addDocument(
				'PROJ',
				String(project.ID),
				`f${index}.bin`,
				Buffer.alloc(4096, index + 1),
			),
		);
		schedule(random(seed + 3), /\/(internal\/document\/download|docu\/[^/]+)$/i, 3, FILES);
		const result = await bounded(
			async () =>
				await fixture.run(
					{ resource: 'document', operation: 'download', documentId: '={{ $json.id }}' },
					documents.map(({ ID }) => ({ id: ID })),
					{ continueOnFail: true },
				),
		);
		result.items?.forEach((item, index) => {
			if (item.json.error !== undefined) return;
			const bytes = Buffer.from(String(item.binary?.data.data), 'base64');
			expect(bytes.equals(Buffer.alloc(4096, index + 1))).toBe(true);
		});
		exchangesWithinBound();
	});
});

export type { IDataObject };
