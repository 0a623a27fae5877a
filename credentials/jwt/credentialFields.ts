import type { KeyObject } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontCredentialError } from './credentialError';
import { loadPrivateKey } from './privateKey';
import { wholeNumberIn } from '../../nodes/shared/workfront/limits';
import { normaliseWorkfrontUrl } from '../../nodes/shared/workfront/url';

export const JWT_LIFETIME = { default: 300, min: 30, max: 900 } as const;

/** Seconds one request to Workfront may wait for its answer (transfers get more, by size). */
export const REQUEST_TIMEOUT = { default: 60, min: 1, max: 3600 } as const;

/**
 * The longest a call that carries a secret (the exchange, the session check) may take for its whole
 * answer: Workfront answers these in well under a second; anything slower is a fault to report.
 */
export const CREDENTIAL_CALL_MAX_MS = 30_000;

/** The deadline of a credential call: the credential's Request Timeout, at most CREDENTIAL_CALL_MAX_MS. */
export function credentialCallDeadlineMs(requestTimeoutMs: number): number {
	return Math.min(CREDENTIAL_CALL_MAX_MS, requestTimeoutMs);
}

const APP_DETAILS = 'Setup > System > OAuth2 Applications > your application in Workfront';

export interface JwtCredentialFields {
	origin: string;
	clientId: string;
	clientSecret: string;
	customerId: string;
	userId: string;
	lifetimeSeconds: number;
	key: KeyObject;
	/** The deadline of the exchange and the session check, from Request Timeout. */
	deadlineMs: number;
}

function requireText(value: unknown, field: string, where: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new WorkfrontCredentialError(`${field} is empty. ${where}`, field);
	return text;
}

export function validateLifetime(value: unknown): number {
	const seconds = wholeNumberIn(
		value === undefined || value === '' ? JWT_LIFETIME.default : value,
		JWT_LIFETIME.min,
		JWT_LIFETIME.max,
	);
	if (seconds === undefined) {
		throw new WorkfrontCredentialError(
			`JWT Lifetime must be a whole number of seconds from ${JWT_LIFETIME.min} to ${JWT_LIFETIME.max} (it is ${String(value)}). Workfront recommends a few minutes; ${JWT_LIFETIME.default} is a good value.`,
			'JWT Lifetime',
		);
	}
	return seconds;
}

export function readRequestTimeoutMs(value: unknown): number {
	const seconds = value === undefined || value === '' ? REQUEST_TIMEOUT.default : Number(value);
	if (!Number.isFinite(seconds) || seconds < REQUEST_TIMEOUT.min || seconds > REQUEST_TIMEOUT.max) {
		throw new WorkfrontCredentialError(
			`Request Timeout must be a number of seconds from ${REQUEST_TIMEOUT.min} to ${REQUEST_TIMEOUT.max} (it is ${String(value)}). ${REQUEST_TIMEOUT.default} suits most organisations.`,
			'Request Timeout',
		);
	}
	return Math.round(seconds * 1000);
}

/** Checks every field before anything is signed or sent, so a mistake costs no network call. */
export function readCredentialFields(
	credentials: ICredentialDataDecryptedObject,
): JwtCredentialFields {
	return {
		origin: normaliseWorkfrontUrl(credentials.url),
		clientId: requireText(credentials.clientId, 'Client ID', `Copy it from ${APP_DETAILS}.`),
		clientSecret: requireText(
			credentials.clientSecret,
			'Client Secret',
			`Copy it from ${APP_DETAILS}, or generate a new one there.`,
		),
		customerId: requireText(credentials.customerId, 'Customer ID', `Copy it from ${APP_DETAILS}.`),
		userId: requireText(
			credentials.userId,
			'User ID',
			'Enter the ID of the Workfront user who uploaded the public key (open the user in Workfront; the ID is in the address bar).',
		),
		lifetimeSeconds: validateLifetime(credentials.jwtLifetime),
		deadlineMs: credentialCallDeadlineMs(readRequestTimeoutMs(credentials.requestTimeout)),
		key: loadPrivateKey(credentials.privateKey),
	};
}
