import type { SerializedEditorStateJson, SerializedNodeJson } from './serialized.js';

/** Block-level node types: their text is separated from the next block by a line break. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'tablecell', 'list', 'table', 'tablerow', 'image']);

/**
 * The plain text of a serialized editor state, blocks separated by newlines. Walks the tree
 * iteratively so it works in the renderer, the exporter and the search index alike.
 */
export function plainTextOf(state: SerializedEditorStateJson): string {
  const parts: string[] = [];
  const stack: Array<SerializedNodeJson | '\n'> = [state.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'linebreak') parts.push('\n');
    else if (node.type === 'tab') parts.push('\t');
    if (BLOCK_TYPES.has(node.type)) stack.push('\n');
    const children = node.children;
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

/** Reading time at 200 words a minute, rounded up, never below one minute for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / 200));
}
