import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { countWords, wordCountOf } from '../../shared/richtext/wordCount.js';
import { makeReferencePack, REFERENCE_TABLES, REFERENCE_LISTS } from '../support/referencePack.js';
import { bodyAfterContents, paragraphs, readDocx } from '../fixtures/export/readDocx.js';

/**
 * Golden structure of the exported reference pack (~55,000 words): the outline, tables,
 * lists and links as read back from the .docx. `UPDATE_GOLDEN=1` rewrites the golden file
 * after a deliberate change; a diff then shows exactly what the change did to the document.
 */
const GOLDEN = path.resolve('tests/fixtures/export/reference-structure.golden.json');

describe('golden structure of the reference pack export', () => {
  it('matches the golden outline, tables, lists and links', { timeout: 120_000 }, async () => {
    const pack = makeReferencePack();
    const { buffer, notices } = await exportPackToDocx({ pack });
    const doc = await readDocx(buffer);
    const xml = doc.part('word/document.xml');
    const body = bodyAfterContents(xml);
    const paras = paragraphs(body);
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const listParas = paras.filter((p) => p.xml.includes('<w:numPr>'));
    const numIds = new Set(listParas.map((p) => /<w:numId w:val="(\d+)"/.exec(p.xml)![1]));
    const topLevelLists = new Set(listParas.filter((p) => p.xml.includes('<w:ilvl w:val="0"/>')).map((p) => /<w:numId w:val="(\d+)"/.exec(p.xml)![1]));
    const structure = {
      headings: paras.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`),
      contentsEntries: paragraphs(/<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)![0]).filter((p) => p.text).length,
      tables: tables.length,
      tablesWithRepeatingHeaderRow: tables.filter((t) => /^<w:tbl>[\s\S]*?<w:tr>[\s\S]*?<w:tblHeader\/>/.test(t) && (t.match(/<w:tblHeader\/>/g) ?? []).length === 1).length,
      mergedCells: (body.match(/w:gridSpan|w:vMerge/g) ?? []).length,
      listInstances: numIds.size,
      topLevelLists: topLevelLists.size,
      nestedListParagraphs: listParas.filter((p) => !p.xml.includes('<w:ilvl w:val="0"/>')).length,
      hyperlinks: (body.match(/<w:hyperlink [^>]*r:id=/g) ?? []).length,
      paragraphs: paras.length,
      notices: notices.length,
    };
    // Independent checks that do not depend on the golden file.
    expect(structure.tables).toBe(REFERENCE_TABLES);
    expect(structure.tablesWithRepeatingHeaderRow).toBe(REFERENCE_TABLES);
    expect(structure.topLevelLists).toBe(REFERENCE_LISTS);
    expect(structure.mergedCells).toBe(0);
    const packWords = pack.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
    const docWords = countWords(paras.map((p) => p.text).join('\n'));
    // The body holds every word of the sections plus their titles, and nothing else.
    const titleWords = pack.sections.reduce((sum, s) => sum + countWords(s.title), 0);
    expect(docWords).toBe(packWords + titleWords);
    expect(packWords).toBeGreaterThan(50_000);
    expect(doc.html).not.toContain('GUIDANCE');

    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, JSON.stringify(structure, null, 2) + '\n');
    expect(structure).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
