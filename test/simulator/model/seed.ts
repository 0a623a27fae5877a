import { defineCustomForm } from './customForms';
import { createDocument, type FileStore } from './documents';
import type { ObjectStore, WfRecord } from './store';

export interface SeedOptions {
	projects?: number;
	tasksPerProject?: number;
	issuesPerProject?: number;
	hoursPerTask?: number;
	users?: number;
	/** Fixes the pseudo-random choices, so the same options give the same data. */
	seed?: number;
	/**
	 * The day the dates are spread around (ms since the epoch). Tests keep the fixed default, so
	 * their data never changes; the demo passes today, so "last 7 days" finds the sample hours.
	 */
	today?: number;
}

const FIRST_NAMES = [
	'Ada',
	'Grace',
	'Alan',
	'Linus',
	'Margaret',
	'Dennis',
	'Barbara',
	'Ken',
	'Radia',
	'Tim',
	'Frances',
	'Edsger',
];
const LAST_NAMES = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Torvalds',
	'Hamilton',
	'Ritchie',
	'Liskov',
	'Thompson',
	'Perlman',
	'Berners-Lee',
	'Allen',
	'Dijkstra',
];
const PROJECT_WORDS = [
	'Website Relaunch',
	'Brand Refresh',
	'Q3 Campaign',
	'Product Launch',
	'CRM Migration',
	'Trade Show',
	'Annual Report',
	'Mobile App',
	'Data Warehouse',
	'Onboarding Revamp',
];
const TASK_WORDS = [
	'Kickoff',
	'Requirements',
	'Design',
	'Copywriting',
	'Review',
	'Build',
	'QA',
	'Legal Approval',
	'Launch',
	'Retrospective',
];
const PROJECT_STATUSES = ['PLN', 'CUR', 'CUR', 'CUR', 'ONH', 'CPL'];
const TASK_STATUSES = ['NEW', 'INP', 'INP', 'CPL'];

function random(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const DAY = 86_400_000;

/**
 * Fills the store with a plausible Workfront: a company, teams, users, portfolios, programs,
 * templates, projects with tasks, issues and logged hours. Dates spread around today, so that
 * "overdue" and "this week" filters find something.
 */
export function seedWorkspace(
	store: ObjectStore,
	options: SeedOptions = {},
	actorId?: string,
	files?: FileStore,
): { users: WfRecord[]; projects: WfRecord[] } {
	const {
		projects = 20,
		tasksPerProject = 8,
		issuesPerProject = 2,
		hoursPerTask = 1,
		users: userCount = 12,
		seed = 42,
		today: around = Date.UTC(2026, 10, 26),
	} = options;
	const next = random(seed);
	const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
	const today = Math.floor(around / DAY) * DAY;
	const date = (offsetDays: number) => new Date(today + offsetDays * DAY).toISOString();

	const company = store.insert('CMPY', { name: 'Acme Corp', isPrimary: true }, actorId);
	const teams = ['Marketing', 'Engineering', 'Operations'].map((name) =>
		store.insert('TEAMOB', { name }, actorId),
	);
	const users = Array.from({ length: userCount }, (_, index) => {
		const firstName = FIRST_NAMES[index % FIRST_NAMES.length];
		const lastName = LAST_NAMES[(index * 5) % LAST_NAMES.length];
		return store.insert(
			'USER',
			{
				name: `${firstName} ${lastName}`,
				firstName,
				lastName,
				username: `${firstName}.${lastName}${index}@acme.example`.toLowerCase(),
				emailAddr: `${firstName}.${lastName}${index}@acme.example`.toLowerCase(),
				title: pick(['Project Manager', 'Designer', 'Engineer', 'Analyst']),
				homeTeamID: teams[index % teams.length].ID,
				companyID: company.ID,
			},
			actorId,
		);
	});
	const portfolios = ['Growth', 'Operations Excellence', 'Customer Experience'].map((name) =>
		store.insert('PORT', { name, ownerID: pick(users).ID, budget: 250_000 }, actorId),
	);
	const programs = portfolios.flatMap((portfolio, index) =>
		[`${String(portfolio.name)} Core`, `${String(portfolio.name)} Pilots`].map((name) =>
			store.insert(
				'PRGM',
				{ name, portfolioID: portfolio.ID, ownerID: users[index % users.length].ID },
				actorId,
			),
		),
	);
	for (const name of ['Standard Campaign', 'Software Release']) {
		const template = store.insert('TMPL', { name }, actorId);
		for (const taskName of TASK_WORDS.slice(0, 5)) {
			store.insert('TTSK', { name: taskName, templateID: template.ID, workRequired: 480 }, actorId);
		}
	}

	const regions = ['EMEA', 'Americas', 'APAC'];
	const channels = ['Web', 'Email', 'Print', 'Events'];
	const campaignForm = defineCustomForm(store, {
		name: 'Campaign Details',
		objCode: 'PROJ',
		fields: [
			{ name: 'Region', label: 'Campaign Region', displayType: 'SLCT', options: regions },
			{
				name: 'Channels',
				label: 'Marketing Channels',
				displayType: 'MULT',
				options: channels,
			},
			{ name: 'Expected Leads', label: 'Expected Leads', dataType: 'NMBR' },
			{ name: 'Launch Date', label: 'Launch Date', dataType: 'DATE', displayType: 'DATE' },
		],
	});
	defineCustomForm(store, {
		name: 'Request Intake',
		objCode: 'OPTASK',
		fields: [
			{ name: 'Requested By', label: 'Requested By' },
			{ name: 'Urgency', displayType: 'RDIO', options: ['Low', 'Medium', 'High'] },
		],
	});

	const projectRecords: WfRecord[] = [];
	for (let index = 0; index < projects; index += 1) {
		const program = pick(programs);
		const start = Math.floor(next() * 120) - 60;
		const project = store.insert(
			'PROJ',
			{
				name: `${pick(PROJECT_WORDS)} ${index + 1}`,
				status: pick(PROJECT_STATUSES),
				priority: Math.floor(next() * 5),
				percentComplete: Math.floor(next() * 100),
				plannedStartDate: date(start),
				plannedCompletionDate: date(start + 30 + Math.floor(next() * 60)),
				budget: Math.round(next() * 100) * 1000,
				ownerID: pick(users).ID,
				portfolioID: program.portfolioID,
				programID: program.ID,
				companyID: company.ID,
				categoryID: campaignForm.ID,
				objectCategories: [campaignForm.ID],
				parameterValues: {
					'DE:Region': pick(regions),
					'DE:Channels': [pick(channels), pick(channels)].filter(
						(value, at, all) => all.indexOf(value) === at,
					),
				},
			},
			actorId,
		);
		projectRecords.push(project);
		if (files) {
			const fileName = `${String(project.name)} brief.txt`;
			const brief = `Project brief: ${String(project.name)}\nStatus: ${String(project.status)}\nBudget: ${String(project.budget)}\n`;
			const handle = files.upload({
				data: Buffer.from(brief),
				fileName,
				contentType: 'text/plain',
			});
			createDocument(
				store,
				files,
				{ name: fileName, docObjCode: 'PROJ', objID: project.ID },
				{ fields: {}, handle },
				actorId ?? 'seed',
			);
		}
		for (let taskIndex = 0; taskIndex < tasksPerProject; taskIndex += 1) {
			const assignee = pick(users);
			const taskStart = start + taskIndex * 3;
			const task = store.insert(
				'TASK',
				{
					name: TASK_WORDS[taskIndex % TASK_WORDS.length],
					projectID: project.ID,
					status: pick(TASK_STATUSES),
					priority: Math.floor(next() * 5),
					plannedStartDate: date(taskStart),
					plannedCompletionDate: date(taskStart + 5),
					workRequired: 60 * (1 + Math.floor(next() * 16)),
					assignedToID: assignee.ID,
					taskNumber: taskIndex + 1,
				},
				actorId,
			);
			store.insert(
				'ASSGN',
				{ taskID: task.ID, assignedToID: assignee.ID, workRequired: task.workRequired },
				actorId,
			);
			for (let hour = 0; hour < hoursPerTask; hour += 1) {
				store.insert(
					'HOUR',
					{
						hours: 1 + Math.floor(next() * 8),
						entryDate: date(Math.floor(next() * 14) - 14).slice(0, 10),
						projectID: project.ID,
						taskID: task.ID,
						ownerID: assignee.ID,
					},
					actorId,
				);
			}
		}
		for (let issueIndex = 0; issueIndex < issuesPerProject; issueIndex += 1) {
			store.insert(
				'OPTASK',
				{
					name: `${pick(['Broken link', 'Missing asset', 'Budget question', 'Scope change'])} #${issueIndex + 1}`,
					projectID: project.ID,
					priority: Math.floor(next() * 5),
					severity: Math.floor(next() * 5),
					assignedToID: pick(users).ID,
				},
				actorId,
			);
		}
	}
	return { users, projects: projectRecords };
}
