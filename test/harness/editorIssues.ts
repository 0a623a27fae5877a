import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
} from 'n8n-workflow';

/** Loads the options of a picker as the editor does (its loadOptions method, through n8n-core). */
export type OptionsLoader = (
	property: INodeProperties,
	path: string,
	parameters: INodeParameters,
) => Promise<INodePropertyOptions[]>;

export interface EditorIssue {
	path: string;
	message: string;
}

function get(values: unknown, path: string): unknown {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter(Boolean)
		.reduce<unknown>(
			(current, key) =>
				current && typeof current === 'object'
					? (current as Record<string, unknown>)[key]
					: undefined,
			values,
		);
}

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/**
 * What n8n's editor flags in a node's panel: the issues of `NodeHelpers.getNodeParametersIssues`
 * (required parameters, resource locator and resource mapper checks), plus what the parameter
 * inputs themselves show, which that function leaves to the editor's components:
 * - an option or multi-option value that is not in the list ("The value … is not supported!"),
 *   the list loaded through the node's loadOptions method where it has one, unless the parameter
 *   allows other values (`allowArbitraryValues`);
 * - a multi-option that is not a list;
 * - a resource locator that is not a locator value (an empty "Mode" box), expressions included;
 * - a boolean or number parameter holding another type.
 * Other expressions are not checked, as the editor does not check them.
 */
export async function editorIssues(
	nodeType: INodeType,
	node: INode,
	loadOptions: OptionsLoader,
): Promise<EditorIssue[]> {
	const description = nodeType.description;
	const parameters =
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	const found: EditorIssue[] = [];
	const core = NodeHelpers.getNodeParametersIssues(
		description.properties,
		{ ...node, parameters },
		description,
	);
	for (const [path, messages] of Object.entries(core?.parameters ?? {}))
		for (const message of messages) found.push({ path, message });

	const walk = async (properties: INodeProperties[], path: string): Promise<void> => {
		const shown = properties.filter((property) =>
			NodeHelpers.displayParameterPath(parameters, property, path, node, description),
		);
		// Several properties may share a name with exclusive display options; check the shown one.
		for (const property of shown) {
			const at = path ? `${path}.${property.name}` : property.name;
			const value = get(parameters, at);
			if (value === undefined) continue;
			const report = (message: string) => found.push({ path: at, message });
			// A locator holds its expression inside the locator value; a bare one leaves Mode empty.
			if (isExpression(value) && property.type !== 'resourceLocator') continue;
			switch (property.type) {
				case 'options':
				case 'multiOptions': {
					const list = property.typeOptions?.loadOptionsMethod
						? await loadOptions(property, at, parameters)
						: ((property.options ?? []) as INodePropertyOptions[]);
					const allowed = new Set(list.map((option) => option.value));
					if (property.type === 'multiOptions' && !Array.isArray(value)) {
						report(`The value "${String(value)}" is not supported! (a list is expected)`);
						break;
					}
					// A parameter that allows other values is not checked against its list, as in
					// the editor (ParameterInput's shouldSkipParamValidation).
					if (property.allowArbitraryValues) break;
					for (const entry of Array.isArray(value) ? value : [value])
						if (!isExpression(entry) && !allowed.has(entry as string))
							report(`The value "${String(entry)}" is not supported!`);
					break;
				}
				case 'resourceLocator': {
					const locator = value as { __rl?: boolean; mode?: string };
					if (
						!locator ||
						typeof locator !== 'object' ||
						!locator.__rl ||
						!property.modes?.some(({ name }) => name === locator.mode)
					)
						report(
							`${JSON.stringify(value)} is not a resource locator value (the Mode box is empty)`,
						);
					break;
				}
				case 'boolean':
					if (typeof value !== 'boolean') report(`${JSON.stringify(value)} is not a boolean`);
					break;
				case 'number':
					if (typeof value !== 'number') report(`${JSON.stringify(value)} is not a number`);
					break;
				case 'collection':
					await walk((property.options ?? []) as INodeProperties[], at);
					break;
				case 'fixedCollection':
					for (const group of (property.options ?? []) as Array<{
						name: string;
						values: INodeProperties[];
					}>) {
						const rows = get(parameters, `${at}.${group.name}`);
						if (rows === undefined) continue;
						const list = Array.isArray(rows) ? rows : [rows];
						for (let index = 0; index < list.length; index += 1)
							await walk(
								group.values,
								Array.isArray(rows) ? `${at}.${group.name}[${index}]` : `${at}.${group.name}`,
							);
					}
					break;
				default:
					break;
			}
		}
	};
	await walk(description.properties, '');
	return found;
}
