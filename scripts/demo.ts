/* eslint-disable no-console -- a command-line program talks on the console */
import { parseArgs } from 'node:util';

import { startDemo } from './lib/demoEnvironment';

const USAGE = `Usage: npm run demo [-- --n8n 1|2] [--port N]

Starts the whole product with no Workfront account: a Workfront simulator with sample data, a real
n8n (1.x on this Node.js, or 2.x on Node.js 24 from the npm registry) with this package installed,
a ready Workfront JWT API credential and sample workflows. The first run installs n8n into
~/.cache/n8n-nodes-workfront (a few minutes). Stop it with Ctrl-C.`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			n8n: { type: 'string', default: '1' },
			port: { type: 'string', default: '5678' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) return console.log(USAGE);
	if (values.n8n !== '1' && values.n8n !== '2') {
		console.error(`--n8n must be 1 or 2 (got "${values.n8n}").\n\n${USAGE}`);
		process.exit(2);
	}
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		console.error(`--port must be a port number (got "${values.port}").\n\n${USAGE}`);
		process.exit(2);
	}
	const demo = await startDemo({
		n8nMajor: values.n8n === '2' ? 2 : 1,
		n8nPort: port,
		progress: (line) => console.log(line),
	});
	console.log(`
n8n with the Workfront node is running.

  Open      ${demo.n8nUrl}
  Log in    ${demo.owner.email} / ${demo.owner.password}
  Workflows ${demo.workflows.map(({ name }) => name).join(', ')}
  Workfront simulator at ${demo.simulatorUrl} (the credentials "Workfront (simulator)" and "Workfront Planning (Adobe IMS)" point at it)

Press Ctrl-C to stop everything.`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulator …');
		void demo.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(
		`The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
	);
	process.exit(1);
});
