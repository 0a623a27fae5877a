import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { ACTION_CATALOG, builtInFor, CUSTOM_ACTION } from '../actions/record/actionCatalog';
import { ACTION_OPTIONS } from '../actions/record/actionPanel';
import { argumentFieldType } from '../../shared/params/actionArguments';
import { objectMetadata, type ActionMetadata } from '../../shared/workfront/metadata';
import { currentObjectCode } from '../../shared/methods/currentObjectCode';

/** The object type's actions as Workfront declares them; undefined when metadata cannot be read. */
async function declaredActions(
	context: ILoadOptionsFunctions,
): Promise<ActionMetadata[] | undefined> {
	try {
		const { actions } = await objectMetadata(context, currentObjectCode(context));
		return actions.length > 0 ? actions : undefined;
	} catch {
		return undefined;
	}
}

/** `approveApproval` → `Approve Approval`. */
function friendlyName(name: string): string {
	const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every action Workfront declares for the chosen object type (`GET /<obj>/metadata`). Built-in
 * actions keep their friendly names and fields; Copy (a create, not an action) and "Other" are
 * always there. When metadata cannot be read, the built-in list is offered as it is.
 */
export async function getActions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const declared = await declaredActions(this);
	if (!declared) return ACTION_OPTIONS;
	const names = new Set(declared.map(({ name }) => name));
	const objCode = currentObjectCode(this);
	const builtIn = ACTION_CATALOG.filter(
		(action) =>
			action.kind === 'copy' ||
			(names.has(action.value) && builtInFor(action.value, objCode) !== undefined),
	).map(({ name, value, description }) => ({ name, value, description }));
	const known = new Set(builtIn.map(({ value }) => value));
	const others = declared
		.filter(({ name }) => !known.has(name))
		.map(({ name, arguments: args }) => ({
			name: friendlyName(name),
			value: name,
			description: `Workfront action ${name}${args.length > 0 ? ` (${args.map((argument) => argument.name).join(', ')})` : ''}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		...builtIn,
		...others,
		ACTION_OPTIONS.find(({ value }) => value === CUSTOM_ACTION) as INodePropertyOptions,
	];
}

/**
 * The declared arguments of the chosen action as typed fields: text, yes/no, numbers, lists
 * (`string[]`) and objects (such as `task` of convertToTask, entered as JSON).
 */
export async function getActionArguments(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const chosen = String(this.getCurrentNodeParameter('action') ?? '');
	const declared = await declaredActions(this);
	const action = declared?.find(({ name }) => name === chosen);
	if (!action) {
		return {
			fields: [],
			emptyFieldsNotice: declared
				? `Workfront declares no action ${chosen} for ${currentObjectCode(this)}`
				: 'Could not read the object type from Workfront; use Other (Enter Action Name) and Additional Arguments',
		};
	}
	// Arguments the built-in fields already ask for are left out (those fields match Adobe's types).
	const covered = new Set(
		builtInFor(chosen, String(this.getCurrentNodeParameter('objectType') ?? ''))?.arguments.map(
			({ name }) => name,
		) ?? [],
	);
	const rest = action.arguments.filter(({ name }) => !covered.has(name));
	return {
		fields: rest.map(({ name, type }) => ({
			id: name,
			displayName: `${name} (${type})`,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: argumentFieldType(type),
		})),
		...(action.arguments.length === 0 ? { emptyFieldsNotice: `${chosen} takes no arguments` } : {}),
	};
}
