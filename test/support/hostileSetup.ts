import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_ID } from '../harness/runWorkflow';
import { OtherOrigin } from './otherOrigin';
import { WorkfrontFixture } from './workfrontNode';
import { tokenToStore } from '../../credentials/common/storedToken';

/** What a hostile-server test works with: a fresh Workfront, and another origin that must see nothing. */
export interface HostileSetup {
	/** A new simulator and stored credential for every test. */
	fixture: WorkfrontFixture;
	/** One server on another port for the whole file, its record cleared before every test. */
	other: OtherOrigin;
}

/**
 * Registers the set-up the security and attack suites share: another origin started once for the
 * file, a fresh Workfront fixture per test (the other origin's record cleared), and after each test
 * the simulator's event deliveries settled before it is closed. `use` receives the set-up before
 * every test:
 *
 *     let fixture: WorkfrontFixture;
 *     let other: OtherOrigin;
 *     useHostileSetup((setup) => ({ fixture, other } = setup));
 */
export function useHostileSetup(use: (setup: HostileSetup) => void): void {
	let other: OtherOrigin | undefined;
	let fixture: WorkfrontFixture | undefined;

	beforeAll(async () => {
		other = await OtherOrigin.start();
	});
	afterAll(async () => other?.close());

	beforeEach(async () => {
		if (!other) throw new Error('the other origin did not start');
		fixture = await WorkfrontFixture.start();
		other.clear();
		use({ fixture, other });
	});
	afterEach(async () => {
		if (!fixture) return;
		await fixture.simulator.state.events.settle();
		await fixture.close();
		fixture = undefined;
	});
}

/** Changes fields of the fixture's stored credential, keeping the others. */
/**
 * Changes the stored credential. A token put in is stored as the credential's preAuthentication
 * stores one, with the field values it was issued for (storedToken.ts), unless the change says
 * otherwise.
 */
export function updateCredential(fixture: WorkfrontFixture, changes: IDataObject): void {
	const data = { ...fixture.helper.get(CREDENTIAL_ID), ...changes };
	if (typeof changes.accessToken === 'string' && changes.accessTokenFor === undefined) {
		Object.assign(data, tokenToStore(data as never, changes.accessToken, fixture.kind ?? 'jwt'));
	}
	fixture.helper.set(CREDENTIAL_ID, data as never);
}
