import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $getState,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  $setState,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { $createListItemNode, $isListItemNode } from '@lexical/list';
import { $createSuggestionNode, $isSuggestionNode, type SuggestionNode } from '../../shared/richtext/SuggestionNode.js';
import { blockSuggestionState, type BlockSuggestion } from '../../shared/richtext/blockSuggestion.js';
import type { SuggestionKind } from '../../shared/review/vocabulary.js';

/**
 * Suggesting mode on live Lexical nodes (Word's Track Changes, Google Docs' Suggesting): typed
 * text goes into an insertion suggestion, deleted text stays in place wrapped in a deletion
 * suggestion, a new paragraph is a whole-block insertion and an emptied one a whole-block
 * deletion. Each suggestion made gets a record through `ctx.record` (who and when).
 *
 * Like Word, the person's own suggested insertions are simply edited: deleting inside one takes
 * the text out for real, typing next to one extends it, and consecutive deletions join one
 * suggestion. Blocks are never merged or split in place, so "reject all" always gives back
 * exactly the text before: splitting a paragraph in the middle suggests deleting its tail and
 * inserting a new paragraph holding that tail.
 *
 * These functions run inside editor.update() and need no DOM (the unit tests drive them in a
 * headless editor), except word and line deletion, which ask the browser where words end.
 */
export interface SuggestContext {
  /** Make the record of a new suggestion; returns its id. */
  record(kind: SuggestionKind, text: string): string;
  /** Whether a suggestion (by id) was made by the person working now. */
  isMine(id: string): boolean;
}

// ---- Where things are ----

export function $blockOf(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = node;
  while (current && !($isElementNode(current) && !current.isInline()) ) current = current.getParent();
  return current && !$isRootOrShadowRoot(current) ? (current as ElementNode) : null;
}

export function $suggestionOf(node: LexicalNode): SuggestionNode | null {
  for (let current: LexicalNode | null = node.getParent(); current; current = current.getParent()) {
    if ($isSuggestionNode(current)) return current;
    if ($isElementNode(current) && !current.isInline()) return null;
  }
  return null;
}

export function $blockSuggestion(block: LexicalNode | null): BlockSuggestion | null {
  return block && $isElementNode(block) ? $getState(block, blockSuggestionState) : null;
}

const isOwn = (ctx: SuggestContext, node: LexicalNode | null | undefined, kind: 'insert' | 'delete'): node is SuggestionNode =>
  $isSuggestionNode(node) && node.getKind() === kind && ctx.isMine(node.getSuggestionId());

const isOwnBlockInsert = (ctx: SuggestContext, block: LexicalNode | null) => {
  const state = $blockSuggestion(block);
  return state?.kind === 'block-insert' && ctx.isMine(state.id);
};

/** Inside one of the person's own inserted suggestions or blocks: edits are plain edits there. */
function $insideOwnInsertion(ctx: SuggestContext, node: LexicalNode): boolean {
  for (let current: LexicalNode | null = node; current && !$isRootOrShadowRoot(current); current = current.getParent()) {
    if (isOwn(ctx, current, 'insert')) return true;
    if ($isSuggestionNode(current)) return false;
    if ($isElementNode(current) && !current.isInline()) return isOwnBlockInsert(ctx, current);
  }
  return false;
}

const isDeleted = (node: LexicalNode) => {
  const suggestion = $suggestionOf(node);
  return (suggestion !== null && suggestion.getKind() === 'delete') || $blockSuggestion($blockOf(node))?.kind === 'block-delete';
};

/** Text of a block that is still there once deletions are accepted. */
function liveText(block: ElementNode): string {
  return block
    .getAllTextNodes()
    .filter((t) => !isDeleted(t))
    .map((t) => t.getTextContent())
    .join('');
}

// ---- Inserting ----

interface Place {
  container: ElementNode;
  index: number;
}

/**
 * Where new inline content goes for a caret: text nodes are split at the caret, and at the
 * very edge of a comment mark, a link or a deletion the new content goes outside it (as
 * Lexical's own typing does), except into the person's own insertion, which it extends.
 */
function $placeAt(ctx: SuggestContext, selection: RangeSelection): Place | null {
  const { anchor } = selection;
  let container: ElementNode;
  let index: number;
  const node = anchor.getNode();
  if ($isTextNode(node)) {
    const size = node.getTextContentSize();
    const offset = Math.min(anchor.offset, size);
    if (offset > 0 && offset < size) {
      const [left] = node.splitText(offset);
      container = left!.getParentOrThrow();
      index = left!.getIndexWithinParent() + 1;
    } else {
      container = node.getParentOrThrow();
      index = node.getIndexWithinParent() + (offset === 0 ? 0 : 1);
    }
  } else if ($isElementNode(node)) {
    container = node;
    index = anchor.offset;
  } else return null;
  while (container.isInline() && !isOwn(ctx, container, 'insert')) {
    const atStart = index === 0;
    const atEnd = index >= container.getChildrenSize();
    const inDeletion = $isSuggestionNode(container) && container.getKind() === 'delete';
    // Nothing is typed into deleted text: new text goes beside the deletion. At the edge of a
    // mark, a link or someone else's insertion it goes outside too; in their middle it stays in.
    if (!inDeletion && !atStart && !atEnd) break;
    index = container.getIndexWithinParent() + (atStart ? 0 : 1);
    container = container.getParentOrThrow();
  }
  return { container, index };
}

function $insertAt(place: Place, node: LexicalNode): void {
  const before = place.container.getChildAtIndex(place.index - 1);
  if (before) before.insertAfter(node);
  else {
    const after = place.container.getChildAtIndex(place.index);
    if (after) after.insertBefore(node);
    else place.container.append(node);
  }
}

/** Put text at a place as plain text (inside an insertion already), joining the text before. */
function $insertPlainText(place: Place, text: string, format: number, style: string): void {
  const before = place.container.getChildAtIndex(place.index - 1);
  if ($isTextNode(before) && before.getFormat() === format && before.getStyle() === style && before.getMode() === 'normal') {
    before.spliceText(before.getTextContentSize(), 0, text, true);
    return;
  }
  const node = $createTextNode(text).setFormat(format).setStyle(style);
  $insertAt(place, node);
  node.select(text.length, text.length);
}

/** Append text at the end (or start) of an existing insertion of the person's own. */
function $extendInsertion(suggestion: SuggestionNode, atStart: boolean, text: string, format: number, style: string): void {
  $insertPlainText({ container: suggestion, index: atStart ? 0 : suggestion.getChildrenSize() }, text, format, style);
}

/** Typed (or pasted) text as a suggested insertion. */
export function $suggestInsertText(ctx: SuggestContext, text: string): void {
  let selection = $getSelection();
  if (!$isRangeSelection(selection) || text === '') return;
  if (!selection.isCollapsed()) {
    $suggestDeleteSelection(ctx, selection, 'end');
    selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
  }
  const { format, style } = selection;
  const place = $placeAt(ctx, selection);
  if (!place) return;
  if ($insideOwnInsertion(ctx, place.container) || isOwnBlockInsert(ctx, $blockOf(place.container) ?? place.container)) {
    $insertPlainText(place, text, format, style);
    return;
  }
  const before = place.container.getChildAtIndex(place.index - 1);
  const after = place.container.getChildAtIndex(place.index);
  if (isOwn(ctx, before, 'insert')) return $extendInsertion(before, false, text, format, style);
  if (isOwn(ctx, after, 'insert')) return $extendInsertion(after, true, text, format, style);
  const suggestion = $createSuggestionNode(ctx.record('insert', text), 'insert');
  const node = $createTextNode(text).setFormat(format).setStyle(style);
  suggestion.append(node);
  $insertAt(place, suggestion);
  node.select(text.length, text.length);
}

/** Shift+Enter: a suggested line break. */
export function $suggestLineBreak(ctx: SuggestContext): void {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!selection.isCollapsed()) {
    $suggestDeleteSelection(ctx, selection, 'end');
    selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
  }
  const place = $placeAt(ctx, selection);
  if (!place) return;
  const lineBreak = $createLineBreakNode();
  if ($insideOwnInsertion(ctx, place.container)) $insertAt(place, lineBreak);
  else {
    const before = place.container.getChildAtIndex(place.index - 1);
    if (isOwn(ctx, before, 'insert')) before.append(lineBreak);
    else {
      const suggestion = $createSuggestionNode(ctx.record('insert', '\n'), 'insert');
      suggestion.append(lineBreak);
      $insertAt(place, suggestion);
    }
  }
  const parent = lineBreak.getParentOrThrow();
  parent.select(lineBreak.getIndexWithinParent() + 1, lineBreak.getIndexWithinParent() + 1);
}

/** A new empty block of the same kind after (or before) `block`, suggested as an insertion. */
function $newBlockBeside(ctx: SuggestContext, block: ElementNode, where: 'after' | 'before'): ElementNode {
  const fresh = $isListItemNode(block) ? $createListItemNode() : $createParagraphNode();
  if (where === 'after') block.insertAfter(fresh);
  else block.insertBefore(fresh);
  $setState(fresh, blockSuggestionState, { id: ctx.record('block-insert', ''), kind: 'block-insert' } as BlockSuggestion);
  return fresh;
}

/** Enter: a suggested new block (at a block's end or start), or a suggested split. */
export function $suggestParagraph(ctx: SuggestContext): void {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!selection.isCollapsed()) {
    $suggestDeleteSelection(ctx, selection, 'end');
    selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
  }
  const block = $blockOf(selection.anchor.getNode());
  if (!block) return;
  const { before, after } = splitLiveText(block, selection);
  if (after === '') {
    $newBlockBeside(ctx, block, 'after').select(0, 0);
    return;
  }
  if (before === '') {
    // Enter at the start of a block: a new empty block before it; the caret stays.
    $newBlockBeside(ctx, block, 'before');
    return;
  }
  // In the middle: the tail is suggested deleted here and inserted as a new block after.
  const tail = tailPieces(block, selection);
  const caret = selection.anchor;
  const lastText = block.getAllTextNodes().at(-1);
  if (lastText && $isTextNode(caret.getNode())) {
    selection.setTextNodeRange(caret.getNode() as TextNode, caret.offset, lastText, lastText.getTextContentSize());
    $suggestDeleteSelection(ctx, selection, 'start');
  }
  const fresh = $newBlockBeside(ctx, block, 'after');
  for (const piece of tail) fresh.append($createTextNode(piece.text).setFormat(piece.format).setStyle(piece.style));
  fresh.selectStart();
}

/** The live text of a node (what stays once deletions are accepted). */
function liveTextOf(node: LexicalNode): string {
  if ($isTextNode(node)) return isDeleted(node) ? '' : node.getTextContent();
  if ($isElementNode(node)) return node.getChildren().map(liveTextOf).join('');
  return $isLineBreakNode(node) ? '\n' : '';
}

/** The live text of a block before and after the caret. */
function splitLiveText(block: ElementNode, selection: RangeSelection): { before: string; after: string } {
  const caretNode = selection.anchor.getNode();
  let before = '';
  let after = '';
  if (!$isTextNode(caretNode)) {
    if (!$isElementNode(caretNode)) return { before: liveText(block), after: '' };
    const children = caretNode.getChildren();
    before = children.slice(0, selection.anchor.offset).map(liveTextOf).join('');
    after = children.slice(selection.anchor.offset).map(liveTextOf).join('');
    // Text of the block outside the caret's element (a caret inside a link) counts too.
    if (caretNode !== block) {
      const whole = liveText(block);
      const inside = before + after;
      const at = whole.indexOf(inside);
      if (at >= 0) return { before: whole.slice(0, at) + before, after: after + whole.slice(at + inside.length) };
    }
    return { before, after };
  }
  let passed = false;
  for (const t of block.getAllTextNodes()) {
    const deleted = isDeleted(t);
    if (t === caretNode) {
      passed = true;
      if (!deleted) {
        before += t.getTextContent().slice(0, selection.anchor.offset);
        after += t.getTextContent().slice(selection.anchor.offset);
      }
      continue;
    }
    if (deleted) continue;
    if (passed) after += t.getTextContent();
    else before += t.getTextContent();
  }
  return { before, after };
}

function tailPieces(block: ElementNode, selection: RangeSelection): Array<{ text: string; format: number; style: string }> {
  const caretNode = selection.anchor.getNode();
  const out: Array<{ text: string; format: number; style: string }> = [];
  let passed = false;
  for (const t of block.getAllTextNodes()) {
    if (t === caretNode) {
      passed = true;
      const rest = t.getTextContent().slice(selection.anchor.offset);
      if (rest && !isDeleted(t)) out.push({ text: rest, format: t.getFormat(), style: t.getStyle() });
      continue;
    }
    if (passed && !isDeleted(t)) out.push({ text: t.getTextContent(), format: t.getFormat(), style: t.getStyle() });
  }
  return out;
}

// ---- Deleting ----

export type DeleteUnit = 'character' | 'word' | 'lineboundary';

/**
 * Backspace / Delete (and their word and line forms) in suggesting mode. A collapsed caret is
 * first extended over one unit, skipping text already suggested for deletion.
 */
export function $suggestDelete(ctx: SuggestContext, isBackward: boolean, unit: DeleteUnit = 'character'): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (selection.isCollapsed()) {
    const extended = unit === 'character' ? $extendOverCharacter(selection, isBackward) : (selection.modify('extend', isBackward, unit), !selection.isCollapsed());
    if (!extended) return $deleteAtBlockEdge(ctx, selection, isBackward);
  }
  $suggestDeleteSelection(ctx, selection, isBackward ? 'start' : 'end');
}

/** Extend a collapsed caret over the nearest character not already deleted, within its block. */
function $extendOverCharacter(selection: RangeSelection, isBackward: boolean): boolean {
  const caret = selection.anchor;
  const block = $blockOf(caret.getNode());
  if (!block) return false;
  const texts = block.getAllTextNodes();
  const caretNode = caret.getNode();
  let start: number;
  let offset: number;
  if ($isTextNode(caretNode)) {
    start = texts.indexOf(caretNode);
    offset = caret.offset;
  } else {
    // An element caret: the text node just before or after it.
    const child = caretNode.getChildAtIndex?.(caret.offset) ?? null;
    const next = child ? texts.findIndex((t) => t === child || (child as ElementNode).isParentOf?.(t)) : -1;
    start = next >= 0 ? next : texts.length;
    offset = 0;
    if (isBackward) {
      start = (next >= 0 ? next : texts.length) - 1;
      offset = start >= 0 ? texts[start]!.getTextContentSize() : 0;
    }
  }
  if (start < 0 || texts.length === 0) return false;
  for (let i = start; i >= 0 && i < texts.length; i += isBackward ? -1 : 1) {
    const node = texts[i]!;
    const text = node.getTextContent();
    const from = i === start ? offset : isBackward ? text.length : 0;
    if (isDeleted(node)) continue;
    if (isBackward && from > 0) {
      const width = from >= 2 && /[\uDC00-\uDFFF]/.test(text[from - 1]!) && /[\uD800-\uDBFF]/.test(text[from - 2]!) ? 2 : 1;
      anchorRange(selection, caretNode, caret.offset, node, from - width);
      return true;
    }
    if (!isBackward && from < text.length) {
      const width = /[\uD800-\uDBFF]/.test(text[from]!) && from + 1 < text.length ? 2 : 1;
      anchorRange(selection, caretNode, caret.offset, node, from + width);
      return true;
    }
  }
  return false;
}

function anchorRange(selection: RangeSelection, caretNode: LexicalNode, caretOffset: number, node: TextNode, offset: number): void {
  if ($isTextNode(caretNode)) selection.setTextNodeRange(caretNode, caretOffset, node, offset);
  else {
    selection.anchor.set(caretNode.getKey(), caretOffset, 'element');
    selection.focus.set(node.getKey(), offset, 'text');
  }
}

/** Backspace at a block's start or Delete at its end: an empty block is suggested for deletion. */
function $deleteAtBlockEdge(ctx: SuggestContext, selection: RangeSelection, isBackward: boolean): void {
  const block = $blockOf(selection.anchor.getNode());
  if (!block) return;
  const neighbour = $neighbourBlock(block, isBackward);
  // The first or last block has nowhere to go (as Word keeps the last paragraph mark).
  if (!neighbour) return;
  if (liveText(block) === '' && !block.getChildren().some((c) => $isDecoratorNode(c))) {
    const state = $blockSuggestion(block);
    if (isOwnBlockInsert(ctx, block)) {
      // The person's own new block: taken out for real.
      if (neighbour) {
        block.remove();
        if (isBackward) neighbour.selectEnd();
        else neighbour.selectStart();
      }
      return;
    }
    // Someone else's new block keeps its one suggestion (a block holds one): rejecting it is
    // how it goes; otherwise the emptied block is suggested for deletion.
    if (state === null) $setState(block, blockSuggestionState, { id: ctx.record('block-delete', ''), kind: 'block-delete' } as BlockSuggestion);
  }
  if (neighbour) {
    if (isBackward) neighbour.selectEnd();
    else neighbour.selectStart();
  }
}

/** Blocks that hold text (paragraphs, headings, list items, table cell paragraphs), in order. */
function $leafBlocks(): ElementNode[] {
  const out: ElementNode[] = [];
  const walk = (node: ElementNode) => {
    for (const child of node.getChildren()) {
      if (!$isElementNode(child) || child.isInline()) continue;
      if (child.getChildren().some((c) => $isElementNode(c) && !c.isInline())) walk(child);
      else out.push(child);
    }
  };
  walk($getRoot());
  return out;
}

/** The nearest block before or after that is not itself suggested for deletion. */
function $neighbourBlock(block: ElementNode, isBackward: boolean): ElementNode | null {
  const blocks = $leafBlocks();
  const at = blocks.indexOf(block);
  if (at < 0) return null;
  for (let i = at + (isBackward ? -1 : 1); i >= 0 && i < blocks.length; i += isBackward ? -1 : 1) {
    if ($blockSuggestion(blocks[i]!)?.kind !== 'block-delete') return blocks[i]!;
  }
  return null;
}

/**
 * A selected range suggested for deletion: its text is wrapped in deletion suggestions (joined
 * with an adjacent deletion of the person's own), their own insertions inside it are taken out,
 * and blocks lying wholly between its first and last block are suggested deleted as blocks.
 */
export function $suggestDeleteSelection(ctx: SuggestContext, selection: RangeSelection, caret: 'start' | 'end'): void {
  const startBlock = $blockOf((selection.isBackward() ? selection.focus : selection.anchor).getNode());
  const endBlock = $blockOf((selection.isBackward() ? selection.anchor : selection.focus).getNode());
  const nodes = selection.extract();
  const inline = nodes.filter((n) => $isTextNode(n) || $isLineBreakNode(n) || ($isDecoratorNode(n) && n.isInline()));
  if (inline.length === 0 && nodes.length === 0) return;
  const wholeBlocks = new Set<ElementNode>();
  for (const node of nodes) {
    const block = $isElementNode(node) && !node.isInline() ? node : null;
    if (block && block !== startBlock && block !== endBlock && !block.getChildren().some((c) => $isElementNode(c) && !c.isInline())) wholeBlocks.add(block);
  }
  for (const block of wholeBlocks) {
    if (isOwnBlockInsert(ctx, block)) block.remove();
    else if ($blockSuggestion(block)?.kind !== 'block-delete') $setState(block, blockSuggestionState, { id: ctx.record('block-delete', block.getTextContent()), kind: 'block-delete' } as BlockSuggestion);
  }

  // Where the caret goes: the edge of the range, or next to it if that text is taken out.
  const edge = caret === 'start' ? inline[0] : inline.at(-1);
  const fallback = edge ? { parent: edge.getParent(), sibling: caret === 'start' ? edge.getPreviousSibling() : edge.getNextSibling() } : null;

  for (const node of inline) {
    if (!node.isAttached()) continue;
    const block = $blockOf(node);
    if (block && wholeBlocks.has(block)) continue;
    const suggestion = $suggestionOf(node);
    if (suggestion?.getKind() === 'delete') continue;
    if ($insideOwnInsertion(ctx, node)) {
      node.remove();
      if (suggestion && suggestion.getChildrenSize() === 0) suggestion.remove();
      continue;
    }
    const before = node.getPreviousSibling();
    const after = node.getNextSibling();
    if (isOwn(ctx, before, 'delete')) before.append(node);
    else if (isOwn(ctx, after, 'delete')) after.splice(0, 0, [node]);
    else {
      const wrapper = $createSuggestionNode(ctx.record('delete', node.getTextContent()), 'delete');
      node.insertBefore(wrapper);
      wrapper.append(node);
    }
  }
  // A deletion of one's own that now touches another of one's own deletions joins it.
  if (edge?.isAttached()) {
    if ($isTextNode(edge)) {
      const size = edge.getTextContentSize();
      edge.select(caret === 'start' ? 0 : size, caret === 'start' ? 0 : size);
    } else {
      const parent = edge.getParentOrThrow();
      const index = edge.getIndexWithinParent() + (caret === 'start' ? 0 : 1);
      parent.select(index, index);
    }
  } else if (fallback?.sibling?.isAttached()) {
    const sibling = fallback.sibling;
    if ($isTextNode(sibling)) {
      const size = sibling.getTextContentSize();
      sibling.select(caret === 'start' ? size : 0, caret === 'start' ? size : 0);
    } else if ($isElementNode(sibling)) {
      if (caret === 'start') sibling.selectEnd();
      else sibling.selectStart();
    } else {
      const parent = sibling.getParentOrThrow();
      const index = sibling.getIndexWithinParent() + (caret === 'start' ? 1 : 0);
      parent.select(index, index);
    }
  } else if (fallback?.parent?.isAttached()) {
    if (caret === 'start') fallback.parent.selectStart();
    else fallback.parent.selectEnd();
  } else if (startBlock?.isAttached()) startBlock.selectEnd();
}
