import { inspect } from 'node:util';

/** Every rendering of a value a person or a log could see: message, JSON, and a deep inspect. */
function renderings(value: unknown): string[] {
	const error = value as { message?: unknown; description?: unknown; stack?: unknown };
	return [
		String(error?.message ?? ''),
		String(error?.description ?? ''),
		String(error?.stack ?? ''),
		inspect(value, { depth: 12, showHidden: true, getters: false }),
		(() => {
			try {
				return JSON.stringify(value) ?? '';
			} catch {
				return '';
			}
		})(),
	];
}

/** The lines of a PEM body, long enough to be unmistakably the key. */
export function pemFragments(pem: string): string[] {
	return pem.split(/\r?\n/).filter((line) => line.length >= 40 && !line.startsWith('-----'));
}

export function expectNoSecrets(value: unknown, secrets: Array<string | undefined>): void {
	const texts = renderings(value);
	for (const secret of secrets) {
		if (!secret) continue;
		for (const text of texts) {
			if (text.includes(secret)) {
				throw new Error(`A secret (${secret.slice(0, 6)}…) appears in: ${text.slice(0, 300)}`);
			}
		}
	}
}
