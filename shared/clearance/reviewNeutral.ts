import type { SerializedNodeJson } from '../richtext/serialized.js';

/**
 * A section's content as it reads with the review markup taken away and every open suggestion
 * left unsettled: comment marks unwrapped, suggested insertions left out, suggested deletions
 * kept as plain text, suggested blocks likewise (the contract in issue 14: inline suggestion
 * nodes `{type:'suggestion', kind}`, block suggestions in the block's `$.suggestion`).
 *
 * This is "the content" a sign-off clears: adding a comment or a suggestion does not change
 * it, accepting a suggestion does. Adjacent text nodes that differ only in their text are
 * merged afterwards, because Lexical merges them itself once a mark around one is removed, so
 * the same words always give the same tree.
 */
export function reviewNeutralChildren(children: readonly SerializedNodeJson[] | undefined): SerializedNodeJson[] {
  const out: SerializedNodeJson[] = [];
  for (const node of children ?? []) {
    for (const kept of reviewNeutralNode(node)) pushMerged(out, kept);
  }
  return out;
}

/** The block kinds of a suggestion on a block (the block's NodeState `$.suggestion`). */
export function blockSuggestionOf(node: SerializedNodeJson): { id: string; kind: 'block-insert' | 'block-delete' } | null {
  const state = node.$;
  if (!state || typeof state !== 'object') return null;
  const s = (state as Record<string, unknown>).suggestion;
  if (!s || typeof s !== 'object') return null;
  const { id, kind } = s as Record<string, unknown>;
  if (typeof id !== 'string' || (kind !== 'block-insert' && kind !== 'block-delete')) return null;
  return { id, kind };
}

function reviewNeutralNode(node: SerializedNodeJson): SerializedNodeJson[] {
  if (node.type === 'mark') return reviewNeutralChildren(node.children);
  if (node.type === 'suggestion') return node.kind === 'insert' ? [] : reviewNeutralChildren(node.children);
  const block = blockSuggestionOf(node);
  if (block?.kind === 'block-insert') return [];
  const copy: SerializedNodeJson = { ...node };
  if (block) {
    const rest = { ...(node.$ as Record<string, unknown>) };
    delete rest.suggestion;
    if (Object.keys(rest).length > 0) copy.$ = rest;
    else delete copy.$;
  }
  if (Array.isArray(node.children)) copy.children = reviewNeutralChildren(node.children);
  return [copy];
}

function sameExceptText(a: SerializedNodeJson, b: SerializedNodeJson): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  return true;
}

function pushMerged(out: SerializedNodeJson[], node: SerializedNodeJson): void {
  const last = out[out.length - 1];
  if (last && last.type === 'text' && node.type === 'text' && sameExceptText(last, node)) {
    out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    return;
  }
  // An empty text node left by unwrapping says nothing.
  if (node.type === 'text' && !node.text) return;
  out.push(node);
}
