import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CredentialKind } from '../../credentials/common/kinds';
import type { InMemoryCredentialsHelper } from '../harness/credentialsHelper';
import { createHelper, runNode, type NodeRun, type RunOptions } from '../harness/runWorkflow';
import type { WorkfrontSimulator } from '../simulator';
import { pemFragments } from './secrets';
import {
	CLIENT_SECRET,
	IMS_CLIENT_SECRET,
	startWorkfront,
	WEB_CLIENT_SECRET,
} from './workfrontAccount';

/** A simulator, a stored credential for it, and a way to run the Workfront node through n8n-core. */
export class WorkfrontFixture {
	private constructor(
		readonly simulator: WorkfrontSimulator,
		readonly helper: InMemoryCredentialsHelper,
		/** Which credential the stored one is, and the node's Authentication. */
		readonly kind: CredentialKind,
	) {}

	static async start(
		options: Parameters<typeof startWorkfront>[0] = {},
		kind: CredentialKind = 'jwt',
	): Promise<WorkfrontFixture> {
		const { simulator, credentials } = await startWorkfront(options, kind);
		return new WorkfrontFixture(simulator, createHelper(credentials), kind);
	}

	async run(
		parameters: IDataObject,
		input?: IDataObject[],
		options: Partial<RunOptions> = {},
	): Promise<NodeRun> {
		return await runNode(this.helper, {
			parameters: parameters as INodeParameters,
			input,
			kind: this.kind,
			...options,
		});
	}

	/** Runs and fails the test with the node's own error if the node failed. */
	async output(
		parameters: IDataObject,
		input?: IDataObject[],
		options: Partial<RunOptions> = {},
	): Promise<IDataObject[]> {
		const result = await this.run(parameters, input, options);
		if (result.error)
			throw new Error(
				`The node failed: ${result.error.message} — ${String(result.error.description ?? '')}`,
			);
		return result.json;
	}

	/** Paths and methods the node sent to the REST API (the exchange excluded). */
	apiCalls(): string[] {
		return this.simulator.log
			.filter(({ path }) => path.startsWith('/attask/'))
			.map(
				({ effectiveMethod, path }) =>
					`${effectiveMethod} ${path.replace(/^\/attask\/api\/v[\d.]+\//, '')}`,
			);
	}

	async close(): Promise<void> {
		await this.simulator.close();
	}
}

export const record = (operation: string, parameters: IDataObject = {}): IDataObject => ({
	resource: 'record',
	operation,
	objectType: 'PROJ',
	...parameters,
});

/**
 * Every secret a run could leak, whichever credential it used: client secrets, key lines, each
 * JWT signed, each token issued (session IDs and IMS tokens alike) and each refresh token.
 */
export function secretsOf(fixture: WorkfrontFixture): string[] {
	const { state } = fixture.simulator;
	const privateKey = String(fixture.helper.get('wf-cred').privateKey ?? '');
	return [
		CLIENT_SECRET,
		IMS_CLIENT_SECRET,
		WEB_CLIENT_SECRET,
		...pemFragments(privateKey),
		...state.exchangeRequests.flatMap(({ jwt }) => [jwt, jwt.split('.')[2]]),
		...state.sessions.issued,
		...state.userLogins.issuedRefreshTokens,
	].filter(Boolean);
}

/**
 * A fresh fixture for every test of the file, closed after it once the simulator's event
 * deliveries have settled (so no delivery of one test reaches the next). Call at the top of a
 * test file; it answers the fixture of the test that runs.
 */
export function freshFixturePerTest(
	options: Parameters<typeof WorkfrontFixture.start>[0] = {},
	kind: CredentialKind = 'jwt',
): () => WorkfrontFixture {
	let current: WorkfrontFixture | undefined;
	beforeEach(async () => {
		current = await WorkfrontFixture.start(options, kind);
	});
	afterEach(async () => {
		await current?.simulator.state.events.settle();
		await current?.close();
		current = undefined;
	});
	return () => {
		if (!current) throw new Error('The fixture exists only while a test runs');
		return current;
	};
}
