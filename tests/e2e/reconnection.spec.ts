import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';

/**
 * Issue 13, point 5: the browser host stopped and started again while a tab is open. The host
 * keeps its address and token per data folder, so the tab carries on and saves what was typed
 * meanwhile; while it cannot be reached the unsaved edits are kept in IndexedDB, so a reload
 * offers them back once the host answers. The banner says only what is true.
 */

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openNewPack(page: Page, host: BrowserHost, title: string): Promise<string> {
  const response = await page.request.post(`${host.origin}/api/createPack`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { title } });
  const file = (await response.json()).result.file as string;
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  await page.goto(url.toString());
  await expect(page.getByLabel('Report of')).toBeEditable();
  return file;
}

const reportOnDisk = async (dir: string, file: string) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')).frontSheet.reportOf as string;

test('host stopped and started again under an open tab: the tab carries on and saves what was typed meanwhile, same address', async ({ page }) => {
  const workspaceDir = await makeTempDir('ws');
  const dataDir = await makeTempDir('data');
  let host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    const file = await openNewPack(page, host, 'Open across a restart');
    await page.getByLabel('Report of').fill('Director of Place');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const firstUrl = host.url;

    await host.stop();
    await page.getByLabel('Report of').fill('Director of Place and Growth');
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toContainText('Briefing Studio’s host is not answering');
    await expect(banner).toContainText('kept in this browser');
    await expect(page.getByTestId('save-rescue')).toHaveCount(0); // it would claim the journal has the words
    await expectAccessible(page);

    host = await startBrowserHost({ workspaceDir, dataDir });
    expect(host.url).toBe(firstUrl); // same address and token: no new address needed
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
    await expect(banner).toContainText('Connected to Briefing Studio’s host again. Everything is saved.');
    expect(await reportOnDisk(workspaceDir, file)).toBe('Director of Place and Growth');
    // And it goes on saving normally.
    await page.getByLabel('Report of').fill('Executive Director of Place');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(await reportOnDisk(workspaceDir, file)).toBe('Executive Director of Place');
  } finally {
    await host.stop();
    await removeDir(workspaceDir);
    await removeDir(dataDir);
  }
});

test('host stopped, text typed, page reloaded, host restarted: the text is offered back and saves', async ({ page }) => {
  const workspaceDir = await makeTempDir('ws');
  const dataDir = await makeTempDir('data');
  let host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    const file = await openNewPack(page, host, 'Reloaded while stopped');
    await page.getByLabel('Report of').fill('Saved words');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const packUrl = page.url();

    await host.stop();
    await page.getByLabel('Report of').fill('Saved words, and words typed while the host was stopped');
    await expect(page.getByTestId('connection-banner')).toContainText('kept in this browser');
    // The reload cannot even load the page while the host is down.
    page.once('dialog', (dialog) => void dialog.accept()); // "leave with unsaved changes?"
    await page.reload().catch(() => undefined);

    host = await startBrowserHost({ workspaceDir, dataDir });
    // Chromium's own error page reloads itself once the address answers again, and can do so
    // just as this navigation starts: either way the same address loads.
    await page.goto(packUrl).catch(async (err: unknown) => {
      if (!/interrupted by another navigation/.test(String(err))) throw err;
      await page.waitForLoadState('load');
    });
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes were recovered' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('kept in this browser');
    await expect(dialog.getByRole('button', { name: 'Restore' })).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Report of')).toHaveValue('Saved words, and words typed while the host was stopped');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(await reportOnDisk(workspaceDir, file)).toBe('Saved words, and words typed while the host was stopped');

    // Saved, so the browser's copy is gone: a reload offers nothing.
    await page.reload();
    await expect(page.getByLabel('Report of')).toHaveValue('Saved words, and words typed while the host was stopped');
    await expect(page.getByLabel('Report of')).toBeEditable();
    await expect(page.getByRole('dialog', { name: 'Unsaved changes were recovered' })).toHaveCount(0);
    expect(await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('briefing-studio');
      req.onsuccess = () => {
        const all = req.result.transaction('unsaved-edits', 'readonly').objectStore('unsaved-edits').getAll();
        all.onsuccess = () => resolve(all.result.length);
      };
    }))).toBe(0);
  } finally {
    await host.stop();
    await removeDir(workspaceDir);
    await removeDir(dataDir);
  }
});
