import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  $createRangeSelection,
  $setSelection,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $isTableCellNode, $isTableSelection, type TableCellNode } from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $isImageNode } from '../../shared/richtext/ImageNode.js';

/**
 * Comment anchors on live nodes, with @lexical/mark: the commented text is wrapped in mark
 * nodes carrying the thread id (several marks when the text spans blocks). Typing inside a
 * mark stays inside it, typing at its edges goes outside, undo/redo and copy/paste carry it.
 */
export type CommentTarget = { anchor: 'text'; quote: string } | { anchor: 'section'; quote: string };

/** The word around a collapsed caret, selected (Word comments the word at the caret). */
function $selectWordAtCaret(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return false;
  const text = node.getTextContent();
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}'’-]/u.test(c);
  let start = selection.anchor.offset;
  let end = start;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  if (start === end) return false;
  selection.setTextNodeRange(node, start, node, end);
  return true;
}

function $wrapCell(cell: TableCellNode, id: string): string {
  const texts = cell.getAllTextNodes();
  if (texts.length === 0) return '';
  const range = $createRangeSelection();
  const last = texts.at(-1)!;
  range.setTextNodeRange(texts[0]!, 0, last, last.getTextContentSize());
  $setSelection(range);
  const quote = range.getTextContent();
  $wrapSelectionInMarkNode(range, false, id);
  return quote;
}

/**
 * Anchor a new thread at the selection: selected text, the word at the caret, a table cell (or
 * several), a picture's caption text. Pictures are blocks in our editor and cannot sit inside a
 * mark, so a picture gets a section thread quoting its alt text. Returns null when there is
 * nothing to anchor to (then the caller offers a comment on the whole section).
 */
export function $anchorComment(id: string): CommentTarget | null {
  const selection = $getSelection();
  if ($isTableSelection(selection)) {
    const cells = selection.getNodes().filter($isTableCellNode);
    const quotes = cells.map((cell) => $wrapCell(cell, id)).filter(Boolean);
    return quotes.length ? { anchor: 'text', quote: quotes.join(' | ') } : null;
  }
  if ($isNodeSelection(selection)) {
    const picture = selection.getNodes().find($isImageNode);
    return picture ? { anchor: 'section', quote: `Picture: ${picture.getAltText() || 'no description'}` } : null;
  }
  if (!$isRangeSelection(selection)) return null;
  if (selection.isCollapsed()) {
    const cell = $findMatchingParent(selection.anchor.getNode(), $isTableCellNode) as TableCellNode | null;
    if (cell) {
      const quote = $wrapCell(cell, id);
      return quote ? { anchor: 'text', quote } : null;
    }
    if (!$selectWordAtCaret()) return null;
  }
  const current = $getSelection();
  if (!$isRangeSelection(current) || current.isCollapsed()) return null;
  const quote = current.getTextContent();
  if (!quote.trim()) return null;
  $wrapSelectionInMarkNode(current, current.isBackward(), id);
  return { anchor: 'text', quote };
}

export function $marksOf(threadId: string): MarkNode[] {
  const out: MarkNode[] = [];
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length) {
    const node = stack.pop()!;
    if ($isMarkNode(node) && node.hasID(threadId)) out.push(node);
    if ($isElementNode(node)) {
      const children = (node as ElementNode).getChildren();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}

/** Take a thread's id off its marks; a mark with no thread left is unwrapped. */
export function $removeMarks(threadId: string): void {
  for (const mark of $marksOf(threadId)) {
    mark.deleteID(threadId);
    if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
  }
}
