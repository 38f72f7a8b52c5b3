import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { assertNoExemptWords, exemptOnlyWords, findLeaks } from '../../electron/export/publication/leakGuard.js';
import { exportNameFor } from '../../electron/export/writeDocx.js';
import { ChromiumRenderer } from '../../electron/pdf/engine/chromium.js';
import { LibreOfficeConverter } from '../../electron/pdf/engine/libreOffice.js';
import { exportPackToPdf } from '../../electron/pdf/exportPdf.js';
import { IN_CONTENT, PLANTED, plantedPack, wholeExemptPack } from '../fixtures/publication/plantedPack.js';
import { scanDocx, scanPdf } from '../support/leakScan.js';

/**
 * The exempt-leak guarantee: no word of an exempt part reaches the public version anywhere.
 * Marker words are planted in every place a word can be in an exempt part (plantedPack.ts);
 * each export is read back by independent tools (leakScan.ts). The full version is scanned the
 * same way and must show the words that the document itself carries, which proves the scan
 * finds them where they are.
 */
const ALL = Object.values(PLANTED);
const CONTENT_WORDS = IN_CONTENT.map((k) => PLANTED[k]);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/qpdf');

describe('the leak scan itself', () => {
  it('finds a word in any part of a Word file: comments, properties, link targets, pictures, runs split mid-word, the file name', () => {
    const docx = zipSync({
      'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>ZQX</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>SPLITWORD</w:t></w:r></w:p></w:body></w:document>'),
      'word/comments.xml': strToU8('<w:comments><w:comment w:author="A"><w:p><w:r><w:t>Check ZQXCOMMENTWORD</w:t></w:r></w:p></w:comment></w:comments>'),
      'docProps/custom.xml': strToU8('<Properties><property name="x"><vt:lpwstr>ZQXTITLEWORD</vt:lpwstr></property></Properties>'),
      'word/_rels/document.xml.rels': strToU8('<Relationships><Relationship Target="https://example.org/zqxlinkurlword"/></Relationships>'),
      'word/media/image1.png': Buffer.from('\x89PNG....tEXtComment\0ZQXPICTUREWORD', 'latin1'),
    });
    const found = scanDocx(docx, ALL, 'Report ZQXALTWORD.docx');
    const words = new Set(found.map((f) => f.word));
    expect([...words].sort()).toEqual(['ZQXALTWORD', 'ZQXCOMMENTWORD', 'ZQXPICTUREWORD', 'ZQXSPLITWORD', 'ZQXTITLEWORD', 'zqxlinkurlword'].sort());
    expect(found.find((f) => f.word === 'ZQXCOMMENTWORD')!.where).toMatch(/^word\/comments\.xml/);
    expect(found.find((f) => f.word === 'ZQXALTWORD')!.where).toBe('file name');
  });
});

describe('the leak guard in the exporter', () => {
  it('knows every word found only in exempt parts, and none from the public parts or its own wording', () => {
    const words = exemptOnlyWords(plantedPack());
    // (The picture's own bytes are checked by comparing pictures, not words.)
    for (const word of ALL.filter((w) => w !== PLANTED.picture)) expect(words, word).toContain(word.toLowerCase());
    for (const open of ['cabinet', 'approve', 'business', 'linacre', 'recommendations', 'appendix', 'paragraph', 'publication']) expect(words).not.toContain(open);
    expect(exemptOnlyWords({ ...plantedPack(), sections: plantedPack().sections.map((s) => ({ ...s, exempt: undefined })) }).size).toBe(0);
  });

  it('stops a public file that would hold an exempt word, in any part, and says so plainly without repeating it', () => {
    const pack = plantedPack();
    const parts = new Map<string, string | Uint8Array>([
      ['word/document.xml', '<w:p><w:r><w:t>Cabinet is asked to approve the business case.</w:t></w:r></w:p>'],
      ['word/comments.xml', `<w:comment><w:p><w:r><w:t>${PLANTED.comment}</w:t></w:r></w:p></w:comment>`],
    ]);
    expect(findLeaks(parts, exemptOnlyWords(pack)).map((l) => l.part)).toEqual(['word/comments.xml']);
    expect(() => assertNoExemptWords(pack, parts)).toThrow(/The public version was not written: a final check found words from an exempt part in it \(1 place\)/);
    try {
      assertNoExemptWords(pack, parts);
    } catch (err) {
      expect((err as Error).message).not.toContain(PLANTED.comment);
    }
    parts.delete('word/comments.xml');
    expect(() => assertNoExemptWords(pack, parts)).not.toThrow();
    // A picture that is only in an exempt part is caught by its bytes.
    const picture = pack.sections.find((s) => s.id === 'appendix-b')!.content.root.children.find((n) => n.children?.some((c) => c.type === 'image'))!.children!.find((c) => c.type === 'image')!.src as string;
    parts.set('word/media/image1.png', Buffer.from(picture.split(',')[1]!, 'base64'));
    expect(() => assertNoExemptWords(pack, parts)).toThrow(/public version was not written/);
  });

  it('does not stop a public version whose exempt part uses only words the exporter prints itself', async () => {
    const pack = plantedPack();
    const appendix = pack.sections.find((s) => s.id === 'appendix-b')!;
    appendix.title = 'Contents';
    appendix.content = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Page Version Item Agenda Meeting Status Classification Draft Approved Schedule exempt information December', format: 0 }] }] } };
    pack.sections = pack.sections.filter((s) => s.id !== 'legal');
    pack.review = { threads: {}, comments: {}, suggestions: {} };
    await expect(exportPackToDocx({ pack, options: { version: 'public', tableOfContents: 'always' } })).resolves.toBeTruthy();
  });
});

describe('Word: public version of a part-exempt and of an exempt report', () => {
  for (const [name, make] of [
    ['part-exempt (draft)', () => plantedPack('draft')],
    ['part-exempt (approved)', () => plantedPack('approved')],
    ['exempt as a whole', wholeExemptPack],
  ] as const) {
    it(`${name}: not one planted word in any part of the public file or its name; the full file has them`, async () => {
      const pack = make();
      const pub = await exportPackToDocx({ pack, options: { version: 'public', tableOfContents: 'always' } });
      expect(pub.plan.hasExemptInformation).toBe(true);
      expect(scanDocx(pub.buffer, ALL, exportNameFor('Port expansion.briefing', '.docx', pub.plan))).toEqual([]);
      const full = await exportPackToDocx({ pack, options: { version: 'full', tableOfContents: 'always' } });
      const seen = new Set(scanDocx(full.buffer, ALL).map((f) => f.word));
      for (const word of CONTENT_WORDS) expect(seen, `${word} in the full version`).toContain(word);
    });
  }
});

describe.skipIf(!chromium || !poppler)(`PDF: public version${!chromium ? ' (skipped: Chromium is not installed)' : !poppler ? ' (skipped: poppler-utils or qpdf is not installed)' : ''}`, () => {
  let renderer: ChromiumRenderer;
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leak-pdf-'));
    renderer = await ChromiumRenderer.launch(chromium!);
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  for (const [name, make] of [
    ['part-exempt', () => plantedPack('draft')],
    ['exempt as a whole', wholeExemptPack],
  ] as const) {
    it(`${name}: not in the text, metadata, tags, alt text, bookmarks, links or any object of the public PDF; in the full one`, { timeout: 60_000 }, async () => {
      const pack = make();
      const pub = await exportPackToPdf({ pack, options: { version: 'public', tableOfContents: 'always' }, engine: { kind: 'html', renderer } });
      const pubFile = path.join(dir, exportNameFor(`${name}.briefing`, '.pdf', pub.plan));
      await fs.writeFile(pubFile, pub.buffer);
      expect(await scanPdf(pubFile, ALL)).toEqual([]);
      const full = await exportPackToPdf({ pack, options: { version: 'full', tableOfContents: 'always' }, engine: { kind: 'html', renderer } });
      const fullFile = path.join(dir, exportNameFor(`${name}.briefing`, '.pdf', full.plan));
      await fs.writeFile(fullFile, full.buffer);
      const seen = new Set((await scanPdf(fullFile, ALL)).map((f) => f.word));
      // Chromium draws pictures afresh, so a PNG's own text chunk never reaches any PDF.
      for (const word of CONTENT_WORDS.filter((w) => w !== PLANTED.picture)) expect(seen, `${word} in the full PDF`).toContain(word);
    });
  }
});

describe.skipIf(!soffice || !poppler)(`PDF made by LibreOffice (the second engine)${!soffice ? ' (skipped: LibreOffice is not installed)' : ''}`, () => {
  it('public version: not one planted word anywhere in the PDF', { timeout: 180_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leak-lo-'));
    try {
      const pub = await exportPackToPdf({ pack: plantedPack('draft'), options: { version: 'public' }, engine: { kind: 'docx', converter: new LibreOfficeConverter(soffice!) } });
      const file = path.join(dir, 'public.pdf');
      await fs.writeFile(file, pub.buffer);
      expect(await scanPdf(file, ALL)).toEqual([]);
      expect(pub.engine).toBe('LibreOffice');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
