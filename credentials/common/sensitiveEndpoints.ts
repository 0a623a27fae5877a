/**
 * The Workfront endpoints this credential's token is never attached to: those whose answer
 * reveals a session, a token, an API key or another credential, or that create, change or revoke
 * one. A user who may only *use* the credential (n8n shares credentials that way) could otherwise
 * read the token of the credential's user, often a System Administrator, with an HTTP Request
 * node or a Custom API Call. The credential's own session checks do not come through here: they
 * send their header themselves (obtainAccessToken.ts).
 *
 * Sources (Adobe): the API description, AdobeDocs/workfront-apis static/workflow.json ("Adobe
 * Workfront API v19.0": /login, /logout, /session, /user/{getApiKey, generateApiKey, clearApiKey,
 * clearAllApiKeys, assignUserToken, completeUserRegistration, resetRopgPassword, addMobileDevice,
 * removeMobileDevice}, /externalauthtoken, /externalproviderconfig, /customerpreferences (which
 * holds secrets such as `password:aemAPIKey`, new-api-version-13.md),
 * /documentversion/getProofingTokens, /customer/updateLoginAsSettings); API basics
 * (help/quicksilver/wf-api/general/api-basics.md: an object type is "case insensitive", by its
 * code or its name; an action is a path segment or `action=`; `method=` overrides the verb;
 * `sessionID`, `apiKey`, `username`, `password` as parameters log in); the official client
 * (Workfront/workfront-api src/Api.ts: `/batch` carries any other request as `uri=` entries,
 * actions sent in a form body); the OAuth2 pages (wf-api/api/oauth-app-*-flow.md:
 * /integrations/oauth2/… hands out tokens); the Event Subscription API (event-subs-api.md: a
 * subscription carries the `authToken` Workfront sends with each event — masked in answers only
 * since 2026-08). Adobe is silent on the object codes of ExternalAuthToken, ExternalProviderConfig
 * and CustomerPreferences: their names are refused, and would their codes be used, the field and
 * parameter checks below still apply.
 */

/** Object types (as the first segment below an API root) that hold or hand out credentials. */
const SENSITIVE_OBJECTS = new Set([
	'session',
	'login',
	'logout',
	'batch',
	'externalauthtoken',
	'externalproviderconfig',
	'customerpreferences',
]);

/** Actions (a path segment, or `action=`) that reveal, create or revoke a credential. */
const SENSITIVE_ACTIONS = new Set([
	'getapikey',
	'generateapikey',
	'clearapikey',
	'clearallapikeys',
	'assignusertoken',
	'completeuserregistration',
	'resetropgpassword',
	'addmobiledevice',
	'removemobiledevice',
	'getproofingtokens',
	'updateloginassettings',
]);

/** Parameters that Workfront reads as a login, or that carry another request (`/batch`). */
const SENSITIVE_PARAMETERS = new Set(['sessionid', 'apikey', 'username', 'password', 'uri']);

/** Words that, in a requested field name, name a secret (`apiKey`, `proofToken`, `password`). */
const SECRET_FIELD = /apikey|password|token|sessionid|secret/i;

/** The segments that lead to an object type: `/attask/api/v21.0/`, `/attask/api-internal/`, … */
const API_ROOT = /^(?:api|api-internal|api-unsupported|api-asp|v?\d+(?:\.\d+)?)$/;

/** Percent-escapes decoded until nothing changes (a server may decode twice), within a bound. */
function decodedFully(text: string): string {
	let current = text;
	for (let round = 0; round < 5; round += 1) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			// A stray % stays as it is; the escapes around it are decoded one by one.
			next = current.replace(/%[0-9a-f]{2}/gi, (escape) => {
				try {
					return decodeURIComponent(escape);
				} catch {
					return escape;
				}
			});
		}
		if (next === current) return current;
		current = next;
	}
	return current;
}

/**
 * Letters compared as a Java server compares them case-insensitively (equalsIgnoreCase folds each
 * character through upper and lower case: `ſ` is `s`, `ı` and `İ` are `i`, the Kelvin sign is `k`),
 * and accents dropped on top. Folding more than Workfront does only refuses more; folding less
 * would let `ſession` through.
 */
function caseless(text: string): string {
	return text.toUpperCase().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * A name and its stem before the first dot (`session.json`, `session.`): Adobe is silent on
 * suffixes, and some Java routers strip them, so both are checked.
 */
function namesOf(segment: string): string[] {
	const stem = segment.split('.')[0];
	return stem === segment ? [segment] : [segment, stem];
}

/**
 * The path as Workfront's servers read it: escapes decoded, backslashes as slashes, `;params`
 * dropped from each segment (Java servers do), empty and `.` segments dropped, `..` resolved,
 * letters lowered (object types are case-insensitive).
 */
export function pathSegments(pathname: string): string[] {
	const segments: string[] = [];
	for (const raw of decodedFully(pathname).replace(/\\/g, '/').split('/')) {
		const segment = caseless(raw.split(';')[0].trim());
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(segment);
	}
	return segments;
}

type Parameters = Array<[string, string]>;

function parametersOf(value: unknown, into: Parameters): void {
	if (value === undefined || value === null) return;
	if (typeof value === 'string') {
		for (const [key, item] of new URLSearchParams(value)) into.push([key, item]);
		return;
	}
	if (value instanceof URLSearchParams) {
		for (const [key, item] of value) into.push([key, item]);
		return;
	}
	if (typeof value === 'object' && !Buffer.isBuffer(value)) {
		for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
			for (const one of Array.isArray(item) ? item : [item]) {
				into.push([
					key,
					typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one),
				]);
			}
		}
	}
}

/**
 * The keys of a JSON object body that would change which endpoint runs, were Workfront to read them
 * as parameters (Adobe documents parameters in the query and a form body only; silent on JSON).
 * Only these: a record's own fields (a user's `username`) are not parameters.
 */
const ROUTING_KEYS = new Set(['action', 'fields', 'uri']);

function routingKeysOf(body: unknown): Record<string, unknown> | undefined {
	if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return undefined;
	if (body instanceof URLSearchParams || Array.isArray(body)) return undefined;
	const picked = Object.entries(body as Record<string, unknown>).filter(([key]) =>
		ROUTING_KEYS.has(caseless(key)),
	);
	return picked.length > 0 ? Object.fromEntries(picked) : undefined;
}

/** Whether a request body is one Workfront reads as parameters (a form), rather than a record. */
function isFormBody(body: unknown, headers: Record<string, unknown> | undefined): boolean {
	if (body instanceof URLSearchParams) return true;
	if (typeof body !== 'string') return false;
	const type = Object.entries(headers ?? {}).find(
		([name]) => name.toLowerCase() === 'content-type',
	);
	return type === undefined || /x-www-form-urlencoded/i.test(String(type[1]));
}

export interface RequestParts {
	target: URL;
	/** `qs` of either option shape. */
	qs?: unknown;
	/** A request-library `form`. */
	form?: unknown;
	/** A request-library multipart `formData` (the HTTP Request node's Form-Data body). */
	formData?: unknown;
	body?: unknown;
	headers?: Record<string, unknown>;
	/**
	 * A request of the Workfront Trigger's subscription code, the one caller allowed the Event
	 * Subscription API (see SUBSCRIPTION_REQUEST). Not any request of the nodes: the Custom API
	 * Call goes through the same transport with a path the user typed.
	 */
	managesSubscriptions: boolean;
	/** The HTTP method, when known: a DELETE of one subscription is allowed to everyone (below). */
	method?: string;
}

/**
 * One event subscription, deleted: `DELETE /attask/eventsubscription/api/v1/subscriptions/<ID>`
 * (event-subs-api.md, "Deleting event subscriptions"), with nothing else in the request. It reveals
 * nothing and sends nothing anywhere, so it is left to everyone who may use the credential (the
 * trigger's advice for subscriptions it could not delete names the Custom API Call), as deleting
 * any other record is; listing, creating and changing subscriptions are not.
 */
function deletesOneSubscription(request: RequestParts, segments: string[]): boolean {
	return (
		request.method?.toUpperCase() === 'DELETE' &&
		segments.length === 6 &&
		segments.slice(2, 5).join('/') === 'api/v1/subscriptions' &&
		request.target.search === '' &&
		request.qs === undefined &&
		request.form === undefined &&
		request.formData === undefined &&
		(request.body === undefined || request.body === null || request.body === '')
	);
}

/**
 * Why this request may not carry the token, or undefined when it may. Said for people: what the
 * endpoint is, and that nothing was sent.
 */
export function sensitiveEndpoint(request: RequestParts): string | undefined {
	const segments = pathSegments(request.target.pathname);
	const where = `/${segments.join('/')}`;
	if (segments[0] === 'integrations') {
		return `${where} is one of Workfront's OAuth2 endpoints, which hand out tokens`;
	}
	if (segments[0] === 'attask') {
		if (
			segments[1] === 'eventsubscription' &&
			!request.managesSubscriptions &&
			!deletesOneSubscription(request, segments)
		) {
			return `${where} is Workfront's Event Subscription API, whose subscriptions carry the tokens Workfront sends to other integrations; the Workfront Trigger manages subscriptions itself`;
		}
		let at = 1;
		while (at < segments.length && API_ROOT.test(segments[at])) at += 1;
		const objCode = segments[at];
		if (objCode !== undefined && namesOf(objCode).some((name) => SENSITIVE_OBJECTS.has(name))) {
			return `${where} reveals or changes a Workfront session or credential (${objCode})`;
		}
		const action = segments
			.slice(at + 1)
			.find((segment) => namesOf(segment).some((name) => SENSITIVE_ACTIONS.has(name)));
		if (action) return `${where} runs ${action}, which reveals or changes a Workfront credential`;
	}
	const parameters: Parameters = [];
	parametersOf(request.target.search, parameters);
	parametersOf(request.qs, parameters);
	parametersOf(request.form, parameters);
	parametersOf(request.formData, parameters);
	if (isFormBody(request.body, request.headers)) parametersOf(request.body, parameters);
	else parametersOf(routingKeysOf(request.body), parameters);
	for (const [rawKey, rawValue] of parameters) {
		const key = caseless(decodedFully(rawKey).trim());
		const value = caseless(decodedFully(rawValue));
		if (SENSITIVE_PARAMETERS.has(key)) {
			return `the parameter "${key}" ${key === 'uri' ? 'carries another request' : 'is a Workfront login'}`;
		}
		if (key === 'action' && SENSITIVE_ACTIONS.has(value.trim())) {
			return `action=${value.trim()} reveals or changes a Workfront credential`;
		}
		if (key === 'fields' && SECRET_FIELD.test(value)) {
			return 'Fields to Return (fields=) names a secret field (an API key, password or token)';
		}
	}
	return undefined;
}
