import { describe, expect, it, vi } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { createEmptyHistoryState, registerHistory, type HistoryState } from '@lexical/history';
import { $createTextNode, $getRoot, type EditorState, type LexicalEditor, type ParagraphNode } from 'lexical';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { FIRST_SLICE_NODES, finishSectionLoad, isSectionComplete, prepareSectionLoad, sliceEnd, type SectionLoad } from '../../renderer/editor/sectionLoad.js';
import { longestSectionIndex, makeReferencePack, paragraph, stateOf, text } from '../support/referencePack.js';

// The slicing logic of a long section's load, on a real (headless) Lexical editor with the
// app's node list and Lexical's own undo history. (A headless editor applies an undo lazily,
// so the tests look at what undo would restore: the entries on the undo stack. The e2e test
// tests/e2e/editorLongSection.spec.ts undoes for real in Chromium.)

/**
 * What SectionEditor and LoadContentPlugin do: the editor is made with the first slice (the
 * composer's initial-state function, run in the editor's first update), the plugins register
 * (here: Lexical's history), then the rest is brought in.
 */
function openSection(
  content: SerializedEditorStateJson,
  onError: (error: unknown) => void = (e) => { throw e; },
  editorOnError: (error: Error) => void = (e) => { throw e; },
): { editor: LexicalEditor; history: HistoryState; load: SectionLoad } {
  const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: editorOnError });
  const section = prepareSectionLoad(content);
  editor.update(() => section.initialEditorState(editor), { discrete: true, tag: 'history-merge' });
  if (section.failure) throw section.failure.error;
  const history = createEmptyHistoryState();
  registerHistory(editor, history, 300);
  return { editor, history, load: section.continueLoad(editor, onError) };
}

/** What the editor holds, as a pack would save it. */
const saved = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());

/** The same content loaded whole, the way the editor loaded every section before slicing. */
function loadedWhole(content: SerializedEditorStateJson): string {
  const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(content as never));
  return saved(editor);
}

const longSection = () => {
  const pack = makeReferencePack();
  return pack.sections[longestSectionIndex(pack)]!.content;
};
const blocksIn = (state: EditorState) => state.read(() => $getRoot().getChildrenSize());
const blockCount = (editor: LexicalEditor) => blocksIn(editor.getEditorState());

describe('loading a long section in slices', () => {
  it('shows a first slice of whole blocks, then brings in the rest by itself, ending exactly as a whole load', async () => {
    const content = longSection();
    const total = content.root.children.length;
    const { editor, load } = openSection(content);
    const first = blockCount(editor);
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(total / 3);
    expect(load.complete).toBe(false);
    expect(isSectionComplete(editor)).toBe(false);
    await vi.waitFor(() => expect(load.complete).toBe(true), { timeout: 10_000, interval: 20 });
    expect(blockCount(editor)).toBe(total);
    expect(isSectionComplete(editor)).toBe(true);
    expect(saved(editor)).toBe(loadedWhole(content));
  });

  it('finish() brings everything in at once; undoing the first edit would go back to the whole section', () => {
    const content = longSection();
    const total = content.root.children.length;
    const { editor, history, load } = openSection(content);
    expect(load.complete).toBe(false);
    finishSectionLoad(editor);
    expect(load.complete).toBe(true);
    expect(saved(editor)).toBe(loadedWhole(content));
    editor.update(() => $getRoot().getFirstChildOrThrow<ParagraphNode>().append($createTextNode(' Typed.')), { discrete: true });
    expect(history.undoStack).toHaveLength(1);
    expect(blocksIn(history.undoStack[0]!.editorState)).toBe(total);
  });

  it('an edit that comes before finish() keeps the edit, gets the rest appended and leaves nothing to undo into', () => {
    const content = longSection();
    const total = content.root.children.length;
    const { editor, history, load } = openSection(content);
    editor.update(() => $getRoot().getFirstChildOrThrow<ParagraphNode>().append($createTextNode(' Early.')), { discrete: true });
    expect(load.complete).toBe(true);
    expect(blockCount(editor)).toBe(total);
    expect(editor.getEditorState().read(() => $getRoot().getFirstChildOrThrow().getTextContent())).toContain(' Early.');
    // Undo must never go back to a partly loaded section.
    expect(history.undoStack).toHaveLength(0);
  });

  it('a later block that cannot be read stops the load for good and says so; the editor is never complete', async () => {
    const blocks = Array.from({ length: 200 }, (_, i) => paragraph([text(`Paragraph ${i} of a long section.`)]));
    blocks.splice(150, 0, { type: 'not-a-real-node', version: 1 });
    const onError = vi.fn();
    // An editor that only logs errors, as the app's does: the failure must still be seen.
    const { editor, load } = openSection(stateOf(blocks), onError, () => undefined);
    expect(blockCount(editor)).toBeLessThan(150);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1), { timeout: 10_000, interval: 20 });
    expect(load.complete).toBe(false);
    expect(isSectionComplete(editor)).toBe(false);
    load.finish(); // stays stopped
    expect(isSectionComplete(editor)).toBe(false);
  });

  it('a short section loads whole at once', () => {
    const content = stateOf([paragraph([text('Short.')]), paragraph([text('Also short.')])]);
    const { editor, load } = openSection(content);
    expect(load.complete).toBe(true);
    expect(saved(editor)).toBe(loadedWhole(content));
  });

  it('an unreadable first slice is reported, whatever the editor does with errors, and that editor is never complete', () => {
    // An editor that only logs errors (as the app's does): the failure must still be seen.
    const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: () => undefined });
    const section = prepareSectionLoad(stateOf([paragraph([text('Readable.')]), { type: 'not-a-real-node', version: 1 }]));
    editor.update(() => section.initialEditorState(editor), { discrete: true });
    expect(section.failure).not.toBeNull();
    expect(isSectionComplete(editor)).toBe(false);
    expect(section.continueLoad(editor, () => undefined).complete).toBe(false);
  });

  it('slices are whole blocks within the node budget, and never empty', () => {
    expect(sliceEnd([5, 5, 5], 0, 12)).toBe(2);
    expect(sliceEnd([500, 5], 0, 12)).toBe(1); // one oversized block still makes a slice
    expect(sliceEnd([5, 5, 5], 2, 12)).toBe(3);
    expect(sliceEnd([5, 5, 5], 3, 12)).toBe(3);
    expect(FIRST_SLICE_NODES).toBeGreaterThan(0);
  });
});
