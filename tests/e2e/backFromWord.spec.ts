import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { openSection, readPackFile, writePackFile } from '../support/editorPage.js';
import { reviewedPack } from '../support/reviewPack.js';
import { reviewedInWord } from '../support/reviewedInWord.js';

/**
 * Issue 14, point 7, in the app: Back from Word… brings a reviewed Word copy back into the open
 * pack. Its new comment and tracked changes land on the same words as a thread and suggestions,
 * the pack as it was is kept in History, a second time adds nothing, a wrong file is refused.
 */
test('Back from Word: the reviewer’s comment and changes land on the pack, kept in History first; again adds nothing; a wrong file is refused', async ({ page, host }, testInfo) => {
  const pack = reviewedPack();
  const file = await writePackFile(host, pack, 'Clean energy.briefing');
  const reviewed = testInfo.outputPath('Clean energy (reviewed).docx');
  await writeFile(reviewed, await reviewedInWord(pack));
  await openSection(page, host, file, 's1');

  const opener = page.getByRole('button', { name: 'Back from Word…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Bring back a reviewed Word copy' });
  await expect(dialog.getByRole('button', { name: 'Choose the reviewed copy…' })).toBeFocused();
  expect((await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);

  // A file that is not a Word document: a plain error, nothing changed, the dialog stays.
  const notWord = testInfo.outputPath('notes.docx');
  await writeFile(notWord, 'these are not a Word document');
  await dialog.getByLabel('Reviewed Word copy').setInputFiles(notWord);
  await expect(dialog.getByRole('alert')).toContainText(/not a Word document|could not be read|damaged/i);
  await expect(dialog.getByRole('alert')).not.toContainText(/Error:|at \w+ \(/);
  await page.screenshot({ path: testInfo.outputPath('back-from-word-error.png') });
  expect(Object.keys((await readPackFile(host, file)).review.threads)).toHaveLength(Object.keys(pack.review.threads).length);

  await dialog.getByLabel('Reviewed Word copy').setInputFiles(reviewed);
  await expect(dialog.getByRole('status')).toContainText('Added 1 comment thread, 0 replies and 2 suggested changes.');
  await expect(dialog.getByRole('status')).toContainText('already in the pack');
  await page.screenshot({ path: testInfo.outputPath('back-from-word-report.png') });

  // Saved at once, with the reviewer's thread and suggestions on the right words.
  await expect.poll(async () => Object.values((await readPackFile(host, file)).review.threads).map((t) => t.author.name)).toContain('Lee Office');
  const onDisk = await readPackFile(host, file);
  expect(Object.values(onDisk.review.threads).find((t) => t.author.name === 'Lee Office')).toMatchObject({ sectionId: 's1', quote: 'fair settlement' });
  expect(Object.values(onDisk.review.suggestions).filter((s) => s.author.name === 'Lee Office').map((s) => [s.kind, s.text]).sort()).toEqual([['delete', 'before the meeting'], ['insert', 'sharply ']]);

  // The review panel shows them; the editor marks the words.
  await dialog.getByRole('button', { name: 'Show in the review panel' }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel).toContainText('Say how much we ask for.');
  await expect(panel).toContainText('sharply');
  await expect(page.locator('[data-section-editor="s1"] mark').filter({ hasText: 'fair settlement' })).toHaveCount(1);

  // The pack as it was is a version in History.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('complementary', { name: 'Version history' })).toContainText('Before bringing back a reviewed Word copy');
  await page.getByRole('complementary', { name: 'Version history' }).getByRole('button', { name: 'Close', exact: true }).click();

  // The same copy again: nothing new, nothing changed.
  const threadsBefore = Object.keys((await readPackFile(host, file)).review.threads).length;
  await opener.click();
  await dialog.getByLabel('Reviewed Word copy').setInputFiles(reviewed);
  await expect(dialog.getByRole('status')).toContainText('Nothing new was found, so the pack is unchanged.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(opener).toBeFocused();
  expect(Object.keys((await readPackFile(host, file)).review.threads)).toHaveLength(threadsBefore);
});
