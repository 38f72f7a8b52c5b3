import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import './tableMenu.css';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $getSelection, type BaseSelection } from 'lexical';
import { $findMatchingParent } from '@lexical/utils';
import { $isTableCellNode } from '@lexical/table';
import { runEditorCommand, type EditorCommandId } from './commands/editorCommands.js';
import { $tableHeaders } from './commands/tableHeaders.js';
import { $startingSelection } from './commands/selection.js';

type Open = { x: number; y: number; selection: BaseSelection | null; headers: { row: boolean; column: boolean } };

const ITEMS: Array<{ id: EditorCommandId; label: string; check?: 'row' | 'column' } | 'separator'> = [
  { id: 'headerRow', label: 'Header row', check: 'row' },
  { id: 'headerColumn', label: 'Header column', check: 'column' },
  'separator',
  { id: 'rowAbove', label: 'Insert row above' },
  { id: 'rowBelow', label: 'Insert row below' },
  { id: 'columnLeft', label: 'Insert column left' },
  { id: 'columnRight', label: 'Insert column right' },
  'separator',
  { id: 'deleteRow', label: 'Delete row' },
  { id: 'deleteColumn', label: 'Delete column' },
];

/**
 * Right-click (or the Menu key / Shift+F10) in a table: a menu to make the first row or
 * column a header, and to add or remove rows and columns, as Word's table context menu.
 * Each item runs the same command as the toolbar (commands/editorCommands.ts). Keyboard:
 * arrows, Home, End, Enter; Escape closes and returns to the text.
 */
export function TableContextMenu() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<Open | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      if (!editor.isEditable()) return;
      const root = editor.getRootElement();
      const target = event.target instanceof Element ? event.target : null;
      const fromKeyboard = target === root;
      const anchor = window.getSelection()?.anchorNode ?? null;
      const cellElement = fromKeyboard ? (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('td, th') : target?.closest('td, th');
      if (!root || !cellElement || !root.contains(cellElement)) return;
      // One menu at a time: on a comment or a suggested change, or while suggesting (where
      // deleting a row is suggested), the review menu (renderer/review) answers instead.
      const onReview = (fromKeyboard ? cellElement : target)?.closest('[data-suggestion-id], mark') ?? root.closest('.review-suggesting');
      if (onReview || event.defaultPrevented) return;
      event.preventDefault();
      let state: Omit<Open, 'x' | 'y'> | null = null;
      editor.update(
        () => {
          $startingSelection(editor);
          // A right-click outside the selection moves the caret into the clicked cell first.
          const selected = $getSelection()?.getNodes()[0];
          const clicked = $getNearestNodeFromDOMNode(cellElement);
          const cell = clicked ? ($isTableCellNode(clicked) ? clicked : $findMatchingParent(clicked, $isTableCellNode)) : null;
          if (cell && (!selected || !$findMatchingParent(selected, (n) => n.is(cell)))) cell.selectStart();
          const headers = $tableHeaders();
          if (headers) state = { selection: $getSelection()?.clone() ?? null, headers };
        },
        { discrete: true },
      );
      if (!state) return;
      const rect = cellElement.getBoundingClientRect();
      setOpen({ ...(state as Omit<Open, 'x' | 'y'>), x: fromKeyboard ? rect.left + 8 : event.clientX, y: fromKeyboard ? rect.top + 8 : event.clientY });
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('contextmenu', onContextMenu);
      root?.addEventListener('contextmenu', onContextMenu);
    });
  }, [editor]);

  // Focus the first item; keep the menu on screen.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!open || !el) return;
    const { innerWidth, innerHeight } = window;
    const box = el.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(open.x, innerWidth - box.width - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(open.y, innerHeight - box.height - 4))}px`;
    el.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [open]);

  if (!open) return null;
  const close = () => {
    setOpen(null);
    editor.focus();
  };
  const choose = (id: EditorCommandId) => {
    runEditorCommand(editor, id, { selection: open.selection });
    close();
  };
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
      return;
    } else return;
    event.preventDefault();
    items[next]?.focus();
  };
  return createPortal(
    <div ref={menu} role="menu" aria-label="Table" className="table-menu" onKeyDown={onKeyDown}>
      {ITEMS.map((item, i) =>
        item === 'separator' ? (
          <div key={`s${i}`} role="separator" className="table-menu-separator" />
        ) : (
          <button
            key={item.id}
            type="button"
            role={item.check ? 'menuitemcheckbox' : 'menuitem'}
            aria-checked={item.check ? open.headers[item.check] : undefined}
            tabIndex={-1}
            className="table-menu-item"
            onClick={() => choose(item.id)}
          >
            <span aria-hidden="true" className="table-menu-check">{item.check && open.headers[item.check] ? '✓' : ''}</span>
            {item.label}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
