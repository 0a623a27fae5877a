/* eslint-disable no-console -- a command-line program talks on the console */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { chromium, type Page } from 'playwright-core';

import { chain, workfrontNode } from './lib/workflows';
import { startDemo } from './lib/demoEnvironment';
import { demoWorkflows } from './lib/demoWorkflows';
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
	const major = process.argv.includes('--n8n=2') ? 2 : 1;
	const demo = await startDemo({
		n8nMajor: major,
		n8nPort: await freePort(),
		progress: (line) => console.log(line),
		extraWorkflows: [CONTROL],
	});
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
		await logIn(page, demo.n8nUrl);
		mkdirSync(IMAGES, { recursive: true });
		const control = await checkWorkflow(page, demo.n8nUrl, CONTROL);
		const controlIssues = control.flatMap(({ issues }) => issues);
		console.log(
			`Control workflow: ${controlIssues.length} issue(s) seen: ${controlIssues.join('; ')}`,
		);
		if (controlIssues.length < 2) {
			console.error("The check did not see the control workflow's two known errors.");
			failed = true;
		}
		// The sample workflows' nodes (their IDs do not matter here: only names and types are used).
		const samples = demoWorkflows({ campaignFormId: '', briefDocumentId: '' });
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
	} finally {
		await browser.close();
		await demo.stop();
	}
	if (failed) {
		console.error('The editor check failed: a sample workflow opens with a parameter error.');
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
