import { WorkfrontCredentialError } from './errors';

/**
 * Versions Workfront still supports, newest first (Experience League, "API versioning and support
 * schedule": v16 became unsupported with the 26.4 release, April 2026; v15 is deprecated).
 */
export const API_VERSIONS = [
	{ value: 'v22.0', released: 'May 2026' },
	{ value: 'v21.0', released: 'October 2025' },
	{ value: 'v20.0', released: 'May 2025' },
	{ value: 'v19.0', released: 'October 2024' },
	{ value: 'v18.0', released: 'April 2024' },
	{ value: 'v17.0', released: 'October 2023' },
] as const;

export const DEFAULT_API_VERSION = API_VERSIONS[0].value;

/** The oldest version Adobe still supports. */
const OLDEST_SUPPORTED = 17;

/** Accepts `v21.0`, `21.0`, `v21` or `21` (an expression may give any of them). */
export function normaliseApiVersion(value: unknown): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') return DEFAULT_API_VERSION;
	const match = /^v?(\d{2})(?:\.0)?$/.exec(text);
	if (!match) {
		throw new WorkfrontCredentialError(
			`API Version "${text}" is not a Workfront API version. Pick one of the listed versions, for example ${DEFAULT_API_VERSION}.`,
			'API Version',
		);
	}
	if (Number(match[1]) < OLDEST_SUPPORTED) {
		throw new WorkfrontCredentialError(
			`API Version "${text}" is past Adobe's support window (versions are supported for 3 years; v${OLDEST_SUPPORTED}.0 is the oldest supported). Pick one of the listed versions, for example ${DEFAULT_API_VERSION}.`,
			'API Version',
		);
	}
	return `v${match[1]}.0`;
}
