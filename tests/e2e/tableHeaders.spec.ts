import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { gamechangerPack, nodesOfType, openSection, savedSection, writePackFile } from '../support/editorPage.js';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
/** A table as an old or pasted one may be: no header row. */
const plainTable = (rows: string[][]) =>
  el('table', rows.map((r) => el('tablerow', r.map((t) => el('tablecell', [el('paragraph', [text(t)])], { headerState: 0, colSpan: 1, rowSpan: 1 })))));

async function exportProblems(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.getByRole('status')).toContainText('found');
  const problems = dialog.getByRole('list', { name: 'Accessibility problems' });
  const found = (await problems.count()) ? await problems.innerText() : '';
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  return found;
}

test('a table without a header row: “Header row” from the right-click menu makes the accessibility error go away', async ({ page, host }) => {
  const pack = gamechangerPack();
  pack.sections[0]!.content = { root: el('root', [el('paragraph', [text('Homes by ward.')]), plainTable([['Ward', 'Homes'], ['Linacre', '4,210'], ['Ford', '3,050']])]) } as never;
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  const editor = await openSection(page, host, file, section.id);
  expect(await exportProblems(page)).toContain('Table header row');

  await editor.locator('td', { hasText: 'Linacre' }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Table' });
  await expect(menu).toBeVisible();
  const headerRow = menu.getByRole('menuitemcheckbox', { name: 'Header row' });
  await expect(headerRow).toBeFocused();
  await expect(headerRow).toHaveAttribute('aria-checked', 'false');
  await headerRow.click();
  await expect(menu).toBeHidden();
  await expect(editor.locator('tr').first().locator('th')).toHaveText(['Ward', 'Homes']);
  await expect(editor.locator('th')).toHaveCount(2);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'tablecell').map((c) => c.headerState)).toEqual([1, 1, 0, 0, 0, 0]);
  expect(await exportProblems(page)).not.toContain('Table header row');

  // The toolbar shows it and turns it off again; Header column marks the first column.
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await editor.locator('td', { hasText: 'Ford' }).click();
  await expect(toolbar.getByRole('button', { name: 'Header row' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Header row' }).click();
  await expect(editor.locator('th')).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Header column' }).click();
  await expect(toolbar.getByRole('button', { name: 'Header column' })).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.locator('th')).toHaveText(['Ward', 'Linacre', 'Ford']);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'tablecell').map((c) => c.headerState)).toEqual([2, 0, 2, 0, 2, 0]);
  expect(await exportProblems(page)).toContain('Table header row');
});

test('the table menu adds and removes rows and columns, from the keyboard too', async ({ page, host }) => {
  const pack = gamechangerPack();
  pack.sections[1]!.content = { root: el('root', [plainTable([['Measure', 'Sefton'], ['Jobs', '1,200']])]) } as never;
  const file = await writePackFile(host, pack);
  const section = pack.sections[1]!;
  const editor = await openSection(page, host, file, section.id);
  await editor.locator('td', { hasText: 'Jobs' }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Table' });
  await menu.getByRole('menuitem', { name: 'Insert row above' }).click();
  await expect(editor.locator('tr')).toHaveCount(3);
  await expect(editor.locator('tr').nth(2)).toHaveText('Jobs1,200');

  // Keyboard: the Menu key in a cell opens it; arrows move; Enter chooses; Escape closes.
  await editor.locator('td', { hasText: 'Sefton' }).click();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End'); // Delete column
  await expect(menu.getByRole('menuitem', { name: 'Delete column' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.locator('tr').first()).toHaveText('Measure');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'tablerow').map((r) => (r.children as unknown[]).length)).toEqual([1, 1, 1]);
});
