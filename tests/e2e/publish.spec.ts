import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { test, expect } from './fixtures.js';
import { agendaPacks, publicReport } from '../fixtures/publication/agendaPacks.js';
import { PLANTED } from '../fixtures/publication/plantedPack.js';
import { paragraph, stateOf, text } from '../support/referencePack.js';
import { scanDocx, scanPdf } from '../support/leakScan.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';

/**
 * Publishing from the app, as democratic services would: mark an appendix exempt, export the
 * public and full versions, see DRAFT only on drafts, make a PDF, print, and make the
 * meeting's agenda pack. PDFs are made by the browser host with Debian's Chromium.
 */
const run = promisify(execFile);
const pdfText = async (file: string) => (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
const SECRET = 'ZQXAPPENDIXSECRET';

function packWithAppendix() {
  const pack = publicReport('Leisure centre contract');
  pack.frontSheet.status = 'draft';
  pack.frontSheet.version = '0.3';
  pack.sections.push({ id: 'bids', title: 'Tender prices', guidance: '', content: stateOf([paragraph([text(`The lowest bid was from ${SECRET} Ltd.`)])]) as never });
  return pack;
}

test('mark an appendix exempt, then export the public and the full version from the export dialogs', async ({ page, host }, testInfo) => {
  await writeFile(path.join(host.workspaceDir, 'Leisure centre contract.briefing'), JSON.stringify(packWithAppendix()));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Leisure centre contract', exact: true }).click();
  const outline = page.getByRole('navigation', { name: 'Sections' });
  await outline.getByRole('button', { name: /Tender prices/ }).click();
  await page.getByRole('button', { name: 'Settings for Tender prices' }).click();
  const settings = page.getByRole('dialog', { name: 'Section settings: Tender prices' });
  await settings.getByLabel('Appendix').check();
  await settings.getByLabel(/Exempt information: not for publication/).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('alert')).toContainText('Choose the paragraph');
  await settings.getByLabel('Schedule 12A paragraph').selectOption('3');
  await expect(settings).toContainText('Information relating to the financial or business affairs of any particular person');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect(outline).toContainText('Appendix A');
  await expect(outline).toContainText('Exempt ¶3');
  await outline.getByRole('button', { name: 'Front sheet' }).click();
  await expect(page.getByTestId('part-exempt')).toContainText('Part exempt. Appendix A (paragraph 3) is not for publication');
  await page.screenshot({ path: testInfo.outputPath('part-exempt.png') });

  // Public version, Word.
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const word = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(word).toContainText('every page will say DRAFT (version 0.3)');
  await word.getByLabel('Version').selectOption('public');
  let download = page.waitForEvent('download');
  await word.getByRole('button', { name: /^Export/ }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('Leisure centre contract (public).docx');
  const publicDocx = testInfo.outputPath('public.docx');
  await file.saveAs(publicDocx);
  expect(scanDocx(await readFile(publicDocx), [SECRET, 'Tender prices'], file.suggestedFilename())).toEqual([]);
  expectValidDocx(await readFile(publicDocx));
  const xml = await (await JSZip.loadAsync(await readFile(publicDocx))).file('word/document.xml')!.async('string');
  expect(xml).toContain('Appendix A is not for publication because it contains exempt information under paragraph 3 of Part 1 of Schedule 12A');
  await word.getByRole('button', { name: 'Close' }).click();

  // Full version, PDF: the appendix is there, on pages marked NOT FOR PUBLICATION.
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  const pdf = page.getByRole('dialog', { name: 'Export to PDF' });
  await expect(pdf.getByLabel('Version')).toHaveValue('full');
  download = page.waitForEvent('download');
  await pdf.getByRole('button', { name: /^Export/ }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('Leisure centre contract (full - not for publication).pdf');
  const fullPdf = testInfo.outputPath('full.pdf');
  await file.saveAs(fullPdf);
  const pages = (await pdfText(fullPdf)).split('\f');
  const appendixPage = pages.find((p) => p.includes(SECRET))!;
  expect(appendixPage).toContain('NOT FOR PUBLICATION: SCHEDULE 12A, PARAGRAPH 3');
  expect(pages[0]).not.toContain('NOT FOR PUBLICATION: SCHEDULE');
});

test('DRAFT on every page of a draft, none on an approved pack (PDF made by the browser host)', async ({ page, host }, testInfo) => {
  const draft = publicReport('Draft report');
  draft.frontSheet.status = 'draft';
  draft.frontSheet.version = '0.2';
  await writeFile(path.join(host.workspaceDir, 'Draft report.briefing'), JSON.stringify(draft));
  await writeFile(path.join(host.workspaceDir, 'Approved report.briefing'), JSON.stringify(publicReport('Approved report')));
  await page.goto(host.url);
  for (const [title, drafted] of [['Draft report', true], ['Approved report', false]] as const) {
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.getByRole('button', { name: 'Export to PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to PDF' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Export/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${title}.pdf`);
    const saved = testInfo.outputPath(`${title}.pdf`);
    await file.saveAs(saved);
    const pages = (await pdfText(saved)).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      const first = p.split('\n').map((l) => l.trim()).find(Boolean);
      expect(first, `${title} page ${i + 1}`).toBe(drafted ? 'OFFICIAL \u2013 DRAFT (VERSION 0.2)' : 'OFFICIAL');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    if (!drafted) expect(pages.join('')).not.toMatch(/DRAFT/i);
    await expect(dialog.getByRole('status')).toContainText(`Downloaded “${title}.pdf”`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: '← Library' }).click();
  }
});

test('Ctrl+P prints the pack: the same pages as the PDF, in a frame printed by the browser', async ({ page, host }) => {
  await writeFile(path.join(host.workspaceDir, 'Print me.briefing'), JSON.stringify(publicReport('Print me')));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Print me', exact: true }).click();
  await page.evaluate(() => {
    (window as unknown as { printed: string[] }).printed = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLIFrameElement) (window as unknown as { printed: string[] }).printed.push(n.srcdoc);
    }).observe(document.body, { childList: true });
  });
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Print' });
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to the printer');
  const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed);
  expect(printed).toHaveLength(1);
  expect(printed[0]).toContain('<title>Print me</title>');
  expect(printed[0]).toContain('counter(page) " of " counter(pages)');
  expect(printed[0]).toContain('<h1 id="r-title">Print me</h1>');
});

test('agenda pack of three packs, one exempt: public and full, PDF and Word, from the library', async ({ page, host }, testInfo) => {
  const [one, two, three] = agendaPacks();
  await writeFile(path.join(host.workspaceDir, 'A town centre.briefing'), JSON.stringify(one));
  await writeFile(path.join(host.workspaceDir, 'B docks land.briefing'), JSON.stringify(two));
  await writeFile(path.join(host.workspaceDir, 'C port.briefing'), JSON.stringify(three));
  await page.goto(host.url);
  for (const title of [one!.frontSheet.title, two!.frontSheet.title, three!.frontSheet.title]) await page.getByLabel(`Choose ${title} for the agenda pack`).check();
  await page.getByRole('button', { name: 'Agenda pack (3)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agenda pack' });
  // Put them in agenda order: town centre, docks, port (the library lists newest first).
  const items = dialog.getByRole('list', { name: 'Items, in agenda order' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  const wanted = [one!.frontSheet.title, two!.frontSheet.title, three!.frontSheet.title];
  for (let round = 0; round < 3; round++) {
    const shown = await items.allTextContents();
    for (let i = 0; i < wanted.length; i++) {
      const at = shown.findIndex((t) => t.startsWith(wanted[i]!));
      if (at > i) await dialog.getByRole('button', { name: `Move ${wanted[i]} up` }).click();
    }
  }
  expect((await items.allTextContents()).map((t) => t.replace(/↑↓Remove$/, ''))).toEqual(wanted);
  await expect(dialog.getByLabel('Meeting', { exact: true })).toHaveValue('Cabinet');
  await dialog.getByRole('button', { name: 'Make agenda pack' }).click();
  await expect(dialog.getByRole('status')).toContainText('Download each file', { timeout: 60_000 });
  const names = ['Cabinet 2026-12-03 agenda pack (public).pdf', 'Cabinet 2026-12-03 agenda pack (public).docx', 'Cabinet 2026-12-03 agenda pack (full - not for publication).pdf', 'Cabinet 2026-12-03 agenda pack (full - not for publication).docx'];
  const saved: Record<string, string> = {};
  for (const name of names) {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: `Download ${name}` }).click();
    saved[name] = testInfo.outputPath(name);
    await (await download).saveAs(saved[name]!);
  }
  await page.screenshot({ path: testInfo.outputPath('agenda-dialog.png') });
  const planted = Object.values(PLANTED);
  expect(await scanPdf(saved[names[0]!]!, planted)).toEqual([]);
  expect(scanDocx(await readFile(saved[names[1]!]!), planted)).toEqual([]);
  expectValidDocx(await readFile(saved[names[1]!]!));
  expectValidDocx(await readFile(saved[names[3]!]!));
  const pages = (await pdfText(saved[names[0]!]!)).split('\f').filter((p) => p.trim());
  const agenda = pages[0]!;
  for (const [i, title] of wanted.entries()) {
    const match = new RegExp(`Item ${i + 1}\\s+${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 25)}[\\s\\S]*?Page (\\d+)`).exec(agenda);
    expect(match, title).not.toBeNull();
    const start = Number(match![1]);
    expect(pages[start - 1], `item ${i + 1} starts on page ${start}`).toContain(`Item ${i + 1}: ${title.slice(0, 20)}`);
  }
  expect(agenda).toContain('Exempt (paragraph');
  pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  expect(pages.join('\n').replace(/\s+/g, ' ')).toContain('This report is not for publication because it contains exempt information under paragraph 3');
  const fullText = await pdfText(saved[names[2]!]!);
  expect(fullText).toContain(PLANTED.text);
  expect(fullText).toContain('NOT FOR PUBLICATION: SCHEDULE 12A, PARAGRAPH 3');
});
