/* eslint-disable no-console -- a command-line program talks on the console */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { WorkfrontSimulator } from './index';

const USAGE = `Usage: npm run simulator -- [--port N] [--latency MS] [--token-ttl SECONDS] [--out DIR]
                              [--seed] [--control]

Starts the Workfront simulator on 127.0.0.1 with one OAuth2 application, generates its key pair
and writes a ready n8n credential (workfront-credential.json) and the private key into --out
(default .cache/simulator). --seed fills it with a sample workspace; --control serves knobs and
counters under /__simulator/ (for tests that run it in another process). Stop it with Ctrl-C.`;

function integer(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0) {
		console.error(`--${name} must be a whole number (got "${value}").\n\n${USAGE}`);
		process.exit(2);
	}
	return number;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			latency: { type: 'string' },
			'token-ttl': { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'boolean' },
			control: { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const application = {
		clientId: `sim-${randomBytes(6).toString('hex')}`,
		clientSecret: randomBytes(24).toString('hex'),
		customerId: randomBytes(16).toString('hex'),
		keys: [
			{
				userId: randomBytes(16).toString('hex'),
				pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			},
		],
	};
	// An Adobe Developer Console credential too (Workfront Planning documents IMS tokens only): its
	// technical account is the application's user.
	const imsClient = {
		clientId: `ims-${randomBytes(6).toString('hex')}`,
		clientSecret: randomBytes(24).toString('hex'),
		scopes: ['openid', 'AdobeID'],
		orgId: `${randomBytes(12).toString('hex').toUpperCase()}@AdobeOrg`,
		technicalAccountId: application.keys[0].userId,
		customerId: application.customerId,
	};
	const simulator = await WorkfrontSimulator.start({
		imsClients: [imsClient],
		port: integer(values.port, 'port', 0),
		latencyMs: integer(values.latency, 'latency', 0),
		tokenTtlSeconds: integer(values['token-ttl'], 'token-ttl', 3600),
		control: values.control ?? false,
		applications: [application],
	});
	if (values.seed) simulator.seed({ today: Date.now() });

	const out = values.out ?? join('.cache', 'simulator');
	mkdirSync(out, { recursive: true });
	const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	writeFileSync(join(out, 'private.key'), privateKeyPem, { mode: 0o600 });
	const credential = {
		url: simulator.origin,
		apiVersion: 'v22.0',
		clientId: application.clientId,
		clientSecret: application.clientSecret,
		customerId: application.customerId,
		userId: application.keys[0].userId,
		privateKey: privateKeyPem,
		jwtLifetime: 300,
	};
	writeFileSync(
		join(out, 'workfront-credential.json'),
		`${JSON.stringify(credential, null, 2)}\n`,
		{ mode: 0o600 },
	);

	const credentialFile = join(out, 'workfront-credential.json');
	const serverToServerCredentialFile = join(out, 'workfront-server-to-server-credential.json');
	writeFileSync(
		serverToServerCredentialFile,
		`${JSON.stringify(
			{
				url: simulator.origin,
				imsUrl: simulator.imsOrigin,
				apiVersion: 'v22.0',
				clientId: imsClient.clientId,
				clientSecret: imsClient.clientSecret,
				scopes: imsClient.scopes.join(', '),
				imsOrgId: imsClient.orgId,
			},
			null,
			2,
		)}\n`,
		{ mode: 0o600 },
	);
	// One machine-readable line for programs that start the simulator (tests, benchmarks, demo).
	console.log(
		`SIMULATOR_READY ${JSON.stringify({ origin: simulator.origin, credentialFile, serverToServerCredentialFile })}`,
	);
	console.log(`Workfront simulator listening on ${simulator.origin}`);
	console.log(`Credential fields for n8n: ${join(out, 'workfront-credential.json')}`);
	console.log('Press Ctrl-C to stop.');

	const stop = () => {
		void simulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`The simulator could not start: ${(error as Error).message}`);
	process.exit(1);
});
