import {
  $getRoot,
  $parseSerializedNode,
  CLEAR_HISTORY_COMMAND,
  HISTORY_MERGE_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type EditorState,
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
 * many nodes, more than a large window shows; the rest follows in short slices when the page
 * is idle.
 */
export const FIRST_SLICE_NODES = 200;
/** Work per later slice, so typing and painting are never held up for long. */
const SLICE_BUDGET_MS = 6;
/** A later slice waits for the page to be idle (after the first paint and anything else
    queued), but no longer than this. */
const SLICE_WAIT_MS = 200;

/** Run `task` when the page is idle, or after SLICE_WAIT_MS at the latest. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: SLICE_WAIT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0); // no idle callbacks (unit tests in Node)
  return () => clearTimeout(id);
}

/**
 * Whether an editor update changed the text as an edit does: not a selection move, not the
 * section being loaded, and not a 'history-merge' update (plugins that register node
 * transforms re-run them over the nodes already there in one: normalisation, not an edit;
 * anything it changed is saved with the next real edit).
 */
export function isEdit(update: { dirtyElements: Map<string, boolean>; dirtyLeaves: Set<string>; prevEditorState: EditorState; tags: Set<string> }): boolean {
  if (update.dirtyElements.size === 0 && update.dirtyLeaves.size === 0) return false;
  return !update.prevEditorState.isEmpty() && !update.tags.has(SECTION_LOAD_TAG) && !update.tags.has(HISTORY_MERGE_TAG);
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

export interface SectionLoad {
  /** True once every block of the saved content is in the editor. */
  readonly complete: boolean;
  /** Put the rest in now, synchronously: before an edit, a save or a read of the whole text. */
  finish(): void;
  /** Stop loading (the editor is going away). */
  cancel(): void;
}

/** A section on its way into an editor: the first slice as the editor is made, then the rest. */
export interface PreparedSection {
  /**
   * For LexicalComposer's initialConfig.editorState (it calls it inside the editor's first
   * update): puts the first slice in while the editor has no element yet, so it is built and
   * laid out once, with the page, instead of the page being laid out empty first.
   */
  initialEditorState: (editor: LexicalEditor) => void;
  /** Why the first slice could not be read, if it could not (the section must not be edited). */
  readonly failure: { error: unknown } | null;
  /** Once the editor's plugins are registered: bring the rest in, in slices. */
  continueLoad(editor: LexicalEditor, onError: (error: unknown) => void): SectionLoad;
}

const loads = new WeakMap<LexicalEditor, SectionLoad>();

/**
 * Whether everything saved in the section is in this editor (true for editors that never
 * loaded a section). False for good if a block could not be read: such an editor must never
 * be saved, or the blocks it could not read would be saved as deleted.
 */
export function isSectionComplete(editor: LexicalEditor): boolean {
  return loads.get(editor)?.complete ?? true;
}

/** Bring the rest of the section in at once, if it is still arriving. */
export function finishSectionLoad(editor: LexicalEditor): void {
  loads.get(editor)?.finish();
}

/**
 * Split saved content into its first slice and the rest. Appends happen inside Lexical
 * updates, which report errors to the editor's onError rather than to the caller, so each
 * block is parsed in a try/catch here and a failure stops the load where it happened.
 *
 * Later slices are appended at the end and merged into the undo history's current entry, so
 * undo never takes loaded text away. Whoever can change the text calls finish() first
 * (LoadContentPlugin does, on any interaction with the editor or its toolbar; saving does,
 * before it reads the editor), so every edit applies to the whole section. An edit that still
 * comes first is kept, gets the rest appended after it, and clears the undo history, which
 * could otherwise undo back to a partial section.
 */
export function prepareSectionLoad(content: SerializedEditorStateJson): PreparedSection {
  const blocks = (content.root.children ?? []) as SerializedNodeJson[];
  const sizes = blockSizes(blocks);
  let next = 0;
  let failure: { error: unknown } | null = null;

  /** Inside an update: append blocks up to `until`; stops (with `failure` set) at one that cannot be read. */
  const $appendUpTo = (until: number) => {
    const root = $getRoot();
    for (; next < until && !failure; next++) {
      try {
        root.append($parseSerializedNode(blocks[next] as unknown as SerializedLexicalNode));
      } catch (error) {
        failure = { error };
      }
    }
  };
  const complete = () => !failure && next >= blocks.length;

  return {
    initialEditorState(editor) {
      const started = performance.now();
      // The root's own settings (direction, format, indent), as parsing the whole state would.
      $getRoot().updateFromJSON({ ...content.root, children: [] } as never);
      $appendUpTo(sliceEnd(sizes, 0, FIRST_SLICE_NODES));
      // Until continueLoad takes over (the same render pass), the editor is complete only if
      // the first slice was all of it.
      loads.set(editor, { get complete() { return complete(); }, finish: () => undefined, cancel: () => undefined });
      // Read by the editor benchmark to show where the open time goes.
      performance.measure('briefing:section-load', { start: started, end: performance.now() });
    },
    get failure() {
      return failure;
    },
    continueLoad(editor, onError) {
      const started = performance.now();
      let stopped = Boolean(failure);
      let cancelNext = () => {};
      let unregisterEditGuard = () => {};
      /** Nodes per later slice, tuned from how long the last one took. */
      let sliceNodes = FIRST_SLICE_NODES;

      const stop = () => {
        stopped = true;
        cancelNext();
        unregisterEditGuard();
      };
      /** Append up to block `until`; a block that cannot be read stops the load for good. */
      const run = (until: number) => {
        editor.update(() => $appendUpTo(until), {
          // Not an edit (save tracking and word counts ignore it), merged into the current undo
          // entry, and it must not move the cursor or scroll. No node transforms: saved content
          // needs none (loading a whole section never ran them; the first slice only has them
          // re-run because the plugins register after it).
          tag: [SECTION_LOAD_TAG, HISTORY_MERGE_TAG, SKIP_SCROLL_INTO_VIEW_TAG, SKIP_DOM_SELECTION_TAG],
          skipTransforms: true,
          discrete: true,
        });
        if (failure) {
          stop();
          onError(failure.error);
        } else if (complete()) {
          stop();
          performance.measure('briefing:section-complete', { start: started, end: performance.now() });
        }
      };
      const slice = () => {
        if (stopped) return;
        const t0 = performance.now();
        run(sliceEnd(sizes, next, sliceNodes));
        const took = performance.now() - t0;
        sliceNodes = Math.max(50, Math.round(sliceNodes * Math.min(2, SLICE_BUDGET_MS / Math.max(took, 0.5))));
        if (!stopped) cancelNext = whenIdle(slice);
      };
      const load: SectionLoad = {
        get complete() {
          return complete();
        },
        finish() {
          if (!stopped && !complete()) run(blocks.length);
        },
        cancel: stop,
      };
      loads.set(editor, load);
      if (stopped || complete()) return load;
      // The backstop for an edit that came before finish() was called.
      unregisterEditGuard = editor.registerUpdateListener((update) => {
        if (stopped || !isEdit(update)) return;
        load.finish();
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      });
      // Idle callbacks come after the first paint and after anything else the page has queued.
      cancelNext = whenIdle(slice);
      return load;
    },
  };
}
