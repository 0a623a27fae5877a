import type { FieldType } from 'n8n-workflow';

export type ArgumentKind = 'text' | 'boolean' | 'number' | 'list' | 'object';

/**
 * How an action argument is entered and sent, from the type Workfront declares for it. Metadata
 * (`GET /<obj>/metadata`, official client fixtures/metadata.json) writes `string` and `string[]`;
 * Adobe's OpenAPI adds `boolean`, `integer`/`number` and object names such as `Task`. Java class
 * names (`java.lang.Boolean`) are read by their last part. Anything else names an object.
 */
export function argumentKind(type: string): ArgumentKind {
	const name = type.trim();
	if (name.endsWith('[]')) return 'list';
	const simple = name.replace(/^.*\./, '').toLowerCase();
	if (simple === 'string' || simple === 'date' || simple === 'datetime' || simple === '')
		return 'text';
	if (simple === 'boolean') return 'boolean';
	if (['int', 'integer', 'long', 'double', 'float', 'number', 'short'].includes(simple))
		return 'number';
	return 'object';
}

/** The resource mapper's field type for an argument. */
export function argumentFieldType(type: string): FieldType {
	const kinds: Record<ArgumentKind, FieldType> = {
		text: 'string',
		boolean: 'boolean',
		number: 'number',
		list: 'array',
		object: 'object',
	};
	return kinds[argumentKind(type)];
}
