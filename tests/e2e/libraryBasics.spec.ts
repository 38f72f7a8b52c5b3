import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';

test('rename, duplicate and delete (with confirmation) from the library; broken files show their reason', async ({ page, host }) => {
  await copyFile(path.resolve('tests/fixtures/packs/v1-golden.briefing'), path.join(host.workspaceDir, 'Gamechangers.briefing'));
  await copyFile(path.resolve('tests/fixtures/packs/bad/truncated.briefing'), path.join(host.workspaceDir, 'Damaged.briefing'));
  await page.goto(host.url);

  const broken = page.getByRole('row', { name: /Damaged\.briefing/ });
  await expect(broken.getByText('Cannot open')).toBeVisible();
  await expect(broken).toContainText('Damaged.briefing is damaged: it is not readable JSON');

  const title = 'The North’s five gamechangers: Sefton’s local angle';
  await page.getByRole('button', { name: `Rename ${title}` }).click();
  const rename = page.getByRole('dialog', { name: 'Rename pack' });
  await rename.getByLabel('New title').fill('Five gamechangers: Sefton');
  await rename.getByLabel('New title').press('Enter');
  await expect(page.getByRole('button', { name: 'Five gamechangers: Sefton', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Five gamechangers: Sefton' }).click();
  await expect(page.getByRole('button', { name: 'Copy of Five gamechangers: Sefton', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Copy of Five gamechangers: Sefton' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete pack?' });
  await expect(confirm).toContainText('will be moved to Deleted packs, where you can restore it for 30 days');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Copy of Five gamechangers: Sefton', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Copy of Five gamechangers: Sefton' }).click();
  await page.getByRole('dialog', { name: 'Delete pack?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Copy of Five gamechangers: Sefton', exact: true })).toHaveCount(0);

  const files = (await readdir(host.workspaceDir)).filter((f) => f.endsWith('.briefing')).sort();
  expect(files).toEqual(['Damaged.briefing', 'Five gamechangers Sefton.briefing']);
  // Kept in the data folder's deleted packs (issue 13), never in the workspace listing.
  expect((await readdir(host.workspaceDir)).filter((f) => f.startsWith('.trash'))).toEqual([]);
  expect(await readdir(path.join(host.dataDir, 'deleted-packs'))).toHaveLength(1);

  // The library is usable from the keyboard: the first Tab reaches "New pack", Enter opens its dialog.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'New pack' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New briefing pack' })).toBeVisible();
});

test('a pack that cannot be opened shows why, and the file is untouched', async ({ page, host }) => {
  await copyFile(path.resolve('tests/fixtures/packs/bad/newer-version.briefing'), path.join(host.workspaceDir, 'Future.briefing'));
  await page.goto(`${host.origin}/?pack=Future.briefing${new URL(host.url).hash}`);
  await expect(page.getByRole('heading', { name: 'This pack could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('newer version of Briefing Studio');
});
