import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import { credentialCallDeadlineMs, readRequestTimeoutMs } from '../../nodes/shared/core/limits';
import { normaliseWorkfrontUrl } from '../../nodes/shared/core/url';

/**
 * Adobe IMS's token endpoint for OAuth Server-to-Server credentials (developer.adobe.com,
 * Developer Console > Authentication > Server-to-Server > IMS API reference:
 * `POST https://ims-na1.adobelogin.com/ims/token/v3`). Adobe documents this one host.
 */
export const IMS_ORIGIN = 'https://ims-na1.adobelogin.com';
export const IMS_TOKEN_PATH = '/ims/token/v3';

const WHERE =
	'Adobe Developer Console > your project > OAuth Server-to-Server > Credential details';

export interface ServerToServerFields {
	origin: string;
	imsOrigin: string;
	clientId: string;
	clientSecret: string;
	/** As IMS takes them: comma-separated (IMS API reference: "The list of comma separated scopes"). */
	scope: string;
	imsOrgId: string;
	/** The deadline of the token request and the session check, from Request Timeout. */
	deadlineMs: number;
}

function requireText(value: unknown, field: string, where: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new WorkfrontCredentialError(`${field} is empty. ${where}`, field);
	// A line break or other control character would end a header or a form field early.
	if (/\p{Cc}/u.test(text)) {
		throw new WorkfrontCredentialError(
			`${field} contains a line break or another control character. Copy it again from ${WHERE}.`,
			field,
		);
	}
	return text;
}

/**
 * Where the client secret may be sent: Adobe's IMS host, or a loopback address (the simulator).
 * Like the Workfront URL, this is checked rather than trusted: n8n lets anyone who may use a
 * credential press Test with field values of their own, and the token request carries the secret.
 */
export function normaliseImsUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : IMS_ORIGIN;
	if (!URL.canParse(text)) {
		throw new WorkfrontCredentialError(
			`IMS URL "${text}" is not a URL. Leave it at ${IMS_ORIGIN}, Adobe's token endpoint.`,
			'IMS URL',
		);
	}
	const url = new URL(text);
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	if (
		(url.protocol === 'https:' && url.hostname === new URL(IMS_ORIGIN).hostname) ||
		(loopback && /^https?:$/.test(url.protocol))
	) {
		return url.origin;
	}
	throw new WorkfrontCredentialError(
		`IMS URL must be ${IMS_ORIGIN}, Adobe's token endpoint; ${url.origin} is not used, so the client secret goes nowhere else.`,
		'IMS URL',
	);
}

/** Scopes as typed (commas, spaces or line breaks between them), as IMS takes them. */
export function normaliseScopes(value: unknown): string {
	const scopes = String(value ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	if (scopes.length === 0) {
		throw new WorkfrontCredentialError(
			`Scopes is empty. Copy the scopes from ${WHERE} (for example openid, AdobeID, additional_info.projectedProductContext).`,
			'Scopes',
		);
	}
	return scopes.join(',');
}

/**
 * The organization ID, which Workfront wants in `x-gw-ims-org-id` beside the token. Adobe's App
 * Builder guidance warns that an empty one reaches Workfront as the word "undefined" ("Org Id
 * undefined is not in the list of user org Ids"): such values are refused here.
 */
export function readImsOrgId(value: unknown): string {
	const org = requireText(
		value,
		'IMS Organization ID',
		`Copy it from ${WHERE} (it ends in @AdobeOrg).`,
	);
	if (/^(?:undefined|null)$/i.test(org) || /\s/.test(org)) {
		throw new WorkfrontCredentialError(
			`IMS Organization ID "${org}" is not an organization ID. Copy it from ${WHERE} (it ends in @AdobeOrg).`,
			'IMS Organization ID',
		);
	}
	return org;
}

/** Checks every field before anything is sent, so a mistake costs no network call. */
export function readServerToServerFields(
	credentials: ICredentialDataDecryptedObject,
): ServerToServerFields {
	return {
		origin: normaliseWorkfrontUrl(credentials.url),
		imsOrigin: normaliseImsUrl(credentials.imsUrl),
		clientId: requireText(credentials.clientId, 'Client ID', `Copy it from ${WHERE}.`),
		clientSecret: requireText(
			credentials.clientSecret,
			'Client Secret',
			`Copy it from ${WHERE} (Retrieve client secret).`,
		),
		scope: normaliseScopes(credentials.scopes),
		imsOrgId: readImsOrgId(credentials.imsOrgId),
		deadlineMs: credentialCallDeadlineMs(readRequestTimeoutMs(credentials.requestTimeout)),
	};
}
