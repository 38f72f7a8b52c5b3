import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tooling module without type declarations
import { TOOLS, findTools, installRoute, isDebianLike } from '../../electron/tooling/provision.mjs';

/**
 * `npm test`'s first step, run for real as a child process. BRIEFING_PROVISION_PATH narrows the
 * search to a temp folder (so tools can be "missing" without uninstalling anything from this
 * machine) and BRIEFING_PROVISION_INSTALL makes installing impossible or a dry run. Installing
 * for real is shown on a fresh Debian root (README, "Tests").
 */
type Tool = { id: string; debian: string; linuxOnly?: boolean; allOf?: string[]; commands?: string[]; files?: string[] };
const script = path.resolve('electron/tooling/provision.mjs');
const tools = (TOOLS as Tool[]).filter((t) => !(t.linuxOnly && process.platform !== 'linux'));
const dirs: string[] = [];

function folderWith(ids: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-provision-'));
  dirs.push(dir);
  const real = findTools(process.env) as Record<string, string | undefined>;
  for (const id of ids) {
    for (const file of real[id]!.split(', ')) symlinkSync(file, path.join(dir, path.basename(file)));
  }
  return dir;
}

function run(env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { ...result, ms: Date.now() - started };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm test provisioning', () => {
  it('with every tool missing and installing impossible: stops at once, one plain line per tool with its install command', () => {
    const result = run({ BRIEFING_PROVISION_PATH: folderWith([]), BRIEFING_PROVISION_INSTALL: 'never' });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('Missing: '));
    expect(lines).toHaveLength(tools.length);
    for (const tool of tools) expect(lines.some((l) => l.includes(`install -y ${tool.debian}`))).toBe(true);
    expect(result.stderr).toMatch(/^The tests cannot run: these programs are missing and could not be installed here\.$/m);
    expect(result.stdout).not.toMatch(/installing/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.ms).toBeLessThan(20_000);
  });

  const real = findTools(process.env) as Record<string, string | undefined>;
  const haveAll = tools.every((t) => real[t.id]);

  it.skipIf(!haveAll)('names only what is missing (skipped where this machine lacks one of the tools itself)', () => {
    const result = run({ BRIEFING_PROVISION_PATH: folderWith(['chromium', 'poppler', 'qpdf']), BRIEFING_PROVISION_INSTALL: 'never' });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('Missing: '));
    expect(lines.map((l) => /install -y (\S+)/.exec(l)?.[1]).sort()).toEqual(tools.filter((t) => !['chromium', 'poppler', 'qpdf'].includes(t.id)).map((t) => t.debian).sort());
  });

  it.skipIf(!haveAll)('with every tool there: passes, and names the tests that will be skipped here and why', () => {
    const result = run({ BRIEFING_PROVISION_PATH: folderWith(tools.map((t) => t.id)), BRIEFING_PROVISION_INSTALL: 'never' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Test tools found: ${tools.map((t) => t.id).join(', ')}.`);
    expect(result.stdout).toMatch(/Skipped on this machine, and why:\n {2}- /);
  });

  it.runIf(process.platform === 'linux')('counts LibreOffice only with its Writer part: a soffice left behind by removing Writer is missing', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'briefing-provision-lo-'));
    dirs.push(root);
    const program = path.join(root, 'program');
    mkdirSync(program);
    writeFileSync(path.join(program, 'soffice'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const bin = path.join(root, 'bin');
    mkdirSync(bin);
    symlinkSync(path.join(program, 'soffice'), path.join(bin, 'soffice'));
    const env = { BRIEFING_PROVISION_PATH: bin };
    expect((findTools(env, 'linux') as Record<string, string | undefined>).soffice).toBeUndefined();
    const result = run({ ...env, BRIEFING_PROVISION_INSTALL: 'never' });
    expect(result.stderr).toMatch(/^Missing: LibreOffice, which lays out the exported Word files.*install -y libreoffice-writer-nogui/m);
    writeFileSync(path.join(program, 'libswlo.so'), '');
    expect((findTools(env, 'linux') as Record<string, string | undefined>).soffice).toBe(path.join(bin, 'soffice'));
  });

  const aptHere = installRoute({ env: { PATH: process.env.PATH } }) === 'apt';
  it.skipIf(!aptHere)('as root on Debian: says what it installs with apt-get and why (dry run; skipped where not root on Debian)', () => {
    const result = run({ BRIEFING_PROVISION_PATH: folderWith(['chromium']), BRIEFING_PROVISION_INSTALL: 'dry-run' });
    expect(result.stdout).toMatch(/installing them with apt-get/);
    expect(result.stdout).toMatch(/^ {2}libreoffice-writer-nogui: LibreOffice, which lays out the exported Word files/m);
    expect(result.stdout).not.toMatch(/^ {2}chromium:/m);
    expect(result.status).toBe(1); // nothing was installed, so it still stops with the lines
    expect(result.stderr).toMatch(/^Missing: LibreOffice/m);
  });

  it('knows Debian and Ubuntu from os-release', () => {
    expect(isDebianLike({ ID: 'debian' })).toBe(true);
    expect(isDebianLike({ ID: 'ubuntu', ID_LIKE: 'debian' })).toBe(true);
    expect(isDebianLike({ ID: 'linuxmint', ID_LIKE: 'ubuntu debian' })).toBe(true);
    expect(isDebianLike({ ID: 'fedora' })).toBe(false);
    expect(installRoute({ env: {}, platform: 'linux', uid: 1000, debianLike: true, aptGet: '/usr/bin/apt-get' })).toBe('playwright');
    expect(installRoute({ env: {}, platform: 'linux', uid: 0, debianLike: true, aptGet: '/usr/bin/apt-get' })).toBe('apt');
    expect(installRoute({ env: { BRIEFING_PROVISION_INSTALL: 'never' }, platform: 'linux', uid: 0, debianLike: true, aptGet: '/usr/bin/apt-get' })).toBe('none');
    expect(existsSync(script)).toBe(true);
  });
});
