import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getSelection,
  $getState,
  $setState,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  ParagraphNode,
  COLLABORATION_TAG,
  HISTORIC_TAG,
  HISTORY_MERGE_TAG,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode } from '@lexical/list';
import { TableRowNode } from '@lexical/table';
import { MarkNode, $isMarkNode } from '@lexical/mark';
import { copyToClipboard } from '@lexical/clipboard';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { SuggestionNode, $isSuggestionNode } from '../../shared/richtext/SuggestionNode.js';
import { blockSuggestionState, type BlockSuggestion } from '../../shared/richtext/blockSuggestion.js';
import type { SectionReviewMarkup } from '../../shared/review/presence.js';
import type { ReviewPart } from '../pack/session/reviewPart.js';
import { finishSectionLoad } from '../editor/sectionLoad.js';
import { useReview } from './ReviewContext.js';
import { $suggestDelete, $suggestDeleteSelection, $suggestInsertText, $suggestLineBreak, $suggestParagraph, type SuggestContext } from './suggesting.js';
import { $settleInEditor, $suggestionsInOrder } from './settleInEditor.js';
import { $anchorComment, $marksOf, $removeMarks } from './comments.js';
import { ADD_COMMENT_COMMAND, NEXT_CHANGE_COMMAND, isReviewShortcut } from './commands.js';
import { newReviewId } from './ids.js';

const BLOCK_CLASSES = [ParagraphNode, HeadingNode, QuoteNode, ListItemNode, TableRowNode] as const;
/** How long after the last edit the open section's markup is reported (panel, counts). */
const PRESENCE_DELAY_MS = 300;

/**
 * Everything review needs inside one section editor: the handle the review part uses (settle,
 * jump, remove marks), suggesting mode (typed and deleted text become suggestions), comment
 * anchoring (toolbar, context menu, Ctrl+Alt+M), the highlight of the thread being worked on,
 * the look of block suggestions and of the "Final" view, and reporting the section's markup.
 */
export function ReviewPlugins(props: { sectionId: string }) {
  const review = useReview();
  const [editor] = useLexicalComposerContext();
  useEffect(() => (review ? registerReview(editor, review, props.sectionId) : undefined), [editor, review, props.sectionId]);
  return null;
}

function registerReview(editor: LexicalEditor, review: ReviewPart, sectionId: string): () => void {
  const session = reviewSession(review);
  const suggesting = () => review.state.mode === 'suggesting' && editor.isEditable();
  const ctx: SuggestContext = {
    record: (kind, text) => review.recordSuggestion(sectionId, kind, text),
    isMine: (id) => {
      const record = session()?.review.suggestions[id];
      return record ? review.isMine(record.author) : false;
    },
  };

  const handle = {
    editor,
    settle: (decide: Parameters<typeof $settleInEditor>[0]) => {
      finishSectionLoad(editor);
      let ids: string[] = [];
      editor.update(() => void (ids = $settleInEditor(decide)), { discrete: true });
      report();
      return ids;
    },
    focusItem: (id: string) => focusItem(editor, id),
    removeMarks: (threadId: string) => editor.update(() => $removeMarks(threadId), { discrete: true }),
  };

  // ---- The section's markup, reported after a pause in editing ----
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSignature = '';
  const report = () => {
    clearTimeout(timer);
    timer = undefined;
    const markup = editor.getEditorState().read(() => $markupOf(editor.getEditorState()));
    // Only a real change is reported: the panel and the counts re-render on it.
    const signature = JSON.stringify([[...markup.marks], [...markup.suggestions]]);
    if (signature === lastSignature) return;
    lastSignature = signature;
    review.setLive(sectionId, markup);
    const texts = new Map<string, string>();
    for (const [id, value] of markup.suggestions) texts.set(id, value.text);
    review.updateSuggestionTexts(texts);
  };
  const scheduleReport = () => {
    if (timer === undefined) timer = setTimeout(report, PRESENCE_DELAY_MS);
  };

  // ---- Look: active thread, resolved threads, block suggestions, view ----
  const markKeys = new Map<string, string[]>();
  const paintMarks = () => {
    const threads = session()?.review.threads ?? {};
    const active = review.state.activeThread;
    for (const [key, ids] of markKeys) {
      const element = editor.getElementByKey(key);
      if (!element) continue;
      element.classList.toggle('is-active', active !== null && ids.includes(active));
      element.classList.toggle('is-resolved', ids.every((id) => !threads[id] || threads[id]!.resolved !== null));
      element.dataset.threads = ids.join(' ');
    }
  };
  const paintShell = () => {
    const shell = editor.getRootElement()?.closest('.ed-shell');
    shell?.classList.toggle('review-final', review.state.view === 'final');
    shell?.classList.toggle('review-suggesting', review.state.mode === 'suggesting');
  };

  let lastActive = review.state.activeThread;
  let lastView = review.state.view;
  let lastMode = review.state.mode;
  let lastThreads = session()?.review.threads;
  const unsubscribeReview = review.store.subscribe(() => {
    const { activeThread, view, mode } = review.state;
    if (activeThread !== lastActive) {
      lastActive = activeThread;
      paintMarks();
    }
    if (view !== lastView || mode !== lastMode) {
      lastView = view;
      lastMode = mode;
      paintShell();
    }
  });
  const unsubscribeSession = review.sessionStore.subscribe(() => {
    const threads = session()?.review.threads;
    if (threads !== lastThreads) {
      lastThreads = threads;
      paintMarks();
    }
  });

  const suggestingCommand = <P,>(run: (payload: P) => void) => (payload: P) => {
    if (!suggesting()) return false;
    run(payload);
    return true;
  };

  const onBeforeInput = (event: InputEvent) => {
    if (!suggesting()) return;
    const type = event.inputType;
    if (type !== 'insertText' && type !== 'insertReplacementText' && type !== 'insertFromYank') return;
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    event.preventDefault();
    event.stopImmediatePropagation();
    if (text) editor.update(() => $suggestInsertText(ctx, text));
  };

  const unregister = mergeRegister(
    review.registerEditor(sectionId, handle),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onBeforeInput as EventListener, true);
      root?.addEventListener('beforeinput', onBeforeInput as EventListener, true);
      paintShell();
    }),
    // Suggesting mode: every way of changing text goes through a suggestion.
    editor.registerCommand(CONTROLLED_TEXT_INSERTION_COMMAND, suggestingCommand((payload: InputEvent | string) => {
      const text = typeof payload === 'string' ? payload : (payload.data ?? '');
      if (text) $suggestInsertText(ctx, text);
    }), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, suggestingCommand((isBackward: boolean) => $suggestDelete(ctx, isBackward, 'character')), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_WORD_COMMAND, suggestingCommand((isBackward: boolean) => $suggestDelete(ctx, isBackward, 'word')), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_LINE_COMMAND, suggestingCommand((isBackward: boolean) => $suggestDelete(ctx, isBackward, 'lineboundary')), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REMOVE_TEXT_COMMAND, suggestingCommand(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && !selection.isCollapsed()) $suggestDeleteSelection(ctx, selection, 'start');
    }), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, suggestingCommand(() => $suggestParagraph(ctx)), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INSERT_LINE_BREAK_COMMAND, suggestingCommand(() => $suggestLineBreak(ctx)), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(CUT_COMMAND, suggestingCommand((event: ClipboardEvent | KeyboardEvent | null) => {
      void copyToClipboard(editor, event instanceof ClipboardEvent ? event : null).then(() =>
        editor.update(() => {
          const selection = $getSelection();
          if ($isRangeSelection(selection) && !selection.isCollapsed()) $suggestDeleteSelection(ctx, selection, 'start');
        }),
      );
    }), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(PASTE_COMMAND, suggestingCommand((event: ClipboardEvent | InputEvent | KeyboardEvent) => {
      // Pasted text is suggested as typed (formatting is not tracked as a change).
      const data = event instanceof ClipboardEvent ? event.clipboardData : event instanceof InputEvent ? event.dataTransfer : null;
      event.preventDefault();
      const text = data?.getData('text/plain') ?? '';
      if (!text) return;
      editor.update(() => {
        text.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
          if (i > 0) $suggestParagraph(ctx);
          if (line) $suggestInsertText(ctx, line);
        });
      });
    }), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DROP_COMMAND, (event: DragEvent) => (suggesting() ? (event.preventDefault(), true) : false), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DRAGSTART_COMMAND, (event: DragEvent) => (suggesting() ? (event.preventDefault(), true) : false), COMMAND_PRIORITY_CRITICAL),

    // Comments.
    editor.registerCommand(
      ADD_COMMENT_COMMAND,
      () => {
        // Commands run inside an editor update: anchor here, at once.
        const id = newReviewId('t');
        const anchored = $anchorComment(id);
        review.createThread(sectionId, anchored?.anchor ?? 'section', anchored?.quote ?? '', id);
        scheduleReport();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(NEXT_CHANGE_COMMAND, (forward: boolean) => moveToChange(editor, forward), COMMAND_PRIORITY_LOW),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const shortcut = isReviewShortcut(event);
        if (!shortcut) return false;
        event.preventDefault();
        if (shortcut === 'comment') editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined);
        else if (shortcut === 'suggesting') review.setMode(review.state.mode === 'suggesting' ? 'editing' : 'suggesting');
        else editor.dispatchCommand(NEXT_CHANGE_COMMAND, shortcut === 'next');
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    // The caret in commented text makes its thread the active one.
    editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        const mark = $findMatchingParent(selection.anchor.getNode(), $isMarkNode) as MarkNode | null;
        if (mark) {
          const threads = session()?.review.threads ?? {};
          const ids = mark.getIDs();
          const open = ids.find((id) => threads[id] && threads[id]!.resolved === null) ?? ids[0] ?? null;
          if (open && open !== review.state.activeThread) review.setActiveThread(open);
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, kind] of mutations) {
            if (kind === 'destroyed') markKeys.delete(key);
            else {
              const node = $getNodeByKey(key);
              if ($isMarkNode(node)) markKeys.set(key, node.getIDs());
            }
          }
        });
        paintMarks();
        scheduleReport();
      },
      { skipInitialization: false },
    ),
    editor.registerMutationListener(SuggestionNode, () => scheduleReport(), { skipInitialization: false }),
    ...BLOCK_CLASSES.map((klass) =>
      editor.registerMutationListener(
        klass,
        (mutations, { updateTags }) => {
          const created: string[] = [];
          editor.getEditorState().read(() => {
            for (const [key, kind] of mutations) {
              if (kind === 'destroyed') continue;
              const node = $getNodeByKey(key);
              const element = editor.getElementByKey(key);
              if (!node || !element) continue;
              const state = $getState(node, blockSuggestionState);
              paintBlock(element, state);
              if (state) scheduleReport();
              // A table row added while suggesting (toolbar, Tab in the last cell) is a suggested row.
              if (kind === 'created' && klass === TableRowNode && !state && suggesting() && !updateTags.has(HISTORIC_TAG) && !updateTags.has(COLLABORATION_TAG)) created.push(key);
            }
          });
          if (created.length > 0) {
            editor.update(
              () => {
                for (const key of created) {
                  const row = $getNodeByKey(key);
                  if (row) $setBlockSuggestion(row, { id: ctx.record('block-insert', row.getTextContent()), kind: 'block-insert' });
                }
              },
              { tag: HISTORY_MERGE_TAG },
            );
          }
        },
        { skipInitialization: false },
      ),
    ),
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // Undo and redo can bring back or take away markup without a node being created; so can
      // another person's edit, live on the team server (and Yjs's undo, which comes the same way).
      if (tags.has(HISTORIC_TAG) || tags.has(COLLABORATION_TAG)) scheduleReport();
    }),
  );
  report();
  return () => {
    clearTimeout(timer);
    unsubscribeReview();
    unsubscribeSession();
    unregister();
  };
}

function $setBlockSuggestion(node: LexicalNode, value: BlockSuggestion): void {
  $setState(node, blockSuggestionState, value);
}

function paintBlock(element: HTMLElement, state: BlockSuggestion | null): void {
  if (state) {
    element.dataset.suggestion = state.kind;
    element.dataset.suggestionId = state.id;
  } else if (element.dataset.suggestion) {
    delete element.dataset.suggestion;
    delete element.dataset.suggestionId;
  }
}

/** The PackSession behind a review part (for reading records without React). */
function reviewSession(review: ReviewPart) {
  return () => review.pack;
}

/** The markup of the live editor (walks the node map, not the JSON: much cheaper). */
function $markupOf(state: EditorState): SectionReviewMarkup {
  const markup: SectionReviewMarkup = { marks: new Map(), suggestions: new Map() };
  for (const node of state._nodeMap.values()) {
    if (!node.isAttached()) continue;
    if ($isMarkNode(node)) {
      const text = node.getTextContent();
      for (const id of node.getIDs()) markup.marks.set(id, markup.marks.has(id) ? `${markup.marks.get(id)} ${text}` : text);
    } else if ($isSuggestionNode(node)) {
      const id = node.getSuggestionId();
      const before = markup.suggestions.get(id);
      markup.suggestions.set(id, { kind: node.getKind(), text: before ? `${before.text}${node.getTextContent()}` : node.getTextContent() });
    } else if (node.getType() !== 'text' && node.getType() !== 'root' && !$isTextNode(node)) {
      const block = $getState(node, blockSuggestionState);
      if (block) markup.suggestions.set(block.id, { kind: block.kind, text: node.getTextContent() });
    }
  }
  return markup;
}

/** Put the caret on a thread's text or a suggestion, scroll it into view and focus the editor. */
function focusItem(editor: LexicalEditor, id: string): boolean {
  finishSectionLoad(editor);
  let key: string | null = null;
  editor.update(
    () => {
      const mark = $marksOf(id)[0];
      const target = mark ?? $suggestionsInOrder().find((s) => s.id === id)?.node ?? null;
      if (!target) return;
      key = target.getKey();
      target.selectStart();
    },
    { discrete: true },
  );
  if (key === null) return false;
  editor.focus();
  editor.getElementByKey(key)?.scrollIntoView({ block: 'center' });
  return true;
}

/** Next / previous suggested change from the caret, wrapping round (runs inside the command's update). */
function moveToChange(editor: LexicalEditor, forward: boolean): boolean {
  const changes = $suggestionsInOrder();
  if (changes.length === 0) return false;
  const selection = $getSelection();
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
  let next: number;
  const inside = anchor ? changes.findIndex((c) => c.node.is(anchor) || c.node.isParentOf(anchor)) : -1;
  if (inside >= 0) next = inside + (forward ? 1 : -1);
  else {
    const after = anchor ? changes.findIndex((c) => anchor.isBefore(c.node)) : 0;
    const firstAfter = after < 0 ? changes.length : after;
    next = forward ? firstAfter : firstAfter - 1;
  }
  const target = changes[(next + changes.length) % changes.length]!.node;
  const key = target.getKey();
  target.selectStart();
  setTimeout(() => editor.getElementByKey(key)?.scrollIntoView({ block: 'center' }), 0);
  return true;
}
