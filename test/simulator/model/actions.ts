import { validateActionCall } from './adobeFacts';
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
	/*
	 * markDone takes `status` (OpenAPI PUT /task/markDone, /optask/markDone). It is the API side of
	 * the Done button, which marks the caller's assignment Done and sets the item's status as the
	 * team configured it, "Completed" by default (Experience League: "Work On It and Done buttons",
	 * "Configure the Done button for tasks"). Adobe is silent on several assignees and on a caller
	 * without an assignment; the simulator completes the item only when no other assignment is still
	 * open, and refuses a caller who is not assigned, so a test cannot pass by completing it for all.
	 */
	markDone: (context) => {
		const { store, record, spec, actorId } = context;
		const key = spec.objCode === 'OPTASK' ? 'opTaskID' : 'taskID';
		const assignments = store.all('ASSGN').filter((assignment) => assignment[key] === record.ID);
		const mine = assignments.filter((assignment) => assignment.assignedToID === actorId);
		if (mine.length === 0)
			throw invalidParameter(
				`markDone marks the caller's assignment done, and the caller is not assigned to this ${spec.name}`,
			);
		for (const assignment of mine) store.update(assignment, { status: 'DN' }, actorId);
		const status = argument(context, 'status');
		const othersOpen = assignments.some(
			(assignment) => assignment.assignedToID !== actorId && assignment.status !== 'DN',
		);
		if (status !== undefined && status !== '') {
			store.update(record, { status: String(status) }, actorId);
		} else if (!othersOpen) {
			store.update(
				record,
				{ status: spec.objCode === 'OPTASK' ? 'CLS' : 'CPL', percentComplete: 100 },
				actorId,
			);
		}
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
	/*
	 * PUT /optask/convertToTask takes `task` (a Task object), `options` (list), `copyNativeFields`
	 * and `copyCategories` (OpenAPI). What the Task object must hold is not published (its schema
	 * ./Task.json is not in the repository); the simulator needs a project, from the task or the issue.
	 */
	/*
	 * PUT /task/assignMultiple takes userIDs, roleIDs, teamIDs (lists) and teamID (OpenAPI). The
	 * simulator assigns users only; roles and teams are refused rather than ignored.
	 */
	assignMultiple: (context) => {
		for (const name of ['roleIDs', 'teamIDs', 'teamID'])
			if (argument(context, name) !== undefined)
				throw invalidParameter(`The simulator assigns users only (${name} is not modelled)`);
		const raw = argument(context, 'userIDs');
		const userIDs = (
			Array.isArray(raw) ? raw : String(raw ?? '').startsWith('[') ? JSON.parse(String(raw)) : [raw]
		).filter(Boolean) as string[];
		if (userIDs.length === 0) throw invalidParameter('assignMultiple needs userIDs');
		return userIDs.map((userID) => {
			requireRecord(context, 'USER', String(userID));
			return context.store.insert(
				'ASSGN',
				{ taskID: context.record.ID, assignedToID: String(userID) },
				context.actorId,
			).ID;
		});
	},
	convertToTask: (context) => {
		const task = jsonArgument(context, 'task');
		const projectID = String(task.projectID ?? context.record.projectID ?? '');
		if (!projectID)
			throw invalidParameter(
				'convertToTask needs task.projectID for an issue that is not in a project',
			);
		requireRecord(context, 'PROJ', projectID);
		const copyNative = String(argument(context, 'copyNativeFields') ?? 'true') !== 'false';
		const created = context.store.insert(
			'TASK',
			{
				...(copyNative ? { description: context.record.description ?? null } : {}),
				...task,
				name: task.name ?? context.record.name,
				projectID,
			},
			context.actorId,
		);
		context.store.remove('OPTASK', context.record.ID);
		return created.ID;
	},
	/* PUT /optask/convertToProject takes `project` (Project), `exchangeRate`, `options`,
	 * `copyNativeFields`, `copyCategories` (OpenAPI); the Project object's content is not published. */
	convertToProject: (context) => {
		const project = jsonArgument(context, 'project');
		const copyNative = String(argument(context, 'copyNativeFields') ?? 'true') !== 'false';
		const created = context.store.insert(
			'PROJ',
			{
				...(copyNative ? { description: context.record.description ?? null } : {}),
				...project,
				name: project.name ?? context.record.name,
			},
			context.actorId,
		);
		context.store.remove('OPTASK', context.record.ID);
		return created.ID;
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

/**
 * Runs an action after checking it against Adobe's description (adobeFacts): an action the object
 * type does not declare, an undeclared argument or a wrongly typed one fails before any handler.
 */
export function runAction(name: string, context: ActionContext): unknown {
	validateActionCall(context.spec.objCode, context.spec.name, name, context.params);
	const handler = ACTIONS[name];
	if (!handler || !context.spec.actions.includes(name)) {
		// Declared by Adobe but not modelled here: say so rather than pretend it worked.
		throw new WorkfrontFault(
			501,
			'com.attask.common.UnsupportedOperationException',
			`The simulator does not implement ${name} on ${context.spec.name} (Adobe declares it)`,
		);
	}
	return handler(context);
}
