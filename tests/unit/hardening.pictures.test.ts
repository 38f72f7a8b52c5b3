import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { newPack } from '../../shared/pack/defaults.js';
import { parsePackText, serialisePack } from '../../shared/pack/parse.js';
import { checkPictureSource } from '../../shared/richtext/pictures.js';
import { MAX_IMAGE_BYTES } from '../../shared/richtext/nodeTypes.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { parseTemplateText } from '../../shared/templates/parse.js';
import { TINY_JPEG, TINY_PNG, image } from '../fixtures/export/featurePack.js';
import { readDocx } from '../fixtures/export/readDocx.js';
import { paragraph, stateOf, table, text } from '../support/referencePack.js';
import { useTempDirs } from '../support/tempDir.js';

/**
 * Issue 17, point 4: pictures in packs and templates are embedded PNG or JPEG only (base64,
 * capped, signature checked). Anything else becomes a visible "picture removed" placeholder
 * saying what and why, in the loader as in templates; nothing is fetched or kept.
 */
const tempDir = useTempDirs();
const PNG_PAYLOAD = TINY_PNG.slice(TINY_PNG.indexOf(',') + 1);
const JPEG_PAYLOAD = TINY_JPEG.slice(TINY_JPEG.indexOf(',') + 1);

const hostile: Array<[string, string, RegExp]> = [
  ['a picture on the web (a tracking pixel)', 'https://tracker.example/pixel.png?reader=me', /a link to a picture elsewhere/],
  ['plain http', 'http://intranet/logo.png', /a link to a picture elsewhere/],
  ['a protocol-relative address', '//cdn.example/x.png', /a link to a picture elsewhere/],
  ['a local file', 'file:///C:/Users/clip_image001.png', /not a picture saved in the pack/],
  ['SVG, which can carry script', 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+', /SVG picture, and only PNG and JPEG/],
  ['GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', /GIF picture/],
  ['a PNG that is not base64', 'data:image/png,%89PNG', /not in the expected form/],
  ['damaged base64', 'data:image/png;base64,iVBO$$$', /damaged/],
  ['text pretending to be a PNG', 'data:image/png;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /not a PNG or JPEG picture/],
  ['HTML in an image data URL', 'data:text/html;base64,PHNjcmlwdD4=', /not a picture saved in the pack/],
  ['a picture over the size cap', `data:image/png;base64,${PNG_PAYLOAD.slice(0, 12)}${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 100) / 3) * 4)}`, /larger than 5 MB/],
  ['no source at all', '', /had no picture in it/],
];

describe('checkPictureSource', () => {
  it.each(hostile)('refuses %s', (_what, src, reason) => {
    const check = checkPictureSource(src);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('keeps PNG and JPEG pictures, with the type their bytes say (a JPEG named image/png is kept as a JPEG)', () => {
    expect(checkPictureSource(TINY_PNG)).toEqual({ ok: true, kind: 'png', src: TINY_PNG });
    expect(checkPictureSource(TINY_JPEG)).toEqual({ ok: true, kind: 'jpeg', src: TINY_JPEG });
    expect(checkPictureSource(`data:image/png;base64,${JPEG_PAYLOAD}`)).toEqual({ ok: true, kind: 'jpeg', src: TINY_JPEG });
    expect(checkPictureSource(`DATA:IMAGE/JPG;BASE64,${JPEG_PAYLOAD.replace(/(.{60})/g, '$1\n')}`)).toEqual({ ok: true, kind: 'jpeg', src: TINY_JPEG });
  });
});

function packWithPictures(srcs: string[]) {
  const inline = srcs.map((src) => ({ ...image('Ward map'), src }) as SerializedNodeJson);
  const atRoot = { ...image('Chart at the top level'), src: srcs[0]! } as SerializedNodeJson;
  const inTable = table([['Picture'], ['x']]);
  inTable.children![1]!.children![0]!.children = [{ ...image('In a cell'), src: srcs[0]! } as SerializedNodeJson];
  return newPack({ title: 'Pictures' }, [{ id: 'a', title: 'Section', guidance: '', content: stateOf([paragraph([text('Before '), ...inline, text(' after')]), atRoot, inTable, paragraph([image('Good one')])]) }], new Date('2026-11-01T09:00:00Z'));
}

describe('the pack loader', () => {
  it('replaces every hostile picture by a placeholder that says what was removed, and leaves the file as it was', async () => {
    const dir = await tempDir('pictures');
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const srcs = hostile.map(([, src]) => src);
    const bytes = serialisePack(packWithPictures(srcs));
    await fs.writeFile(path.join(dir, 'Pictures.briefing'), bytes);
    const { pack } = await store.open('Pictures.briefing');
    const [first, atRoot, inTable, last] = pack.sections[0]!.content.root.children;
    const placeholders = first!.children!.filter((n) => n.type === 'text' && n.text!.startsWith('[Picture removed'));
    expect(placeholders.map((n) => n.text)).toEqual(hostile.map(([, , reason]) => expect.stringMatching(new RegExp(`^\\[Picture removed: .*${reason.source}.*Its description was “Ward map”\\.\\]$`))));
    expect(first!.children!.some((n) => n.type === 'image')).toBe(false);
    // At the top level and in a table cell, where text cannot stand alone, it is a paragraph.
    expect(atRoot).toMatchObject({ type: 'paragraph', children: [{ type: 'text', text: expect.stringContaining('“Chart at the top level”') }] });
    expect(inTable!.children![1]!.children![0]!.children).toEqual([expect.objectContaining({ type: 'paragraph', children: [expect.objectContaining({ text: expect.stringContaining('“In a cell”') })] })]);
    expect(last!.children).toEqual([expect.objectContaining({ type: 'image', src: TINY_PNG })]);
    expect(JSON.stringify(pack)).not.toMatch(/tracker\.example|intranet|svg\+xml|PHNjcmlwdD4/);
    expect(await fs.readFile(path.join(dir, 'Pictures.briefing'), 'utf8')).toBe(bytes);
  });

  it('a clean pack is returned as it is, and its pictures export', async () => {
    const clean = serialisePack(packWithPictures([TINY_JPEG]));
    expect(serialisePack(parsePackText(clean))).toBe(clean);
    const { buffer } = await exportPackToDocx({ pack: parsePackText(clean), options: { tableOfContents: 'never' } });
    const doc = await readDocx(buffer);
    expect(doc.part('word/document.xml').match(/<wp:docPr /g)).toHaveLength(4); // every picture drawn
  });

  it('the exported Word file has no remote picture and shows the placeholder text', async () => {
    const { buffer } = await exportPackToDocx({ pack: parsePackText(serialisePack(packWithPictures(['https://tracker.example/p.png']))), options: { tableOfContents: 'never' } });
    const doc = await readDocx(buffer);
    expect(doc.part('word/_rels/document.xml.rels')).not.toContain('tracker.example');
    expect(doc.html).toContain('[Picture removed: it was a link to a picture elsewhere, not a picture saved in the pack. Its description was “Ward map”.]');
  });
});

describe('templates', () => {
  it('use the same rule: a template with a remote or SVG picture loads, with the placeholder in its starter content', async () => {
    const template = JSON.parse(await fs.readFile('tests/fixtures/templates/valid-ward-briefing.briefing-template', 'utf8'));
    template.sections[0].starterContent = stateOf([paragraph([{ ...image('Logo'), src: 'data:image/svg+xml;base64,PHN2Zz4=' } as SerializedNodeJson]), paragraph([image('Fine', TINY_PNG)])]);
    const parsed = parseTemplateText(JSON.stringify(template), { label: '"t"' });
    const [removed, kept] = parsed.sections[0]!.starterContent!.root.children;
    expect(removed!.children![0]).toMatchObject({ type: 'text', text: '[Picture removed: it was a SVG picture, and only PNG and JPEG pictures can be kept. Its description was “Logo”.]' });
    expect(kept!.children![0]).toMatchObject({ type: 'image', src: TINY_PNG });
  });
});
