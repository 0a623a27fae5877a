import { verify, type KeyObject } from 'node:crypto';

/**
 * RS256 verification written against RFC 7515/7519 with node:crypto alone, on purpose independent
 * of the jose code that signs, so a signing bug cannot hide behind the same bug in the verifier.
 */
export type JwtCheck =
	| { ok: true; claims: Record<string, unknown> }
	| { ok: false; reason: 'malformed' | 'algorithm' | 'signature' };

function decodeSegment(segment: string): Record<string, unknown> | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function verifyRs256(token: string, keys: KeyObject[]): JwtCheck {
	const parts = token.split('.');
	if (parts.length !== 3) return { ok: false, reason: 'malformed' };
	const [headerPart, payloadPart, signaturePart] = parts;
	const header = decodeSegment(headerPart);
	const claims = decodeSegment(payloadPart);
	if (!header || !claims || !/^[A-Za-z0-9_-]+$/.test(signaturePart))
		return { ok: false, reason: 'malformed' };
	if (header.alg !== 'RS256') return { ok: false, reason: 'algorithm' };

	const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
	const signature = Buffer.from(signaturePart, 'base64url');
	const valid = keys.some((key) => verify('RSA-SHA256', signed, key, signature));
	return valid ? { ok: true, claims } : { ok: false, reason: 'signature' };
}
