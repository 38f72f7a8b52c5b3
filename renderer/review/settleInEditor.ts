import { $createParagraphNode, $getRoot, $getState, $isElementNode, $setState, type ElementNode, type LexicalNode } from 'lexical';
import { $isSuggestionNode, type SuggestionNode } from '../../shared/richtext/SuggestionNode.js';
import { blockSuggestionState } from '../../shared/richtext/blockSuggestion.js';
import type { Decide } from '../../shared/review/settle.js';

/**
 * Accept or reject suggestions in a live editor (one update, so one undo step), by the same
 * rules as shared/review/settle.ts on stored JSON: accepting an insertion keeps its text,
 * rejecting removes it; a deletion the other way round; blocks likewise, and a list or table
 * left without items or rows goes too. Returns the ids decided.
 */
const EMPTY_MEANS_GONE = new Set(['list', 'table', 'tablerow', 'mark', 'link', 'autolink']);

export function $settleInEditor(decide: Decide): string[] {
  const inline: SuggestionNode[] = [];
  const blocks: ElementNode[] = [];
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length) {
    const node = stack.pop()!;
    if ($isSuggestionNode(node)) inline.push(node);
    else if ($isElementNode(node) && !node.isInline() && $getState(node, blockSuggestionState)) blocks.push(node);
    if ($isElementNode(node)) stack.push(...node.getChildren());
  }
  const settled = new Set<string>();
  const removeWithEmptyParents = (node: LexicalNode) => {
    let parent = node.getParent();
    node.remove();
    while (parent && EMPTY_MEANS_GONE.has(parent.getType()) && parent.getChildrenSize() === 0) {
      const next: ElementNode | null = parent.getParent();
      parent.remove();
      parent = next;
    }
  };
  // Innermost first, so a suggestion inside another is decided before its container moves.
  for (const node of inline.reverse()) {
    if (!node.isAttached()) continue;
    const id = node.getSuggestionId();
    const kind = node.getKind();
    const decision = decide(id, kind);
    if (decision === null) continue;
    settled.add(id);
    if ((kind === 'insert') === (decision === 'accept')) {
      for (const child of node.getChildren()) node.insertBefore(child);
      removeWithEmptyParents(node);
    } else removeWithEmptyParents(node);
  }
  for (const block of blocks) {
    if (!block.isAttached()) continue;
    const state = $getState(block, blockSuggestionState)!;
    const decision = decide(state.id, state.kind);
    if (decision === null) continue;
    settled.add(state.id);
    if ((state.kind === 'block-insert') === (decision === 'accept')) $setState(block, blockSuggestionState, null);
    else removeWithEmptyParents(block);
  }
  const root = $getRoot();
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  return [...settled];
}

/** Every open suggestion id in the editor, in document order (for next / previous change). */
export function $suggestionsInOrder(): Array<{ id: string; node: ElementNode }> {
  const out: Array<{ id: string; node: ElementNode }> = [];
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length) {
    const node = stack.pop()!;
    if ($isSuggestionNode(node)) out.push({ id: node.getSuggestionId(), node });
    else if ($isElementNode(node) && !node.isInline()) {
      const state = $getState(node, blockSuggestionState);
      if (state) out.push({ id: state.id, node });
    }
    if ($isElementNode(node)) {
      const children = node.getChildren();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}
