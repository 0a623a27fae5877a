import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';

/** A Workfront "Machine to Machine" OAuth2 application as an admin would set it up. */
export interface OAuthApplication {
	clientId: string;
	clientSecret: string;
	customerId: string;
	/** Public keys or X.509 certificates (PEM), each uploaded by one user. */
	keys: Array<{ userId: string; pem: string }>;
}

export interface RegisteredKey {
	userId: string;
	key: KeyObject;
}

export function toPublicKey(pem: string): KeyObject {
	return pem.includes('BEGIN CERTIFICATE')
		? new X509Certificate(pem).publicKey
		: createPublicKey(pem);
}

/** The applications the simulator knows, by client ID. */
export class ApplicationRegistry {
	private readonly byClientId = new Map<string, { app: OAuthApplication; keys: RegisteredKey[] }>();

	register(app: OAuthApplication): void {
		const keys = app.keys.map(({ userId, pem }) => ({ userId, key: toPublicKey(pem) }));
		this.byClientId.set(app.clientId, { app, keys });
	}

	find(clientId: string): { app: OAuthApplication; keys: RegisteredKey[] } | undefined {
		return this.byClientId.get(clientId);
	}
}
