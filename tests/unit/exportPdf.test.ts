import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';
import { makeReferencePack } from '../support/referencePack.js';

/**
 * The exported file as LibreOffice lays it out: converted to PDF with soffice (its own profile
 * folder, so parallel runs do not clash) and read back with pdftotext, page by page.
 */
const run = promisify(execFile);
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const pdftotext = existsSync('/usr/bin/pdftotext');
const skipReason = !soffice ? 'LibreOffice (libreoffice-writer-nogui) is not installed' : !pdftotext ? 'pdftotext (poppler-utils) is not installed' : '';

let dir: string;

async function toPdfPages(name: string, buffer: Buffer): Promise<string[]> {
  const docx = path.join(dir, `${name}.docx`);
  await fs.writeFile(docx, buffer);
  const profile = path.join(dir, `profile-${name}`);
  await run(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 170_000 });
  const { stdout } = await run('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends each page with a form feed.
  return stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

describe.skipIf(skipReason !== '')(`Word export laid out by LibreOffice${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-pdf-'));
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('puts the classification marking on every page (top and bottom) and the headings in order', { timeout: 180_000 }, async () => {
    const { buffer } = await exportPackToDocx({ pack: makeFeaturePack(), options: { tableOfContents: 'always' } });
    const pages = await toPdfPages('feature', buffer);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `top of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `bottom of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Feature test pack');
      expect(page).toContain('Version 2.1');
    });
    const body = pages.slice(2).join('\n');
    const order = ['Leading the Green Industrial Revolution', 'Local angle', 'First numbered list', 'Local evidence', 'Connectivity', 'What we ask'];
    let at = -1;
    for (const heading of order) {
      const next = body.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    // The contents page shows its entries (filled in at export, with page numbers).
    expect(pages[1]).toMatch(/Contents/);
    expect(pages[1]).toMatch(/Local evidence\s*\.+\s*3/);
  });

  it('marks every page of the reference pack (about 55,000 words)', { timeout: 180_000 }, async () => {
    const { buffer } = await exportPackToDocx({ pack: makeReferencePack() });
    const pages = await toPdfPages('reference', buffer);
    expect(pages.length).toBeGreaterThan(100);
    // The reference pack is for review, so not approved: DRAFT and its version beside the marking.
    const marking = 'OFFICIAL \u2013 DRAFT (VERSION 1.2)';
    const unmarked = pages.map((page, i) => ({ page: i + 1, lines: page.split('\n').map((l) => l.trim()).filter(Boolean) })).filter(({ lines }) => lines[0] !== marking || lines.at(-1) !== marking);
    expect(unmarked.map((u) => u.page)).toEqual([]);
    // The body starts on a page of its own after the contents, and the sections follow in order.
    const lines = pages.map((page) => page.split('\n').map((l) => l.trim()).filter(Boolean));
    const bodyStart = lines.findIndex((l, i) => i > 0 && l[1] === 'Summary');
    expect(bodyStart).toBeGreaterThan(1);
    const body = pages.slice(bodyStart).join('\n');
    const sections = ['Summary', 'Recommendations', 'Leading the Green Industrial Revolution', 'Closing the education and skills gap', 'Increasing private and public investment in R&D'];
    let at = -1;
    for (const title of sections) {
      const next = body.indexOf(`\n${title}`, at + 1) >= 0 ? body.indexOf(title, at + 1) : -1;
      expect(next, title).toBeGreaterThan(at);
      at = next;
    }
  });
});
