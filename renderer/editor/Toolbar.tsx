import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
  type TextFormatType,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { $readToolbarState, EMPTY_TOOLBAR_STATE, sameToolbarState, type BlockType, type ToolbarState } from './toolbarState.js';
import { LinkDialog } from './LinkDialog.js';
import { TableDialog } from './TableDialog.js';
import { AltTextDialog } from './AltTextDialog.js';
import { fitWidth, readPicture, type LoadedPicture } from './images.js';
import { runEditorCommand, type CommandInput, type EditorCommandId } from './commands/editorCommands.js';
import { $startingSelection } from './commands/selection.js';
import { icons } from './icons.js';

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = IS_APPLE ? '⌘' : 'Ctrl+';
const MOD_ARIA = IS_APPLE ? 'Meta' : 'Control';

type Dialog = { kind: 'link'; url: string; editing: boolean; askText: boolean; selection: BaseSelection | null } | { kind: 'table'; selection: BaseSelection | null } | { kind: 'image'; picture: LoadedPicture; selection: BaseSelection | null } | null;

/**
 * The formatting toolbar of one section editor. A single tab stop (roving focus): arrow
 * keys, Home and End move between controls, as the ARIA toolbar pattern describes. Buttons
 * keep the editor's selection (mousedown does not take focus) and show their pressed state
 * for the text at the cursor.
 */
export function Toolbar(props: { label: string; /** Controls of other features (review), after the formatting groups. */ extra?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [state, setState] = useState<ToolbarState>(EMPTY_TOOLBAR_STATE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(() => {
    const next = editor.getEditorState().read($readToolbarState);
    if (!sameToolbarState(stateRef.current, next)) setState(next);
  }, [editor]);

  const savedSelection = () => editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
  /** The selection the user sees now (taken from the page if Lexical has not caught up yet). */
  const currentSelection = () => {
    editor.update(() => $startingSelection(editor), { discrete: true });
    return savedSelection();
  };

  const openLinkDialog = useCallback(() => {
    // The selection as the user sees it at this key press (even straight after Shift+Arrow).
    editor.update(() => $startingSelection(editor), { discrete: true });
    const current = editor.getEditorState().read($readToolbarState);
    const collapsed = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return !$isRangeSelection(selection) || selection.isCollapsed();
    });
    setDialog({ kind: 'link', url: current.linkUrl ?? '', editing: current.linkUrl !== null, askText: collapsed && current.linkUrl === null, selection: savedSelection() });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(() => {
          const next = $readToolbarState();
          if (!sameToolbarState(stateRef.current, next)) setState(next);
        })),
        editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (refresh(), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (editor.isEditable() && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
              event.preventDefault();
              openLinkDialog();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh, openLinkDialog],
  );

  const closeDialog = () => {
    setDialog(null);
    // After the <dialog> has closed (closing hands focus back to the toolbar button), return
    // to the text with the selection as it was.
    requestAnimationFrame(() => editor.focus());
  };

  // Every edit goes through the one command list (commands/editorCommands.ts), which the
  // property test runs too.
  const run = (id: EditorCommandId, input?: CommandInput) => runEditorCommand(editor, id, input);

  const setBlockType = (type: BlockType) => {
    run(type);
    // Back to the text, where the cursor was, so typing carries on.
    if (type !== 'bullet' && type !== 'number') editor.focus();
  };

  const format = (type: TextFormatType) => run(type as EditorCommandId);
  const removeLink = () => run('removeLink');
  const clearFormatting = () => run('clearFormatting');
  const tableAction = (id: EditorCommandId) => {
    if (!run(id)) setProblem('Put the cursor in a table cell first.');
  };

  const pickPicture = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const selection = currentSelection();
    try {
      const picture = await readPicture(file);
      setDialog({ kind: 'image', picture, selection });
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };

  const inTable = state.inTable;
  return (
    <>
      <RovingToolbar label={props.label} disabled={!editable}>
        <div className="tb-group">
          <TbButton label="Undo" shortcut={`${MOD}Z`} aria={`${MOD_ARIA}+Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} icon={icons.undo} />
          <TbButton label="Redo" shortcut={IS_APPLE ? '⇧⌘Z' : 'Ctrl+Y'} aria={IS_APPLE ? 'Meta+Shift+Z' : 'Control+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} icon={icons.redo} />
        </div>
        <div className="tb-group">
          <select
            aria-label="Block type"
            className="tb-select"
            value={state.blockType === 'bullet' || state.blockType === 'number' ? 'paragraph' : state.blockType}
            onChange={(e) => setBlockType(e.target.value as BlockType)}
          >
            <option value="paragraph">Paragraph</option>
            <option value="h2">Heading 2</option>
            <option value="h3">Heading 3</option>
            <option value="h4">Heading 4</option>
            <option value="quote">Quote</option>
          </select>
        </div>
        <div className="tb-group">
          <TbButton label="Bold" shortcut={`${MOD}B`} aria={`${MOD_ARIA}+B`} pressed={state.bold} onClick={() => format('bold')} icon={<b>B</b>} />
          <TbButton label="Italic" shortcut={`${MOD}I`} aria={`${MOD_ARIA}+I`} pressed={state.italic} onClick={() => format('italic')} icon={<i>I</i>} />
          <TbButton label="Underline" shortcut={`${MOD}U`} aria={`${MOD_ARIA}+U`} pressed={state.underline} onClick={() => format('underline')} icon={<u>U</u>} />
          <TbButton label="Strikethrough" pressed={state.strikethrough} onClick={() => format('strikethrough')} icon={<s>S</s>} />
          <TbButton label="Clear formatting" onClick={clearFormatting} icon={icons.clear} />
        </div>
        <div className="tb-group">
          <TbButton label="Bulleted list" pressed={state.blockType === 'bullet'} onClick={() => setBlockType('bullet')} icon={icons.bullets} />
          <TbButton label="Numbered list" pressed={state.blockType === 'number'} onClick={() => setBlockType('number')} icon={icons.numbers} />
          <TbButton label="Outdent" shortcut="Shift+Tab" onClick={() => run('outdent')} icon={icons.outdent} />
          <TbButton label="Indent" shortcut="Tab" onClick={() => run('indent')} icon={icons.indent} />
        </div>
        <div className="tb-group">
          <TbButton label={state.linkUrl !== null ? 'Edit link' : 'Insert link'} shortcut={`${MOD}K`} aria={`${MOD_ARIA}+K`} pressed={state.linkUrl !== null} onClick={openLinkDialog} icon={icons.link} />
          <TbButton label="Remove link" disabled={state.linkUrl === null} onClick={removeLink} icon={icons.unlink} />
        </div>
        <div className="tb-group">
          <TbButton label="Insert table" onClick={() => setDialog({ kind: 'table', selection: currentSelection() })} icon={icons.table} />
          <TbButton label="Header row" disabled={!inTable} pressed={state.headerRow} onClick={() => tableAction('headerRow')} icon={icons.headerRow} />
          <TbButton label="Header column" disabled={!inTable} pressed={state.headerColumn} onClick={() => tableAction('headerColumn')} icon={icons.headerColumn} />
          <TbButton label="Insert row below" disabled={!inTable} onClick={() => tableAction('rowBelow')} icon={icons.rowAdd} />
          <TbButton label="Insert column right" disabled={!inTable} onClick={() => tableAction('columnRight')} icon={icons.columnAdd} />
          <TbButton label="Delete row" disabled={!inTable} onClick={() => tableAction('deleteRow')} icon={icons.rowDelete} />
          <TbButton label="Delete column" disabled={!inTable} onClick={() => tableAction('deleteColumn')} icon={icons.columnDelete} />
        </div>
        <div className="tb-group">
          <TbButton label="Insert picture" onClick={() => fileInput.current?.click()} icon={icons.picture} />
        </div>
        {props.extra}
      </RovingToolbar>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          void pickPicture(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {problem && (
        <p className="tb-problem" role="alert">
          {problem}{' '}
          <button type="button" className="link-button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
      {dialog?.kind === 'link' && (
        <LinkDialog
          initialUrl={dialog.url}
          editing={dialog.editing}
          askText={dialog.askText}
          onCancel={closeDialog}
          onConfirm={(url, text) => {
            // Leaves the caret just after the link, nothing selected.
            run('link', { selection: dialog.selection, url, text });
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'table' && (
        <TableDialog
          onCancel={closeDialog}
          onConfirm={(rows, columns) => {
            // After the current block (or splitting it at the caret); a selection is kept.
            run('table', { selection: dialog.selection, rows, columns });
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'image' && (
        <AltTextDialog
          title="Describe the picture"
          initial=""
          confirmLabel="Insert picture"
          preview={dialog.picture.src}
          onCancel={closeDialog}
          onConfirm={(alt) => {
            const { picture, selection } = dialog;
            const size = fitWidth(picture.width, picture.height);
            run('picture', { selection, picture: { src: picture.src, altText: alt, width: size.width, height: size.height } });
            closeDialog();
          }}
        />
      )}
    </>
  );
}

function TbButton(props: { label: string; icon: ReactNode; text?: string; shortcut?: string; aria?: string; pressed?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="tb-button"
      aria-label={props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      aria-keyshortcuts={props.aria}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      disabled={props.disabled}
      // Keep the editor's selection: a click must not move focus out of the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      <span aria-hidden="true" className="tb-icon">
        {props.icon}
      </span>
      {props.text && <span aria-hidden="true" className="tb-text">{props.text}</span>}
    </button>
  );
}

/** ARIA toolbar with roving tabindex: one Tab stop, arrows move within. */
export function RovingToolbar(props: { label: string; disabled: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef(0);
  const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)') ?? []);

  // After every render (buttons get enabled/disabled) exactly one control is tabbable.
  useLayoutEffect(() => {
    const all = items();
    if (!all.length) return;
    if (current.current >= all.length) current.current = 0;
    all.forEach((item, i) => (item.tabIndex = i === current.current ? 0 : -1));
    ref.current?.querySelectorAll<HTMLElement>('button:disabled').forEach((item) => (item.tabIndex = -1));
  });

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % all.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else return;
    event.preventDefault();
    focusItem(all, next);
  };
  const focusItem = (all: HTMLElement[], index: number) => {
    all.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
    current.current = index;
    all[index]!.focus();
  };
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={props.label}
      className="toolbar"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const all = items();
        const index = all.indexOf(e.target as HTMLElement);
        if (index >= 0 && index !== current.current) {
          current.current = index;
          all.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
        }
      }}
    >
      {/* A read-only editor keeps the toolbar visible but inert (fieldset disables every control). */}
      <fieldset className="tb-fieldset" disabled={props.disabled}>
        {props.children}
      </fieldset>
    </div>
  );
}
