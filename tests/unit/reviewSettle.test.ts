import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHeadlessEditor } from '@lexical/headless';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { acceptAll, rejectAll, settleContent, settlePack, type Decision } from '../../shared/review/settle.js';
import { reviewMarkupOf } from '../../shared/review/presence.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';

/**
 * A model of suggested changes: blocks of word pieces, each plain, a suggested insertion or a
 * suggested deletion, some inside links or comment marks, in paragraphs, list items and table
 * rows that may themselves be suggested for insertion or deletion. The JSON built from the
 * model is settled with settleContent; the text must be exactly what the model says.
 */
type PieceKind = 'plain' | 'insert' | 'delete';
interface Piece { id: string; text: string; kind: PieceKind; link: boolean; linkInside: boolean; mark: string | null }
interface Block { id: string; wrap: 'paragraph' | 'listitem' | 'tablerow'; block: null | 'block-insert' | 'block-delete'; pieces: Piece[] }

const word = fc.constantFrom('council', 'ward', 'budget', 'Sefton', 'report', 'cabinet', '£4m', 'officer', 'plan', 'the');
const piece = fc.record({
  text: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `${w.join(' ')} `),
  kind: fc.constantFrom<PieceKind>('plain', 'plain', 'insert', 'delete'),
  link: fc.boolean(),
  linkInside: fc.boolean(),
  mark: fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: null }),
});
const block = fc.record({
  wrap: fc.constantFrom<Block['wrap']>('paragraph', 'paragraph', 'listitem', 'tablerow'),
  block: fc.constantFrom<Block['block']>(null, null, null, 'block-insert', 'block-delete'),
  pieces: fc.array(piece, { minLength: 0, maxLength: 6 }),
});
const doc = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) =>
  blocks.map((b, i) => ({ ...b, id: `b${i}`, pieces: b.pieces.map((p, j) => ({ ...p, id: `s${i}-${j}` })) })) as Block[],
);

const text = (t: string): SerializedNodeJson => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const element = (type: string, children: SerializedNodeJson[], extra: Record<string, unknown> = {}): SerializedNodeJson => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
const link = (children: SerializedNodeJson[]) => element('link', children, { url: 'https://www.sefton.gov.uk', rel: null, target: null, title: null });

function inline(p: Piece): SerializedNodeJson {
  let node = text(p.text);
  const suggest = (inner: SerializedNodeJson) => (p.kind === 'plain' ? inner : element('suggestion', [inner], { suggestionId: p.id, kind: p.kind }));
  if (p.link && p.linkInside) node = suggest(link([node]));
  else if (p.link) node = link([suggest(node)]);
  else node = suggest(node);
  return p.mark ? element('mark', [node], { ids: [p.mark] }) : node;
}

function build(blocks: Block[], pieceOf: (b: Block) => SerializedNodeJson[], withState: boolean): SerializedEditorStateJson {
  const out: SerializedNodeJson[] = [];
  for (const b of blocks) {
    const state = withState && b.block ? { $: { suggestion: { id: b.id, kind: b.block } } } : {};
    const para = element('paragraph', pieceOf(b), { textFormat: 0, textStyle: '', ...(b.wrap === 'paragraph' ? state : {}) });
    const last = out[out.length - 1];
    if (b.wrap === 'paragraph') out.push(para);
    else if (b.wrap === 'listitem') {
      const item = element('listitem', para.children!, { value: 1, ...state });
      if (last?.type === 'list') last.children!.push(item);
      else out.push(element('list', [item], { listType: 'bullet', start: 1, tag: 'ul' }));
    } else {
      const row = element('tablerow', [element('tablecell', [para], { colSpan: 1, rowSpan: 1, headerState: 0 })], state);
      if (last?.type === 'table') last.children!.push(row);
      else out.push(element('table', [row]));
    }
  }
  return { root: element('root', out) as SerializedEditorStateJson['root'] };
}

const keeps = (kind: 'insert' | 'delete' | 'block-insert' | 'block-delete', decision: Decision | null) =>
  decision === null || (kind === 'insert' || kind === 'block-insert') === (decision === 'accept');

/** The text the model says settling gives. */
function expectedText(blocks: Block[], decisionOf: (id: string) => Decision | null): string {
  const kept = blocks.filter((b) => !b.block || keeps(b.block, decisionOf(b.id)));
  return plainTextOf(build(kept, (b) => b.pieces.filter((p) => p.kind === 'plain' || keeps(p.kind, decisionOf(p.id))).map((p) => text(p.text)), false));
}

function suggestionsLeft(state: SerializedEditorStateJson): number {
  return reviewMarkupOf(state).suggestions.size;
}

describe('settling suggested changes (shared/review/settle.ts)', () => {
  it('accept-all gives exactly the intended text and reject-all exactly the original, for random suggestion sets', () => {
    let runs = 0;
    let suggestions = 0;
    fc.assert(
      fc.property(doc, (blocks) => {
        runs++;
        suggestions += blocks.filter((b) => b.block).length + blocks.flatMap((b) => b.pieces).filter((p) => p.kind !== 'plain').length;
        const json = build(blocks, (b) => b.pieces.map(inline), true);
        const before = JSON.stringify(json);
        const accepted = settleContent(json, acceptAll).state;
        const rejected = settleContent(json, rejectAll).state;
        expect(JSON.stringify(json)).toBe(before); // the input is never changed
        expect(plainTextOf(accepted)).toBe(expectedText(blocks, () => 'accept'));
        expect(plainTextOf(rejected)).toBe(expectedText(blocks, () => 'reject'));
        expect(suggestionsLeft(accepted)).toBe(0);
        expect(suggestionsLeft(rejected)).toBe(0);
        // Comment marks stay on any text that is kept.
        const keptMarks = (state: SerializedEditorStateJson) => [...reviewMarkupOf(state).marks.keys()].sort();
        const marked = (decision: Decision) => [...new Set(blocks.filter((b) => !b.block || keeps(b.block, decision)).flatMap((b) => b.pieces.filter((p) => p.mark && (p.kind === 'plain' || keeps(p.kind, decision))).map((p) => p.mark!)))].sort();
        expect(keptMarks(accepted)).toEqual(marked('accept'));
        expect(keptMarks(rejected)).toEqual(marked('reject'));
      }),
      { numRuns: 300, seed: 1426 },
    );
    expect(runs).toBe(300);
    expect(suggestions).toBeGreaterThan(500);
  });

  it('any mix of accepted, rejected and open suggestions gives the text the model says', () => {
    fc.assert(
      fc.property(doc, fc.func(fc.constantFrom<Decision | null>('accept', 'reject', null)), (blocks, pick) => {
        const json = build(blocks, (b) => b.pieces.map(inline), true);
        const decisions = new Map<string, Decision | null>();
        const decisionOf = (id: string) => {
          if (!decisions.has(id)) decisions.set(id, pick(id));
          return decisions.get(id)!;
        };
        const result = settleContent(json, (id) => decisionOf(id));
        expect(plainTextOf(result.state)).toBe(expectedText(blocks, decisionOf));
        const open = [...decisions].filter(([, d]) => d === null).map(([id]) => id).sort();
        expect([...reviewMarkupOf(result.state).suggestions.keys()].sort()).toEqual(open);
        expect(result.settled.sort()).toEqual([...decisions].filter(([, d]) => d !== null).map(([id]) => id).sort());
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('loads in Lexical: suggestion nodes and block NodeState survive a round trip unchanged in meaning', () => {
    fc.assert(
      fc.property(doc, (blocks) => {
        const json = build(blocks, (b) => b.pieces.map(inline), true);
        const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
        editor.setEditorState(editor.parseEditorState(json as never));
        const back = editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson;
        expect(plainTextOf(settleContent(back, acceptAll).state)).toBe(expectedText(blocks, () => 'accept'));
        expect(plainTextOf(settleContent(back, rejectAll).state)).toBe(expectedText(blocks, () => 'reject'));
        expect([...reviewMarkupOf(back).suggestions.keys()].sort()).toEqual([...reviewMarkupOf(json).suggestions.keys()].sort());
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('settles a pack by section and by author, and drops the decided records', () => {
    const pack = newPack({ title: 'Review' }, [newSection('A')]);
    const content = (id: string) => {
      const state = editorStateFromParagraphs(['Budget ']);
      state.root.children[0]!.children!.push(element('suggestion', [text('rises')], { suggestionId: id, kind: 'insert' }));
      return state;
    };
    const person = (name: string) => ({ name, role: 'Officer' });
    const at = '2026-12-02T10:00:00.000Z';
    const withReview = {
      ...pack,
      sections: [
        { ...pack.sections[0]!, id: 'a', content: content('x1') },
        { ...pack.sections[0]!, id: 'b', content: content('x2') },
      ],
      review: {
        threads: {},
        comments: {},
        suggestions: {
          x1: { id: 'x1', sectionId: 'a', kind: 'insert' as const, author: person('Ann'), at, text: 'rises' },
          x2: { id: 'x2', sectionId: 'b', kind: 'insert' as const, author: person('Bob'), at, text: 'rises' },
        },
      },
    };
    const byAnn = settlePack(withReview, { author: 'Ann' }, 'reject');
    expect(byAnn.settled).toEqual(['x1']);
    expect(plainTextOf(byAnn.pack.sections[0]!.content)).toBe('Budget');
    expect(plainTextOf(byAnn.pack.sections[1]!.content)).toBe('Budget rises');
    expect(Object.keys(byAnn.pack.review.suggestions)).toEqual(['x2']);
    const inB = settlePack(withReview, { sectionId: 'b' }, 'accept');
    expect(inB.settled).toEqual(['x2']);
    expect(inB.pack.sections[0]).toBe(withReview.sections[0]);
    const none = settlePack(withReview, { author: 'Nobody' }, 'accept');
    expect(none.pack).toBe(withReview);
  });
});
