import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import JSZip from 'jszip';
import { zipSync } from 'fflate';
import type { DocxRefusal } from '../../electron/docx/errors.js';

/**
 * The hostile files of the import issue, each with the refusal it must get and words its
 * message must contain. Real ones where a real writer exists (Word 97 by LibreOffice, an
 * encrypted document by officecrypto-tool, in tests/fixtures/import); the rest are made here
 * from a real document, as each kind of damage would leave it.
 */
const FIXTURES = path.resolve('tests/fixtures/import');

export interface HostileFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
  reason: DocxRefusal;
  /** Words the message must contain. */
  says: RegExp;
}

export function realDocx(): Buffer {
  return readFileSync(path.join(FIXTURES, 'docx-library-report.docx'));
}

/** The real document with its parts changed. */
async function edited(change: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(realDocx());
  await change(zip);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** A small zip whose document part unpacks to `megabytes` MB of spaces (a zip bomb). */
export function zipBomb(megabytes: number): Uint8Array {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const enc = new TextEncoder();
  const body = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  body.set(enc.encode('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'));
  return zipSync({ '[Content_Types].xml': enc.encode(types), '_rels/.rels': enc.encode(rels), 'word/document.xml': [body, { level: 1 }] });
}

export const HOSTILE_FILES: HostileFile[] = [
  { name: 'minutes.docx', bytes: async () => new TextEncoder().encode('Minutes of the Cabinet meeting held on 3 December 2026.\n'), reason: 'not-docx', says: /is not a Word document/ },
  {
    name: 'damaged.docx',
    bytes: async () => {
      const real = realDocx();
      const broken = Buffer.from(real);
      // Scramble the compressed document part, keeping the zip's table of contents intact.
      const at = broken.indexOf('word/document.xml') + 200;
      randomBytes(400).copy(broken, at);
      return broken;
    },
    reason: 'corrupt',
    says: /is damaged and cannot be read/,
  },
  { name: 'truncated.docx', bytes: async () => realDocx().subarray(0, Math.floor(realDocx().length * 0.6)), reason: 'truncated', says: /is incomplete/ },
  { name: 'zip-bomb.docx', bytes: async () => zipBomb(70), reason: 'zip-bomb', says: /would unpack to more than 64 MB/ },
  { name: 'password-protected.docx', bytes: async () => readFileSync(path.join(FIXTURES, 'password-protected.docx')), reason: 'encrypted', says: /protected with a password/ },
  { name: 'word-97.doc', bytes: async () => readFileSync(path.join(FIXTURES, 'word-97.doc')), reason: 'word-97', says: /older Word document \(Word 97–2003, \.doc\)/ },
  {
    name: 'fifty-megabytes.docx',
    bytes: async () => edited((zip) => void zip.file('word/media/huge.bin', randomBytes(50 * 1024 * 1024), { compression: 'STORE' })),
    reason: 'too-large',
    says: /larger than the 32 MB/,
  },
  {
    name: 'macros.docm',
    bytes: async () =>
      edited(async (zip) => {
        const types = await zip.file('[Content_Types].xml')!.async('string');
        zip.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
        zip.file('word/vbaProject.bin', randomBytes(2048));
      }),
    reason: 'macros',
    says: /macro-enabled Word document/,
  },
];

/** A real document whose picture is linked to a file outside it (never fetched): imports, with the picture left out. */
export async function linkedPictureDocx(): Promise<Uint8Array> {
  return edited(async (zip) => {
    const doc = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const embedded = /r:embed="([^"]+)"/.exec(doc)![1]!;
    zip.file('word/document.xml', doc.replace(`r:embed="${embedded}"`, `r:link="${embedded}"`));
    zip.file('word/_rels/document.xml.rels', rels.replace(new RegExp(`(<Relationship[^>]*Id="${embedded}"[^>]*Target=")[^"]*(")`), '$1file:///C:/Users/officer/Pictures/chart.png" TargetMode="External$2'));
  });
}
