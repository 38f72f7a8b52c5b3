import { rejectAll, settleContent } from '../review/settle.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../richtext/serialized.js';

/**
 * What a section says with every suggestion rejected (the review's own settleContent) and
 * comment marks taken away: the text a "suggest only" account must leave unchanged. Their
 * edits may add or remove suggestions and comment marks, but this view must stay the same.
 */
function withoutMarks(nodes: SerializedNodeJson[]): SerializedNodeJson[] {
  const out: SerializedNodeJson[] = [];
  for (const node of nodes.flatMap((n) => (n.type === 'mark' && Array.isArray(n.children) ? n.children : [n]))) {
    const copy = Array.isArray(node.children) ? { ...node, children: withoutMarks(node.children) } : node;
    const prev = out[out.length - 1];
    // Neighbouring text of one format reads as one run once the marks between them are gone.
    if (prev?.type === 'text' && copy.type === 'text' && prev.format === copy.format && prev.style === copy.style && prev.mode === copy.mode) out[out.length - 1] = { ...prev, text: `${String(prev.text)}${String(copy.text)}` };
    else out.push(copy);
  }
  return out;
}

export function textWithoutSuggestions(content: unknown): string {
  const state = content as SerializedEditorStateJson | null;
  if (!state?.root) return '';
  const settled = settleContent(state, rejectAll).state;
  return JSON.stringify(withoutMarks(settled.root.children));
}
