import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OBJECT_TYPES, OTHER_OBJECT_TYPE } from '../core/objectTypes';

/** Value → name of an options parameter, for showing what a person reads instead of codes. */
export function optionNames(properties: INodeProperties[], name: string): Record<string, string> {
	const names: Record<string, string> = {};
	for (const property of properties)
		if (property.name === name)
			for (const option of (property.options ?? []) as INodePropertyOptions[])
				names[String(option.value)] = option.name;
	return names;
}

/**
 * An expression (without the {{ }}) for a parameter's name as the panel shows it, falling back
 * to its code for values the list does not know (e.g. an object type only Workfront's metadata
 * names). The lookup table is one flat object literal: n8n's expression syntax ends an expression
 * at `}}`, which a nested literal could contain.
 */
export function nameOf(parameterExpression: string, names: Record<string, string>): string {
	return `(${JSON.stringify(names)}[${parameterExpression}] || ${parameterExpression})`;
}

export const OBJECT_TYPE_NAMES: Record<string, string> = Object.fromEntries(
	OBJECT_TYPES.map(({ objCode, label }) => [objCode, label]),
);

/** "Project", or the code typed for Other. */
export const objectTypeName = `($parameter["objectType"] === "${OTHER_OBJECT_TYPE}" ? $parameter["objectCode"] : ${nameOf('$parameter["objectType"]', OBJECT_TYPE_NAMES)})`;
