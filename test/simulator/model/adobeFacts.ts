/**
 * What Adobe publishes about actions and required fields, read from the fixture that
 * test/conformance/extractAdobeApi.ts writes from Adobe's OpenAPI file (AdobeDocs/workfront-apis
 * static/workflow.json) and version notes. The simulator checks action calls and creates against
 * these facts, not against what the node happens to send.
 */
import facts from '../../conformance/adobe-api.json';
import type { RequestParams } from './params';
import { WorkfrontFault } from './store';

export interface ArgumentFact {
	name: string;
	type: string;
	required?: boolean;
	enum?: string[];
}

const objects = facts.objects as Record<
	string,
	{ path: string; actions: Record<string, ArgumentFact[]> }
>;
const requiredOnCreate = facts.requiredOnCreate as Record<string, Record<string, string[]>>;

export const adobeFacts = { objects, requiredOnCreate };

/** The actions Adobe declares for an object type, or undefined when the fixture has no entry for it. */
export function declaredActions(objCode: string): Record<string, ArgumentFact[]> | undefined {
	return objects[objCode]?.actions;
}

/**
 * Workfront answers a parameter it does not know with 422 (OpenAPI: every action declares
 * `422_UNPROCESSABLE_ENTITY`); the message wording is the simulator's own, Adobe does not publish it.
 */
function unprocessable(message: string): WorkfrontFault {
	return new WorkfrontFault(422, 'com.attask.common.InvalidParameterException', message);
}

/** Request parameters that are not action arguments: the method override, the target ID, the action name. */
const TRANSPORT = new Set(['method', 'ID', 'id', 'action', 'fields']);

function isNumber(text: string) {
	return text.trim() !== '' && Number.isFinite(Number(text));
}

/** Checks one value against the declared type. Object and list arguments arrive as JSON text. */
function checkType(action: string, fact: ArgumentFact, raw: unknown): void {
	const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
	const fail = (expected: string) =>
		unprocessable(
			`The argument ${fact.name} of ${action} must be ${expected} (type ${fact.type}), got ${text}`,
		);
	if (fact.type.endsWith('[]')) {
		if (Array.isArray(raw)) return;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			// A single plain value is a one-element list: the official client sends scalars unquoted.
			if (!text.trim().startsWith('[') && !text.trim().startsWith('{')) return;
			throw fail('a JSON list');
		}
		if (!Array.isArray(parsed)) throw fail('a JSON list');
		return;
	}
	switch (fact.type) {
		case 'string':
			if (typeof raw === 'object' && raw !== null) throw fail('text');
			if (fact.enum && !fact.enum.includes(text)) throw fail(`one of ${fact.enum.join(', ')}`);
			return;
		case 'boolean':
			if (raw === true || raw === false || text === 'true' || text === 'false') return;
			throw fail('true or false');
		case 'number':
			if (typeof raw === 'number' || isNumber(text)) return;
			throw fail('a number');
		default: {
			// An object argument such as `task` (Task) or `project` (Project): a JSON object.
			if (raw && typeof raw === 'object' && !Array.isArray(raw)) return;
			let parsed: unknown;
			try {
				parsed = JSON.parse(text);
			} catch {
				throw fail('a JSON object');
			}
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
				throw fail('a JSON object');
		}
	}
}

/**
 * Validates an action call: the action must be one Adobe declares for the object type, every
 * argument must be declared, have the declared type, and the arguments marked required must be
 * there. Returns the arguments by name (JSON body keys included).
 */
export function validateActionCall(
	objCode: string,
	objectName: string,
	action: string,
	params: RequestParams,
): Map<string, unknown> {
	const declared = declaredActions(objCode);
	const facts = declared?.[action];
	if (!facts) {
		// OpenAPI lists no such PUT path for this object: the status is the simulator's choice
		// (Adobe's 400 UnsupportedOperationException wording is kept from the earlier simulator).
		throw new WorkfrontFault(
			400,
			'com.attask.common.UnsupportedOperationException',
			`Action ${action} is not supported on ${objectName}`,
		);
	}
	const given = new Map<string, unknown>();
	for (const [name, value] of params.entries) if (!TRANSPORT.has(name)) given.set(name, value);
	const body = params.jsonBody;
	if (body && typeof body === 'object' && !Array.isArray(body))
		for (const [name, value] of Object.entries(body)) given.set(name, value);
	for (const [name, value] of given) {
		const fact = facts.find((candidate) => candidate.name === name);
		if (!fact) {
			const known = facts.map((candidate) => candidate.name).join(', ') || 'none';
			throw unprocessable(
				`${action} on ${objectName} has no argument ${name} (its arguments: ${known})`,
			);
		}
		checkType(action, fact, value);
	}
	for (const fact of facts) {
		if (fact.required && !given.has(fact.name))
			throw unprocessable(`${action} on ${objectName} needs the argument ${fact.name}`);
	}
	return given;
}

/**
 * Fields that must be present on create in this API version, as far as Adobe's version notes say
 * (e.g. DOCV `version` is REQUIRED until v22, whose note removes the validator). Unversioned and
 * api-unsupported paths follow the newest version, which Adobe keeps as the default.
 */
export function checkRequiredOnCreate(
	objCode: string,
	objectName: string,
	version: string,
	values: Record<string, unknown>,
): void {
	const newest = Object.keys(requiredOnCreate).at(-1) ?? '';
	const required = (requiredOnCreate[version] ?? requiredOnCreate[newest] ?? {})[objCode] ?? [];
	for (const field of required) {
		const value = values[field];
		if (value === undefined || value === null || value === '')
			throw unprocessable(
				`${objectName} needs ${field} in API ${version.startsWith('v') ? version : 'default version'} (REQUIRED validator)`,
			);
	}
}
