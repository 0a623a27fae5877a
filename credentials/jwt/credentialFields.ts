import type { KeyObject } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { loadPrivateKey } from './privateKey';
import {
	credentialCallDeadlineMs,
	readRequestTimeoutMs,
	wholeNumberIn,
} from '../../nodes/shared/core/limits';
import { normaliseWorkfrontUrl } from '../../nodes/shared/core/url';

export const JWT_LIFETIME = { default: 300, min: 30, max: 900 } as const;

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
