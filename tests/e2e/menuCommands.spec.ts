import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';

/**
 * The renderer's side of the native menu, in real Chromium against the real browser host.
 * Electron's preload cannot run here, so an init script provides `window.briefingEvents` with
 * the same shape preload exposes (subscribe -> unsubscribe, events that arrive before anyone
 * subscribes are kept) and a `__menu(payload)` trigger standing in for main's webContents.send.
 * The Electron smoke test (electron.spec.ts) covers the real preload where a runtime exists.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const listeners = new Set<(payload: unknown) => void>();
    const backlog: unknown[] = [];
    (window as unknown as { briefingEvents: object }).briefingEvents = {
      menuCommand(listener: (payload: unknown) => void) {
        listeners.add(listener);
        // as preload does: deliver waiting events to every listener once subscribing is done
        if (backlog.length) setTimeout(() => backlog.splice(0).forEach((p) => listeners.forEach((l) => l(p))), 0);
        return () => listeners.delete(listener);
      },
    };
    (window as unknown as { __menu: (p: unknown) => void }).__menu = (payload) => {
      if (listeners.size === 0) backlog.push(payload);
      for (const listener of listeners) listener(payload);
    };
  });
});

const menu = (page: import('@playwright/test').Page, payload: object) => page.evaluate((p) => (window as unknown as { __menu: (p: unknown) => void }).__menu(p), payload);

test('File › New, Save, Save As, Close Pack and Open work from the menu without losing edits', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();

  await menu(page, { command: 'new' });
  await expect(page.locator('h1.pack-heading')).toHaveText('Untitled briefing');
  await page.getByLabel('Title').fill('Menu made this');
  // Save from the menu writes at once (no waiting for autosave)
  await menu(page, { command: 'save' });
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const saved = JSON.parse(await readFile(path.join(host.workspaceDir, 'Untitled briefing.briefing'), 'utf8'));
  expect(saved.frontSheet.title).toBe('Menu made this');

  // Save As asks for a title and switches to the copy
  await menu(page, { command: 'saveAs' });
  const dialog = page.getByRole('dialog', { name: 'Save a copy as' });
  await dialog.getByLabel('Title of the copy').fill('The copy');
  await dialog.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.locator('h1.pack-heading')).toHaveText('The copy');
  expect((await readdir(host.workspaceDir)).filter((n) => n.endsWith('.briefing')).sort()).toEqual(['The copy.briefing', 'Untitled briefing.briefing']);

  // An edit then Close Pack straight away: the edit is saved before leaving
  await page.getByLabel('Report of').fill('Director of Place');
  await menu(page, { command: 'close' });
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  const copy = JSON.parse(await readFile(path.join(host.workspaceDir, 'The copy.briefing'), 'utf8'));
  expect(copy.frontSheet.reportOf).toBe('Director of Place');

  // Open (as main sends it after the native dialog) shows the pack
  await menu(page, { command: 'open', file: 'Untitled briefing.briefing' });
  await expect(page.locator('h1.pack-heading')).toHaveText('Menu made this');
});

test('a command sent before the page subscribed (file opened at launch) is not lost', async ({ page, host }) => {
  // Runs before any page script, so React has not subscribed yet when the command arrives.
  await page.addInitScript(() => (window as unknown as { __menu: (p: unknown) => void }).__menu({ command: 'new' }));
  await page.goto(host.url);
  await expect(page.locator('h1.pack-heading')).toHaveText('Untitled briefing');
});

test('a menu command with nothing to act on gets a plain answer, and hostile payloads are ignored', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  const message = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))));
  await menu(page, { command: 'exportWord' });
  expect(await message).toMatch(/Open a pack first/);
  // payloads that fail the contract's event schema never reach the app
  await menu(page, { command: 'open', file: '../../etc/passwd' });
  await menu(page, { command: 'format-disk' });
  await menu(page, { command: 'open', file: 'x.briefing', extra: true });
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  expect(page.url()).not.toContain('pack=');
});

test('File › Import Word Document opens the import in the library, and Insert Word document in an open pack', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await menu(page, { command: 'importWord' });
  const fromLibrary = page.getByRole('dialog', { name: 'New pack from a Word document' });
  await expect(fromLibrary.getByRole('button', { name: 'Choose a Word document…' })).toBeVisible();
  await fromLibrary.getByRole('button', { name: 'Cancel' }).click();
  await menu(page, { command: 'new' });
  await expect(page.locator('h1.pack-heading')).toHaveText('Untitled briefing');
  await menu(page, { command: 'importWord' });
  await expect(page.getByRole('dialog', { name: 'Insert a Word document' })).toBeVisible();
});
