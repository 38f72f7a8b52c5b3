import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { buildDocument } from '../../electron/export/buildDocument.js';
import { docxPartsCompiler, packDocx } from '../../electron/export/packDocx.js';
import { brandingSchema } from '../../shared/branding/schema.js';
import { exportOptionsSchema } from '../../shared/export/types.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';

/** A fresh document each time: docx rewrites parts of a document while it packs it. */
function document() {
  return buildDocument({
    pack: makeFeaturePack(),
    branding: brandingSchema.parse({ councilName: 'Sefton Council' }),
    options: exportOptionsSchema.parse({ tableOfContents: 'always' }),
  }).document;
}

/** Every part of a .docx, with what differs between two runs by design made equal. */
async function partsOf(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const text = await zip.files[name]!.async('string');
    parts.set(
      name,
      text
        .replace(/rId[A-Za-z0-9_-]{15,}/g, 'rId*') // hyperlinks get random relationship ids
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME') // created / modified
        // Bookmarks and pictures are numbered across the whole process.
        .replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")\d+/g, '$1*')
        .replace(/(<wp:docPr id=")\d+/g, '$1*'),
    );
  }
  return parts;
}

describe('packDocx (docx parts, natively deflated)', () => {
  it('finds docx’s part compiler (a docx upgrade that moves it would make exports slower)', () => {
    expect(docxPartsCompiler()).not.toBeNull();
  });

  it('writes the same parts, in the same order, as docx’s own Packer.toBuffer', async () => {
    const ours = await packDocx(document());
    const theirs = await Packer.toBuffer(document());
    const [a, b] = await Promise.all([partsOf(ours), partsOf(theirs)]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of b) expect(a.get(name), name).toBe(text);
    // A zip (local file header signature) whose parts are deflated (method 8) like docx's own.
    expect(ours.readUInt32LE(0)).toBe(0x04034b50);
    expect(ours.readUInt16LE(8)).toBe(8);
    expect(ours.length).toBeLessThan(theirs.length * 1.1);
  });
});
