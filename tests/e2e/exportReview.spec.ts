import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './fixtures.js';
import { writePackFile } from '../support/editorPage.js';
import { reviewedPack } from '../support/reviewPack.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';

/**
 * The export dialog's "Comments and changes" choice (issue 14, point 6): a pack under review
 * offers "With comments and tracked changes" first; "Final" lists each open suggestion with
 * where it is and will not export until they are settled.
 */
test('Export to Word: Final lists the open suggestions; with comments and tracked changes downloads a review copy', async ({ page, host }, testInfo) => {
  const file = await writePackFile(host, reviewedPack(), 'Reviewed.briefing');
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  const choice = dialog.getByLabel('Comments and changes');
  await expect(choice).toHaveValue('markup');

  await choice.selectOption('final');
  await expect(dialog.getByRole('alert')).toContainText('4 suggested changes are still open');
  const list = dialog.getByRole('list', { name: 'Suggested changes to settle' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list).toContainText('Section 1 “Summary”, paragraph 1: Suggested insertion “and skills” is still open');
  await expect(dialog.getByRole('button', { name: /^Export/ })).toBeDisabled();
  expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('export-final-unsettled.png') });

  await choice.selectOption('markup');
  await expect(list).toBeHidden();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export/ }).click();
  const saved = testInfo.outputPath('review.docx');
  await (await download).saveAs(saved);
  expectValidDocx(saved, 'The downloaded review copy');
  const zip = unzipSync(new Uint8Array(await readFile(saved)));
  expect(strFromU8(zip['word/comments.xml']!)).toContain('The 2025 skills survey.');
  expect(strFromU8(zip['word/document.xml']!)).toContain('<w:delText xml:space="preserve">very strongly </w:delText>');
});
