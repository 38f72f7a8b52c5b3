import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHeadlessEditor } from '@lexical/headless';
import { $createRangeSelection, $getRoot, $isElementNode, $isTextNode, $setSelection, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { acceptAll, rejectAll, settleContent } from '../../shared/review/settle.js';
import { $blockOf, $blockSuggestion, $suggestDelete, $suggestInsertText, $suggestionOf, $suggestParagraph, type SuggestContext } from '../../renderer/review/suggesting.js';
import { $settleInEditor } from '../../renderer/review/settleInEditor.js';

/**
 * Suggesting mode driven by random edits in a real (headless) Lexical editor. A simple model
 * keeps the text the author means (blocks of strings and a caret); after every edit the
 * editor's text with deletions taken out must equal the model, and at the end accepting every
 * suggestion gives exactly the model's text and rejecting every one exactly the original.
 */
type Op =
  | { op: 'caret'; block: number; at: number }
  | { op: 'select'; block: number; from: number; to: number }
  | { op: 'type'; text: string }
  | { op: 'backspace' }
  | { op: 'delete' }
  | { op: 'enter' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('caret' as const), block: fc.nat(20), at: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('select' as const), block: fc.nat(20), from: fc.nat(60), to: fc.nat(60) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('type' as const), text: fc.constantFrom('a', 'x', ' ', 'ward ', '£4m', 'Sefton') }) },
  { weight: 4, arbitrary: fc.constant({ op: 'backspace' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'enter' as const }) },
);
const paragraphsArb = fc.array(fc.array(fc.constantFrom('council', 'budget', 'cabinet', 'plan', 'the'), { maxLength: 5 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 4 });

function editorWith(state: SerializedEditorStateJson): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(state as never));
  return editor;
}

/** Blocks as the author sees them once every deletion is accepted. */
function $liveBlocks(): ElementNode[] {
  const out: ElementNode[] = [];
  const walk = (node: ElementNode) => {
    for (const child of node.getChildren()) {
      if (!$isElementNode(child) || child.isInline()) continue;
      if (child.getChildren().some((c) => $isElementNode(c) && !c.isInline())) walk(child);
      else if ($blockSuggestion(child)?.kind !== 'block-delete') out.push(child);
    }
  };
  walk($getRoot());
  return out;
}

const isDeletedText = (node: LexicalNode) => $suggestionOf(node)?.getKind() === 'delete';
const $liveText = (block: ElementNode) => block.getAllTextNodes().filter((t) => !isDeletedText(t)).map((t) => t.getTextContent()).join('');

/** A point in the editor for a live offset of a live block. */
function $pointAt(block: ElementNode, offset: number): { node: LexicalNode; offset: number; type: 'text' | 'element' } {
  let left = offset;
  const texts = block.getAllTextNodes().filter((t) => !isDeletedText(t));
  for (const t of texts) {
    const size = t.getTextContentSize();
    if (left <= size) return { node: t, offset: left, type: 'text' };
    left -= size;
  }
  return { node: block, offset: 0, type: 'element' };
}

function $select(block: ElementNode, from: number, to: number): void {
  const a = $pointAt(block, from);
  const b = $pointAt(block, to);
  const range = $createRangeSelection();
  range.anchor.set(a.node.getKey(), a.offset, a.type);
  range.focus.set(b.node.getKey(), b.offset, b.type);
  $setSelection(range);
}

interface Model { blocks: string[]; foreign: boolean[]; mine: boolean; caret: { block: number; at: number }; range: { from: number; to: number } | null }

/** Applies an op to the model; false when the op is left out (the editor gets it too, or not). */
function applyModel(m: Model, op: Op): void {
  const { blocks, caret } = m;
  const remove = (at: number) => {
    blocks.splice(at, 1);
    m.foreign.splice(at, 1);
  };
  const cut = () => {
    if (!m.range) return;
    const text = blocks[caret.block]!;
    blocks[caret.block] = text.slice(0, m.range.from) + text.slice(m.range.to);
    caret.at = m.range.from;
    m.range = null;
  };
  switch (op.op) {
    case 'caret':
      caret.block = op.block % blocks.length;
      caret.at = Math.min(op.at, blocks[caret.block]!.length);
      m.range = null;
      return;
    case 'select': {
      caret.block = op.block % blocks.length;
      const size = blocks[caret.block]!.length;
      const [from, to] = [Math.min(op.from, size), Math.min(op.to, size)].sort((x, y) => x - y) as [number, number];
      m.range = from === to ? null : { from, to };
      caret.at = from;
      return;
    }
    case 'type': {
      cut();
      const text = blocks[caret.block]!;
      blocks[caret.block] = text.slice(0, caret.at) + op.text + text.slice(caret.at);
      caret.at += op.text.length;
      return;
    }
    case 'backspace':
    case 'delete': {
      if (m.range) return cut();
      const text = blocks[caret.block]!;
      const back = op.op === 'backspace';
      if (back && caret.at > 0) {
        blocks[caret.block] = text.slice(0, caret.at - 1) + text.slice(caret.at);
        caret.at--;
      } else if (!back && caret.at < text.length) blocks[caret.block] = text.slice(0, caret.at) + text.slice(caret.at + 1);
      else if (back && caret.block > 0) {
        // An emptied block goes, unless it is someone else's suggested new block.
        if (text === '' && !m.foreign[caret.block]) remove(caret.block);
        caret.block--;
        caret.at = blocks[caret.block]!.length;
      } else if (!back && caret.block < blocks.length - 1) {
        if (text === '' && !m.foreign[caret.block]) remove(caret.block);
        else caret.block++;
        caret.at = 0;
      }
      return;
    }
    case 'enter': {
      cut();
      const text = blocks[caret.block]!;
      const before = text.slice(0, caret.at);
      const after = text.slice(caret.at);
      blocks.splice(caret.block, 1, before, after);
      // The new block is after, except for Enter at the start of a block with text.
      const newIsFirst = before === '' && after !== '';
      const old = m.foreign[caret.block]!;
      m.foreign.splice(caret.block, 1, newIsFirst ? !m.mine : old, newIsFirst ? old : !m.mine);
      caret.block++;
      caret.at = 0;
    }
  }
}

function applyEditor(editor: LexicalEditor, ctx: SuggestContext, m: Model, op: Op): void {
  editor.update(
    () => {
      const blocks = $liveBlocks();
      if (op.op === 'caret' || op.op === 'select') {
        const block = blocks[m.caret.block]!;
        if (m.range) $select(block, m.range.from, m.range.to);
        else $select(block, m.caret.at, m.caret.at);
        return;
      }
      if (op.op === 'type') $suggestInsertText(ctx, op.text);
      else if (op.op === 'enter') $suggestParagraph(ctx);
      else $suggestDelete(ctx, op.op === 'backspace');
    },
    { discrete: true },
  );
}

function run(paragraphs: string[], ops: Op[], mine: boolean) {
  const original = editorStateFromParagraphs(paragraphs);
  const editor = editorWith(original);
  let made = 0;
  const ctx: SuggestContext = { record: () => `s${++made}`, isMine: () => mine };
  const model: Model = { blocks: paragraphs.slice(), foreign: paragraphs.map(() => false), mine, caret: { block: 0, at: 0 }, range: null };
  editor.update(() => $select($liveBlocks()[0]!, 0, 0), { discrete: true });
  for (const op of ops) {
    // Select ops first settle the model's caret, then the editor follows it.
    applyModel(model, op);
    applyEditor(editor, ctx, model, op);
    // Deleting or typing moves the caret in both; check the text, then put the editor's caret
    // where the model says (the model is the reference for where the caret is).
    const live = editor.getEditorState().read(() => $liveBlocks().map($liveText));
    expect(live).toEqual(model.blocks);
    editor.update(() => {
      const block = $liveBlocks()[model.caret.block]!;
      if (model.range) $select(block, model.range.from, model.range.to);
      else $select(block, model.caret.at, model.caret.at);
    }, { discrete: true });
  }
  const json = editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson;
  const intended = plainTextOf(editorStateFromParagraphs(model.blocks));
  const before = plainTextOf(original);
  expect(plainTextOf(settleContent(json, acceptAll).state)).toBe(intended);
  expect(plainTextOf(settleContent(json, rejectAll).state)).toBe(before);
  // The live editor's accept/reject gives the same.
  const accepted = editorWith(json);
  accepted.update(() => void $settleInEditor(acceptAll), { discrete: true });
  expect(plainTextOf(accepted.getEditorState().toJSON() as never)).toBe(intended);
  const rejected = editorWith(json);
  rejected.update(() => void $settleInEditor(rejectAll), { discrete: true });
  expect(plainTextOf(rejected.getEditorState().toJSON() as never)).toBe(before);
  return made;
}

describe('suggesting mode on a live editor (renderer/review/suggesting.ts)', () => {
  for (const mine of [true, false]) {
    it(`random typing, deleting and splitting${mine ? '' : ' (each edit by someone new)'}: accept-all gives the intended text, reject-all the original`, () => {
      let runs = 0;
      let ops = 0;
      let suggestions = 0;
      fc.assert(
        fc.property(paragraphsArb, fc.array(opArb, { minLength: 15, maxLength: 60 }), (paragraphs, list) => {
          runs++;
          ops += list.length;
          suggestions += run(paragraphs, list, mine);
        }),
        { numRuns: 150, seed: mine ? 1414 : 4141 },
      );
      expect(runs).toBe(150);
      expect(ops).toBeGreaterThan(3000);
      expect(suggestions).toBeGreaterThan(200);
    });
  }

  it('a block made empty is suggested deleted as a block, and a new paragraph is a block insertion', () => {
    const editor = editorWith(editorStateFromParagraphs(['one', 'two']));
    const ctx: SuggestContext = { record: (kind) => kind, isMine: () => false };
    editor.update(() => {
      $select($liveBlocks()[1]!, 3, 3);
      for (let i = 0; i < 4; i++) $suggestDelete(ctx, true);
      $suggestParagraph(ctx);
    }, { discrete: true });
    const json = editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson;
    const states = json.root.children.map((c) => (c.$ as { suggestion?: { kind: string } } | undefined)?.suggestion?.kind ?? null);
    expect(states).toEqual([null, 'block-insert', 'block-delete']);
    expect(editor.getEditorState().read(() => $blockOf($liveBlocks()[0]!.getFirstChildOrThrow())?.getTextContent())).toBe('one');
    expect(plainTextOf(settleContent(json, acceptAll).state)).toBe('one');
    expect(plainTextOf(settleContent(json, rejectAll).state)).toBe('one\ntwo');
    void $isTextNode;
  });
});
