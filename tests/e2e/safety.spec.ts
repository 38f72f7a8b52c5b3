import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';
import { canMountHere } from '../support/mountProbe.js';

/** SAFETY_SHOTS=<dir> saves screenshots of each state for a human look. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SAFETY_SHOTS) await page.screenshot({ path: path.join(process.env.SAFETY_SHOTS, `${name}.png`), fullPage: true });
}

/** No axe violations in what is on screen now (the safety banners, dialogs and panels). */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Make a pack through the UI and land on its front sheet. */
async function createPack(page: Page, host: BrowserHost, title: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'New briefing pack' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
}

async function setAuthor(host: BrowserHost, page: Page, name: string): Promise<void> {
  const response = await page.request.post(`${host.origin}/api/updateSettings`, {
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin },
    data: { authorName: name },
  });
  expect(response.ok()).toBe(true);
}

// Typing in a front-sheet field ("Report of"); safetyEditorCrash.spec.ts does the same in a
// section's Lexical editor. The journal carries the whole pack either way.
test('kill the host while typing, restart, restore: text typed up to 2 s before the kill is back', async ({ page }) => {
  const workspaceDir = await makeTempDir('ws');
  const dataDir = await makeTempDir('data');
  let host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    await createPack(page, host, 'Crash while typing');
    const field = page.getByLabel('Report of');
    await field.click();
    const typed: Array<{ at: number; value: string }> = [];
    const words = 'the council will invest in green skills across Bootle Southport and Formby with new apprenticeships and a retrofit programme for older homes'.split(' ');
    let killAt = 0;
    // Kill once enough words are in and typing has gone on for 2.5 s more, so "typed up to
    // 2 s before the kill" always has words in it, however slowly a busy machine types.
    const killer = (async () => {
      while (typed.length < 8) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      killAt = Date.now();
      await host.stop('SIGKILL');
    })();
    // Keep typing (no pause long enough for an autosave) until a while after the kill.
    for (let i = 0; killAt === 0 || Date.now() < killAt + 1_000; i++) {
      await field.pressSequentially(`${words[i % words.length]} `, { delay: 40 });
      typed.push({ at: Date.now(), value: await field.inputValue() });
      if (i > 400) break;
    }
    await killer;
    const mustHave = typed.filter((t) => t.at <= killAt - 2_000).pop()?.value ?? '';
    expect(mustHave.length).toBeGreaterThan(20);
    const onDisk = JSON.parse(await fs.readFile(path.join(workspaceDir, 'Crash while typing.briefing'), 'utf8'));
    expect(onDisk.frontSheet.reportOf.length).toBeLessThan(mustHave.length); // the file alone would lose words

    // A crash takes the window with it: close this page before the host comes back, or it would
    // reconnect (same address and token) and save the words itself (reconnection.spec.ts).
    await page.goto('about:blank');
    host = await startBrowserHost({ workspaceDir, dataDir });
    await page.goto(host.url);
    const recovery = page.getByRole('region', { name: 'Recovered unsaved changes' });
    await expect(recovery).toContainText('Crash while typing');
    await shot(page, 'recovery-list');
    await expectAccessible(page);
    await recovery.getByRole('button', { name: 'Restore unsaved changes to Crash while typing' }).click();
    await expect(page.getByLabel('Report of')).not.toHaveValue('');
    const restored = await page.getByLabel('Report of').inputValue();
    expect(restored.startsWith(mustHave.trimEnd())).toBe(true);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');

    // Saving writes it to the pack and clears the recovery entry.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const saved = JSON.parse(await fs.readFile(path.join(workspaceDir, 'Crash while typing.briefing'), 'utf8'));
    expect(saved.frontSheet.reportOf).toBe(restored);
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recovered unsaved changes' })).toHaveCount(0);
  } finally {
    await host.stop();
    await removeDir(workspaceDir);
    await removeDir(dataDir);
  }
});

test('opening a pack that has recovered changes asks first: Restore brings them back, marked unsaved', async ({ page, host }) => {
  await createPack(page, host, 'Asked pack');
  await page.getByRole('button', { name: '← Library' }).click();
  // What a crashed editor left behind: a journal entry written through the real host API.
  const opened = await (await page.request.post(`${host.origin}/api/openPack`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { file: 'Asked pack.briefing' } })).json();
  const pack = { ...opened.result.pack, frontSheet: { ...opened.result.pack.frontSheet, reportOf: 'Words from before the crash' } };
  const journaled = await page.request.post(`${host.origin}/api/journalPack`, {
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin },
    data: { file: 'Asked pack.briefing', pack, baseRevision: opened.result.revision, session: 'crashed-editor', seq: 7 },
  });
  expect(journaled.ok()).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Asked pack', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes were recovered' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByLabel('Report of')).toHaveValue('Words from before the crash');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recovered unsaved changes' })).toHaveCount(0);
});

test('conflict: the file changes on disk while open; saving offers the choice and loses nothing', async ({ page, host }) => {
  await createPack(page, host, 'Shared budget');
  const file = path.join(host.workspaceDir, 'Shared budget.briefing');
  await page.getByLabel('Report of').fill('Director of Place');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // Someone else (a sync client, another program) saves their version.
  const theirs = JSON.parse(await fs.readFile(file, 'utf8'));
  theirs.frontSheet.leadCabinetMember = 'Cllr Their Change';
  await fs.writeFile(file, JSON.stringify(theirs, null, 2) + '\n');
  await expect(page.getByTestId('disk-changed')).toBeVisible({ timeout: 15_000 });

  await page.getByLabel('Report of').fill('Director of Place and Growth');
  const dialog = page.getByRole('dialog', { name: 'This pack was changed by someone else' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Reload theirs' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Overwrite' })).toBeVisible();
  await shot(page, 'conflict');
  await expectAccessible(page);
  expect(JSON.parse(await fs.readFile(file, 'utf8')).frontSheet.leadCabinetMember).toBe('Cllr Their Change');

  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('pack')).toBe('Shared budget (my copy).briefing');
  await expect(page.getByLabel('Report of')).toHaveValue('Director of Place and Growth');
  const copy = JSON.parse(await fs.readFile(path.join(host.workspaceDir, 'Shared budget (my copy).briefing'), 'utf8'));
  expect(copy.frontSheet.reportOf).toBe('Director of Place and Growth');
  const original = JSON.parse(await fs.readFile(file, 'utf8'));
  expect(original.frontSheet.leadCabinetMember).toBe('Cllr Their Change');
  expect(original.frontSheet.reportOf).toBe('Director of Place');
});

test('lock: a second session sees who holds the pack and gets read-only or a copy', async ({ page, host, browser }) => {
  await setAuthor(host, page, 'Alex Morgan');
  await createPack(page, host, 'Locked pack');
  await expect(page.getByTestId('lock-banner')).toHaveCount(0);
  // The lock is taken just after the pack opens: wait for it to appear on disk.
  const readLock = () => fs.readFile(path.join(host.workspaceDir, 'Locked pack.briefing.lock'), 'utf8').then(JSON.parse, () => null);
  await expect.poll(readLock).toMatchObject({ user: 'Alex Morgan', machine: os.hostname() });

  const otherData = await makeTempDir('data2');
  const other = await startBrowserHost({ workspaceDir: host.workspaceDir, dataDir: otherData });
  const context = await browser.newContext();
  const page2 = await context.newPage();
  try {
    await setAuthor(other, page2, 'Sam Lee');
    await page2.goto(other.url);
    await page2.getByRole('button', { name: 'Locked pack', exact: true }).click();
    const banner = page2.getByTestId('lock-banner');
    await expect(banner).toContainText(`Alex Morgan on ${os.hostname()}`);
    await expect(banner).toContainText('Read-only');
    await expect(page2.getByLabel('Report of')).toBeDisabled();
    await shot(page2, 'lock');
    await expectAccessible(page2);
    // Open a copy: an editable pack of Sam's own.
    await banner.getByRole('button', { name: 'Open a copy' }).click();
    await expect(page2.getByLabel('Title')).toHaveValue('Copy of Locked pack');
    await expect(page2.getByLabel('Report of')).toBeEnabled();

    // Alex closes the pack: the lock is released.
    await page.getByRole('button', { name: '← Library' }).click();
    await expect.poll(() => fs.access(path.join(host.workspaceDir, 'Locked pack.briefing.lock')).then(() => 'there', () => 'gone')).toBe('gone');
  } finally {
    await context.close();
    await other.stop();
    await removeDir(otherData);
  }
});

test('a stale lock left by someone on another computer can be taken over', async ({ page, host }) => {
  await createPack(page, host, 'Abandoned pack');
  await page.getByRole('button', { name: '← Library' }).click();
  const lockPath = path.join(host.workspaceDir, 'Abandoned pack.briefing.lock');
  await expect.poll(() => fs.access(lockPath).then(() => 'there', () => 'gone')).toBe('gone');
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
  await fs.writeFile(lockPath, JSON.stringify({ app: 'briefing-studio', user: 'Sam Lee', machine: 'TOWN-HALL-PC', pid: 4242, session: 'gone', time: twoHoursAgo }));
  await page.getByRole('button', { name: 'Abandoned pack', exact: true }).click();
  const banner = page.getByTestId('lock-banner');
  await expect(banner).toContainText('Sam Lee on TOWN-HALL-PC');
  await expect(banner).toContainText('Their lock looks abandoned');
  await expect(page.getByLabel('Report of')).toBeDisabled();
  await banner.getByRole('button', { name: 'Take over editing' }).click();
  await expect(page.getByText('You took over editing from Sam Lee on TOWN-HALL-PC')).toBeVisible();
  await page.getByLabel('Report of').fill('Mine now');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(JSON.parse(await fs.readFile(lockPath, 'utf8')).user).not.toBe('Sam Lee');
});

test('deleted while open: the user is told, keeps typing, and saving writes the file again', async ({ page, host }) => {
  await createPack(page, host, 'Vanishing pack');
  const file = path.join(host.workspaceDir, 'Vanishing pack.briefing');
  await fs.unlink(file);
  await expect(page.getByTestId('disk-deleted')).toBeVisible({ timeout: 15_000 });
  await shot(page, 'deleted');
  await page.getByLabel('Report of').fill('Still here');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(JSON.parse(await fs.readFile(file, 'utf8')).frontSheet.reportOf).toBe('Still here');
});

test('network folder gone while open: plain-English error, words kept, Try again works once it is back', async ({ page }) => {
  const parent = await makeTempDir('net');
  const workspaceDir = path.join(parent, 'Shared drive');
  await fs.mkdir(workspaceDir);
  const dataDir = await makeTempDir('data');
  const host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    await createPack(page, host, 'Network pack');
    await page.getByLabel('Report of').fill('Saved while connected');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await fs.rename(workspaceDir, path.join(parent, 'disconnected'));
    await page.getByLabel('Report of').fill('Typed while the drive was gone');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('save-status')).toContainText('is not available any more');
    await expect(page.getByTestId('save-rescue')).toBeVisible();
    await expect(page.getByLabel('Report of')).toHaveValue('Typed while the drive was gone');
    await fs.rename(path.join(parent, 'disconnected'), workspaceDir);
    await page.getByTestId('save-status').getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(JSON.parse(await fs.readFile(path.join(workspaceDir, 'Network pack.briefing'), 'utf8')).frontSheet.reportOf).toBe('Typed while the drive was gone');
  } finally {
    await host.stop();
    await removeDir(parent);
    await removeDir(dataDir);
  }
});

test('a damaged pack offers its last good version as a new pack and leaves the damaged file untouched', async ({ page, host }) => {
  await createPack(page, host, 'Fragile pack');
  await page.getByLabel('Report of').fill('Good words');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: '← Library' }).click();
  const file = path.join(host.workspaceDir, 'Fragile pack.briefing');
  const text = await fs.readFile(file, 'utf8');
  const damaged = text.slice(0, 200);
  await fs.writeFile(file, damaged);

  await page.reload();
  await page.getByRole('button', { name: 'Recover Fragile pack.briefing' }).click();
  await expect(page.getByRole('heading', { name: 'This pack could not be opened' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Earlier versions you can open' })).toBeVisible();
  await shot(page, 'damaged');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open as a new pack' }).first().click();
  await expect(page.getByLabel('Report of')).toHaveValue('Good words');
  expect(await fs.readFile(file, 'utf8')).toBe(damaged);
});

test('history: explicit saves keep versions; name one; preview and restore an older one, and undo the restore', async ({ page, host }) => {
  await createPack(page, host, 'Versioned pack');
  await page.getByLabel('Report of').fill('First wording');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByLabel('Title').fill('Versioned pack, second');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: 'History' }).click();
  const panel = page.getByRole('complementary', { name: 'Version history' });
  const items = panel.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await panel.getByRole('button', { name: 'Name this version…' }).click();
  await page.getByRole('dialog', { name: 'Name this version' }).getByLabel('Name').fill('Second draft');
  await page.getByRole('dialog', { name: 'Name this version' }).getByRole('button', { name: 'Save name' }).click();
  await expect(items.first()).toContainText('Second draft');
  await expect(items).toHaveCount(2); // naming the unchanged pack names its newest version

  // A later change, autosaved but not yet a version of its own.
  await page.getByLabel('Report of').fill('Later tweak');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await items.last().getByRole('button', { name: /^Preview/ }).click();
  const preview = panel.getByRole('region', { name: /Preview/ });
  await expect(preview).toContainText('Versioned pack');
  await expect(preview).toContainText('First wording');
  await shot(page, 'history');
  await expectAccessible(page);
  await preview.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Versioned pack');
  await expect(page.getByLabel('Report of')).toHaveValue('First wording');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(JSON.parse(await fs.readFile(path.join(host.workspaceDir, 'Versioned pack.briefing'), 'utf8')).frontSheet.title).toBe('Versioned pack');

  // The restore can be undone: the state before it was kept.
  const before = items.filter({ hasText: 'Before restoring an older version' });
  await expect(before).toHaveCount(1);
  await before.getByRole('button', { name: /^Preview/ }).click();
  await expect(preview).toContainText('Later tweak');
  await preview.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Versioned pack, second');
  await expect(page.getByLabel('Report of')).toHaveValue('Later tweak');
  await expect(items.filter({ hasText: 'Second draft' })).toHaveCount(1);
  expect(await fs.readdir(path.join(host.workspaceDir, '.history'))).toHaveLength(1);
});

// Root ignores chmod, so the read-only folder is a real read-only bind mount (Linux, root).
test('read-only folder while editing: plain-English error, every word kept, Download a copy, Retry works once writable', async ({ page }) => {
  test.skip(!canMountHere(), 'needs Linux and root to make a read-only bind mount (root ignores chmod)');
  const source = await makeTempDir('ro-src');
  const workspaceDir = await makeTempDir('ro-ws');
  const dataDir = await makeTempDir('data');
  execFileSync('mount', ['--bind', source, workspaceDir]);
  const host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    await createPack(page, host, 'Read only pack');
    await page.getByLabel('Report of').fill('Saved before');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    execFileSync('mount', ['-o', 'remount,bind,ro', workspaceDir]);

    await page.getByLabel('Report of').fill('Typed while the folder is read-only');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('save-status')).toContainText('you do not have permission');
    await expect(page.getByLabel('Report of')).toHaveValue('Typed while the folder is read-only');
    const rescue = page.getByTestId('save-rescue');
    await shot(page, 'read-only');
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await rescue.getByRole('button', { name: 'Download a copy' }).click();
    const saved = await (await download).path();
    expect(JSON.parse(await fs.readFile(saved, 'utf8')).frontSheet.reportOf).toBe('Typed while the folder is read-only');
    await rescue.getByRole('button', { name: 'Save as a copy' }).click();
    await expect(page.getByText('The copy could not be saved either')).toBeVisible();

    execFileSync('mount', ['-o', 'remount,bind,rw', workspaceDir]);
    await page.getByTestId('save-status').getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(JSON.parse(await fs.readFile(path.join(source, 'Read only pack.briefing'), 'utf8')).frontSheet.reportOf).toBe('Typed while the folder is read-only');
  } finally {
    await host.stop();
    execFileSync('umount', [workspaceDir]);
    await removeDir(workspaceDir);
    await removeDir(source);
    await removeDir(dataDir);
  }
});

test('disk full while editing (a real tiny tmpfs): plain-English error, words kept, Try again works once space is freed', async ({ page }) => {
  test.skip(!canMountHere(), 'needs Linux and root to mount a tiny tmpfs');
  const workspaceDir = await makeTempDir('full-ws');
  const dataDir = await makeTempDir('data');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', workspaceDir]);
  const host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    await createPack(page, host, 'Full disk pack');
    await page.getByLabel('Report of').fill('Saved with room to spare');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    // Fill the disk: write until the file system refuses.
    const filler = path.join(workspaceDir, 'filler.bin');
    const handle = await fs.open(filler, 'w');
    try {
      for (;;) await handle.write(Buffer.alloc(16 * 1024, 1));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      await handle.close();
    }
    await page.getByLabel('Report of').fill('Typed when the disk was full');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('save-status')).toContainText('the disk is full');
    await expect(page.getByLabel('Report of')).toHaveValue('Typed when the disk was full');
    expect(JSON.parse(await fs.readFile(path.join(workspaceDir, 'Full disk pack.briefing'), 'utf8')).frontSheet.reportOf).toBe('Saved with room to spare');
    await fs.unlink(filler);
    await page.getByTestId('save-status').getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(JSON.parse(await fs.readFile(path.join(workspaceDir, 'Full disk pack.briefing'), 'utf8')).frontSheet.reportOf).toBe('Typed when the disk was full');

    // Fill it again: this time keep the work with "Save as a copy" once there is room for it.
    const again = await fs.open(filler, 'w');
    try {
      for (;;) await again.write(Buffer.alloc(16 * 1024, 1));
    } catch {
      // full
    } finally {
      await again.close();
    }
    await page.getByLabel('Report of').fill('Second attempt while full');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
    await fs.unlink(filler);
    await page.getByTestId('save-rescue').getByRole('button', { name: 'Save as a copy' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('pack')).toBe('Full disk pack (copy).briefing');
    await expect(page.getByLabel('Report of')).toHaveValue('Second attempt while full');
    expect(JSON.parse(await fs.readFile(path.join(workspaceDir, 'Full disk pack (copy).briefing'), 'utf8')).frontSheet.reportOf).toBe('Second attempt while full');
    // The words are in the copy, so nothing is left to "recover" for the original.
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recovered unsaved changes' })).toHaveCount(0);
  } finally {
    await host.stop();
    execFileSync('umount', [workspaceDir]);
    await removeDir(workspaceDir);
    await removeDir(dataDir);
  }
});
