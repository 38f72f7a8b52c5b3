import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The reporter `npm test` adds to Vitest and Playwright names every skipped test at the end.
 * Each runner is run for real, as a child process, on a temp folder holding one passing and one
 * skipped test (the Playwright one needs no browser).
 */
const reporter = path.resolve('electron/tooling/reportSkipped.mjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  dirs.push(mkdtempSync(path.join(os.tmpdir(), 'briefing-skips-')));
  return dirs.at(-1)!;
}

describe('the skipped-tests summary', () => {
  it('Vitest: names each skipped test with its file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.test.mjs'), "import { it, expect } from 'vitest';\nit('runs', () => expect(1).toBe(1));\nit.skip('is left out (skipped: no frobnicator here)', () => {});\n");
    const run = spawnSync(process.execPath, [path.resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=default', `--reporter=${reporter}`], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Unit tests: 1 skipped on this machine:\n {2}- a\.test\.mjs › is left out \(skipped: no frobnicator here\)/);
  });

  it('Playwright: names each skipped test with its file and the reason given to test.skip', () => {
    const dir = tempDir();
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules')); // so the spec finds @playwright/test
    writeFileSync(path.join(dir, 'pw.config.mjs'), "export default { testDir: '.', testMatch: /b\\.spec\\.mjs/ };\n");
    writeFileSync(path.join(dir, 'b.spec.mjs'), "import { test, expect } from '@playwright/test';\ntest('runs', () => expect(1).toBe(1));\ntest('needs a widget', () => { test.skip(true, 'No widget here. Install one.'); });\n");
    const run = spawnSync(process.execPath, [path.resolve('node_modules/@playwright/test/cli.js'), 'test', '--config', path.join(dir, 'pw.config.mjs'), `--reporter=list,${reporter}`], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: dir,
    });
    expect(run.stdout).toMatch(/End-to-end tests: 1 skipped on this machine:\n {2}- b\.spec\.mjs \(No widget here\.\): needs a widget/);
    expect(run.status).toBe(0);
  });
});
