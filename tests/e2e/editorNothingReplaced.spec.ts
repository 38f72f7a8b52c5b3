import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { blockSummary, gamechangerPack, nodesOfType, openSection, savedSection, selectText, writePackFile } from '../support/editorPage.js';
import type { BrowserHost } from '../support/browserHost.js';

/** Nothing typed is ever replaced by an editing command (issue 12, point 1), in real Chromium. */

async function saved(page: Page, host: BrowserHost, file: string, sectionId: string, expected: string[]) {
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, sectionId))).toEqual(expected);
}

async function insertTable(page: Page) {
  await page.getByRole('toolbar', { name: /Formatting for/ }).getByRole('button', { name: 'Insert table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert table' });
  await dialog.getByLabel('Rows').fill('2');
  await dialog.getByLabel('Columns').fill('2');
  await dialog.getByRole('button', { name: 'Insert table' }).click();
  await expect(dialog).toBeHidden();
}

async function insertPicture(page: Page) {
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 60;
    canvas.height = 30;
    canvas.getContext('2d')!.fillRect(0, 0, 60, 30);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  await page.locator('input[type="file"]').setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  const dialog = page.getByRole('dialog', { name: 'Describe the picture' });
  await dialog.getByLabel('Alternative text').fill('Bus routes in Bootle');
  await dialog.getByRole('button', { name: 'Insert picture' }).click();
  await expect(dialog).toBeHidden();
}

async function start(page: Page, host: BrowserHost, index: number): Promise<{ editor: Locator; file: string; id: string }> {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const id = pack.sections[index]!.id;
  const editor = await openSection(page, host, file, id);
  await editor.click();
  return { editor, file, id };
}

test('after inserting a link, typing goes after it and replaces nothing', async ({ page, host }) => {
  const { editor, file, id } = await start(page, host, 0);
  await page.keyboard.type('Read the white paper');
  await selectText(editor, 'white paper');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Insert link' });
  await dialog.getByLabel('Web address or email').fill('https://www.gov.uk/levelling-up');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(editor).toBeFocused();
  await page.keyboard.type(' today');
  await expect(editor).toHaveText('Read the white paper today');
  await expect(editor.getByRole('link')).toHaveText('white paper');

  // A link put in at the caret, with its own text: typing carries on after it.
  await page.keyboard.type(' or write to ');
  await page.keyboard.press('Control+k');
  await dialog.getByLabel('Web address or email').fill('policy@sefton.gov.uk');
  await dialog.getByLabel('Text to show').fill('the policy team');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await page.keyboard.type('.');
  await expect(editor).toHaveText('Read the white paper today or write to the policy team.');
  await expect(editor.getByRole('link')).toHaveText(['white paper', 'the policy team']);
  await saved(page, host, file, id, ['paragraph: Read the white paper today or write to the policy team.']);
  expect(nodesOfType((await savedSection(host, file, id)).content, 'link').map((l) => (l.children as Array<{ text: string }>).map((t) => t.text).join(''))).toEqual(['white paper', 'the policy team']);
});

test('Shift+Arrow then Ctrl+K at once links exactly the text just selected', async ({ page, host }) => {
  const { editor, file, id } = await start(page, host, 1);
  await page.keyboard.type('Ask Sefton Council');
  // No waiting between the selection and the shortcut: the command must see the new selection.
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'Council'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Insert link' });
  // Text was selected, so the dialog asks only for the address.
  await expect(dialog.getByLabel('Text to show')).toHaveCount(0);
  await dialog.getByLabel('Web address or email').fill('https://www.sefton.gov.uk');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('link')).toHaveText('Council');
  await page.keyboard.type('!');
  await expect(editor).toHaveText('Ask Sefton Council!');
  await saved(page, host, file, id, ['paragraph: Ask Sefton Council!']);
});

test('a table with text selected keeps the text, and goes after the block or splits it at the selection', async ({ page, host }) => {
  const { editor, file, id } = await start(page, host, 2);
  await page.keyboard.type('Local evidence matters here');
  await selectText(editor, 'evidence');
  await insertTable(page);
  await expect(editor).toContainText('Local evidence');
  await expect(editor).toContainText('matters here');
  // Typing goes into the first cell, not over the selected word.
  await page.keyboard.type('Ward');
  await saved(page, host, file, id, ['paragraph: Local evidence', 'table: Ward', 'paragraph:  matters here']);
});

test('a table at the end of a paragraph goes after it, with no empty paragraph above it', async ({ page, host }) => {
  const { file, id } = await start(page, host, 3);
  await page.keyboard.type('Local evidence');
  await insertTable(page);
  await page.keyboard.type('Ward');
  // Below the table, the one place left to type (the export leaves it out while it is empty).
  await saved(page, host, file, id, ['paragraph: Local evidence', 'table: Ward', 'paragraph: ']);
});

test('a picture with text selected keeps the text; at the end of a paragraph it goes after it', async ({ page, host }) => {
  const { editor, file, id } = await start(page, host, 4);
  await page.keyboard.type('Bus routes chart below');
  await selectText(editor, 'routes chart');
  await insertPicture(page);
  await expect(editor.getByRole('img', { name: 'Bus routes in Bootle' })).toBeVisible();
  await saved(page, host, file, id, ['paragraph: Bus routes chart', 'image: ', 'paragraph:  below']);

  // At the end of a paragraph: after it; typing goes on below the picture.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' and more.');
  await insertPicture(page);
  await page.keyboard.type('Caption');
  await saved(page, host, file, id, ['paragraph: Bus routes chart', 'image: ', 'paragraph:  below and more.', 'image: ', 'paragraph: Caption']);
});
