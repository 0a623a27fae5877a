import type { IDataObject } from 'n8n-workflow';

import type { PlanningSeed } from '../simulator';
import { WorkfrontFixture } from './workfrontNode';

/** A simulator with a seeded Planning workspace, and the node set to the Server-to-Server credential Planning needs. */
export async function planningFixture(
	campaigns = 3,
): Promise<{ fixture: WorkfrontFixture; seed: PlanningSeed }> {
	const fixture = await WorkfrontFixture.start({}, 'serverToServer');
	const seed = fixture.simulator.seedPlanning({ campaigns });
	return { fixture, seed };
}

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Parameters of a Planning Record operation on the seed's Campaigns. */
export function planningRecord(
	seed: PlanningSeed,
	operation: string,
	parameters: IDataObject = {},
): IDataObject {
	return {
		resource: 'planningRecord',
		operation,
		workspace: locator(seed.workspace.id),
		recordType: locator(seed.campaigns.id),
		...parameters,
	};
}

export { locator as planningLocator };

/** The mapper's parameter as the editor saves it: the values and the columns it showed. */
export function mapperValue(
	value: IDataObject,
	schema: IDataObject[],
	mappingMode = 'defineBelow',
): IDataObject {
	return { mappingMode, value, matchingColumns: [], schema };
}

/** What the simulator's Planning received, method and path below /maestro/api. */
export function planningCalls(fixture: WorkfrontFixture): string[] {
	return fixture.simulator.planning.requests.map(({ method, path }) => `${method} ${path}`);
}
