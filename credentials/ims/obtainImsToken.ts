import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseApiVersion } from '../../nodes/shared/core/apiVersions';
import { readErrorBody } from '../../nodes/shared/core/answers';
import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';
import {
	askSession,
	bearerVerdict,
	obtainToken,
	type HttpRequest,
	type SessionAnswer,
} from '../common/obtainToken';
import { readServerToServerFields, type ServerToServerFields } from './imsFields';
import { requestImsToken } from './imsToken';

/** How Workfront is asked to take an IMS token (Workfront/workfront-api 9.1.0 setImsCredentials). */
function bearerHeaders(fields: ServerToServerFields, token: string): Record<string, string> {
	return { Authorization: `Bearer ${token}`, 'x-gw-ims-org-id': fields.imsOrgId };
}

/** Workfront's words on an answer, whatever its shape. */
function wordsOf(answer: SessionAnswer): string {
	if (typeof answer.body === 'string') return answer.body;
	return readErrorBody(answer.body)?.message ?? JSON.stringify(answer.body ?? '');
}

/**
 * A token IMS issued is checked once with Workfront before it is kept: IMS does not know the
 * organization ID (it is not part of the token request), so a wrong one would otherwise show only
 * as every request refused. Adobe's App Builder guidance quotes Workfront's refusal of a bad org
 * header: 401 "Org Id undefined is not in the list of user org Ids". Any answer other than "not
 * logged in" lets the token through (Adobe is silent on how `session` answers an IMS token).
 */
async function checkedWithWorkfront(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	fields: ServerToServerFields,
	token: string,
): Promise<string> {
	const answer = await askSession(
		httpRequest,
		fields.origin,
		normaliseApiVersion(credentials.apiVersion),
		bearerHeaders(fields, token),
		fields.deadlineMs,
	);
	if (bearerVerdict(answer) !== 'refused') return token;
	if (/\borg\s*id\b/i.test(wordsOf(answer))) {
		throw new WorkfrontCredentialError(
			`Workfront did not accept the IMS Organization ID ${fields.imsOrgId} for this token (HTTP ${answer.status}). Copy the Organization ID from Adobe Developer Console > your project > OAuth Server-to-Server > Credential details, and check that the Workfront URL belongs to that organization.`,
			'IMS Organization ID',
		);
	}
	throw new WorkfrontCredentialError(
		`Adobe IMS issued a token, but ${fields.origin} does not accept it (HTTP ${answer.status}). Check that Workfront URL is the Workfront instance chosen for the Adobe Workfront API in Developer Console, and that the credential's technical account is an active Workfront user (Adobe adds it as a user whose email ends in techacct.adobe.com).`,
		'Workfront URL',
	);
}

/**
 * The Adobe Workfront OAuth Server-to-Server credential's preAuthentication: its fields checked
 * before anything is sent, then the shared flow (common/obtainToken.ts) with an IMS token request
 * as the way to a new token, and Workfront's Bearer and organization headers to check one.
 */
export async function obtainImsToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	const fields = readServerToServerFields(credentials);
	return await obtainToken(httpRequest, credentials, {
		kind: 'serverToServer',
		origin: fields.origin,
		deadlineMs: fields.deadlineMs,
		headers: (token) => bearerHeaders(fields, token),
		verdict: bearerVerdict,
		issue: async () =>
			await checkedWithWorkfront(
				httpRequest,
				credentials,
				fields,
				await requestImsToken(httpRequest, fields),
			),
	});
}
