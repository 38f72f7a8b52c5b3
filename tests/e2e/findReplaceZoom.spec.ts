import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { gamechangerPack, openSection, readPackFile, writePackFile } from '../support/editorPage.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';

const sectionText = async (host: Parameters<typeof readPackFile>[0], file: string, index: number) => plainTextOf((await readPackFile(host, file)).sections[index]!.content);

test('find across the pack: count, next and previous switch sections, match case, whole words, matches highlighted', async ({ page, host }) => {
  const pack = gamechangerPack('Find test');
  pack.sections[0]!.content = editorStateFromParagraphs(['Skills for the borough.', 'The Borough council and the boroughs nearby.']);
  pack.sections[1]!.content = editorStateFromParagraphs(['Nothing to see here.']);
  pack.sections[2]!.content = editorStateFromParagraphs(['A borough-wide plan for the borough.']);
  const file = await writePackFile(host, pack);
  const [first, , third] = pack.sections;
  const editor = await openSection(page, host, file, first!.id);
  await editor.click();

  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Find in this pack' });
  await expect(box).toBeFocused();
  await page.keyboard.type('borough');
  const count = page.locator('#find-count');
  // "borough" ×2 and "boroughs" in the first section, ×2 in the third.
  await expect(count).toHaveText('1 of 5');
  // Every match in the open section is highlighted (CSS Custom Highlight API), the current one apart.
  await expect.poll(() => page.evaluate(() => [CSS.highlights.get('briefing-find')?.size ?? 0, CSS.highlights.get('briefing-find-current')?.size ?? 0])).toEqual([2, 1]);
  const currentText = () =>
    page.evaluate(() => {
      const r = [...CSS.highlights.get('briefing-find-current')!][0]!;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  expect(await currentText()).toBe('borough');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('3 of 5');
  // Next goes on into the third section (the second has none), which opens; focus stays in the box.
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('4 of 5');
  await expect(page.locator(`[data-section-editor="${third!.id}"]`)).toBeVisible();
  await expect(box).toBeFocused();
  // Wraps round at the end, and Shift+Enter goes back.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 5');
  await expect(page.locator(`[data-section-editor="${first!.id}"]`)).toBeVisible();
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('5 of 5');

  await page.getByLabel('Match case').check();
  await box.fill('Borough');
  await expect(count).toHaveText('1 of 1');
  await page.getByLabel('Match case').uncheck();
  await page.getByLabel('Whole words').check();
  await expect(count).toHaveText(/of 4$/);
  await box.fill('no such words');
  await expect(count).toHaveText('No matches');

  // Escape closes the bar; the caret goes back to the text, with the match selected when there is one.
  await box.fill('Skills');
  await expect(count).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(page.locator(`[data-section-editor="${first!.id}"]`)).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Skills');
  expect(await page.evaluate(() => CSS.highlights.get('briefing-find')?.size ?? 0)).toBe(0);
});

test('replace one and replace all across sections, each section undone with one Ctrl+Z', async ({ page, host }) => {
  const pack = gamechangerPack('Replace test');
  pack.sections[0]!.content = editorStateFromParagraphs(['The council will ask. The council will act.']);
  pack.sections[2]!.content = editorStateFromParagraphs(['Our council, the council of Sefton.']);
  const file = await writePackFile(host, pack);
  const [first, , third] = pack.sections;
  const editor = await openSection(page, host, file, first!.id);
  await editor.click();

  await page.keyboard.press('Control+h');
  await expect(page.getByRole('searchbox', { name: 'Find in this pack' })).toBeFocused();
  await page.keyboard.type('council');
  await expect(page.locator('#find-count')).toHaveText('1 of 4');
  await page.getByRole('textbox', { name: 'Replace with' }).fill('Council');
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(editor).toContainText('The Council will ask. The council will act.');
  // Matching is not case-sensitive, so the replaced word is still a match: 2 of 4, not 1 of 3.
  await expect(page.locator('#find-count')).toHaveText('2 of 4');

  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.getByRole('search').getByRole('status').last()).toHaveText(/Replaced 4 in 2 sections/);
  await expect(editor).toContainText('The Council will ask. The Council will act.');
  await page.keyboard.press('Control+s');
  await expect.poll(() => sectionText(host, file, 2)).toBe('Our Council, the Council of Sefton.');

  // One Ctrl+Z in the open section takes the whole replacement out of it.
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor).toContainText('The Council will ask. The council will act.');
  // The third section was changed while closed: one Ctrl+Z there too.
  await page.locator(`[data-section-id="${third!.id}"]`).click();
  const thirdEditor = page.locator(`[data-section-editor="${third!.id}"]`);
  await expect(thirdEditor).toHaveAttribute('contenteditable', 'true');
  await thirdEditor.click();
  await page.keyboard.press('Control+z');
  await expect(thirdEditor).toContainText('Our council, the council of Sefton.');
  await page.keyboard.press('Control+s');
  await expect.poll(() => sectionText(host, file, 2)).toBe('Our council, the council of Sefton.');
  expect(await sectionText(host, file, 0)).toBe('The Council will ask. The council will act.');
});

test('zoom the writing area with Ctrl+plus, minus and 0 and with the control; remembered after a reload', async ({ page, host }) => {
  const pack = gamechangerPack('Zoom test');
  pack.sections[0]!.content = editorStateFromParagraphs(['Text to read larger.']);
  const file = await writePackFile(host, pack);
  const first = pack.sections[0]!;
  const editor = await openSection(page, host, file, first.id);
  const zoomOf = () => page.locator('.ed-surface').evaluate((el) => getComputedStyle(el).zoom);
  const select = page.getByRole('combobox', { name: 'Zoom' });
  await expect(select).toHaveValue('100');
  const before = (await editor.boundingBox())!.height;
  await editor.click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(select).toHaveValue('125');
  expect(await zoomOf()).toBe('1.25');
  // The text really is larger, and the page itself (the browser's zoom) is not.
  expect((await editor.boundingBox())!.height).toBeGreaterThan(before * 1.1);
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
  await page.keyboard.press('Control+-');
  await expect(select).toHaveValue('110');
  await page.keyboard.press('Control+0');
  await expect(select).toHaveValue('100');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(select).toHaveValue('110');
  await select.selectOption('150');
  expect(await zoomOf()).toBe('1.5');
  // Remembered in the settings: a reload opens at 150%.
  await expect.poll(async () => JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8').catch(() => '{}')).screenPrefs?.zoom).toBe(150);
  await openSection(page, host, file, first.id);
  await expect(select).toHaveValue('150');
  expect(await zoomOf()).toBe('1.5');
});
