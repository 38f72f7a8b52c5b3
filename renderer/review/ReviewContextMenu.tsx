import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getNearestNodeFromDOMNode, $getSelection, $isRangeSelection, $setState } from 'lexical';
import { $findMatchingParent } from '@lexical/utils';
import { $isTableRowNode } from '@lexical/table';
import { blockSuggestionState, type BlockSuggestion } from '../../shared/richtext/blockSuggestion.js';
import { useReview } from './ReviewContext.js';
import { ADD_COMMENT_COMMAND } from './commands.js';

interface MenuState {
  x: number;
  y: number;
  suggestionId: string | null;
  rowKey: string | null;
}

/**
 * The editor's context menu for review (right click, the Menu key or Shift+F10): comment on
 * the selection, accept or reject the change under the pointer, suggest deleting a table row.
 * It opens only where review has something to offer (a selection, a comment, a change, a
 * table); elsewhere the browser's own menu (spelling suggestions) stays.
 */
export function ReviewContextMenu() {
  const [editor] = useLexicalComposerContext();
  const review = useReview();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!review) return;
    const onContextMenu = (event: MouseEvent) => {
      // Already answered (the table menu, in a table cell outside review marks).
      if (!editor.isEditable() || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const suggestion = target?.closest<HTMLElement>('[data-suggestion-id]') ?? null;
      const inMark = target?.closest('mark') ?? null;
      const cell = target?.closest('td, th') ?? null;
      const hasSelection = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) && !selection.isCollapsed();
      });
      const keyboard = event.button !== 2 || (event.clientX === 0 && event.clientY === 0);
      if (!suggestion && !inMark && !cell && !hasSelection && !keyboard) return;
      event.preventDefault();
      let rowKey: string | null = null;
      if (cell) {
        editor.getEditorState().read(() => {
          const node = $getNearestNodeFromDOMNode(cell);
          const row = node ? $findMatchingParent(node, $isTableRowNode) : null;
          rowKey = row?.getKey() ?? null;
        });
      }
      let { clientX: x, clientY: y } = event;
      if (keyboard) {
        const rect = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : editor.getRootElement()!.getBoundingClientRect();
        x = rect.left;
        y = rect.bottom;
      }
      setMenu({ x, y, suggestionId: suggestion?.dataset.suggestionId ?? null, rowKey });
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('contextmenu', onContextMenu);
      root?.addEventListener('contextmenu', onContextMenu);
    });
  }, [editor, review]);

  useEffect(() => {
    if (menu) ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [menu]);

  if (!menu || !review) return null;
  const close = () => {
    setMenu(null);
    editor.focus();
  };
  const run = (action: () => void) => () => {
    close();
    action();
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  };
  const suggestRowDeletion = () =>
    editor.update(() => {
      const row = menu.rowKey ? $getNodeByKey(menu.rowKey) : null;
      if (!row) return;
      const id = review.recordSuggestion(review.sectionOfEditor(editor) ?? '', 'block-delete', row.getTextContent());
      $setState(row, blockSuggestionState, { id, kind: 'block-delete' } as BlockSuggestion);
    });

  return createPortal(
    <div ref={ref} className="review-context-menu" role="menu" aria-label="Review" style={{ left: Math.min(menu.x, window.innerWidth - 220), top: Math.min(menu.y, window.innerHeight - 160) }} onKeyDown={onKey} onBlur={(e) => !ref.current?.contains(e.relatedTarget as Node) && setMenu(null)}>
      <button type="button" role="menuitem" onClick={run(() => editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined))}>
        Comment <span className="muted">Ctrl+Alt+M</span>
      </button>
      {menu.suggestionId && !review.state.suggestOnly && (
        <>
          <button type="button" role="menuitem" onClick={run(() => review.settle((id) => id === menu.suggestionId, 'accept'))}>
            Accept change
          </button>
          <button type="button" role="menuitem" onClick={run(() => review.settle((id) => id === menu.suggestionId, 'reject'))}>
            Reject change
          </button>
        </>
      )}
      {menu.rowKey && review.state.mode === 'suggesting' && (
        <button type="button" role="menuitem" onClick={run(suggestRowDeletion)}>
          Suggest deleting this row
        </button>
      )}
    </div>,
    document.body,
  );
}
