import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { watchContentSecurityPolicy } from '../support/cspWatch.js';
import type { BrowserHost } from '../support/browserHost.js';

/**
 * Issue 13, point 6: the same member opening a pack already open in another tab is told so
 * (Switch there / Open read-only / Take over), never shown a false "closed before your
 * changes were saved" prompt about the other tab's unsaved edits; the recovery prompt stays
 * for sessions that really ended (safety.spec.ts, trustRecoverySignoff.spec.ts).
 */

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function createPack(page: Page, host: BrowserHost, title: string): Promise<string> {
  const response = await page.request.post(`${host.origin}/api/createPack`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { title } });
  return (await response.json()).result.file as string;
}

function packUrl(host: BrowserHost, file: string): string {
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  return url.toString();
}

const readPack = async (host: BrowserHost, file: string) => JSON.parse(await fs.readFile(path.join(host.workspaceDir, file), 'utf8'));

test('second tab: "open in another window", no false recovery prompt; Take over brings even the unsaved words across', async ({ page, host, context }) => {
  const file = await createPack(page, host, 'Two tabs');
  await page.goto(packUrl(host, file));
  await expect(page.getByLabel('Report of')).toBeEditable();
  // Tab A cannot save (say the drive hiccups): its words are only in the page and the journal.
  await page.route('**/api/savePack', (route) => route.abort());
  await page.getByLabel('Report of').fill('Words typed in the first tab');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  await expect.poll(async () => (await fs.readdir(path.join(host.dataDir, 'recovery')).catch(() => [])).filter((n) => n.endsWith('.json')).length).toBe(1);

  const second = await context.newPage();
  const violations = await watchContentSecurityPolicy(second);
  await second.goto(packUrl(host, file));
  const ask = second.getByRole('dialog', { name: 'This pack is open in another window' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Switch there' })).toBeFocused();
  await expectAccessible(second);
  // The other tab's journal is not a crash: no recovery prompt, here or later.
  await expect(second.getByRole('dialog', { name: 'Unsaved changes were recovered' })).toHaveCount(0);

  await ask.getByRole('button', { name: 'Take over here' }).click();
  await expect(ask).toHaveCount(0);
  // The first tab stepped back (its save failed, so its words came across from its journal).
  await expect(page.getByTestId('other-window-banner')).toContainText('editing moved to another window');
  await expect(page.getByLabel('Report of')).toBeDisabled();
  await expect(second.getByLabel('Report of')).toHaveValue('Words typed in the first tab');
  await expect(second.getByLabel('Report of')).toBeEditable();
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await readPack(host, file)).frontSheet.reportOf).toBe('Words typed in the first tab');
  await expect(second.getByRole('dialog')).toHaveCount(0);
  expect(violations).toEqual([]);
  await second.close();
});

test('second tab read-only follows the first tab’s saves; when the first closes the pack it can edit', async ({ page, host, context }) => {
  const file = await createPack(page, host, 'Followed pack');
  await page.goto(packUrl(host, file));
  await expect(page.getByLabel('Report of')).toBeEditable();

  const second = await context.newPage();
  await second.goto(packUrl(host, file));
  const ask = second.getByRole('dialog', { name: 'This pack is open in another window' });
  await ask.getByRole('button', { name: 'Open read-only' }).click();
  await expect(second.getByTestId('other-window-banner')).toContainText('being edited in another window');
  await expect(second.getByLabel('Report of')).toBeDisabled();
  await expectAccessible(second);

  // The first tab goes on editing and saving; the second follows what it saves.
  await page.getByLabel('Report of').fill('Director of Place');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(second.getByLabel('Report of')).toHaveValue('Director of Place', { timeout: 15_000 });

  // The first tab closes the pack.
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(second.getByTestId('other-window-banner')).toContainText('The other window closed this pack');
  await second.getByTestId('other-window-banner').getByRole('button', { name: 'Edit here' }).click();
  await expect(second.getByLabel('Report of')).toBeEditable();
  // Editing here again takes the lock beside the pack (the first tab released it on closing).
  await expect.poll(() => fs.access(path.join(host.workspaceDir, `${file}.lock`)).then(() => 'there', () => 'gone')).toBe('there');
  await second.getByLabel('Report of').fill('Director of Place and Growth');
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await readPack(host, file)).frontSheet.reportOf).toBe('Director of Place and Growth');
  await second.close();
});

test('Switch there: the tab that has the pack hears it; this one stays read-only and says so', async ({ page, host, context }) => {
  const file = await createPack(page, host, 'Switched pack');
  await page.goto(packUrl(host, file));
  await expect(page.getByLabel('Report of')).toBeEditable();
  const second = await context.newPage();
  await second.goto(packUrl(host, file));
  await second.getByRole('dialog', { name: 'This pack is open in another window' }).getByRole('button', { name: 'Switch there' }).click();
  await expect(second.getByTestId('other-window-banner')).toContainText('If your browser did not switch to it');
  await expect(second.getByLabel('Report of')).toBeDisabled();
  await expect(page.getByText('You were switched here from another window')).toBeVisible();
  await expect(page.getByLabel('Report of')).toBeEditable();
  await second.close();
});
