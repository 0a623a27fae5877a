import { randomBytes } from 'node:crypto';

export interface Session {
	token: string;
	userId: string;
	customerId: string;
	expiresAt: number;
	/**
	 * `session`: a Workfront session ID (the JWT exchange and the user-login flow issue these;
	 * read from the `sessionID` header). `ims`: an Adobe IMS access token, read as
	 * `Authorization: Bearer` with the organization it was issued in.
	 */
	kind: 'session' | 'ims';
	/** The IMS organization an IMS token belongs to. */
	orgId?: string;
}

/** Access tokens the exchange issued; they expire, and tests can revoke them all at once. */
export class SessionStore {
	private readonly sessions = new Map<string, Session>();

	/** Every token ever issued, so tests can check none of them leaks. */
	readonly issued: string[] = [];

	constructor(private readonly now: () => number) {}

	issue(userId: string, customerId: string, ttlSeconds: number, ims?: { orgId: string }): Session {
		const session: Session = {
			// IMS access tokens are JWTs (Adobe's IMS API reference shows "eyJ…"); their content is
			// not something a client reads, so an opaque value of that look stands in for one.
			token: ims
				? `eyJhbGciOiJSUzI1NiJ9.${randomBytes(48).toString('base64url')}.${randomBytes(32).toString('base64url')}`
				: randomBytes(16).toString('hex'),
			userId,
			customerId,
			expiresAt: this.now() + ttlSeconds * 1000,
			kind: ims ? 'ims' : 'session',
			...(ims ? { orgId: ims.orgId } : {}),
		};
		this.sessions.set(session.token, session);
		this.issued.push(session.token);
		return session;
	}

	/** The live session for a token, or undefined when it is unknown, expired or revoked. */
	find(token: string | undefined): Session | undefined {
		if (!token) return undefined;
		const session = this.sessions.get(token);
		if (!session) return undefined;
		if (session.expiresAt <= this.now()) {
			this.sessions.delete(token);
			return undefined;
		}
		return session;
	}

	revokeAll(): void {
		this.sessions.clear();
	}

	expireAll(): void {
		for (const session of this.sessions.values()) session.expiresAt = this.now();
	}
}
