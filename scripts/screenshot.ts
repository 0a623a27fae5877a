/* eslint-disable no-console -- a command-line program talks on the console */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { chromium, type Page, type Response } from 'playwright-core';

import { chain, workfrontNode } from './lib/workflows';
import { startDemo } from './lib/demoEnvironment';
import { freePort, PACKAGE_ROOT } from './lib/n8nInstance';
import { OWNER } from './lib/n8nServer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IMAGES = join(PACKAGE_ROOT, 'docs', 'images');

/**
 * A workflow with the values the demo used to ship (a comma-separated string in Fields to Return,
 * a plain string as the record): the editor flags both. The check must find them, or it would
 * pass on a panel it cannot read.
 */
const CONTROL = chain('editorControl', 'Editor check control', [
	workfrontNode('Broken on purpose', {
		resource: 'record',
		operation: 'get',
		objectType: 'PROJ',
		id: 'not-a-locator',
		options: { fields: 'tasks:name, owner:name' },
	}),
]);

/**
 * The new user's walk (issue 22): a workflow of version 2 nodes as a new user adds them, each
 * opened in the panel and used as a person would: the record picker's list and its second page,
 * the mapper's reference list, a switch from Create to Update, a filter's list of values.
 */
const WALK = chain('editorWalk', 'New user walk', [
	{
		...workfrontNode('Pick a task', {
			resource: 'record',
			operation: 'get',
			objectType: 'TASK',
			id: { __rl: true, mode: 'list', value: '' },
		}),
		typeVersion: 2,
	},
	{
		...workfrontNode('Create a task', {
			resource: 'record',
			operation: 'create',
			objectType: 'TASK',
			inputMode: 'mapper',
		}),
		typeVersion: 2,
	},
	{
		...workfrontNode('Tasks by status', {
			resource: 'record',
			operation: 'getMany',
			objectType: 'TASK',
			filters: {
				filter: [
					{ field: 'status', operator: 'equals', value: { __rl: true, mode: 'list', value: '' } },
				],
			},
		}),
		typeVersion: 2,
	},
]);

interface Step {
	step: string;
	passed: boolean;
	detail: string;
	seconds: number;
}

/** What the editor asked n8n for its lists, and what it got back, in order. */
interface EditorCall {
	endpoint: string;
	sent: Record<string, unknown>;
	data: Record<string, unknown>;
}

function recordEditorCalls(page: Page): EditorCall[] {
	const calls: EditorCall[] = [];
	page.on('response', (response: Response) => {
		const match = /\/rest\/dynamic-node-parameters\/([a-z-]+)/.exec(response.url());
		if (!match) return;
		void response
			.json()
			.then((body: { data?: Record<string, unknown> }) => {
				let sent: Record<string, unknown> = {};
				try {
					sent = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
				} catch {
					// A GET: its parameters are in the URL.
					sent = Object.fromEntries(new URL(response.url()).searchParams);
				}
				calls.push({ endpoint: match[1], sent, data: body.data ?? {} });
			})
			.catch(() => undefined);
	});
	return calls;
}

/** The first call after `from` to the endpoint that passes `test`, waited for up to 30 s. */
async function nextCall(
	page: Page,
	calls: EditorCall[],
	from: number,
	endpoint: string,
	test: (call: EditorCall) => boolean = () => true,
): Promise<EditorCall> {
	for (let waited = 0; waited < 30_000; waited += 250) {
		const found = calls.slice(from).find((call) => call.endpoint === endpoint && test(call));
		if (found) return found;
		await page.waitForTimeout(250);
	}
	throw new Error(
		`the editor did not ask for ${endpoint} (calls seen: ${calls.map((call) => call.endpoint).join(', ') || 'none'})`,
	);
}

/** The test ids in the open panel, to say what was there when a step did not find its element. */
async function panelTestIds(page: Page): Promise<string> {
	const ids = await page
		.locator('[data-test-id="node-parameters"] [data-test-id]')
		.evaluateAll((elements) => [
			...new Set(elements.map((element) => element.getAttribute('data-test-id'))),
		]);
	return ids.join(' ');
}

async function clickIn(page: Page, selector: string): Promise<void> {
	try {
		await page.locator(selector).first().click({ timeout: 15_000 });
	} catch {
		throw new Error(`no ${selector} in the panel; it holds: ${await panelTestIds(page)}`);
	}
}

async function openNode(page: Page, name: string): Promise<void> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="node-parameters"]').first().waitFor({ timeout: 30_000 });
}

/**
 * Closes the panel with its Back to Canvas button (Escape only closes an open list, and not when
 * the list's search box has the focus).
 */
async function closeNode(page: Page): Promise<void> {
	const panel = page.locator('[data-test-id="node-parameters"]').first();
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
	if (await panel.isVisible()) {
		await page.locator('[data-test-id="back-to-canvas"]').first().click({ timeout: 10_000 });
		await panel.waitFor({ state: 'hidden', timeout: 10_000 });
	}
}

/** Scrolls every scrollable box of the open list to its end, as a person scrolling down. */
async function scrollListToEnd(page: Page): Promise<void> {
	await page
		.locator('[data-test-id="resource-locator-dropdown"]')
		.first()
		.evaluate((dropdown) => {
			for (const element of [dropdown, ...dropdown.querySelectorAll('*')])
				if (element.scrollHeight > element.clientHeight + 2)
					element.scrollTop = element.scrollHeight;
		});
}

/** The walk's steps, each checked through what the editor asked n8n and what the page shows. */
async function newUserWalk(page: Page, url: string, images: string): Promise<Step[]> {
	const steps: Step[] = [];
	const run = async (step: string, work: () => Promise<string>) => {
		const started = Date.now();
		try {
			const detail = await work();
			steps.push({ step, passed: true, detail, seconds: (Date.now() - started) / 1000 });
		} catch (error) {
			steps.push({
				step,
				passed: false,
				detail: error instanceof Error ? error.message.split('\n')[0] : String(error),
				seconds: (Date.now() - started) / 1000,
			});
			await page.screenshot({
				path: join(PACKAGE_ROOT, '.cache', `walk-failure-${steps.length}.png`),
			});
			await closeNode(page).catch(() => undefined);
		}
	};
	const calls = recordEditorCalls(page);
	await page.goto(`${url}/workflow/${String(WALK.id)}`);
	await page
		.locator('[data-test-id="canvas-node"][data-node-name="Pick a task"]')
		.waitFor({ timeout: 60_000 });

	await run(
		'Record picker: From List shows tasks by name, and a second page on scrolling',
		async () => {
			await openNode(page, 'Pick a task');
			const from = calls.length;
			await clickIn(page, '[data-test-id="resource-locator-id"] [data-test-id="rlc-input"]');
			const first = (await nextCall(page, calls, from, 'resource-locator-results')).data as {
				results: unknown[];
				paginationToken?: unknown;
			};
			if (first.results.length !== 50 || typeof first.paginationToken !== 'string')
				throw new Error(
					`first page: ${first.results.length} tasks, token ${JSON.stringify(first.paginationToken)}`,
				);
			const next = calls.length;
			await page.waitForTimeout(500);
			await scrollListToEnd(page);
			const second = (
				await nextCall(
					page,
					calls,
					next,
					'resource-locator-results',
					(call) => call.sent.paginationToken !== undefined,
				)
			).data as { results: unknown[] };
			if (second.results.length === 0) throw new Error('the second page was empty');
			await page.waitForTimeout(500);
			const shown = await page.locator('[data-test-id="rlc-item"]').count();
			await page.screenshot({ path: join(images, 'record-picker.png') });
			await closeNode(page);
			return `${first.results.length} + ${second.results.length} tasks listed, ${shown} shown`;
		},
	);

	await run("Map Each Field: a task's Project ID is a list of projects by name", async () => {
		const from = calls.length;
		await openNode(page, 'Create a task');
		const { fields } = (await nextCall(page, calls, from, 'resource-mapper-fields')).data as {
			fields: Array<{ id: string; type?: string; options?: unknown[] }>;
		};
		const project = fields.find(({ id }) => id === 'projectID');
		if (project?.type !== 'options' || !project.options?.length)
			throw new Error(`projectID column: ${JSON.stringify(project)?.slice(0, 200)}`);
		await page.getByText('Project ID (projectID)').first().waitFor({ timeout: 15_000 });
		await page.screenshot({ path: join(images, 'mapper-reference.png') });
		return `${project.options.length} projects in the Project ID column`;
	});

	await run(
		'Create switched to Update: the ID column to match on, without pressing Refresh',
		async () => {
			const from = calls.length;
			await clickIn(page, '[data-test-id="parameter-input-operation"]');
			await page
				.getByRole('option', { name: 'Update', exact: false })
				.first()
				.click({ timeout: 15_000 });
			const { fields } = (
				await nextCall(page, calls, from, 'resource-mapper-fields', (call) =>
					JSON.stringify(call.sent).includes('"operation":"update"'),
				)
			).data as { fields: Array<{ id: string; canBeUsedToMatch?: boolean }> };
			await page.waitForTimeout(1500);
			const text =
				(await page.locator('[data-test-id="node-parameters"]').first().textContent()) ?? '';
			if (text.includes('No field that can be used for matching'))
				throw new Error('the panel says no field can be used for matching');
			if (!fields.some(({ id, canBeUsedToMatch }) => id === 'ID' && canBeUsedToMatch))
				throw new Error('no ID column to match on');
			await closeNode(page);
			return 'ID offered to match on';
		},
	);

	await run("Filter row: Status offers a task's statuses with their labels", async () => {
		await openNode(page, 'Tasks by status');
		const from = calls.length;
		await clickIn(page, '[data-test-id="resource-locator-value"] [data-test-id="rlc-input"]');
		const { results } = (await nextCall(page, calls, from, 'resource-locator-results')).data as {
			results: Array<{ name: string }>;
		};
		const names = results.map(({ name }) => name);
		if (!names.includes('New (NEW)') || names.includes('Current (CUR)'))
			throw new Error(`listed: ${names.join(', ')}`);
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(images, 'filter-values.png') });
		await closeNode(page);
		return names.join(', ');
	});
	return steps;
}

interface Finding {
	workflow: string;
	node: string;
	issues: string[];
}

async function logIn(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page
		.locator('input[type="email"], input[name="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((address) => !address.pathname.includes('signin'), { timeout: 30_000 });
}

/**
 * The parameter issues n8n's node panel shows, each with the label of its parameter: the issue
 * marks, and record pickers whose Mode box is empty (a value that is not a resource locator, which
 * the panel shows without an issue mark).
 */
async function panelIssues(page: Page): Promise<string[]> {
	const marks = await page.locator('[data-test-id="parameter-issues"]').evaluateAll((elements) =>
		elements.map((element) => {
			let parent = element.parentElement;
			while (parent && !parent.querySelector('label')) parent = parent.parentElement;
			const label = parent?.querySelector('label')?.textContent?.trim() ?? '(unlabelled)';
			return `${label}: ${element.textContent?.trim() || 'flagged'}`;
		}),
	);
	const emptyModes = await page
		.locator('[data-test-id="rlc-mode-selector"]')
		.evaluateAll((elements) =>
			elements
				.filter((element) => !element.querySelector('input')?.value)
				.map((element) => {
					let parent = element.parentElement;
					while (parent && !parent.querySelector('label')) parent = parent.parentElement;
					const label = parent?.querySelector('label')?.textContent?.trim() ?? '(unlabelled)';
					return `${label}: Mode is empty`;
				}),
		);
	return [...marks, ...emptyModes];
}

/**
 * Opens every Workfront node of a workflow in n8n's editor and reads the issues its panel shows
 * once the panel has loaded its lists from the simulator.
 */
async function checkWorkflow(
	page: Page,
	url: string,
	workflow: IDataObject,
	screenshots: Record<string, string> = {},
): Promise<Finding[]> {
	await page.goto(`${url}/workflow/${String(workflow.id)}`);
	const nodes = (workflow.nodes as Array<{ name: string; type: string }>).filter(({ type }) =>
		type.endsWith('.workfront'),
	);
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${nodes[0].name}"]`)
		.waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	if (screenshots.canvas) await page.screenshot({ path: screenshots.canvas });
	const findings: Finding[] = [];
	const canvasIssues = await page.locator('[data-test-id="node-issues"]').count();
	for (const { name } of nodes) {
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		await page
			.locator('[data-test-id="node-parameters"]')
			.first()
			.waitFor({ timeout: 30_000 })
			.catch(async (error: unknown) => {
				// What the page showed instead, to see why the panel did not open.
				await page.screenshot({ path: join(PACKAGE_ROOT, '.cache', 'editor-check-failure.png') });
				throw error;
			});
		// The lists (object types, fields, forms) load from the simulator after the panel opens.
		// Best effort: n8n's editor may keep a connection busy (push, polling), so "idle" can
		// never come; the pause after it still gives the lists time to load.
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
		await page.waitForTimeout(1500);
		const issues = await panelIssues(page);
		if (screenshots[name]) await page.screenshot({ path: screenshots[name] });
		findings.push({ workflow: String(workflow.name), node: name, issues });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
	}
	if (canvasIssues > 0 && findings.every(({ issues }) => issues.length === 0))
		findings.push({
			workflow: String(workflow.name),
			node: '(canvas)',
			issues: [`${canvasIssues} node(s) marked with issues on the canvas`],
		});
	return findings;
}

/**
 * The editor check of the demo, and the README's screenshots: starts the demo, logs in with
 * headless Chromium (Debian's chromium package), opens each sample workflow and each of its
 * Workfront nodes, and fails if a node panel shows a parameter error. A control workflow with
 * known errors proves the check sees them.
 */
async function main(): Promise<void> {
	if (!existsSync(CHROMIUM)) {
		console.error(
			`Chromium is not at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
		);
		process.exit(2);
	}
	const startedAt = Date.now();
	const major = process.argv.includes('--n8n=2') ? 2 : 1;
	const demo = await startDemo({
		n8nMajor: major,
		n8nPort: await freePort(),
		progress: (line) => console.log(line),
		extraWorkflows: [CONTROL, WALK],
	});
	const walkStarted = Date.now();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	let failed = false;
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		// Leaving a workflow the panel changed (the walk switches Create to Update) asks "leave
		// this page?"; Playwright would dismiss it, which stays on the page. The check leaves.
		page.on('dialog', (dialog) => void dialog.accept());
		await logIn(page, demo.n8nUrl);
		mkdirSync(IMAGES, { recursive: true });
		// Every sample returned something when the demo ran it: dated around today, ISO dates
		// compared by an IF node (a Workfront date n8n could not read would fail that run).
		for (const { workflow, succeeded, items } of demo.runs) {
			const empty = Object.entries(items).filter(([, count]) => count === 0);
			console.log(
				`Sample run: ${workflow}: ${succeeded ? 'succeeded' : 'FAILED'}, ${Object.entries(items)
					.map(([node, count]) => `${node} ${count}`)
					.join(', ')}`,
			);
			if (!succeeded || empty.length > 0 || Object.keys(items).length === 0) failed = true;
		}
		const steps = await newUserWalk(
			page,
			demo.n8nUrl,
			major === 1 ? IMAGES : join(PACKAGE_ROOT, '.cache'),
		);
		for (const { step, passed, detail, seconds } of steps)
			console.log(`Walk: ${passed ? 'ok  ' : 'FAIL'} ${step} (${seconds.toFixed(1)} s): ${detail}`);
		if (steps.some(({ passed }) => !passed)) failed = true;
		const control = await checkWorkflow(page, demo.n8nUrl, CONTROL);
		const controlIssues = control.flatMap(({ issues }) => issues);
		console.log(
			`Control workflow: ${controlIssues.length} issue(s) seen: ${controlIssues.join('; ')}`,
		);
		if (controlIssues.length < 2) {
			console.error("The check did not see the control workflow's two known errors.");
			failed = true;
		}
		// Every sample workflow as the demo imported it, the Planning one included.
		const samples = demo.sampleWorkflows;
		// The README's screenshots show n8n 1.x; with --n8n=2 only the check runs.
		const shots: Record<string, Record<string, string>> = {
			demoTemplate:
				major === 2
					? {}
					: {
							canvas: join(IMAGES, 'workfront-canvas.png'),
							'Create project': join(IMAGES, 'workfront-node.png'),
						},
		};
		for (const definition of samples) {
			const id = String(definition.id);
			const findings = await checkWorkflow(page, demo.n8nUrl, definition, shots[id]);
			for (const { node, issues } of findings) {
				console.log(
					`${String(definition.name)} / ${node}: ${issues.length === 0 ? 'no parameter error' : issues.join('; ')}`,
				);
				if (issues.length > 0) failed = true;
			}
		}
		if (major === 1) console.log(`Screenshots written to ${IMAGES}`);
		console.log(
			`Run time: ${Math.round((Date.now() - startedAt) / 1000)} s in all, of which the editor check and walk ${Math.round((Date.now() - walkStarted) / 1000)} s`,
		);
	} finally {
		await browser.close();
		await demo.stop();
	}
	if (failed) {
		console.error(
			'The editor check failed: a sample failed or returned nothing, a panel shows a parameter error, or a step of the walk failed (see above).',
		);
		process.exit(1);
	}
}

main()
	.then(() => process.exit(0))
	.catch((error: unknown) => {
		console.error(
			`The editor check could not run: ${error instanceof Error ? error.message : String(error)}`,
		);
		process.exit(1);
	});
