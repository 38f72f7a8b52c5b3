import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';

/**
 * Issue 14, point 5: the template sets the sign-offs a pack needs, and template owners change
 * the list: here in a pack (rename, make optional, remove, add, reorder), then saved as a
 * template, whose next pack asks for the same list.
 */
const packFile = async (dir: string, title: string) => JSON.parse(await readFile(path.join(dir, (await readdir(dir)).find((f) => f.startsWith(title) && f.endsWith('.briefing'))!), 'utf8'));

test('change the sign-offs a pack needs, keyboard only; saved as a template, new packs ask for the same list', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New pack' }).click();
  const gallery = page.getByRole('dialog', { name: 'New briefing pack' });
  await gallery.getByRole('radio', { name: /The North’s five gamechangers: local angles/ }).check();
  await gallery.getByLabel('Title').fill('Clearance owner pack');
  await gallery.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('sign-off-summary')).toHaveText('0 of 4 cleared on the current content');

  await page.locator('.sign-offs summary').click();
  const change = page.getByRole('button', { name: 'Change the sign-offs…' });
  await change.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign-offs this pack needs' });
  await expect(dialog.getByLabel('Name')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('sign-off-list-open.png') });
  const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')}`)).toEqual([]);

  await dialog.getByLabel('Name').nth(0).fill('Executive Director of Place');
  await dialog.getByRole('button', { name: 'Remove Monitoring Officer' }).click();
  await dialog.getByLabel('Required for approval: Lead Cabinet Member').uncheck();
  await dialog.getByRole('button', { name: '+ Add a sign-off' }).click();
  // The new row's name field has the focus: typed straight in.
  await expect(dialog.getByLabel('Name').nth(3)).toBeFocused();
  // An empty name is refused in plain words, nothing saved.
  await dialog.getByRole('button', { name: 'Save sign-offs' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Sign-off 4 has no name. Give it one (for example “Chief Finance Officer (s151)”), or remove it.');
  await page.keyboard.type('Equalities officer');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Move Equalities officer up' }).click();
  await page.screenshot({ path: test.info().outputPath('sign-off-list.png') });
  await dialog.getByRole('button', { name: 'Save sign-offs' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(change).toBeFocused();

  await expect(page.getByTestId('sign-off-summary')).toHaveText('0 of 4 cleared on the current content');
  await expect(page.getByTestId('sign-off').locator('strong')).toHaveText(['Executive Director of Place', 'Chief Finance Officer (s151)', 'Equalities officer', 'Lead Cabinet Member']);
  await expect(page.getByTestId('sign-off').filter({ hasText: 'Lead Cabinet Member' })).toContainText('(optional)');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const expected = [
    { id: 'director', kind: 'director', title: 'Executive Director of Place', required: true },
    { id: 's151', kind: 's151', title: 'Chief Finance Officer (s151)', required: true },
    { id: 'other', kind: 'other', title: 'Equalities officer', required: true },
    { id: 'lead-member', kind: 'lead-member', title: 'Lead Cabinet Member', required: false },
  ];
  await expect.poll(async () => (await packFile(host.workspaceDir, 'Clearance owner pack')).clearance.required).toEqual(expected);

  // Saved as a template: the next pack from it asks for the same four.
  await page.getByRole('button', { name: 'Save as template' }).click();
  const save = page.getByRole('dialog', { name: 'Save pack as template' });
  await save.getByLabel('Template name').fill('Place directorate report');
  await save.getByLabel('Version').fill('1.0');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('dialog', { name: 'Template saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'New pack' }).click();
  await gallery.getByRole('radio', { name: /Place directorate report/ }).check();
  await gallery.getByLabel('Title').fill('From the owner template');
  await gallery.getByRole('button', { name: 'Create' }).click();
  await page.locator('.sign-offs summary').click();
  await expect(page.getByTestId('sign-off').locator('strong')).toHaveText(['Executive Director of Place', 'Chief Finance Officer (s151)', 'Equalities officer', 'Lead Cabinet Member']);
  expect((await packFile(host.workspaceDir, 'From the owner template')).clearance.required).toEqual(expected);

  // All taken off: the pack says none are needed and can add them back.
  await page.getByRole('button', { name: 'Change the sign-offs…' }).click();
  for (const name of ['Executive Director of Place', 'Chief Finance Officer (s151)', 'Equalities officer', 'Lead Cabinet Member']) await dialog.getByRole('button', { name: `Remove ${name}` }).click();
  await dialog.getByRole('button', { name: 'Save sign-offs' }).click();
  await expect(page.locator('.sign-offs')).toContainText('Sign-offs none needed for this pack');
  await page.getByRole('button', { name: 'Change the sign-offs…' }).click();
  await dialog.getByRole('button', { name: 'Use the usual four' }).click();
  await dialog.getByRole('button', { name: 'Save sign-offs' }).click();
  await expect(page.getByTestId('sign-off-summary')).toHaveText('0 of 4 cleared on the current content');
});
