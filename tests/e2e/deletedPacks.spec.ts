import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import type { BrowserHost } from '../support/browserHost.js';

/** Issue 13, point 8: deleting a pack can be undone, and "Deleted packs" restores one for 30 days. */

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function makePacks(page: Page, host: BrowserHost, titles: string[]): Promise<void> {
  for (const title of titles) {
    const response = await page.request.post(`${host.origin}/api/createPack`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { title } });
    expect(response.ok()).toBe(true);
  }
}

const packFiles = async (host: BrowserHost) => (await readdir(host.workspaceDir)).filter((f) => f.endsWith('.briefing')).sort();

test('delete → Undo puts the pack back; Deleted packs restores another after a reload', async ({ page, host }) => {
  await makePacks(page, host, ['Adult skills plan', 'Bus network review']);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Adult skills plan', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Adult skills plan' }).click();
  await page.getByRole('dialog', { name: 'Delete pack?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Adult skills plan', exact: true })).toHaveCount(0);
  const undo = page.getByTestId('undo-delete');
  await expect(undo).toContainText('Deleted “Adult skills plan”');
  expect(await packFiles(host)).toEqual(['Bus network review.briefing']);
  await expectAccessible(page);

  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Adult skills plan', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Restored “Adult skills plan”.' })).toBeVisible();
  expect(await packFiles(host)).toEqual(['Adult skills plan.briefing', 'Bus network review.briefing']);

  // Deleted, then the page is reloaded (no Undo any more): the Deleted packs view has it.
  await page.getByRole('button', { name: 'Delete Bus network review' }).click();
  await page.getByRole('dialog', { name: 'Delete pack?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Bus network review', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('undo-delete')).toHaveCount(0);
  await page.getByRole('button', { name: 'Deleted packs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deleted packs' });
  await expect(dialog).toContainText('Bus network review');
  await expect(dialog).toContainText('kept until');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Restore Bus network review' }).click();
  await expect(dialog).toContainText('Restored “Bus network review”.');
  await expect(dialog).toContainText('No deleted packs.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Deleted packs' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Bus network review', exact: true })).toBeVisible();
  expect(await packFiles(host)).toEqual(['Adult skills plan.briefing', 'Bus network review.briefing']);
  // Nothing of the deletions is left in the workspace (the bin is the data folder's).
  expect((await readdir(host.workspaceDir)).filter((f) => f.includes('trash'))).toEqual([]);
  expect(await readdir(path.join(host.dataDir, 'deleted-packs'))).toEqual([]);
  // The restored pack opens as before.
  await page.getByRole('button', { name: 'Bus network review', exact: true }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Bus network review');
});
