import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * Issue 13, points 4 and 7: the recovery dialog keeps words (focus on Restore, discarding takes
 * two explicit steps and the text is still in the history), and sign-off records who: the
 * first launch asks for a name, a status change asks until there is one, and approval is
 * confirmed naming the pack and its version.
 */

async function api(page: Page, host: BrowserHost, method: string, data: unknown) {
  const response = await page.request.post(`${host.origin}/api/${method}`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data });
  const body = await response.json();
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function createPack(page: Page, host: BrowserHost, title: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'New briefing pack' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
}

/** What a crashed editor leaves behind: a journal entry written through the real host API. */
async function leaveJournal(page: Page, host: BrowserHost, file: string, reportOf: string): Promise<void> {
  const opened = await api(page, host, 'openPack', { file });
  const pack = { ...opened.pack, frontSheet: { ...opened.pack.frontSheet, reportOf } };
  await api(page, host, 'journalPack', { file, pack, baseRevision: opened.revision, session: 'crashed-editor', seq: 3 });
}

test('recovery dialog: focus on Restore, Enter restores; discard needs a second step and the text stays in the history', async ({ page, host }) => {
  await createPack(page, host, 'Recovered pack');
  await page.getByRole('button', { name: '← Library' }).click();
  await leaveJournal(page, host, 'Recovered pack.briefing', 'Words from before the crash');
  await page.getByRole('button', { name: 'Recovered pack', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Unsaved changes were recovered' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Restore' })).toBeFocused();
  await expectAccessible(page);

  // One step is never enough to lose the words: Discard… asks again, focus on "Go back".
  await dialog.getByRole('button', { name: 'Discard…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Discard the recovered changes?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Go back' })).toBeFocused();
  await expect(confirm).toContainText('kept in the pack’s version history');
  await expectAccessible(page);
  // Escape goes back to the first step, not to discarding.
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('button', { name: 'Restore' })).toBeFocused();
  // Enter on the focused Restore brings the words back.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Report of')).toHaveValue('Words from before the crash');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // A second crash; this time the member discards, in two explicit steps.
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await leaveJournal(page, host, 'Recovered pack.briefing', 'Second thoughts that were discarded');
  await page.getByRole('button', { name: 'Recovered pack', exact: true }).click();
  await page.getByRole('dialog', { name: 'Unsaved changes were recovered' }).getByRole('button', { name: 'Discard…' }).click();
  await page.getByRole('dialog', { name: 'Discard the recovered changes?' }).getByRole('button', { name: 'Discard them' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Report of')).toHaveValue('Words from before the crash');

  // The discarded text is a version in the history, labelled as such, and can be previewed.
  await page.getByRole('button', { name: 'History' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Recovered changes you discarded (kept 30 days)' });
  await expect(item).toHaveCount(1);
  const onDisk = JSON.parse(await fs.readFile(path.join(host.workspaceDir, 'Recovered pack.briefing'), 'utf8')) as Pack;
  const history = await api(page, host, 'listHistory', { packId: onDisk.id });
  const discarded = history.find((v: { reason: string }) => v.reason === 'discarded-recovery');
  const kept = (await api(page, host, 'readSnapshot', { packId: onDisk.id, id: discarded.id })) as Pack;
  expect(kept.frontSheet.reportOf).toBe('Second thoughts that were discarded');
  expect(onDisk.frontSheet.reportOf).toBe('Words from before the crash');
});

test('library recovery list: Discard asks a second time', async ({ page, host }) => {
  await createPack(page, host, 'Listed pack');
  await page.getByRole('button', { name: '← Library' }).click();
  await leaveJournal(page, host, 'Listed pack.briefing', 'Kept words');
  await page.reload();
  const recovery = page.getByRole('region', { name: 'Recovered unsaved changes' });
  await recovery.getByRole('button', { name: 'Discard unsaved changes to Listed pack' }).click();
  const confirm = page.getByRole('dialog', { name: 'Discard the recovered changes?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(recovery).toContainText('Listed pack');
  await recovery.getByRole('button', { name: 'Discard unsaved changes to Listed pack' }).click();
  await page.getByRole('dialog', { name: 'Discard the recovered changes?' }).getByRole('button', { name: 'Discard them' }).click();
  await expect(recovery).toHaveCount(0);
});

test('first launch asks for name and role; approval is confirmed naming the pack and version, and the pack records who and when', async ({ page }) => {
  const host = await startBrowserHost({ author: null });
  try {
    await page.goto(host.url);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Briefing Studio' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByLabel('Your name')).toBeFocused();
    await expectAccessible(page);
    // A name is required to save.
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(welcome.getByText('Enter your name.')).toBeVisible();
    await welcome.getByLabel('Your name').fill('Priya Shah');
    await welcome.getByLabel('Your role').fill('Cabinet Member for Regeneration');
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(welcome).toHaveCount(0);
    const settings = JSON.parse(await fs.readFile(path.join(host.dataDir, 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ authorName: 'Priya Shah', authorRole: 'Cabinet Member for Regeneration' });
    // Asked once: a reload does not ask again.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The name goes on the lock beside the pack.
    await createPack(page, host, 'Coastal plan');
    await expect.poll(() => fs.readFile(path.join(host.workspaceDir, 'Coastal plan.briefing.lock'), 'utf8').then((t) => JSON.parse(t).user, () => null)).toBe('Priya Shah');
    await page.getByLabel('Version').fill('1.2');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await expect(page.getByTestId('last-status-change')).toContainText('Sent for review by Priya Shah (Cabinet Member for Regeneration)');

    // Approve: a confirmation naming the pack and its version; Cancel changes nothing.
    await page.getByRole('button', { name: 'Approve' }).click();
    const confirm = page.getByRole('dialog', { name: 'Approve “Coastal plan”, version 1.2?' });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText('Priya Shah (Cabinet Member for Regeneration) approved “Coastal plan” version 1.2');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByLabel('Title')).toBeEditable();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog', { name: 'Approve “Coastal plan”, version 1.2?' }).getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('last-status-change')).toContainText('Approved by Priya Shah (Cabinet Member for Regeneration)');
    await expect(page.getByLabel('Title')).toBeDisabled();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const saved = JSON.parse(await fs.readFile(path.join(host.workspaceDir, 'Coastal plan.briefing'), 'utf8')) as Pack;
    expect(saved.frontSheet.status).toBe('approved');
    const approval = saved.statusHistory!.at(-1)!;
    expect([approval.from, approval.to, approval.by, approval.role]).toEqual(['for-review', 'approved', 'Priya Shah', 'Cabinet Member for Regeneration']);
    expect(Math.abs(Date.now() - Date.parse(approval.at))).toBeLessThan(5 * 60_000);
    // Still read-only after reopening.
    await page.reload();
    await expect(page.getByLabel('Title')).toBeDisabled();
  } finally {
    await host.stop();
    await removeDir(host.workspaceDir);
    await removeDir(host.dataDir);
  }
});

test('"Not now" on first launch: the first status change asks for the name, then records it', async ({ page }) => {
  const host = await startBrowserHost({ author: null });
  try {
    await page.goto(host.url);
    await page.getByRole('dialog', { name: 'Welcome to Briefing Studio' }).getByRole('button', { name: 'Not now' }).click();
    await createPack(page, host, 'Unnamed start');
    await page.getByRole('button', { name: 'Send for review' }).click();
    const ask = page.getByRole('dialog', { name: 'Who is making this change?' });
    await expect(ask).toBeVisible();
    await expect(ask.getByLabel('Your name')).toBeFocused();
    // Cancel: no change without a name.
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('last-status-change')).toHaveCount(0);
    await page.getByRole('button', { name: 'Send for review' }).click();
    await ask.getByLabel('Your name').fill('Sam Lee');
    await ask.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('last-status-change')).toContainText('Sent for review by Sam Lee');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const saved = JSON.parse(await fs.readFile(path.join(host.workspaceDir, 'Unnamed start.briefing'), 'utf8')) as Pack;
    expect(saved.statusHistory?.map((c) => [c.to, c.by])).toEqual([['for-review', 'Sam Lee']]);
  } finally {
    await host.stop();
    await removeDir(host.workspaceDir);
    await removeDir(host.dataDir);
  }
});
