import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { contentColumnWidths } from '../../electron/export/tableWidths.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { readDocx } from '../fixtures/export/readDocx.js';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
const cell = (t: string, header = false) => el('tablecell', [el('paragraph', [text(t)])], { headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1 }) as unknown as SerializedNodeJson;
const table = (rows: string[][], colWidths?: number[]) => el('table', rows.map((r, i) => el('tablerow', r.map((t) => cell(t, i === 0)))), colWidths ? { colWidths } : {});

async function gridColumns(rows: string[][], colWidths?: number[]): Promise<number[]> {
  const content = { root: el('root', [table(rows, colWidths)]) } as unknown as SerializedEditorStateJson;
  const pack = newPack({ title: 'Widths' }, [newSection('Local angle', { content })]);
  const xml = (await readDocx((await exportPackToDocx({ pack, options: { tableOfContents: 'never' } })).buffer)).part('word/document.xml');
  return [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
}

describe('exported column widths fit their content', () => {
  it('a long label column is wider than a column of figures (Lexical’s equal default widths)', async () => {
    const cols = await gridColumns(
      [
        ['Ward or neighbourhood', 'Homes', '%'],
        ['Linacre and Bootle town centre', '4,210', '12'],
        ['Ford', '3,050', '9'],
      ],
      [92, 92, 92],
    );
    expect(cols).toHaveLength(3);
    expect(cols[0]!).toBeGreaterThan(2 * cols[1]!);
    expect(cols[1]!).toBeGreaterThanOrEqual(cols[2]!);
    expect(cols[2]!).toBeGreaterThanOrEqual(720);
    expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
  });

  it('keeps widths someone set in the editor', async () => {
    const cols = await gridColumns([['A', 'B'], ['1', '2']], [100, 300]);
    expect(cols[1]! / cols[0]!).toBeCloseTo(3, 1);
  });

  it('never gives a column less than half an inch, nor more than the text width in all', () => {
    const row = Array.from({ length: 10 }, (_, i) => cell(i === 0 ? 'x'.repeat(200) : 'y'));
    const widths = contentColumnWidths([row], 10, 9026);
    expect(widths.every((w) => w >= 720)).toBe(true);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
    const many = contentColumnWidths([Array.from({ length: 20 }, () => cell('word'))], 20, 9026);
    expect(new Set(many).size).toBe(1);
  });
});
