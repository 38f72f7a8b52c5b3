import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newPack } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { METHOD_NAMES } from '../../shared/api/contract.js';

/**
 * Smoke test of the real desktop shell, driven by Playwright's _electron. Runs wherever an
 * Electron runtime exists (node_modules/electron/dist, or ELECTRON_OVERRIDE_DIST_PATH, found
 * WITHOUT triggering a download) and a display is available; reports itself skipped, with the
 * reason, everywhere else. `npm run test:e2e` builds dist/ first.
 *
 * Covers: the native menu (items, accelerators, commands reaching the renderer), opening a
 * pack from argv, the single-instance handoff (a second launch focuses the first and opens its
 * file argument), and that the page sees only the contract (no Node, no ipcRenderer).
 */
const require = createRequire(import.meta.url);
const { electronRuntimePath, MISSING_RUNTIME_MESSAGE } = require('../../electron/tooling/electronRuntime.cjs') as {
  electronRuntimePath(): string | undefined;
  MISSING_RUNTIME_MESSAGE: string;
};

// BRIEFING_PACKAGED_APP: the executable of a test build (`npm run dist:test`, whose fuses still
// let Playwright attach); otherwise the development runtime runs the app from this checkout.
const packagedApp = process.env.BRIEFING_PACKAGED_APP;
const runtime = packagedApp ?? electronRuntimePath();
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !runtime
  ? `No Electron runtime on this machine. ${MISSING_RUNTIME_MESSAGE.split('\n').join(' ')}`
  : needsDisplay
    ? 'Electron needs a display on Linux: run the end-to-end tests under `xvfb-run -a npm run test:e2e`.'
    : '';

// Say why in the output too: the list reporter shows skipped tests without their reason.
if (skipReason) console.log(`electron.spec.ts skipped: ${skipReason}`);

test.describe('Electron desktop shell', () => {
  test.skip(!!skipReason, skipReason);
  test.describe.configure({ mode: 'serial' });

  const appArgs = packagedApp ? [] : [path.resolve('.')];
  // Chromium refuses to start as root (CI containers) unless its OS sandbox is off; the
  // renderer sandbox (sandbox: true, contextIsolation) is unaffected.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  let dir: string;
  let userData: string;
  let workspace: string;
  let firstPack: string;
  let secondPack: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-electron-'));
    userData = path.join(dir, 'userData');
    workspace = path.join(dir, 'workspace');
    const elsewhere = path.join(dir, 'elsewhere');
    await Promise.all([mkdir(userData), mkdir(workspace), mkdir(elsewhere)]);
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ workspaceDir: workspace, authorName: '' }));
    firstPack = path.join(elsewhere, 'From argv.briefing');
    secondPack = path.join(elsewhere, 'From second launch.briefing');
    await writeFile(firstPack, serialisePack(newPack({ title: 'Opened from argv' })));
    await writeFile(secondPack, serialisePack(newPack({ title: 'Handed over by a second launch' })));
    // Electron's own --user-data-dir switch (BRIEFING_USER_DATA_DIR is refused by packaged builds).
    app = await electron.launch({
      executablePath: runtime!,
      args: [...rootArgs, `--user-data-dir=${userData}`, ...appArgs, firstPack],
      timeout: 60_000,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('opens the pack named on the command line (outside the workspace)', async () => {
    await expect(page.locator('h1.pack-heading')).toHaveText('Opened from argv', { timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/briefing\//);
  });

  test('exposes only the host contract to the page', async () => {
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      methods: Object.keys(window.briefing ?? {}).sort(),
      events: Object.keys((window as unknown as { briefingEvents?: object }).briefingEvents ?? {}),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', methods: [...METHOD_NAMES].sort(), events: ['menuCommand'] });
    // A path outside the workspace that was never picked is refused even in Electron.
    const refused = await page.evaluate(async (file) => window.briefing!.openPack({ file }), path.join(os.tmpdir(), 'never-granted.briefing'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
  });

  test('has the native menu with the usual items and accelerators', async () => {
    const menu = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
        label: item.label.replace('&', ''),
        items: (item.submenu?.items ?? []).map((sub) => ({ id: sub.id, label: sub.label, accelerator: sub.accelerator ?? null, role: sub.role ?? null })),
      })),
    );
    const file = menu.find((m) => m.label === 'File')!;
    expect(file.items.filter((i) => i.id).map((i) => [i.id, i.accelerator])).toEqual(
      expect.arrayContaining([
        ['new', 'CmdOrCtrl+N'],
        ['newFromTemplate', 'CmdOrCtrl+Shift+N'],
        ['open', 'CmdOrCtrl+O'],
        ['save', 'CmdOrCtrl+S'],
        ['saveAs', 'CmdOrCtrl+Shift+S'],
        ['exportWord', 'CmdOrCtrl+E'],
        ['close', 'CmdOrCtrl+W'],
      ]),
    );
    expect(menu.map((m) => m.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    expect(menu.find((m) => m.label === 'Edit')!.items.map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']));
    // The pack opened from argv is now a recent document.
    const recent = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('recent')?.submenu?.items.map((i) => i.label) ?? []);
    expect(recent.join('|')).toContain('From argv.briefing');
  });

  test('menu commands reach the renderer: Close Pack, then New Pack', async () => {
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('close')?.click());
    await expect(page.locator('h1.pack-heading')).toHaveCount(0);
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new')?.click());
    await expect(page.locator('h1.pack-heading')).toHaveText('Untitled briefing');
  });

  test('a second launch hands its file to the first instance and exits', async () => {
    const second = spawn(runtime!, [...rootArgs, `--user-data-dir=${userData}`, ...appArgs, secondPack], { stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(exitCode).toBe(0);
    await expect(page.locator('h1.pack-heading')).toHaveText('Handed over by a second launch', { timeout: 30_000 });
    expect(app.windows()).toHaveLength(1);
  });
});
