import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $isTableCellNode, $isTableSelection } from '@lexical/table';
import { $tableHeaders } from './commands/tableHeaders.js';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode } from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number';

/** What the toolbar shows for the current selection (pressed buttons, block type…). */
export interface ToolbarState {
  blockType: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  linkUrl: string | null;
  inTable: boolean;
  /** In a table: whether its first row / first column is a header. */
  headerRow: boolean;
  headerColumn: boolean;
  hasSelection: boolean;
}

export const EMPTY_TOOLBAR_STATE: ToolbarState = {
  blockType: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  linkUrl: null,
  inTable: false,
  headerRow: false,
  headerColumn: false,
  hasSelection: false,
};

/** Read inside editorState.read(): the toolbar state for the current selection. */
export function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) {
    return { ...EMPTY_TOOLBAR_STATE, inTable: $isTableSelection(selection) };
  }
  const anchor = selection.anchor.getNode();
  const top: LexicalNode =
    anchor.getKey() === 'root' ? anchor : ($findMatchingParent(anchor, (node) => { const parent = node.getParent(); return parent !== null && $isRootOrShadowRoot(parent); }) ?? anchor);
  let blockType: BlockType = 'paragraph';
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    blockType = list.getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    blockType = tag === 'h3' ? 'h3' : tag === 'h4' ? 'h4' : 'h2';
  } else if ($isQuoteNode(top)) blockType = 'quote';
  const headers = $findMatchingParent(anchor, $isTableCellNode) !== null ? $tableHeaders() : null;
  const link = $findMatchingParent(anchor, $isLinkNode) ?? (selection.isCollapsed() ? null : $findMatchingParent(selection.focus.getNode(), $isLinkNode));
  return {
    blockType,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    linkUrl: link && $isLinkNode(link) ? link.getURL() : null,
    inTable: headers !== null,
    headerRow: headers?.row ?? false,
    headerColumn: headers?.column ?? false,
    hasSelection: true,
  };
}

export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (Object.keys(a) as Array<keyof ToolbarState>).every((key) => a[key] === b[key]);
}
