import { useEffect, useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/history';
import { CAN_UNDO_COMMAND, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type EditorState, type LexicalEditor } from 'lexical';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { findInText } from '../../shared/richtext/findText.js';
import { useFind } from './FindContext.js';
import type { FindState, LiveSection } from './findController.js';
import { $findMatches, $replaceMatches, $selectMatch, type LiveMatch } from './editorMatches.js';
import { LOAD_ALL_EVENT } from '../editor/LoadContentPlugin.js';

/** CSS Custom Highlight names (styled in find.css): every match, and the one the user is on. */
const ALL = 'briefing-find';
const CURRENT = 'briefing-find-current';
/** The section whose matches the page's highlights show now (one registry for the page). */
let highlightOwner: string | null = null;
/** Typing with the bar open re-finds after this pause, so a keystroke never waits for it. */
const REFRESH_DELAY_MS = 120;

const keyOf = (s: FindState) => (s.open && s.query ? `${s.options.matchCase ? 'c' : ''}${s.options.wholeWord ? 'w' : ''}:${s.query}` : '');

/** The text node and offset inside a Lexical text node's DOM where `offset` falls. */
function domPoint(editor: LexicalEditor, key: string, offset: number): [Node, number] | null {
  const element = editor.getElementByKey(key);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  let remaining = offset;
  while (node) {
    const length = node.textContent?.length ?? 0;
    if (remaining <= length) return [node, remaining];
    remaining -= length;
    const next = walker.nextNode();
    if (!next) return [node, length];
    node = next;
  }
  return [element, 0];
}

function rangeOf(editor: LexicalEditor, match: LiveMatch): Range | null {
  const start = domPoint(editor, match.startKey, match.startOffset);
  const end = domPoint(editor, match.endKey, match.endOffset);
  if (!start || !end) return null;
  const range = document.createRange();
  try {
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
  } catch {
    return null;
  }
  return range;
}

/**
 * A highlight's range that the browser does not keep up to date as the text changes: a live
 * Range for each of hundreds of matches would be adjusted, and the highlights recomputed, on
 * every keystroke. The highlights are redrawn from the text after each pause in typing.
 */
function staticRangeOf(range: Range): StaticRange {
  return new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
}

/** Scroll the nearest scrolling ancestor so the range sits in the middle of it. */
function reveal(range: Range): void {
  let scroller: HTMLElement | null = range.startContainer.parentElement;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  const rect = range.getBoundingClientRect();
  if (!scroller) {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return;
  }
  const box = scroller.getBoundingClientRect();
  if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return;
  scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 2;
}

const highlights = (): HighlightRegistry | null => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null);

/**
 * The open section's part of find and replace: finds in the live text, highlights every match
 * (the CSS Custom Highlight API, so the document itself is never touched and undo never sees
 * it), scrolls to the current one, replaces with undo, and gives the editor the undo step of
 * a "Replace all" made while it was closed.
 */
export function FindPlugin(props: { sectionId: string; history: HistoryState; initialContent: SerializedEditorStateJson }) {
  const [editor] = useLexicalComposerContext();
  const find = useFind();
  const { sectionId, history, initialContent } = props;

  // Before any update: the replacement made while this section was closed becomes the first
  // step on its undo stack.
  useLayoutEffect(() => {
    const before = find?.takeUndoSeed(sectionId, initialContent);
    if (!before) return;
    history.undoStack.push({ editor, editorState: editor.parseEditorState(before as unknown as Parameters<LexicalEditor['parseEditorState']>[0]) });
    editor.dispatchCommand(CAN_UNDO_COMMAND, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, find, sectionId]);

  useEffect(() => {
    if (!find) return;
    let cache: { state: EditorState; key: string; found: ReturnType<typeof $findMatches> } | null = null;
    const found = () => {
      const s = find.state;
      const key = keyOf(s);
      const state = editor.getEditorState();
      if (cache && cache.state === state && cache.key === key) return cache.found;
      const result = key ? state.read(() => $findMatches(s.query, s.options)) : { blocks: [], matches: [] };
      cache = { state, key, found: result };
      return result;
    };
    let pendingReveal = false;
    const paint = () => {
      const registry = highlights();
      const s = find.state;
      const { matches } = found();
      const current = s.current?.sectionId === sectionId ? matches[s.current.index] : undefined;
      if (registry) {
        const all: StaticRange[] = [];
        let currentRange: StaticRange | null = null;
        for (const m of matches) {
          const range = rangeOf(editor, m);
          if (!range) continue;
          if (m === current) currentRange = staticRangeOf(range);
          else all.push(staticRangeOf(range));
        }
        registry.set(ALL, new Highlight(...all));
        highlightOwner = sectionId;
        if (currentRange) registry.set(CURRENT, new Highlight(currentRange));
        else registry.delete(CURRENT);
      }
      if (pendingReveal && current) {
        const range = rangeOf(editor, current);
        if (range) {
          reveal(range);
          pendingReveal = false;
        }
      }
    };
    const loadAll = () => {
      if (keyOf(find.state)) editor.getRootElement()?.closest('.ed-shell')?.dispatchEvent(new Event(LOAD_ALL_EVENT));
    };
    const refresh = () => {
      const start = performance.now();
      find.setLiveCount(sectionId, found().matches.length);
      paint();
      // Read by the editor benchmark: the cost of a re-find after a pause in typing.
      performance.measure('briefing:find-refresh', { start });
    };
    const live: LiveSection = {
      sectionId,
      count: () => found().matches.length,
      replaceAt: (index, replacement) => {
        const s = find.state;
        let replaced = false;
        editor.update(
          () => {
            const { blocks, matches } = $findMatches(s.query, s.options);
            const match = matches[index];
            if (!match) return;
            $replaceMatches(blocks, [match], replacement);
            replaced = true;
          },
          { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG], discrete: true },
        );
        if (!replaced) return null;
        refresh();
        // The replacement may itself hold the text searched for: the next match is after it.
        return index + findInText(replacement, s.query, s.options).length;
      },
      replaceAll: (replacement) => {
        const s = find.state;
        let count = 0;
        editor.update(
          () => {
            const { blocks, matches } = $findMatches(s.query, s.options);
            count = matches.length;
            if (count) $replaceMatches(blocks, matches, replacement);
          },
          { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG], discrete: true },
        );
        refresh();
        return count;
      },
      selectMatch: (index) => {
        const match = found().matches[index];
        editor.getRootElement()?.focus({ preventScroll: true });
        if (match) editor.update(() => $selectMatch(match));
      },
      focus: () => editor.focus(),
    };
    const detach = find.attach(live);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let painted = true;
    const removeUpdate = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements }) => {
      if (!keyOf(find.state) || editorState === prevEditorState) return;
      // While the text is being typed, this section's highlights come down: the ranges are
      // fixed to where the matches were, so they would mark the wrong letters, and Chromium
      // repaints every one of them on each keystroke. They are back after a pause (refresh).
      if (painted && (dirtyLeaves.size > 0 || dirtyElements.size > 0)) {
        const registry = highlights();
        if (registry && registry.get(ALL) && highlightOwner === sectionId) {
          registry.delete(ALL);
          registry.delete(CURRENT);
        }
        painted = false;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        painted = true;
        refresh();
      }, REFRESH_DELAY_MS);
    });
    let last = find.state;
    const unsubscribe = find.store.subscribe(() => {
      const s = find.state;
      const was = last;
      last = s;
      if (s.reveal !== was.reveal && s.current?.sectionId === sectionId) pendingReveal = true;
      if (keyOf(s) !== keyOf(was)) {
        loadAll();
        refresh();
      } else if (s.current !== was.current || pendingReveal) paint();
    });
    // Opened to show a match (find moved here from another section).
    if (find.state.current?.sectionId === sectionId) pendingReveal = true;
    loadAll();
    refresh();
    return () => {
      clearTimeout(timer);
      removeUpdate();
      unsubscribe();
      detach();
      highlights()?.delete(ALL);
      highlights()?.delete(CURRENT);
    };
  }, [editor, find, sectionId]);
  return null;
}
