import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumRenderer } from '../../electron/pdf/engine/chromium.js';
import { exportPackToPdf } from '../../electron/pdf/exportPdf.js';
import { PLANTED, plantedPack } from '../fixtures/publication/plantedPack.js';
import { bookmarks, lines, pdfInfo, pdfPages, structureTree, tool } from '../support/pdfTools.js';

/**
 * The PDF, checked as an accessibility auditor would with Debian's tools (there is no veraPDF
 * here): tagged with the title and en-GB; headings, lists, tables with header cells and
 * figures with alt text in reading order; every font embedded; the marking, DRAFT where due
 * and Page X of Y on every page, NOT FOR PUBLICATION only on exempt parts' pages; bookmarks
 * that are the headings; live links; and a file qpdf finds no fault with.
 */
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const tools = ['pdftotext', 'pdfinfo', 'pdffonts', 'qpdf'].every((t) => existsSync(`/usr/bin/${t}`));
const skip = !chromium ? 'Chromium is not installed' : !tools ? 'poppler-utils or qpdf is not installed' : '';

describe.skipIf(skip !== '')(`PDF export checked with poppler and qpdf${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let renderer: ChromiumRenderer;
  let dir: string;
  let draftFull: string;
  let approvedPublic: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdf-checks-'));
    renderer = await ChromiumRenderer.launch(chromium!);
    draftFull = path.join(dir, 'draft-full.pdf');
    const full = await exportPackToPdf({ pack: plantedPack('draft'), options: { version: 'full', tableOfContents: 'always' }, engine: { kind: 'html', renderer } });
    await fs.writeFile(draftFull, full.buffer);
    approvedPublic = path.join(dir, 'approved-public.pdf');
    const pub = await exportPackToPdf({ pack: plantedPack('approved'), options: { version: 'public', tableOfContents: 'always' }, engine: { kind: 'html', renderer } });
    await fs.writeFile(approvedPublic, pub.buffer);
  }, 90_000);
  afterAll(async () => {
    await renderer?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('pdfinfo: tagged, with the report title; the viewer shows the title; language en-GB', async () => {
    const info = await pdfInfo(draftFull);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Port expansion: business case');
    expect(info['Page size']).toMatch(/A4/);
    const tree = await structureTree(await fs.readFile(draftFull));
    expect(tree.lang).toBe('en-GB');
    expect(tree.displayDocTitle).toBe(true);
  });

  it('pdfinfo -struct: headings, lists, tables with column header cells and figures with alt text, in reading order', async () => {
    const { stdout } = await tool('pdfinfo', ['-struct', draftFull]);
    for (const tag of ['H1', 'H2', 'H3', 'L (block)', 'LI (block)', 'Table (block)', 'TH', 'TD', 'Figure', 'Link']) expect(stdout, tag).toContain(tag);
    expect(stdout).toContain('/Scope /Column');
    const { elements } = await structureTree(await fs.readFile(draftFull));
    const sequence = elements.filter((e) => /^(H[1-6]|Figure|Table|L|TH)$/.test(e.tag));
    const figures = sequence.filter((e) => e.tag === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['Map of the port', `Chart of ${PLANTED.alt}`]);
    expect(sequence.filter((e) => e.tag === 'TH').every((th) => th.scope === 'Column')).toBe(true);
    // Reading order: the summary's list, table and map come before the second section's heading.
    const tags = sequence.map((e) => e.tag);
    const firstFigure = tags.indexOf('Figure');
    expect(tags.indexOf('L')).toBeLessThan(tags.indexOf('Table'));
    expect(tags.indexOf('Table')).toBeLessThan(firstFigure);
    expect(tags.slice(0, firstFigure).filter((t) => t === 'H2').length).toBe(1);
  });

  it('pdffonts: every font embedded', async () => {
    const { stdout } = await tool('pdffonts', [draftFull]);
    const rows = stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
  });

  it('pdftotext: marking with DRAFT and the version, Page X of Y on every page; NOT FOR PUBLICATION only on the exempt parts’ pages', async () => {
    const pages = await pdfPages(draftFull);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const marking = 'OFFICIAL \u2013 DRAFT (VERSION 0.4)';
    pages.forEach((page, i) => {
      const l = lines(page);
      expect(l[0], `top of page ${i + 1}`).toBe(marking);
      expect(l.at(-1), `bottom of page ${i + 1}`).toBe(marking);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Port expansion: business case');
      const exemptText = page.includes(PLANTED.bodyText) ? 5 : page.includes(PLANTED.text) ? 3 : null;
      if (exemptText) {
        expect(l[1], `page ${i + 1}`).toBe(`NOT FOR PUBLICATION: SCHEDULE 12A, PARAGRAPH ${exemptText}`);
        expect(l.at(-2)).toBe(`NOT FOR PUBLICATION: SCHEDULE 12A, PARAGRAPH ${exemptText}`);
      } else expect(page, `page ${i + 1}`).not.toContain('NOT FOR PUBLICATION');
    });
    expect(pages.some((p) => p.includes(PLANTED.bodyText))).toBe(true);
    expect(pages.some((p) => p.includes(PLANTED.text))).toBe(true);
    // The cover says DRAFT with the version, and which parts are exempt.
    expect(lines(pages[0]!)).toContain('DRAFT (VERSION 0.4)');
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain('Part exempt: Section 2 (paragraph 5) and Appendix B (paragraph 3) are not for publication');
  });

  it('an approved pack has no DRAFT anywhere; the public version withholds its exempt parts with their notices', async () => {
    const pages = await pdfPages(approvedPublic);
    for (const page of pages) {
      expect(lines(page)[0]).toBe('OFFICIAL');
      expect(page).not.toMatch(/DRAFT/i);
      expect(page).not.toContain('NOT FOR PUBLICATION');
    }
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Appendix B is not for publication because it contains exempt information under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 (information relating to the financial or business affairs of any particular person (including the authority holding that information)).');
    expect(text).toContain('Section 2 is not for publication because it contains exempt information under paragraph 5');
  });

  it('bookmarks are the headings, in order, pointing at their pages; the contents page numbers agree', async () => {
    const marks = await bookmarks(draftFull);
    const { stdout } = await tool('pdfinfo', ['-struct-text', draftFull]);
    const headings: string[] = [];
    const struct = stdout.split('\n');
    struct.forEach((line, i) => {
      if (/^\s*H[1-6] /.test(line)) {
        const text = struct.slice(i + 1, i + 6).find((l) => /^\s*"/.test(l));
        if (text) headings.push(text.trim().slice(1, -1));
      }
    });
    expect(marks.map((m) => m.title)).toEqual(headings);
    expect(marks[0]).toMatchObject({ title: 'Port expansion: business case', depth: 0, page: 1 });
    expect(marks.map((m) => m.title)).toEqual(expect.arrayContaining(['Summary', 'Background', `Appendix B: Commercial costs ${PLANTED.title}`, `Costs ${PLANTED.heading}`]));
    const pages = await pdfPages(draftFull);
    const contents = pages.find((p) => lines(p).includes('Contents'))!;
    for (const mark of marks.filter((m) => m.depth === 1)) {
      const page = pages.findIndex((p) => p.includes(mark.title)) ;
      expect(page, mark.title).toBeGreaterThanOrEqual(0);
      expect(contents.replace(/\s+/g, ' ')).toContain(`${mark.title} ${mark.page}`);
    }
  });

  it('links are live; qpdf --check finds no fault', async () => {
    const { stdout } = await tool('pdfinfo', ['-url', draftFull]);
    expect(stdout).toContain('https://www.example.gov.uk/port');
    for (const file of [draftFull, approvedPublic]) {
      const check = await tool('qpdf', ['--check', file]);
      expect(check.code, check.stdout).toBe(0);
      expect(check.stdout).toContain('No syntax or stream encoding errors found');
    }
  });
});
