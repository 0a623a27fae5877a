import {
	NodeApiError,
	type INode,
	type JsonObject,
	type IDataObject,
	NodeOperationError,
} from 'n8n-workflow';

import { redactSecrets } from '../core/errors';
import { readErrorBody } from '../core/answers';
import { failureFor, networkCode } from '../core/networkFailures';
import type { RequestKind } from '../core/retryPolicy';
import { KINDS, type CredentialKind } from '../../../credentials/common/kinds';

/** Who a credential's requests act as, as a hint names them. */
const ACTING_USER: Record<CredentialKind, string> = {
	jwt: "the user of the credential's User ID",
	serverToServer:
		"the credential's technical account (a Workfront user whose email ends in techacct.adobe.com)",
	oAuth2: 'the user who connected the credential',
};

/** The hints that name the credential: said for the kind of credential the node uses. */
function credentialHint(status: number, kind: CredentialKind): string | undefined {
	const { label } = KINDS[kind];
	if (status === 401)
		return `Workfront did not accept a freshly ${kind === 'oAuth2' ? 'renewed' : kind === 'jwt' ? 'exchanged' : 'issued'} token either. Open the ${label} credential and press Test; check that ${ACTING_USER[kind]} is active.`;
	if (status === 403)
		return `The Workfront user of this credential (${ACTING_USER[kind]}) lacks access to this object. Share the object with that user in Workfront, give the user a higher access level, or use a credential for a user who has access.`;
	if (status === 410)
		return `This Workfront API version is retired. Choose a newer API Version in the ${label} credential.`;
	return undefined;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Workfront does not support this operation on this object type.',
	404: 'Nothing with this ID exists in Workfront (or it was deleted). Check the ID and the object type.',
	429: "Workfront's limit of concurrent requests for your organisation was still reached after several retries. Try again later, or lower the node's concurrency.",
	500: 'Workfront could not process the request. If it persists, check the values sent (for example with Get first), or try later.',
	502: 'Workfront was not reachable through its gateway after several retries. Try again later.',
	503: 'Workfront was unavailable after several retries. Try again later.',
	504: 'Workfront did not answer in time after several retries. Try again later.',
};

export interface ApiFailure {
	status: number;
	body: unknown;
	itemIndex?: number;
	/** Extra help worked out by the caller, e.g. the closest valid field names. */
	hint?: string;
	/** The credential the request used, for the hints that name it (the JWT one when not given). */
	credential?: CredentialKind;
}

/** One error shape for every Workfront failure: Workfront's words, its error class, the status and a hint. */
export function toNodeApiError(node: INode, failure: ApiFailure): NodeApiError {
	const error = readErrorBody(failure.body);
	const message =
		error?.message ?? `Workfront answered HTTP ${failure.status} without an error message`;
	const hint =
		failure.hint ??
		credentialHint(failure.status, failure.credential ?? 'jwt') ??
		STATUS_HINTS[failure.status] ??
		'';
	const description = [
		error?.class ? `${error.class} (HTTP ${failure.status}).` : `HTTP ${failure.status}.`,
		hint,
	]
		.filter(Boolean)
		.join(' ');
	return new NodeApiError(
		node,
		{
			error: { class: error?.class ?? null, message },
			httpCode: String(failure.status),
		} as JsonObject,
		{
			message: `Workfront: ${message}`,
			description,
			httpCode: String(failure.status),
			itemIndex: failure.itemIndex,
		},
	);
}

export type MetadataLoader = (objCode: string) => Promise<IDataObject>;

/** Fields of an object type, from Workfront's metadata; fetched only when a request named a field it does not know. */
async function knownFields(loadMetadata: MetadataLoader, objCode: string): Promise<string[]> {
	try {
		const metadata = await loadMetadata(objCode);
		return [
			...Object.keys((metadata.fields as IDataObject) ?? {}),
			...Object.keys((metadata.references as IDataObject) ?? {}),
			...Object.keys((metadata.collections as IDataObject) ?? {}),
		];
	} catch {
		return [];
	}
}

/** Extra help for a failure, where one can be worked out: for an unknown field, the closest valid names. */
export async function hintForFailure(
	path: string,
	status: number,
	body: unknown,
	loadMetadata: MetadataLoader,
): Promise<string | undefined> {
	const field = unknownFieldIn(readErrorBody(body)?.message);
	const objCode = path.split('/')[0];
	if (!field || !objCode || objCode === 'metadata') return undefined;
	const root = field.split(':')[0];
	const suggestions = closestNames(root, await knownFields(loadMetadata, objCode));
	const advice = `Field names are case-sensitive; custom fields are written DE:<name>; references and collections use a colon (owner:name).`;
	return suggestions.length > 0
		? `Workfront has no field "${root}" on this object type (HTTP ${status}). Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}? ${advice}`
		: `Workfront has no field "${root}" on this object type (HTTP ${status}). ${advice}`;
}

/** Edit distance, to suggest the field a typo meant. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i += 1) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j += 1) {
			const current = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length];
}

/** The field name a Workfront "does not support field X" message complains about. */
export function unknownFieldIn(message: string | undefined): string | undefined {
	return message ? /does not support field ([^\s(]+)/i.exec(message)?.[1] : undefined;
}

/** Up to three known names closest to `wanted`, case-insensitively. */
export function closestNames(wanted: string, known: string[]): string[] {
	const target = wanted.toLowerCase();
	return known
		.map((name) => ({
			name,
			score: distance(target, name.toLowerCase()) - (name.toLowerCase().includes(target) ? 2 : 0),
		}))
		.filter(({ score }) => score <= Math.max(2, Math.floor(wanted.length / 3)))
		.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
		.slice(0, 3)
		.map(({ name }) => name);
}

/**
 * Turns a failure to get any answer into an error fit to show. n8n's own errors for it may carry
 * the request, headers included, so only their message goes on, free of the token. A write that
 * may have reached Workfront says so, since it is deliberately not repeated.
 */
export function transportFailure(
	node: INode,
	error: unknown,
	kind: RequestKind,
	itemIndex: number,
	secrets: string[] = [],
	credential: CredentialKind = 'jwt',
): NodeOperationError {
	// Already worded by the transport itself (for example a token Workfront keeps refusing).
	if (error instanceof NodeOperationError) return error;
	const code = networkCode(error);
	const known = failureFor(code);
	if (!known) {
		// Not a network failure: what the credential's preAuthentication reported (wrong secret, bad
		// key, …), already worded for people and free of secrets — redacted again all the same.
		const message =
			error instanceof Error && error.message
				? redactSecrets(error.message, secrets)
				: 'The request to Workfront failed';
		return new NodeOperationError(node, message, {
			itemIndex,
			description: `If this names a credential field, open the ${KINDS[credential].label} credential, correct it and press Test.`,
		});
	}
	const inDoubt = kind === 'write' && known.sent === 'maybe';
	return new NodeOperationError(node, `Workfront ${known.what}`, {
		itemIndex,
		description: inDoubt
			? 'The change may or may not have been applied. It was not sent again, so that nothing is created or changed twice: check in Workfront before running this item again.'
			: known.advice,
	});
}
