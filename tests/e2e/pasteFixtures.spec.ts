import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { gamechangerPack, nodesOfType, openSection, readPackFile, savedSection, writePackFile } from '../support/editorPage.js';
import { pasteStructure } from '../support/pasteStructure.js';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { paragraphs, readDocx } from '../fixtures/export/readDocx.js';

/**
 * Clipboard HTML as Word, LibreOffice, Google Docs and web pages put it there, pasted into the
 * real editor in Chromium: the saved .briefing JSON must have the structure kept beside each
 * fixture (<name>.expected.json: headings, lists with levels and start numbers, tables with
 * header rows, links, bold and italic), nothing else (no fonts, colours, sizes, classes,
 * empty spans), and the exported Word file must show it (w:tblHeader, separate lists with the
 * right numbering). UPDATE_PASTE=1 writes a missing expected file (to be read and checked by
 * hand before it is committed).
 */
const DIR = path.resolve('tests/fixtures/paste');
const FIXTURES = ['word-local-angle', 'word-lists-table', 'libreoffice', 'google-docs', 'web-page', 'web-table'];

for (const name of FIXTURES) {
  test(`paste from ${name} keeps its structure in the saved file and the exported Word file`, async ({ page, host }) => {
    const pack = gamechangerPack();
    const file = await writePackFile(host, pack);
    const section = pack.sections[0]!;
    const editor = await openSection(page, host, file, section.id);
    await editor.click();
    const html = await readFile(path.join(DIR, `${name}.html`), 'utf8');
    await editor.evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data);
      transfer.setData('text/plain', 'plain text that must not be used');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, html);
    await expect(editor).not.toContainText('plain text that must not be used');
    await expect.poll(() => editor.innerText()).not.toBe('');
    await page.keyboard.press('Control+s');
    const expectedFile = path.join(DIR, `${name}.expected.json`);
    const savedStructure = async () => pasteStructure((await savedSection(host, file, section.id)).content as never);
    if (!existsSync(expectedFile) && process.env.UPDATE_PASTE) {
      await expect.poll(async () => (await savedStructure()).blocks.some((b) => Object.values(b).some((v) => v && v !== 'paragraph' && JSON.stringify(v).length > 4))).toBe(true);
      await writeFile(expectedFile, `${JSON.stringify(await savedStructure(), null, 2)}\n`);
    }
    const expected = JSON.parse(await readFile(expectedFile, 'utf8'));
    await expect.poll(savedStructure).toEqual(expected);
    const saved = await savedSection(host, file, section.id);

    // Nothing of the source's look comes along.
    const json = JSON.stringify(saved.content);
    expect(json).not.toMatch(/mso-|font-family|font-size|color:|class=|Calibri|Arial|Liberation|GDS Transport|govuk|docs-internal|#[0-9a-f]{6}/i);
    expect(nodesOfType(saved.content, 'text').every((t) => t.style === '' && typeof t.text === 'string' && t.text !== '')).toBe(true);
    expect(nodesOfType(saved.content, 'tablecell').every((c) => !c.backgroundColor)).toBe(true);

    // The exported Word file: header rows repeat, every list is its own numbering instance.
    const { buffer } = await exportPackToDocx({ pack: await readPackFile(host, file) });
    const doc = await readDocx(buffer);
    const body = doc.part('word/document.xml');
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const expectedTables = expected.blocks.filter((b: { table?: unknown }) => b.table);
    expect(tables).toHaveLength(expectedTables.length);
    tables.forEach((table, i) => {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)![0];
      expect(firstRow.includes('<w:tblHeader/>'), `table ${i + 1} header row`).toBe(expectedTables[i].headerRow);
    });
    const listParas = paragraphs(body).filter((p) => p.xml.includes('<w:numPr>') && p.xml.includes('<w:ilvl w:val="0"/>'));
    const instances = [...new Set(listParas.map((p) => /<w:numId w:val="(\d+)"/.exec(p.xml)![1]))];
    const expectedLists = expected.blocks.filter((b: { list?: unknown }) => b.list);
    expect(instances).toHaveLength(expectedLists.length);
    const numbering = doc.part('word/numbering.xml');
    for (const list of expectedLists) if (list.list === 'number' && list.start !== 1) expect(numbering).toContain(`<w:start w:val="${list.start}"/>`);
    // Every top-level item's words are in the document, in order.
    const docText = paragraphs(body).map((p) => p.text).join('\n');
    let at = 0;
    for (const block of expected.blocks) {
      for (const text of block.items ? block.items.map((i: { text: string }) => i.text) : block.table ? block.table.flat() : [Object.values(block).find((v) => typeof v === 'string' && v !== block.heading) ?? '']) {
        const words = String(text).trim();
        if (!words) continue;
        const found = docText.indexOf(words, at);
        expect(found, `"${words}" in the exported document after position ${at}`).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
  });
}
