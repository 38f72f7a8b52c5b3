import {
  $getRoot,
  $parseSerializedNode,
  CLEAR_HISTORY_COMMAND,
  HISTORY_MERGE_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';

/** Every update that puts saved content into the editor carries this tag: it is not an edit. */
export const SECTION_LOAD_TAG = 'section-load';

/**
 * A long section is put into the editor in slices, so that it is on screen and editable
 * after its first screens instead of after all of it (an 11,000-word section takes Lexical
 * ~100 ms to build and the browser about as long to lay out). The first slice is about this
 * many nodes, more than a large window shows; the rest follows in short slices between
 * frames.
 */
export const FIRST_SLICE_NODES = 200;
/** Work per later slice, so typing and painting are never held up for long. */
const SLICE_BUDGET_MS = 6;
/** Later slices start after the first paint, or after this long if nothing is painting. */
const START_LATER_SLICES_MS = 50;

export interface SectionLoad {
  /** True once every block of the saved content is in the editor. */
  readonly complete: boolean;
  /** Put the rest in now, synchronously: before an edit, a save or a read of the whole text. */
  finish(): void;
  /** Stop loading (the editor is going away). */
  cancel(): void;
}

/** How many nodes each block holds: what building it costs. */
function blockSizes(blocks: SerializedNodeJson[]): number[] {
  return blocks.map((block) => {
    let nodes = 0;
    const stack: SerializedNodeJson[] = [block];
    while (stack.length) {
      const node = stack.pop()!;
      nodes++;
      if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
    }
    return nodes;
  });
}

/** Where a slice starting at block `from` ends: whole blocks up to `budget` nodes, at least one. */
export function sliceEnd(sizes: number[], from: number, budget: number): number {
  let end = from;
  for (let nodes = 0; end < sizes.length && (end === from || nodes + sizes[end]! <= budget); end++) nodes += sizes[end]!;
  return end;
}

const loads = new WeakMap<LexicalEditor, SectionLoad>();

/**
 * Whether everything saved in the section is in this editor (true for editors that never
 * loaded in slices). False for good if a later slice failed: such an editor must never be
 * saved, or the blocks it could not read would be saved as deleted.
 */
export function isSectionComplete(editor: LexicalEditor): boolean {
  return loads.get(editor)?.complete ?? true;
}

/** Bring the rest of the section in at once, if it is still arriving. */
export function finishSectionLoad(editor: LexicalEditor): void {
  loads.get(editor)?.finish();
}

/**
 * Put saved content into the editor: the first slice at once (it replaces the editor state,
 * and the undo history starts after it), then the remaining blocks appended at the end in
 * later slices. Appends are merged into the undo history's current entry, so undo never
 * takes loaded text away.
 *
 * Whoever can change the text calls finish() first (LoadContentPlugin does so on any
 * interaction with the editor or its toolbar; saving does so before it reads the editor), so
 * every edit applies to the whole section. An edit that still comes first is kept, gets the
 * rest appended after it, and clears the undo history, which could otherwise undo back to a
 * partial section.
 *
 * The first slice throws if the content cannot be read, as loading it whole did; a later
 * slice that cannot be read stops the load for good and is reported to `onError`.
 */
export function startSectionLoad(editor: LexicalEditor, content: SerializedEditorStateJson, onError: (error: unknown) => void): SectionLoad {
  const blocks = (content.root.children ?? []) as SerializedNodeJson[];
  const sizes = blockSizes(blocks);
  let next = sliceEnd(sizes, 0, FIRST_SLICE_NODES);
  const started = performance.now();
  editor.setEditorState(editor.parseEditorState({ ...content, root: { ...content.root, children: blocks.slice(0, next) } } as never), { tag: SECTION_LOAD_TAG });
  // Read by the editor benchmark to show where the open time goes.
  performance.measure('briefing:section-load', { start: started, end: performance.now() });
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);

  let stopped = false;
  let unregisterEditGuard = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  /** Nodes per later slice, tuned from how long the last one took. */
  let sliceNodes = FIRST_SLICE_NODES;

  const append = (until: number) => {
    editor.update(
      () => {
        const root = $getRoot();
        for (; next < until; next++) root.append($parseSerializedNode(blocks[next] as unknown as SerializedLexicalNode));
      },
      // Not an edit (save tracking and word counts ignore it), merged into the current undo
      // entry, and it must not move the cursor or scroll. No node transforms: the first slice,
      // set as the editor state, had none either.
      { tag: [SECTION_LOAD_TAG, HISTORY_MERGE_TAG, SKIP_SCROLL_INTO_VIEW_TAG, SKIP_DOM_SELECTION_TAG], skipTransforms: true, discrete: true },
    );
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    unregisterEditGuard();
  };

  /** Append up to block `until`; a block that cannot be read stops the load for good. */
  const run = (until: number) => {
    try {
      append(until);
    } catch (error) {
      stop();
      onError(error);
      return;
    }
    if (load.complete) {
      stop();
      performance.measure('briefing:section-complete', { start: started, end: performance.now() });
    }
  };

  const load: SectionLoad = {
    get complete() {
      return next >= blocks.length;
    },
    finish() {
      if (!stopped && !load.complete) run(blocks.length);
    },
    cancel: stop,
  };

  const slice = () => {
    timer = undefined;
    if (stopped) return;
    const t0 = performance.now();
    run(sliceEnd(sizes, next, sliceNodes));
    const took = performance.now() - t0;
    sliceNodes = Math.max(50, Math.round(sliceNodes * Math.min(2, SLICE_BUDGET_MS / Math.max(took, 0.5))));
    if (!stopped) timer = setTimeout(slice, 0);
  };

  // The backstop for an edit that came before finish() was called.
  unregisterEditGuard = editor.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves }) => {
    if (stopped || tags.has(SECTION_LOAD_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
    load.finish();
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  });

  loads.set(editor, load);
  if (load.complete) {
    stop();
    return load;
  }
  const begin = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
    clearTimeout(timer);
    timer = setTimeout(slice, 0);
  };
  // After the first slice is painted; the timer covers a window that is not painting.
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(begin);
  timer = setTimeout(begin, START_LATER_SLICES_MS);
  return load;
}
