import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { WorkfrontSimulator } from '../../test/simulator';
import { CREDENTIAL } from './workflows';
import { demoWorkflows, PLANNING_CREDENTIAL } from './demoWorkflows';
import type { PlanningField } from '../../nodes/shared/core/planning';
import { planningColumns } from '../../nodes/shared/workfront/planningFields';
import { N8nInstance, PACKAGE_ROOT, packPackage, parseRunOutput } from './n8nInstance';
import { ensureN8n, N8N_VERSIONS, type Progress } from './n8nRuntime';
import { N8nServer, OWNER } from './n8nServer';

export interface DemoOptions {
	/** 1 (Node.js 20) or 2 (Node.js 24 from the npm registry). */
	n8nMajor: 1 | 2;
	n8nPort?: number;
	simulatorPort?: number;
	progress: Progress;
	/** Workflows imported besides the samples, neither run nor listed (the editor check's control). */
	extraWorkflows?: IDataObject[];
	/** Whether each sample workflow is run once before n8n starts (default true). */
	runSamples?: boolean;
	/** Environment for `n8n start` (npm run dev: development mode with hot reload). */
	serverEnv?: NodeJS.ProcessEnv;
}

/** One sample workflow's run at start: whether it finished, and each node's item count. */
export interface SampleRun {
	workflow: string;
	succeeded: boolean;
	/** Items on each node's first output (the true branch of an IF), by node name. */
	items: Record<string, number>;
}

export interface Demo {
	n8nUrl: string;
	simulatorUrl: string;
	owner: typeof OWNER;
	workflows: Array<{ id: string; name: string }>;
	/** The package as installed in n8n's nodes folder (npm run dev copies new builds there). */
	installedPackage: string;
	/** n8n's output so far (the last 20,000 characters). */
	n8nOutput: { text: string };
	/** The run of each sample workflow at start. */
	runs: SampleRun[];
	/** The sample workflows as imported (with the seeded records' IDs). */
	sampleWorkflows: IDataObject[];
	stop(): Promise<void>;
}

/** Items on each node's first output, by node name (the trigger left out). */
function itemCounts(run: Record<string, unknown> | undefined): Record<string, number> {
	const runData =
		(
			run?.data as {
				resultData?: { runData?: Record<string, Array<{ data?: { main?: unknown[][] } }>> };
			}
		)?.resultData?.runData ?? {};
	return Object.fromEntries(
		Object.entries(runData)
			.filter(([name]) => name !== 'Start')
			.map(([name, runs]) => [name, runs[0]?.data?.main?.[0]?.length ?? 0]),
	);
}

function summarise(counts: Record<string, number>): string {
	return Object.entries(counts)
		.map(([name, count]) => `${name}: ${count} item(s)`)
		.join(', ');
}

/**
 * Everything the product needs, on this machine and without a Workfront account: a seeded
 * Workfront simulator (with a Workfront Planning workspace), a real n8n with this package
 * installed, a ready Workfront JWT API credential (its key pair made on the spot, the public key
 * registered with the simulator), an Adobe Workfront OAuth Server-to-Server credential for Planning
 * and the sample workflows, each run once to show it works.
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
	const { progress } = options;
	const version =
		N8N_VERSIONS.find(({ n8n }) => n8n.startsWith(`${options.n8nMajor}.`)) ?? N8N_VERSIONS[0];
	const steps = 6;
	const started = Date.now();
	// The time so far on each step, so that a slow start shows where it spends its time.
	const step = (index: number, text: string) =>
		progress(`[${index}/${steps}] ${text} (${Math.round((Date.now() - started) / 1000)} s)`);

	step(1, `Preparing n8n ${version.n8n} on Node.js ${version.node}`);
	const runtime = await ensureN8n(version, progress);

	step(2, 'Starting the Workfront simulator with a sample workspace');
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const application = {
		clientId: `demo-${randomBytes(4).toString('hex')}`,
		clientSecret: randomBytes(24).toString('hex'),
		customerId: randomBytes(16).toString('hex'),
		keys: [
			{
				userId: randomBytes(16).toString('hex'),
				pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			},
		],
	};
	// An Adobe Developer Console credential too, for the Planning sample (Planning takes Adobe IMS
	// tokens only); its technical account is the application's user.
	const imsClient = {
		clientId: `demo-ims-${randomBytes(4).toString('hex')}`,
		clientSecret: randomBytes(24).toString('hex'),
		scopes: ['openid', 'AdobeID'],
		orgId: `${randomBytes(12).toString('hex').toUpperCase()}@AdobeOrg`,
		technicalAccountId: application.keys[0].userId,
		customerId: application.customerId,
	};
	const simulator = await WorkfrontSimulator.start({
		port: options.simulatorPort ?? 0,
		applications: [application],
		imsClients: [imsClient],
		latencyMs: 15,
	});
	const planning = simulator.seedPlanning({ campaigns: 8 });
	const { projects } = simulator.seed({
		projects: 40,
		tasksPerProject: 10,
		issuesPerProject: 3,
		hoursPerTask: 2,
		users: 25,
		// Dated around today: the samples filter on "last 7 days" and "overdue".
		today: Date.now(),
	});
	const { store } = simulator.state;
	const workflows = demoWorkflows({
		campaignFormId: String(store.all('CTGY').find(({ name }) => name === 'Campaign Details')?.ID),
		briefDocumentId: String(store.all('DOCU').find(({ objID }) => objID === projects[0].ID)?.ID),
		planning: {
			workspaceId: planning.workspace.id,
			recordTypeId: planning.campaigns.id,
			fields: {
				name: planning.fields.name.id,
				status: planning.fields.status.id,
				budget: planning.fields.budget.id,
				launch: planning.fields.launch.id,
				channels: planning.fields.channels.id,
			},
			columns: planningColumns(
				simulator.planning.fieldsOf(planning.campaigns.id) as unknown as PlanningField[],
			) as unknown as IDataObject[],
		},
	});

	step(3, 'Installing this package into n8n (npm pack, then npm install, as n8n users do)');
	const demoDir = join(PACKAGE_ROOT, '.cache', 'demo');
	rmSync(demoDir, { recursive: true, force: true });
	mkdirSync(demoDir, { recursive: true });
	const n8n = await N8nInstance.create(
		runtime,
		await packPackage(join(demoDir, 'pack')),
		join(demoDir, 'n8n'),
		{ preferOffline: true },
	);

	step(
		4,
		'Importing the Workfront JWT API and Server-to-Server credentials and the sample workflows',
	);
	const credential: IDataObject = {
		url: simulator.origin,
		apiVersion: 'v22.0',
		clientId: application.clientId,
		clientSecret: application.clientSecret,
		customerId: application.customerId,
		userId: application.keys[0].userId,
		privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		jwtLifetime: 300,
	};
	await n8n.importCredentials([
		{ ...CREDENTIAL, type: 'workfrontJwtApi', data: credential },
		{
			...PLANNING_CREDENTIAL,
			data: {
				url: simulator.origin,
				imsUrl: simulator.imsOrigin,
				apiVersion: 'v22.0',
				clientId: imsClient.clientId,
				clientSecret: imsClient.clientSecret,
				scopes: imsClient.scopes.join(', '),
				imsOrgId: imsClient.orgId,
			},
		},
	]);
	await n8n.importWorkflows([...workflows, ...(options.extraWorkflows ?? [])]);

	step(
		5,
		options.runSamples === false ? 'Not running the samples' : 'Running each sample workflow once',
	);
	const runs: SampleRun[] = [];
	for (const workflow of options.runSamples === false ? [] : workflows) {
		const result = await n8n.execute(String(workflow.id));
		const items = itemCounts(result.run ?? parseRunOutput(result.stdout));
		runs.push({ workflow: String(workflow.name), succeeded: result.code === 0, items });
		progress(
			`      ${String(workflow.name)}: ${result.code === 0 ? summarise(items) : `failed (see n8n's output below)\n${result.stdout.slice(-2000)}`}`,
		);
	}

	step(6, 'Starting n8n');
	const server = await N8nServer.start(n8n, options.n8nPort ?? 5678, undefined, {
		env: options.serverEnv,
	});
	await server.loginAsOwner();

	return {
		n8nUrl: server.url.replace('127.0.0.1', 'localhost'),
		simulatorUrl: simulator.origin,
		owner: OWNER,
		workflows: workflows.map(({ id, name }) => ({ id: String(id), name: String(name) })),
		installedPackage: join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-workfront'),
		sampleWorkflows: workflows,
		n8nOutput: server.output,
		runs,
		stop: async () => {
			await server.stop();
			await simulator.close();
		},
	};
}
