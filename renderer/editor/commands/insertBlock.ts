import { $createParagraphNode, $createRangeSelection, $getRoot, $getSelection, $isParagraphNode, $isRangeSelection, $isTextNode, $setSelection, type ElementNode, type LexicalNode, type PointType } from 'lexical';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $collapseToEnd, $topLevelBlock } from './selection.js';

/**
 * Insert a block (a table, a picture) as Word does, never replacing or moving anything typed:
 * a selection is first collapsed to its end; then the block goes
 * - where an empty paragraph is (the paragraph stays below it, to type into),
 * - before the current paragraph / heading / quote when the caret is at its start,
 * - after it when the caret is at its end,
 * - between its two halves when the caret is in the middle (split as Enter would; a caret
 *   inside a word moves to the end of that word first, so no word is cut in two),
 * - after the whole list or table when the caret is in one (Word cannot nest them either).
 * No empty paragraph is ever left above the block; one is added below it only when it would
 * otherwise be the last thing in the section (there must be somewhere to type after it).
 */
export function $insertBlock(block: LexicalNode): void {
  const root = $getRoot();
  const selection = $getSelection();
  let top: LexicalNode | null = null;
  let point: PointType | null = null;
  if ($isRangeSelection(selection)) {
    point = $collapseToEnd(selection).anchor;
    top = $topLevelBlock(point.getNode());
  } else if (selection) {
    const nodes = selection.getNodes();
    const last = nodes[nodes.length - 1];
    top = last ? $topLevelBlock(last) : null;
  }

  if (!top) root.append(block);
  else if (point && isTextBlock(top)) {
    const block0 = top as ElementNode;
    if (block0.getTextContentSize() === 0 && block0.getChildrenSize() === 0) block0.insertBefore(block);
    else if (textBetween(block0, 'start', point) === '') block0.insertBefore(block);
    else if (textBetween(block0, 'end', point) === '') block0.insertAfter(block);
    else {
      const split = $moveOutOfWord(point);
      const collapsed = $createRangeSelection();
      collapsed.anchor.set(split.key, split.offset, split.type);
      collapsed.focus.set(split.key, split.offset, split.type);
      if (textBetween(block0, 'end', collapsed.anchor) === '') block0.insertAfter(block);
      else {
        // insertParagraph() splits at the editor's current selection: make it this one.
        $setSelection(collapsed);
        const after = collapsed.insertParagraph();
        if (after) after.insertBefore(block);
        else block0.insertAfter(block);
      }
    }
  } else top.insertAfter(block);

  if (block.getNextSibling() === null) block.insertAfter($createParagraphNode());
}

function isTextBlock(node: LexicalNode): boolean {
  return $isParagraphNode(node) || $isHeadingNode(node) || $isQuoteNode(node);
}

/** The text between a block's start (or end) and a point inside it. */
function textBetween(block: ElementNode, edge: 'start' | 'end', point: PointType): string {
  const range = $createRangeSelection();
  const edgeOffset = edge === 'start' ? 0 : block.getChildrenSize();
  if (edge === 'start') {
    range.anchor.set(block.getKey(), edgeOffset, 'element');
    range.focus.set(point.key, point.offset, point.type);
  } else {
    range.anchor.set(point.key, point.offset, point.type);
    range.focus.set(block.getKey(), edgeOffset, 'element');
  }
  return range.getTextContent();
}

/** A caret strictly inside a word (in one text node) moves to the end of that word. */
function $moveOutOfWord(point: PointType): { key: string; offset: number; type: 'text' | 'element' } {
  const node = point.getNode();
  if (point.type !== 'text' || !$isTextNode(node)) return { key: point.key, offset: point.offset, type: point.type };
  const text = node.getTextContent();
  let offset = point.offset;
  if (offset > 0 && offset < text.length && /\S/.test(text[offset - 1]!) && /\S/.test(text[offset]!)) {
    while (offset < text.length && /\S/.test(text[offset]!)) offset++;
  }
  return { key: point.key, offset, type: 'text' };
}
