import type { RequestParams } from './params';
import { specFor, type ObjectSpec } from './schema';
import {
	invalidParameter,
	newId,
	notFound,
	WorkfrontFault,
	type ObjectStore,
	type WfRecord,
} from './store';

export interface ActionContext {
	store: ObjectStore;
	spec: ObjectSpec;
	record: WfRecord;
	params: RequestParams;
	actorId: string;
}

type ActionHandler = (context: ActionContext) => unknown;

/** An argument from the query, the form or a JSON body, in that order. */
function argument(context: ActionContext, name: string): unknown {
	const fromParams = context.params.get(name);
	if (fromParams !== undefined) return fromParams;
	const body = context.params.jsonBody as Record<string, unknown> | undefined;
	return body && typeof body === 'object' ? body[name] : undefined;
}

function requireArgument(context: ActionContext, name: string): string {
	const value = argument(context, name);
	if (value === undefined || value === null || value === '') {
		throw invalidParameter(`The ${context.spec.name} action needs the argument ${name}`);
	}
	return String(value);
}

function requireRecord(context: ActionContext, objCode: string, id: string): WfRecord {
	const record = context.store.get(objCode, id);
	if (!record) throw notFound(`${specFor(objCode).name} with ID ${id} was not found`);
	return record;
}

function jsonArgument(context: ActionContext, name: string): Record<string, unknown> {
	const value = argument(context, name);
	if (value === undefined) return {};
	if (typeof value === 'object') return value as Record<string, unknown>;
	try {
		return JSON.parse(String(value)) as Record<string, unknown>;
	} catch {
		throw invalidParameter(`The argument ${name} must be a JSON object`);
	}
}

export const ACTIONS: Record<string, ActionHandler> = {
	calculateTimeline: ({ store, record, actorId }) => {
		store.update(record, { lastCalcDate: store.timestamp() }, actorId);
		return null;
	},
	calculateFinance: ({ store, record, actorId }) => {
		store.update(record, { lastCalcDate: store.timestamp() }, actorId);
		return null;
	},
	markDone: ({ store, record, spec, actorId }) => {
		store.update(
			record,
			{ status: spec.objCode === 'OPTASK' ? 'CLS' : 'CPL', percentComplete: 100 },
			actorId,
		);
		return null;
	},
	move: (context) => {
		const projectID = requireArgument(context, 'projectID');
		requireRecord(context, 'PROJ', projectID);
		context.store.update(context.record, { projectID }, context.actorId);
		return null;
	},
	assign: (context) => {
		const objID = requireArgument(context, 'objID');
		const objCode = String(argument(context, 'objCode') ?? 'USER');
		if (objCode !== 'USER')
			throw invalidParameter('The simulator assigns users only (objCode=USER)');
		requireRecord(context, 'USER', objID);
		const key = context.spec.objCode === 'OPTASK' ? 'opTaskID' : 'taskID';
		const assignment = context.store.insert(
			'ASSGN',
			{ [key]: context.record.ID, assignedToID: objID },
			context.actorId,
		);
		context.store.update(context.record, { assignedToID: objID }, context.actorId);
		return assignment.ID;
	},
	convertToTask: (context) => {
		const options = jsonArgument(context, 'updates');
		const projectID = String(options.projectID ?? context.record.projectID ?? '');
		if (!projectID)
			throw invalidParameter(
				'convertToTask needs a projectID (in updates) for an issue without a project',
			);
		requireRecord(context, 'PROJ', projectID);
		const task = context.store.insert(
			'TASK',
			{
				name: options.name ?? context.record.name,
				description: context.record.description ?? null,
				projectID,
			},
			context.actorId,
		);
		context.store.remove('OPTASK', context.record.ID);
		return task.ID;
	},
	convertToProject: (context) => {
		const options = jsonArgument(context, 'updates');
		const project = context.store.insert(
			'PROJ',
			{
				name: options.name ?? context.record.name,
				description: context.record.description ?? null,
			},
			context.actorId,
		);
		context.store.remove('OPTASK', context.record.ID);
		return project.ID;
	},
	attachTemplate: (context) => {
		const templateID = requireArgument(context, 'templateID');
		requireRecord(context, 'TMPL', templateID);
		const templateTasks = context.store
			.all('TTSK')
			.filter((task) => task.templateID === templateID);
		for (const templateTask of templateTasks) {
			context.store.insert(
				'TASK',
				{
					name: templateTask.name,
					projectID: context.record.ID,
					workRequired: templateTask.workRequired,
				},
				context.actorId,
			);
		}
		context.store.update(context.record, { templateID }, context.actorId);
		return null;
	},
	saveAsTemplate: (context) => {
		const options = jsonArgument(context, 'templateInfo');
		const name = String(
			argument(context, 'templateName') ??
				options.name ??
				`${String(context.record.name)} Template`,
		);
		const template = context.store.insert('TMPL', { name }, context.actorId);
		for (const task of context.store
			.all('TASK')
			.filter((candidate) => candidate.projectID === context.record.ID)) {
			context.store.insert(
				'TTSK',
				{ name: task.name, templateID: template.ID, workRequired: task.workRequired },
				context.actorId,
			);
		}
		return template.ID;
	},
	share: (context) => {
		const accessorID = requireArgument(context, 'accessorID');
		const accessorObjCode = requireArgument(context, 'accessorObjCode');
		const coreAction = String(argument(context, 'coreAction') ?? 'VIEW');
		if (!['VIEW', 'LIMITED_EDIT', 'EDIT', 'DELETE'].includes(coreAction)) {
			throw invalidParameter(
				`coreAction must be VIEW, LIMITED_EDIT, EDIT or DELETE (got ${coreAction})`,
			);
		}
		requireRecord(context, accessorObjCode, accessorID);
		const rules = (context.record.accessRules as unknown[] | undefined) ?? [];
		context.record.accessRules = [
			...rules,
			{ ID: newId(), accessorID, accessorObjCode, coreAction },
		];
		return null;
	},
};

export function runAction(name: string, context: ActionContext): unknown {
	const handler = ACTIONS[name];
	if (!handler || !context.spec.actions.includes(name)) {
		throw new WorkfrontFault(
			400,
			'com.attask.common.UnsupportedOperationException',
			`Action ${name} is not supported on ${context.spec.name}`,
		);
	}
	return handler(context);
}
