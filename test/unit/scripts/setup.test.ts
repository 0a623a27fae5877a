import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/setup.mjs, run as `npm test` runs it, with a PATH made for each case: a folder holding
 * node and, as the case needs, apt-get or stand-ins for the programs the tests need. Always with
 * --dry-run, so that nothing is installed whoever runs the tests.
 */
const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'setup.mjs');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const folders: string[] = [];
afterAll(() => {
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function pathWith(...programs: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'workfront-setup-'));
	folders.push(dir);
	chmodSync(dir, 0o755);
	symlinkSync(process.execPath, join(dir, 'node'));
	for (const program of programs) {
		if (program === 'apt-get') symlinkSync('/usr/bin/apt-get', join(dir, 'apt-get'));
		else {
			writeFileSync(join(dir, program), '#!/bin/sh\nexit 0\n');
			chmodSync(join(dir, program), 0o755);
		}
	}
	return dir;
}

function setup(path: string, user: 'self' | 'nobody' = 'self') {
	const result = spawnSync(process.execPath, [SCRIPT, '--dry-run'], {
		encoding: 'utf8',
		env: { PATH: path },
		...(user === 'nobody' && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const INSTALL =
	/apt-get update && apt-get install -y --no-install-recommends chromium (postgresql )?redis-server/;

test('everything installed: nothing to do', () => {
	const result = setup(pathWith('chromium', 'redis-server', 'initdb'));
	expect(result).toMatchObject({ status: 0, stderr: '' });
	expect(result.stdout).toMatch(/nothing to do/);
});

(isRoot ? test : test.skip)('as root, what is missing is installed from Debian', () => {
	const result = setup(pathWith('apt-get'));
	expect(result.status).toBe(0);
	expect(result.stdout).toMatch(new RegExp(`would run: ${INSTALL.source}`));
});

test('a user who cannot install is stopped at once and told the exact command', () => {
	// No sudo on this PATH; as root the script is run as nobody.
	const result = setup(pathWith('apt-get'), 'nobody');
	expect(result.status).toBe(1);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(/the tests need chromium, (postgresql, )?redis-server/);
	expect(result.stderr).toMatch(new RegExp(`As root, run this.*\\n\\n  ${INSTALL.source}\\n`));
});

test('without apt-get, the programs to install are named', () => {
	const result = setup(pathWith());
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(/This is not Debian \(no apt-get\): install chromium, /);
});
