import { createState } from 'lexical';

/**
 * A whole block (paragraph, heading, list item, table row) suggested for insertion or
 * deletion, kept as Lexical NodeState on the block so it needs no wrapper node and serializes
 * as `"$": { "suggestion": { "id": "…", "kind": "block-insert" | "block-delete" } }`.
 * Lexical keeps state it does not know about, so the exporter and older editors carry it
 * through unchanged.
 */
export type BlockSuggestionKind = 'block-insert' | 'block-delete';
export interface BlockSuggestion {
  id: string;
  kind: BlockSuggestionKind;
}

/** Reads the JSON value (null for none or anything malformed). */
export function parseBlockSuggestion(value: unknown): BlockSuggestion | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, kind } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || (kind !== 'block-insert' && kind !== 'block-delete')) return null;
  return { id, kind };
}

export const blockSuggestionState = createState('suggestion', {
  parse: parseBlockSuggestion,
  isEqual: (a, b) => a === b || (a !== null && b !== null && a.id === b.id && a.kind === b.kind),
});

/** The block suggestion of a serialized node, if any. */
export function blockSuggestionOf(node: { [key: string]: unknown }): BlockSuggestion | null {
  const state = node.$;
  if (typeof state !== 'object' || state === null) return null;
  return parseBlockSuggestion((state as Record<string, unknown>).suggestion);
}
