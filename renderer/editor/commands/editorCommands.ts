import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type BaseSelection,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { $setBlocksType } from '@lexical/selection';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import {
  $createTableNodeWithDimensions,
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableNode,
} from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $createImageNode } from '../../../shared/richtext/ImageNode.js';
import { $readToolbarState } from '../toolbarState.js';
import { $insertBlock } from './insertBlock.js';
import { $applyLink, $removeLink, $unlinkSelection } from './link.js';
import { $selectAfterBlock, $startingSelection } from './selection.js';
import { $toggleTableHeader } from './tableHeaders.js';

/**
 * Every editing command of the toolbar and its shortcuts, as plain functions over a Lexical
 * editor: no React, no DOM needed. The toolbar calls these, and the property test
 * (tests/property/editorCommands.ts) runs the very same functions over a headless editor with
 * the app's node set, to show that no command replaces or loses a word it should not.
 */
export interface CommandInput {
  /** The selection saved when a dialog opened; otherwise the one the user sees now. */
  selection?: BaseSelection | null;
  url?: string;
  text?: string;
  rows?: number;
  columns?: number;
  picture?: { src: string; altText: string; width: number; height: number };
}

export interface EditorCommand {
  id: EditorCommandId;
  label: string;
  /** Deleting is what it is for (delete row / column): the property test expects words to go. */
  deletes?: boolean;
  /** Runs inside editor.update(); returns false when it cannot apply here (not in a table…). */
  $run: (input: CommandInput, editor: LexicalEditor) => boolean | void;
}

const format = (type: TextFormatType) => (_: CommandInput, editor: LexicalEditor) => {
  editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
};

const blockType = (make: () => ReturnType<typeof $createParagraphNode> | ReturnType<typeof $createHeadingNode> | ReturnType<typeof $createQuoteNode>) => () => {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  $setBlocksType(selection, make);
  return true;
};

const list = (type: 'bullet' | 'number') => (_: CommandInput, editor: LexicalEditor) => {
  const current = $readToolbarState().blockType;
  editor.dispatchCommand(current === type ? REMOVE_LIST_COMMAND : type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
};

/** Table edits refuse (throw) outside a table: report that as "cannot apply here". */
const tableEdit = (edit: () => void) => () => {
  const selection = $getSelection();
  const node = selection?.getNodes()[0];
  if (!node || !$findMatchingParent(node, $isTableCellNode)) return false;
  try {
    edit();
    return true;
  } catch {
    return false;
  }
};

function $clearFormatting(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (selection.isCollapsed()) {
    selection.setFormat(0);
    selection.setStyle('');
    return true;
  }
  // extract() splits the text nodes at the selection's edges, so only the selection changes.
  for (const node of selection.extract()) {
    if ($isTextNode(node)) {
      node.setFormat(0);
      node.setStyle('');
    }
  }
  $unlinkSelection();
  return true;
}

function $insertTable(input: CommandInput): boolean {
  const table = $createTableNodeWithDimensions(input.rows ?? 3, input.columns ?? 3, { rows: true, columns: false });
  $insertBlock(table);
  // Ready to type in the first cell, as Word does.
  const first = table.getFirstDescendant();
  const cell = first ? $findMatchingParent(first, $isTableCellNode) : null;
  if (cell && $isTableCellNode(cell)) cell.selectStart();
  return $isTableNode(table) && table.isAttached();
}

function $insertPicture(input: CommandInput): boolean {
  if (!input.picture) return false;
  const image = $createImageNode(input.picture);
  $insertBlock(image);
  $selectAfterBlock(image);
  return true;
}

export const EDITOR_COMMANDS = [
  { id: 'bold', label: 'Bold', $run: format('bold') },
  { id: 'italic', label: 'Italic', $run: format('italic') },
  { id: 'underline', label: 'Underline', $run: format('underline') },
  { id: 'strikethrough', label: 'Strikethrough', $run: format('strikethrough') },
  { id: 'clearFormatting', label: 'Clear formatting', $run: $clearFormatting },
  { id: 'paragraph', label: 'Paragraph', $run: blockType(() => $createParagraphNode()) },
  { id: 'h2', label: 'Heading 2', $run: blockType(() => $createHeadingNode('h2')) },
  { id: 'h3', label: 'Heading 3', $run: blockType(() => $createHeadingNode('h3')) },
  { id: 'h4', label: 'Heading 4', $run: blockType(() => $createHeadingNode('h4')) },
  { id: 'quote', label: 'Quote', $run: blockType(() => $createQuoteNode()) },
  { id: 'bullet', label: 'Bulleted list', $run: list('bullet') },
  { id: 'number', label: 'Numbered list', $run: list('number') },
  { id: 'indent', label: 'Indent', $run: (_: CommandInput, editor: LexicalEditor) => void editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined) },
  { id: 'outdent', label: 'Outdent', $run: (_: CommandInput, editor: LexicalEditor) => void editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined) },
  { id: 'link', label: 'Insert link', $run: (input: CommandInput) => $applyLink(input.url ?? 'https://www.gov.uk/', input.text ?? input.url ?? 'link') },
  { id: 'removeLink', label: 'Remove link', $run: $removeLink },
  { id: 'table', label: 'Insert table', $run: $insertTable },
  { id: 'picture', label: 'Insert picture', $run: $insertPicture },
  { id: 'headerRow', label: 'Header row', $run: () => $toggleTableHeader('row') },
  { id: 'headerColumn', label: 'Header column', $run: () => $toggleTableHeader('column') },
  { id: 'rowAbove', label: 'Insert row above', $run: tableEdit(() => void $insertTableRowAtSelection(false)) },
  { id: 'columnLeft', label: 'Insert column left', $run: tableEdit(() => void $insertTableColumnAtSelection(false)) },
  { id: 'rowBelow', label: 'Insert row below', $run: tableEdit(() => void $insertTableRowAtSelection(true)) },
  { id: 'columnRight', label: 'Insert column right', $run: tableEdit(() => void $insertTableColumnAtSelection(true)) },
  { id: 'deleteRow', label: 'Delete row', deletes: true, $run: tableEdit(() => $deleteTableRowAtSelection()) },
  { id: 'deleteColumn', label: 'Delete column', deletes: true, $run: tableEdit(() => $deleteTableColumnAtSelection()) },
] as const satisfies ReadonlyArray<{ id: string; label: string; deletes?: boolean; $run: (input: CommandInput, editor: LexicalEditor) => boolean | void }>;

export type EditorCommandId = (typeof EDITOR_COMMANDS)[number]['id'];

const BY_ID = new Map<string, EditorCommand>(EDITOR_COMMANDS.map((c) => [c.id, c as EditorCommand]));

/**
 * Run one command as one undoable edit, starting from the selection the user sees (or the
 * one saved when its dialog opened). Synchronous (discrete), so what follows sees its result.
 * Returns false when the command could not apply (a table edit outside a table).
 */
export function runEditorCommand(editor: LexicalEditor, id: EditorCommandId, input: CommandInput = {}): boolean {
  const command = BY_ID.get(id);
  if (!command) throw new Error(`Unknown editor command ${id}`);
  let applied = true;
  editor.update(
    () => {
      $startingSelection(editor, input.selection);
      applied = command.$run(input, editor) !== false;
    },
    { discrete: true },
  );
  return applied;
}
