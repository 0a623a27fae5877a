import type { INodeProperties } from 'n8n-workflow';

import { API_VERSIONS, DEFAULT_API_VERSION } from '../../nodes/shared/core/apiVersions';
import { REQUEST_TIMEOUT } from '../../nodes/shared/core/limits';
import { TOKEN_FOR_FIELD } from './storedToken';

/** The fields every Workfront credential has, written once; the credentials add their own. */

/** Workfront URL: what is typed is checked by normaliseWorkfrontUrl (core/url.ts) wherever it is used. */
export function workfrontUrlField(description: string): INodeProperties {
	return {
		displayName: 'Workfront URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'yourdomain.my.workfront.com',
		description,
	};
}

export const apiVersionField: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	default: DEFAULT_API_VERSION,
	options: API_VERSIONS.map(({ value, released }) => ({
		name: `${value} (released ${released})`,
		value,
	})),
	description: 'The Workfront REST API version every request uses (/attask/api/<version>/)',
};

export const requestTimeoutField: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: REQUEST_TIMEOUT.min, maxValue: REQUEST_TIMEOUT.max },
	default: REQUEST_TIMEOUT.default,
	description:
		'How long the Workfront nodes wait for each answer before giving up (uploads and downloads get extra time by size). A read that times out is tried once more; a change that times out is reported as possibly applied and never sent again.',
};

/**
 * The token a credential exchanges for itself: n8n's expirable hidden field (n8n runs
 * preAuthentication when it is empty, and stores what it returns), and which field values it was
 * issued for (storedToken.ts says why).
 */
export const storedTokenFields: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Access Token Issued For',
		name: TOKEN_FOR_FIELD,
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
];
