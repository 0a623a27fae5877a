/* eslint-disable no-console -- a command-line program talks on the console */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startDemo } from './lib/demoEnvironment';
import { freePort, PACKAGE_ROOT } from './lib/n8nInstance';
import { OWNER } from './lib/n8nServer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(PACKAGE_ROOT, 'docs', 'images', 'workfront-node.png');

/**
 * Retakes the README's screenshot of the Workfront node in n8n's editor: starts the demo, logs in
 * with headless Chromium (Debian's chromium package) and opens a node of a sample workflow.
 */
async function main(): Promise<void> {
	if (!existsSync(CHROMIUM)) {
		console.error(
			`Chromium is not at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
		);
		process.exit(2);
	}
	const demo = await startDemo({
		n8nMajor: 1,
		n8nPort: await freePort(),
		progress: (line) => console.log(line),
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
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(`${demo.n8nUrl}/signin`);
		await page
			.locator('input[type="email"], input[name="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
		await page.goto(`${demo.n8nUrl}/workflow/demoTemplate`);
		const label = page.getByText('Create project', { exact: true }).first();
		await label.waitFor({ timeout: 30_000 });
		const box = await label.boundingBox();
		if (!box) throw new Error('The node "Create project" is not on the canvas');
		// The node's icon sits above its label; the canvas pane would swallow a click on the label.
		await page.mouse.dblclick(box.x + box.width / 2, box.y - 40);
		await page.getByText('Object Type').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		mkdirSync(join(PACKAGE_ROOT, 'docs', 'images'), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		console.log(`Screenshot written to ${OUTPUT}`);
	} finally {
		await browser.close();
		await demo.stop();
	}
}

main()
	.then(() => process.exit(0))
	.catch((error: unknown) => {
		console.error(
			`The screenshot could not be taken: ${error instanceof Error ? error.message : String(error)}`,
		);
		process.exit(1);
	});
