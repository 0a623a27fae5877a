import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_KIND, type CredentialKind } from '../../../credentials/common/kinds';

/** What each choice is, for someone setting up a node. */
const CHOICES: Record<CredentialKind, { name: string; description: string }> = {
	jwt: {
		name: 'Workfront JWT (Machine to Machine)',
		description:
			"Workfront's own OAuth2 application with a key pair: a Workfront administrator sets it up alone",
	},
	serverToServer: {
		name: 'Adobe OAuth Server-to-Server',
		description:
			'An Adobe Developer Console credential (an IMS organization administrator sets it up); needed for Workfront Planning',
	},
	oAuth2: {
		name: 'Workfront OAuth2 (User Login)',
		description: 'A Workfront user signs in, and n8n acts as that user',
	},
};

const ORDER: CredentialKind[] = ['jwt', 'oAuth2', 'serverToServer'];

/**
 * The Authentication choice every Workfront node offers. Each node lists its credentials with
 * one shown per choice, written out in the node's description (mutually exclusive display options
 * with literal values, as n8n's rule for nodes with several ways in reads them); a test checks
 * that they match these choices. A node saved before the choice existed has no value, which means
 * the JWT credential it used.
 */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	default: DEFAULT_KIND,
	options: ORDER.map((kind) => ({ ...CHOICES[kind], value: kind })),
};
