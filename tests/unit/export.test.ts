import { describe, expect, it, beforeAll } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { GAMECHANGERS } from '../../shared/gamechangers/index.js';
import { makeFeaturePack, GUIDANCE_MARKER } from '../fixtures/export/featurePack.js';
import { bodyAfterContents, paragraphs, readDocx, type DocxParts } from '../fixtures/export/readDocx.js';
import { heading, listNode, paragraph, stateOf, table, text } from '../support/referencePack.js';
import { newPack } from '../../shared/pack/defaults.js';

let doc: DocxParts;
let notices: Awaited<ReturnType<typeof exportPackToDocx>>['notices'];

beforeAll(async () => {
  const out = await exportPackToDocx({
    pack: makeFeaturePack(),
    options: { tableOfContents: 'always' },
    branding: { councilName: 'Sefton Council' },
    authorName: 'Alex Officer',
  });
  notices = out.notices;
  doc = await readDocx(out.buffer);
});

describe('Word export read back with mammoth and the XML parts', () => {
  it('writes headings in order with Word’s built-in styles and no skipped level', () => {
    const xml = bodyAfterContents(doc.part('word/document.xml'));
    const headings = paragraphs(xml).filter((p) => p.style && /^Heading\d$/.test(p.style));
    expect(headings.map((h) => `${h.style}:${h.text}`)).toEqual([
      'Heading1:Leading the Green Industrial Revolution',
      'Heading2:Local angle',
      'Heading3:First numbered list',
      'Heading2:Local evidence',
      'Heading1:Connectivity',
      'Heading2:What we ask',
    ]);
    // mammoth maps the built-in styles to h1–h3, which proves Word sees them as headings.
    expect([...doc.html.matchAll(/<h(\d)>(?:<a id="[^"]*"><\/a>)?([^<]+)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`)).toEqual([
      'h1 Leading the Green Industrial Revolution',
      'h2 Local angle',
      'h3 First numbered list',
      'h2 Local evidence',
      'h1 Connectivity',
      'h2 What we ask',
    ]);
    const styles = doc.part('word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:name w:val="[Hh]eading 1"\/>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Title">/);
  });

  it('puts the pack title in the Title style on the front sheet with every front-sheet field', () => {
    const all = paragraphs(doc.part('word/document.xml'));
    expect(all.find((p) => p.style === 'Title')?.text).toBe('Feature test pack');
    const text = all.map((p) => p.text).join('\n');
    expect(text).toContain('Sefton Council');
    expect(text).toContain('Meeting: Cabinet, 3 December 2026');
    expect(text).toContain('Report of: Executive Director of Place');
    expect(text).toContain('Lead cabinet member: Cllr Example');
    expect(text).toContain('Contact officer: Alex Officer, Tel: 0151 934 0000, Email: alex@example.gov.uk');
    expect(text).toContain('Wards affected: Bootle, Linacre');
    expect(text).toContain('Key decision: Yes (Forward Plan reference FP/42)');
    expect(text).toContain('paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
    expect(text).toContain('Classification: OFFICIAL-SENSITIVE');
    expect(text).toContain('Status: Approved');
    expect(text).toContain('Version: 2.1');
  });

  it('restarts numbering for each list, nests lists a level down, and keeps bullets apart', () => {
    const xml = bodyAfterContents(doc.part('word/document.xml'));
    const listed = paragraphs(xml)
      .filter((p) => p.xml.includes('<w:numPr>'))
      .map((p) => ({ text: p.text, numId: /<w:numId w:val="(\d+)"/.exec(p.xml)![1], level: Number(/<w:ilvl w:val="(\d+)"/.exec(p.xml)![1]) }));
    const by = (t: string) => listed.find((l) => l.text === t)!;
    expect(by('Alpha one').numId).toBe(by('Alpha three').numId);
    expect(by('Beta one').numId).not.toBe(by('Alpha one').numId);
    expect(by('Nested bullet one').level).toBe(1);
    expect(by('Nested bullet one').numId).not.toBe(by('Alpha one').numId);
    expect(by('Gamma bullet').numId).not.toBe(by('Nested bullet one').numId);
    // Every list instance restarts at its start value.
    const numbering = doc.part('word/numbering.xml');
    for (const numId of new Set(listed.map((l) => l.numId))) {
      const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>([\\s\\S]*?)</w:num>`).exec(numbering);
      expect(num?.[1]).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/>/);
    }
    // mammoth, reading numbering independently, sees two ordered lists and a nested bullet list.
    expect(doc.html).toMatch(/<ol><li>Alpha one<\/li><li>Alpha two<ul><li>Nested bullet one<\/li><li>Nested bullet two<\/li><\/ul><\/li><li>Alpha three<\/li><\/ol><p>Between the lists.<\/p><ol><li>Beta one<\/li>/);
  });

  it('writes tables with a repeating header row and no merged cells', () => {
    const xml = bodyAfterContents(doc.part('word/document.xml'));
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader');
    expect(table).not.toMatch(/w:gridSpan|w:vMerge/);
    expect(doc.html).toContain('<thead><tr><th><p><strong>Ward</strong></p></th>');
  });

  it('writes links as real hyperlinks in the Hyperlink style', () => {
    const xml = doc.part('word/document.xml');
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(xml)!;
    expect(link[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rels = doc.part('word/_rels/document.xml.rels');
    expect(rels).toMatch(new RegExp(`Id="${link[1]}"[^>]*Target="https://www.sefton.gov.uk/imagine-sefton-2030"[^>]*TargetMode="External"|Target="https://www.sefton.gov.uk/imagine-sefton-2030"[^>]*TargetMode="External"[^>]*Id="${link[1]}"`));
    expect(doc.html).toContain('<a href="https://www.sefton.gov.uk/imagine-sefton-2030">Imagine Sefton 2030 plan</a>');
  });

  it('keeps inline formatting and the picture with its alt text', () => {
    expect(doc.html).toContain('<strong>bold</strong>');
    expect(doc.html).toContain('<em>italic</em>');
    expect(doc.html).toContain('<s>struck</s>');
    expect(doc.part('word/document.xml')).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">underlined/);
    expect(doc.html).toContain('alt="Bar chart of residents by ward"');
    expect(doc.part('word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Bar chart of residents by ward"/);
  });

  it('sets the document properties and en-GB on the default style, in house style', () => {
    const core = doc.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Feature test pack</dc:title>');
    expect(core).toContain('<dc:subject>Cabinet, 3 December 2026: OFFICIAL-SENSITIVE</dc:subject>');
    expect(core).toContain('<dc:creator>Alex Officer</dc:creator>');
    expect(core).toContain(`<cp:keywords>${GAMECHANGERS[0]!.title}; ${GAMECHANGERS[3]!.title}</cp:keywords>`);
    expect(core).toMatch(/<dc:description>Briefing pack for Cabinet, 3 December 2026.<\/dc:description>/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(doc.part('word/styles.xml'))![0];
    expect(defaults).toMatch(/<w:lang w:val="en-GB"/);
    expect(defaults).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(defaults).toContain('<w:sz w:val="24"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="276"/);
    expect(defaults).toContain('<w:jc w:val="left"/>');
    expect(doc.part('word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
  });

  it('marks every page with the classification in capitals, centred, in header and footer, with page X of Y, title and version', () => {
    const header = doc.part('word/header1.xml');
    const footer = doc.part('word/footer1.xml');
    // The feature pack is exempt as a whole (paragraph 3): the full version marks every page.
    expect(paragraphs(header).map((p) => p.text)).toEqual(['OFFICIAL-SENSITIVE', 'NOT FOR PUBLICATION: Schedule 12A, paragraph 3']);
    expect(header).toContain('<w:jc w:val="center"/>');
    expect(doc.part('word/styles.xml')).toMatch(/w:styleId="ProtectiveMarking">[\s\S]*?<w:caps\/>/);
    const lines = paragraphs(footer).map((p) => p.text);
    expect(lines.slice(1)).toEqual(['NOT FOR PUBLICATION: Schedule 12A, paragraph 3', 'OFFICIAL-SENSITIVE']);
    expect(lines[0]).toContain('Feature test pack');
    expect(lines[0]).toContain('Version 2.1');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // Header and footer are used by the section, so every page carries them.
    expect(doc.part('word/document.xml')).toMatch(/<w:headerReference w:type="default"/);
    expect(doc.part('word/document.xml')).toMatch(/<w:footerReference w:type="default"/);
  });

  it('fills the contents at export and sets it to update in Word', () => {
    const xml = doc.part('word/document.xml');
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)![0];
    expect(toc).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect(paragraphs(toc).map((p) => p.text.replace(/\d+$/, '')).filter(Boolean)).toEqual(['Leading the Green Industrial Revolution', 'Local angle', 'Local evidence', 'Connectivity', 'What we ask']);
  });

  it('never writes guidance text, and reports unknown nodes while keeping their text', () => {
    for (const name of doc.files) expect(doc.part(name)).not.toContain(GUIDANCE_MARKER);
    expect(doc.html).toContain('Text inside an unknown node');
    expect(notices).toEqual([{ where: 'Section 1 “Leading the Green Industrial Revolution”, paragraph 12', message: expect.stringContaining('collapsible-container') }]);
  });

  it('lifts a heading that skips a level to the next level, so Word’s outline has no gap', async () => {
    const pack = newPack({ title: 'Skips' }, [{ id: 'a', title: 'Section', guidance: '', content: stateOf([heading('h4', 'Too deep'), heading('h2', 'Back up'), paragraph([text('x')])]) }]);
    const out = await readDocx((await exportPackToDocx({ pack, options: { tableOfContents: 'never' } })).buffer);
    const headings = paragraphs(out.part('word/document.xml')).filter((p) => p.style?.startsWith('Heading'));
    expect(headings.map((h) => `${h.style}:${h.text}`)).toEqual(['Heading1:Section', 'Heading2:Too deep', 'Heading2:Back up']);
  });

  it('keeps the editor’s column widths and paragraph indents, and splits merged cells into a full grid', async () => {
    const t = table([
      ['Ward', 'Residents'],
      ['Bootle', '12,000'],
      ['Total', ''],
    ]);
    t.colWidths = [300, 100];
    t.children![2]!.children![0]!.colSpan = 2;
    t.children![2]!.children!.pop();
    const pack = newPack({ title: 'Widths' }, [{ id: 'a', title: 'Section', guidance: '', content: stateOf([t, { ...paragraph([text('Indented')]), indent: 2 }]) }]);
    const out = await exportPackToDocx({ pack, options: { tableOfContents: 'never' } });
    const xml = (await readDocx(out.buffer)).part('word/document.xml');
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols[0]! / cols[1]!).toBeCloseTo(3, 1);
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows.map((r) => (r.match(/<w:tc>/g) ?? []).length)).toEqual([2, 2, 2]);
    expect(xml).not.toMatch(/w:gridSpan|w:vMerge/);
    expect(out.notices.map((n) => n.message)).toEqual([expect.stringContaining('merged cells')]);
    expect(paragraphs(xml).find((p) => p.text === 'Indented')!.xml).toMatch(/<w:ind w:left="1440"\/>/);
  });

  it('survives awkward input: markup characters, control characters, deep nesting, bad pictures, no sections', async () => {
    let deep = listNode('bullet', ['Deepest']);
    for (let i = 0; i < 40; i++) deep = listNode(i % 2 ? 'number' : 'bullet', [`Level ${40 - i}`, deep]);
    const content = stateOf([
      paragraph([text('Tags <b> & "quotes" \u0001 stay text')]),
      deep,
      paragraph([{ type: 'image', version: 1, src: 'https://example.com/remote.png', altText: 'Remote', width: null, height: null }]),
      { type: 'heading', tag: 'h9', children: [text('Odd tag')] },
    ]);
    const pack = newPack({ title: 'Awkward & <odd>' }, [{ id: 'a', title: 'Section', guidance: '', content }]);
    const out = await exportPackToDocx({ pack });
    const doc = await readDocx(out.buffer);
    expect(doc.html).toContain('Tags &lt;b&gt; &amp; "quotes"  stay text');
    expect(doc.part('docProps/core.xml')).toContain('<dc:title>Awkward &amp; &lt;odd&gt;</dc:title>');
    const levels = [...doc.part('word/document.xml').matchAll(/<w:ilvl w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.max(...levels)).toBe(8); // Word's deepest list level
    expect(out.notices.map((n) => n.message)).toEqual([expect.stringContaining('picture could not be read')]);
    const empty = await exportPackToDocx({ pack: newPack({ title: 'Empty' }, []) });
    expect(paragraphs((await readDocx(empty.buffer)).part('word/document.xml')).find((p) => p.style === 'Title')?.text).toBe('Empty');
  });

  it('leaves the contents out of short packs by default', async () => {
    const pack = newPack({ title: 'Short' }, [{ id: 'a', title: 'Only', guidance: '', content: stateOf([paragraph([text('x')])]) }]);
    const out = await readDocx((await exportPackToDocx({ pack })).buffer);
    expect(out.part('word/document.xml')).not.toContain('TOC \\');
  });
});
