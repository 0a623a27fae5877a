import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface AssertionClaims {
	customerId: string;
	userId: string;
	lifetimeSeconds: number;
	/** Seconds since the epoch; injectable so tests can sign at a chosen time. */
	now?: number;
}

/** Signs the short-lived RS256 assertion Workfront's JWT exchange expects: iss, sub, iat, exp. */
export async function signAssertion(key: KeyObject, claims: AssertionClaims): Promise<string> {
	const issuedAt = claims.now ?? Math.floor(Date.now() / 1000);
	return await new SignJWT({})
		.setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
		.setIssuer(claims.customerId)
		.setSubject(claims.userId)
		.setIssuedAt(issuedAt)
		.setExpirationTime(issuedAt + claims.lifetimeSeconds)
		.sign(key);
}
