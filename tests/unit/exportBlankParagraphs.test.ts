import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { bodyAfterContents, paragraphs, readDocx } from '../fixtures/export/readDocx.js';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
const cell = (t: string, header: boolean) => el('tablecell', [el('paragraph', [text(t)])], { headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1 });

describe('stray empty paragraphs never reach the export', () => {
  it('leaves out empty and white-space-only paragraphs around a table, keeps the words', async () => {
    const content = {
      root: el('root', [
        el('paragraph', [text('Before the table.')]),
        el('paragraph', []),
        el('table', [el('tablerow', [cell('Ward', true), cell('Homes', true)]), el('tablerow', [cell('Bootle', false), cell('1,200', false)])]),
        el('paragraph', [text('   ')]),
        el('paragraph', [{ type: 'linebreak', version: 1 }]),
        el('paragraph', [text('After the table.')]),
        el('paragraph', []),
      ]),
    } as unknown as SerializedEditorStateJson;
    const pack = newPack({ title: 'Blank paragraphs' }, [newSection('Local angle', { content })]);
    const { buffer } = await exportPackToDocx({ pack });
    const body = bodyAfterContents((await readDocx(buffer)).part('word/document.xml'));
    expect(body).toContain('Before the table.');
    expect(body).toContain('After the table.');
    // Between the first paragraph and "After the table." only the table's cells: no blank paragraphs.
    const between = body.slice(body.indexOf('Before the table.'), body.indexOf('After the table.'));
    const outsideTable = between.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    expect(paragraphs(outsideTable).filter((p) => p.text.trim() === '')).toEqual([]);
    const after = body.slice(body.indexOf('After the table.'));
    expect(paragraphs(after).slice(1).filter((p) => p.text.trim() === '' && !p.xml.includes('<w:sectPr'))).toEqual([]);
  });
});
