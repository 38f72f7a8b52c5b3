import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures.js';
import { RULE_FIXTURES } from '../fixtures/export/accessibilityFixtures.js';
import { makeFeaturePack, TINY_PNG } from '../fixtures/export/featurePack.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';

test('Export to Word: checker problems first, confirm, then a download that is a real Word file', async ({ page, host }, testInfo) => {
  const pack = RULE_FIXTURES.find((f) => f.rule === 'image-alt-text')!.failing.pack;
  pack.frontSheet.title = 'Pack with a picture';
  await writeFile(path.join(host.workspaceDir, 'Pack with a picture.briefing'), JSON.stringify(pack));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Pack with a picture', exact: true }).click();
  await page.getByRole('button', { name: 'Export to Word' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.getByRole('status')).toContainText('1 error and 0 warnings found');
  const problems = dialog.getByRole('list', { name: 'Accessibility problems' });
  await expect(problems).toContainText('Image alt text');
  await expect(problems).toContainText('Section 1 “Local angle”, paragraph 1');
  await expect(problems).toContainText('How to fix:');
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Pack with a picture.docx');
  const saved = testInfo.outputPath('downloaded.docx');
  await file.saveAs(saved);
  expectValidDocx(saved, 'The downloaded Word file');
  const zip = await JSZip.loadAsync(await readFile(saved));
  expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>Pack with a picture</dc:title>');
  await expect(dialog.getByRole('status')).toContainText('Downloaded “Pack with a picture.docx”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // From a problem, "Go to section" closes the dialog and brings the section into view.
  await page.getByRole('button', { name: 'Export to Word' }).click();
  await dialog.getByRole('button', { name: 'Go to section' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-outline-section="sec"]')).toBeFocused();
});

test('Export to Word with no errors goes straight to Export, and reports content it had to simplify', async ({ page, host }) => {
  await writeFile(path.join(host.workspaceDir, 'Feature test pack.briefing'), JSON.stringify(makeFeaturePack()));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Feature test pack', exact: true }).click();
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.getByRole('status')).toContainText('0 errors and 1 warning found');
  await dialog.getByLabel('Table of contents').selectOption('always');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await download;
  await expect(dialog).toContainText('Some content could not be exported exactly');
  await expect(dialog).toContainText('collapsible-container');
});

test('House style: council name, logo and accent colour are saved in settings and used by the export', async ({ page, host }, testInfo) => {
  await writeFile(path.join(host.workspaceDir, 'Feature test pack.briefing'), JSON.stringify(makeFeaturePack()));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Feature test pack', exact: true }).click();
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByRole('button', { name: 'House style…' }).click();
  const form = page.getByRole('form', { name: 'House style' });
  await form.getByLabel('Council name').fill('Sefton Council');
  const png = Buffer.from(TINY_PNG.split(',')[1]!, 'base64');
  await form.getByLabel(/^Logo \(PNG or JPEG/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await form.getByLabel('Logo alt text').fill('Sefton Council logo');
  await form.getByLabel('Accent colour').fill('#a0c4ff');
  await expect(form).toContainText('too light for headings');
  await page.screenshot({ path: testInfo.outputPath('house-style.png') });
  await form.getByLabel('Accent colour').fill('#12365f');
  await expect(form).toContainText('(meets 4.5:1)');
  await form.getByRole('button', { name: 'Save house style' }).click();
  await expect(dialog.getByRole('status')).toContainText('found');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = testInfo.outputPath('styled.docx');
  await (await download).saveAs(saved);
  const zip = await JSZip.loadAsync(await readFile(saved));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Sefton Council');
  expect(xml).toMatch(/<wp:docPr [^>]*descr="Sefton Council logo"/);
  expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:color w:val="12365F"');
  const settings = JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8'));
  expect(settings.branding).toMatchObject({ councilName: 'Sefton Council', accentColour: '#12365F' });
});
