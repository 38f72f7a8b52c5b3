import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { HOSTILE_FILES } from '../support/hostileDocx.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';

/**
 * Importing Word documents in the real app (browser host, Chromium): from the library with the
 * preview, into a template, into an open pack, by drag and drop, and the hostile files, each
 * with its message and nothing written. The document is read in the host's worker thread.
 */
const FIXTURES = path.resolve('tests/fixtures/import');
const SHOTS = path.resolve('test-results/import-screenshots');
const packsIn = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.briefing'));

async function chooseFile(page: Page, file: { name: string; buffer: Buffer }) {
  const input = page.getByLabel('Word document to import');
  if (file.buffer.length < 50 * 1024 * 1024) {
    await input.setInputFiles({ name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: file.buffer });
    return;
  }
  // Playwright hands over files of 50 MB or more by path only.
  const onDisk = test.info().outputPath(file.name);
  await writeFile(onDisk, file.buffer);
  await input.setInputFiles(onDisk);
}

const fixture = async (name: string) => ({ name, buffer: await readFile(path.join(FIXTURES, name)) });

test('from the library: the preview shows sections, word counts, front-sheet fields with their source, and what is dropped; Import makes the pack', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'From a Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pack from a Word document' });
  await chooseFile(page, await fixture('docx-library-report.docx'));
  await expect(dialog.getByRole('status')).toContainText('Read “docx-library-report.docx”: 4 parts');
  const parts = dialog.getByRole('table');
  await expect(parts.getByRole('rowheader')).toHaveText([/^Text before the first heading/, /^Summary/, /^Recommendations/, /^Delivery/]);
  await expect(dialog.getByRole('list').first()).toBeVisible();
  const fills = dialog.locator('.import-fills');
  await expect(fills).toContainText('Meeting date3 December 2026 from the front-sheet table: “Date of meeting: 03/12/2026”');
  await expect(fills).toContainText('ClassificationOFFICIAL-SENSITIVE from the page header: “OFFICIAL-SENSITIVE”');
  await expect(fills).toContainText('Schedule 12A paragraphParagraph 3');
  const notes = dialog.locator('.import-notes');
  await expect(notes).toContainText('2 tracked changes were accepted');
  await expect(notes).toContainText('One comment is not brought in.');
  await expect(dialog.getByRole('note')).toContainText('One picture has no alt text');
  expect(await packsIn(host.workspaceDir)).toEqual([]); // nothing written before Import
  await page.screenshot({ path: path.join(SHOTS, 'preview.png') });

  await dialog.getByLabel('Title').fill('Retrofit: cabinet report');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Retrofit: cabinet report', level: 1 })).toBeVisible();
  const outline = page.getByRole('navigation', { name: 'Sections' });
  for (const title of ['Introduction', 'Summary', 'Recommendations', 'Delivery']) await expect(outline.getByText(title, { exact: true })).toBeVisible();
  const [file] = await packsIn(host.workspaceDir);
  const pack = JSON.parse(await readFile(path.join(host.workspaceDir, file!), 'utf8'));
  expect(pack.frontSheet).toMatchObject({ title: 'Retrofit: cabinet report', classification: 'OFFICIAL-SENSITIVE', meeting: { name: 'Cabinet', date: '2026-12-03' }, status: 'draft' });
});

test('into the gamechangers template: headings matched by title, the rest in the chosen section, the choice changeable per part', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New pack' }).click();
  await page.getByRole('dialog', { name: 'New briefing pack' }).getByRole('button', { name: 'From a Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pack from a Word document' });
  await chooseFile(page, await fixture('docx-library-report.docx'));
  await dialog.getByLabel('Template').selectOption({ label: 'The North’s five gamechangers: local angles' });
  await dialog.getByLabel('Parts that match no section go to').selectOption({ label: 'Recommendations' });
  await expect(dialog.getByLabel('Where “Summary” goes')).toHaveValue('t0');
  await expect(dialog.getByLabel('Where “Delivery” goes')).toHaveValue('t6');
  await dialog.getByLabel('Where “text before the first heading” goes').selectOption({ label: 'Leave it out' });
  const planned = dialog.locator('.import-sections li');
  await expect(planned).toHaveCount(7);
  await expect(planned.nth(1)).toContainText('Leading the Green Industrial Revolution — empty');
  await page.screenshot({ path: path.join(SHOTS, 'preview-template.png') });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByText('Leading the Green Industrial Revolution')).toBeVisible();
  const [file] = await packsIn(host.workspaceDir);
  const pack = JSON.parse(await readFile(path.join(host.workspaceDir, file!), 'utf8'));
  expect(pack.template.id).toBe('builtin-gamechangers');
  const recs = JSON.stringify(pack.sections[6].content);
  expect(recs).toContain('Approve the programme.');
  expect(recs).toContain('"text":"Delivery"');
  expect(recs).not.toContain('Report author');
});

test('into an open pack: at the cursor in the current section (undoable), and as new sections', async ({ page, host }) => {
  await writeFile(path.join(host.workspaceDir, 'Feature test pack.briefing'), JSON.stringify({ ...makeFeaturePack(), frontSheet: { ...makeFeaturePack().frontSheet, status: 'draft' } }));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Feature test pack', exact: true }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Connectivity/ }).click();
  const editor = page.locator('[data-section-editor][contenteditable="true"]');
  await editor.getByText('Line two').click();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Insert Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert a Word document' });
  await chooseFile(page, await fixture('pandoc-report.docx'));
  await dialog.getByRole('radio', { name: 'Into “Connectivity”, at the cursor' }).check();
  await expect(dialog.locator('.import-fills')).toHaveCount(0); // the open pack's front sheet is not touched
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inserted the Word document' })).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'Proposals' })).toBeVisible();
  await expect(editor.getByText('Full fibre reaches 71% of homes.')).toBeVisible();
  await expect(editor.locator('ol', { hasText: 'Extend full fibre.' })).toHaveAttribute('start', '3');
  await page.keyboard.press('Control+z');
  await expect(editor.getByRole('heading', { name: 'Proposals' })).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(editor.getByRole('heading', { name: 'Proposals' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await readFile(path.join(host.workspaceDir, 'Feature test pack.briefing'), 'utf8')).includes('Full fibre reaches 71%')).toBe(true);

  await page.getByRole('button', { name: 'Insert Word document…' }).click();
  await chooseFile(page, await fixture('libreoffice-from-odt.docx'));
  await dialog.getByRole('radio', { name: 'As new sections at the end of the pack' }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  const outline = page.getByRole('navigation', { name: 'Sections' });
  await expect(outline.getByText('The local angle', { exact: true })).toBeVisible();
  await expect(outline.getByText('What we ask of Government', { exact: true })).toBeVisible();
  await expect(editor.getByText('People in the borough live about twelve fewer years in good health.')).toBeVisible();
});

test('drag and drop onto the library: the drop target shows, and the dropped document goes straight to its preview', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  const bytes = (await readFile(path.join(FIXTURES, 'libreoffice-from-html.docx'))).toString('base64');
  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'Town centre.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveText('Drop a Word document to make a pack from it');
  await page.screenshot({ path: path.join(SHOTS, 'drop-target.png') });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  const dialog = page.getByRole('dialog', { name: 'New pack from a Word document' });
  await expect(dialog.getByRole('status')).toContainText('Read “Town centre.docx”');
  await expect(dialog.getByLabel('Title')).toHaveValue('Town centre regeneration: Bootle');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Town centre regeneration: Bootle', level: 1 })).toBeVisible();
});

test('hostile files: each gets its plain-English message, nothing is written, and the app keeps working', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'From a Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pack from a Word document' });
  for (const hostile of HOSTILE_FILES) {
    await chooseFile(page, { name: hostile.name, buffer: Buffer.from(await hostile.bytes()) });
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText(hostile.says, { timeout: 30_000 });
    await expect(alert).toContainText(`“${hostile.name}”`);
    await expect(dialog).toContainText('Nothing was imported or saved.');
    if (hostile.reason === 'zip-bomb') await page.screenshot({ path: path.join(SHOTS, 'error.png') });
  }
  expect(await packsIn(host.workspaceDir)).toEqual([]);
  // Still working: a good document after them all imports.
  await chooseFile(page, await fixture('pandoc-report.docx'));
  await expect(dialog.getByRole('status')).toContainText('Read “pandoc-report.docx”');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Digital connectivity in Sefton', level: 1 })).toBeVisible();
  expect(await packsIn(host.workspaceDir)).toEqual(['Digital connectivity in Sefton.briefing']);
});

test('a long import shows its progress and can be cancelled', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'From a Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pack from a Word document' });
  // A real document with 8 MB of (unreadable, random) media: four pieces to send.
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await readFile(path.join(FIXTURES, 'pandoc-report.docx')));
  const { randomBytes } = await import('node:crypto');
  for (let i = 0; i < 2; i++) zip.file(`word/media/extra${i}.bin`, randomBytes(4 * 1024 * 1024), { compression: 'STORE' });
  const big = { name: 'big.docx', buffer: await zip.generateAsync({ type: 'nodebuffer' }) };
  // A slow connection: each piece is answered after half a second, so the sending can be watched.
  const cancelled: string[] = [];
  await page.route('**/api/importUpload', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.route('**/api/importCancel', async (route) => {
    cancelled.push(JSON.parse(route.request().postData() ?? '{}').id);
    await route.continue();
  });
  await chooseFile(page, big);
  const progress = dialog.getByRole('progressbar');
  await expect(dialog).toContainText('Sending the document “big.docx”');
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(20);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cancelled.length).toBe(1); // the pieces already sent are dropped by the host
  await page.unrouteAll({ behavior: 'wait' });
  await page.getByRole('button', { name: 'From a Word document…' }).click();
  await chooseFile(page, big);
  await expect(dialog.getByRole('status')).toContainText('Read “big.docx”', { timeout: 30_000 });
  expect(await packsIn(host.workspaceDir)).toEqual([]);
});
