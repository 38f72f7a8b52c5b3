import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve('.');

describe('launchers', () => {
  it('`npm start` without the Electron runtime prints one clear paragraph and exits non-zero', () => {
    // The download it tries first is refused at once (port 9 is one fetch never connects to);
    // tests/unit/startRuntime.test.ts covers the download itself.
    const env = { ...process.env, DISPLAY: ':99', ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'tests', 'fixtures', 'no-electron-here') };
    const result = spawnSync(process.execPath, [path.join(root, 'electron/tooling/start.mjs')], { env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Electron runtime is missing/);
    expect(result.stderr).toMatch(/npm run serve/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('`npx briefing` runs the CLI from the package bin (building first if needed)', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'electron/bin/briefing.cjs'), 'validate', path.join(root, 'tests/fixtures/packs/v1-golden.briefing')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^OK /m);
  }, 120_000);
});
