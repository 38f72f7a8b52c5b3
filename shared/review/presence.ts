import type { SerializedEditorStateJson, SerializedNodeJson } from '../richtext/serialized.js';
import { blockSuggestionOf } from '../richtext/blockSuggestion.js';
import { plainTextOf } from '../richtext/plainText.js';
import type { SuggestionKind } from './vocabulary.js';

/**
 * What review markup a section's stored content holds: the threads anchored in it (mark ids,
 * with the text they mark) and the suggestions still in it (with their text). A thread or
 * suggestion whose record exists but whose markup is gone is not "in" the section: a thread
 * then shows its quote; a suggestion was settled or undone.
 */
export interface SectionReviewMarkup {
  /** Thread id → the marked text (joined when the text is marked in several places). */
  marks: Map<string, string>;
  suggestions: Map<string, { kind: SuggestionKind; text: string }>;
}

const cache = new WeakMap<SerializedEditorStateJson, SectionReviewMarkup>();

/** One walk per content object (content is replaced, never changed, so identity is a key). */
export function reviewMarkupOf(state: SerializedEditorStateJson): SectionReviewMarkup {
  const known = cache.get(state);
  if (known) return known;
  const found: SectionReviewMarkup = { marks: new Map(), suggestions: new Map() };
  const textOf = (node: SerializedNodeJson) => plainTextOf({ root: { type: 'root', children: [node] } });
  const add = <V extends { text: string }>(map: Map<string, V>, id: string, value: V) => {
    const before = map.get(id);
    map.set(id, before ? { ...value, text: `${before.text} ${value.text}`.trim() } : value);
  };
  const stack: SerializedNodeJson[] = [state.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'mark' && Array.isArray(node.ids)) {
      const text = textOf(node);
      for (const id of node.ids) if (typeof id === 'string') found.marks.set(id, found.marks.has(id) ? `${found.marks.get(id)} ${text}`.trim() : text);
    } else if (node.type === 'suggestion' && typeof node.suggestionId === 'string') {
      add(found.suggestions, node.suggestionId, { kind: node.kind === 'delete' ? 'delete' : 'insert', text: textOf(node) });
    }
    const block = blockSuggestionOf(node);
    if (block) add(found.suggestions, block.id, { kind: block.kind, text: textOf(node) });
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  cache.set(state, found);
  return found;
}
