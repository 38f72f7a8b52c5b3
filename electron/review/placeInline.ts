import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * Edits of one line's inline content at offsets of its neutral text (packText.ts): split a
 * text node, wrap a range in a node (a comment mark, a suggested deletion) and insert a node
 * (a suggested insertion) at a point. Offsets skip suggested insertions (not in that text)
 * and nested lists (lines of their own), exactly as inlineText() counts.
 */
interface Leaf {
  node: SerializedNodeJson;
  parent: SerializedNodeJson[];
  start: number;
  end: number;
  /** The outermost suggestion node the leaf is in, with the array holding it. */
  suggestion: { node: SerializedNodeJson; parent: SerializedNodeJson[] } | null;
}

function leaves(children: SerializedNodeJson[], out: Leaf[] = [], at = { offset: 0 }, suggestion: Leaf['suggestion'] = null): Leaf[] {
  for (const node of children) {
    if (node.type === 'list' || (node.type === 'suggestion' && node.kind === 'insert')) continue;
    if (node.type === 'text' || node.type === 'linebreak' || node.type === 'tab') {
      const length = node.type === 'text' ? (node.text ?? '').length : 1;
      out.push({ node, parent: children, start: at.offset, end: at.offset + length, suggestion });
      at.offset += length;
    } else if (Array.isArray(node.children)) {
      leaves(node.children, out, at, suggestion ?? (node.type === 'suggestion' ? { node, parent: children } : null));
    } else {
      // A picture: no text, but a place (so a range over it wraps it too).
      out.push({ node, parent: children, start: at.offset, end: at.offset, suggestion });
    }
  }
  return out;
}

function splitAt(container: SerializedNodeJson, offset: number): void {
  const leaf = leaves(container.children ?? []).find((l) => l.node.type === 'text' && l.start < offset && offset < l.end);
  if (!leaf) return;
  const text = leaf.node.text ?? '';
  const cut = offset - leaf.start;
  const index = leaf.parent.indexOf(leaf.node);
  leaf.parent.splice(index, 1, { ...leaf.node, text: text.slice(0, cut) }, { ...leaf.node, text: text.slice(cut) });
}

/**
 * Wrap the content between two offsets: each run of neighbouring nodes (in the same parent)
 * becomes the children of one wrapper. Returns false when the range holds nothing.
 */
export function wrapRange(container: SerializedNodeJson, start: number, end: number, wrapper: (children: SerializedNodeJson[]) => SerializedNodeJson): boolean {
  if (end <= start) return false;
  container.children ??= [];
  splitAt(container, start);
  splitAt(container, end);
  const inside = leaves(container.children).filter((l) => l.start >= start && l.end <= end && !(l.end === l.start && (l.start === start || l.start === end) && l.node.type === 'text'));
  if (inside.length === 0) return false;
  // Group neighbours that share a parent, in order.
  const groups: Leaf[][] = [];
  for (const leaf of inside) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.parent === leaf.parent && leaf.parent.indexOf(leaf.node) === leaf.parent.indexOf(prev.node) + 1) last!.push(leaf);
    else groups.push([leaf]);
  }
  for (const group of groups) {
    const parent = group[0]!.parent;
    const index = parent.indexOf(group[0]!.node);
    parent.splice(index, group.length, wrapper(group.map((l) => l.node)));
  }
  return true;
}

/** Insert a node at an offset; it takes the formatting of the text before it (as typing would). */
export function insertAt(container: SerializedNodeJson, offset: number, make: (like: SerializedNodeJson | null) => SerializedNodeJson): void {
  container.children ??= [];
  splitAt(container, offset);
  const all = leaves(container.children);
  const before = [...all].reverse().find((l) => l.end === offset && l.end > l.start);
  const like = (l: Leaf) => (l.node.type === 'text' ? l.node : null);
  if (before) {
    // Never inside another suggestion (a replacement is a deletion followed by an insertion).
    const [node, parent] = before.suggestion ? [before.suggestion.node, before.suggestion.parent] : [before.node, before.parent];
    parent.splice(parent.indexOf(node) + 1, 0, make(like(before)));
    return;
  }
  const after = all.find((l) => l.start === offset);
  if (after) {
    const [node, parent] = after.suggestion ? [after.suggestion.node, after.suggestion.parent] : [after.node, after.parent];
    parent.splice(parent.indexOf(node), 0, make(like(after)));
    return;
  }
  container.children.push(make(null));
}
