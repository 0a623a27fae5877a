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
